import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetNav, useEnvelopeName } from "~/components/budget";
import { FieldError, formReply } from "~/components/form";
import { checkSplit, ENVELOPE_CATEGORIES, MAX_ENVELOPES, MAX_POTS } from "~/domain/budget";
import { formatMoneyInput, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import {
  addEnvelope,
  addSavingsGoal,
  archiveEnvelope,
  ensurePots,
  envelopesOf,
  planGoalChoices,
  potsOf,
  setSplit,
  updateEnvelope,
  updateSavingsGoal,
} from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { formFailure, requireBudget, submissionFailure } from "~/utils/budget-access.server";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "domains", "pages.print", "plan"] };

export const shouldRevalidate = keepDataAfterFormErrors;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.edit");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const youngPersonId = access.plan.youngPersonId;
  ensurePots(youngPersonId);
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("budget.setup.title")} · ${t("app.name")}`,
      youngPersonId,
      can: access.budget,
      pots: potsOf(youngPersonId),
      envelopes: envelopesOf(youngPersonId),
      planGoals: planGoalChoices(youngPersonId),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.edit");
  const youngPersonId = access.plan.youngPersonId;
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const back = `/plan/${youngPersonId}/budget/setup`;
  switch (intent) {
    case "split": {
      const pots = potsOf(youngPersonId);
      const payload = Object.fromEntries(formData);
      const errors: Record<string, string[]> = {};
      const percents: Record<string, number> = {};
      for (const pot of pots) {
        const raw = String(formData.get(`percent_${pot.id}`) ?? "")
          .trim()
          .replace(/%$/, "");
        if (!/^\d{1,3}$/.test(raw) || Number(raw) > 100) errors[`percent_${pot.id}`] = ["budget.errors.percent"];
        else percents[pot.id] = Number(raw);
      }
      if (Object.keys(errors).length) return formFailure("split", payload, errors);
      const problem = checkSplit(Object.values(percents));
      if (problem) {
        const total = Object.values(percents).reduce((a, b) => a + b, 0);
        return formFailure("split", payload, { split: ["budget.errors.split|" + JSON.stringify({ total })] });
      }
      invariantResponse(setSplit(youngPersonId, percents), "Not found");
      return redirect(`${back}?saved=split#split`);
    }
    case "addEnvelope": {
      const submission = parseForm(formData, forms.budget.envelope);
      if (submission.status !== "success") return submissionFailure("envelope", submission);
      if (envelopesOf(youngPersonId).length >= MAX_ENVELOPES) return formFailure("envelope", submission.payload, { category: ["budget.errors.tooMany"] });
      addEnvelope(youngPersonId, { category: submission.value.category, title: submission.value.title, plannedCents: submission.value.planned });
      return redirect(`${back}?saved=envelope#envelopes`);
    }
    case "editEnvelope": {
      const submission = parseForm(formData, forms.budget.editEnvelope);
      if (submission.status !== "success") return submissionFailure(`envelope-${String(formData.get("id"))}`, submission);
      invariantResponse(
        updateEnvelope(youngPersonId, submission.value.id, { plannedCents: submission.value.planned, title: submission.value.title }),
        "Not found",
      );
      return redirect(`${back}?saved=envelope#envelopes`);
    }
    case "removeEnvelope": {
      const fields = parseFields(formData, forms.budget.id);
      invariantResponse(fields && archiveEnvelope(youngPersonId, fields.id), "Not found");
      return redirect(`${back}#envelopes`, saved("deleted"));
    }
    case "goal": {
      const submission = parseForm(formData, forms.budget.savingsGoal);
      const formId = `goal-${String(formData.get("id") ?? "new")}`;
      if (submission.status !== "success") return submissionFailure(formId, submission);
      const { id, title, target, targetDate, planGoalId } = submission.value;
      if (!id && potsOf(youngPersonId).length >= MAX_POTS) return formFailure(formId, submission.payload, { title: ["budget.errors.tooMany"] });
      const input = { title, targetCents: target, targetDate, planGoalId: planGoalId || undefined };
      const ok = id ? updateSavingsGoal(youngPersonId, id, input) : addSavingsGoal(youngPersonId, input) !== null;
      if (!ok) return formFailure(formId, submission.payload, { planGoalId: ["budget.errors.invalid"] });
      return redirect(`${back}?saved=goal#goals`);
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
}

export default function BudgetSetupPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const envelopeName = useEnvelopeName();
  const { youngPersonId, can, pots, envelopes, planGoals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const reply = (form: string) => formReply(actionData?.form === form ? actionData.result : undefined);
  const split = reply("split");
  const envelopeForm = reply("envelope");
  const potName = (p: (typeof pots)[number]) => (p.kind === "goal" ? (p.title ?? "") : t(`budget.pots.${p.kind}`));
  const saved = search.get("saved");
  return (
    <>
      <BudgetNav youngPersonId={youngPersonId} current="setup" can={can} />
      <LoaderPrintHeader />
      <h1>{t("budget.setup.title")}</h1>
      {saved && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.setup.saved")}
        </p>
      ) : null}

      <section className="card" id="split" aria-labelledby="split-heading">
        <h2 id="split-heading">{t("budget.setup.splitTitle")}</h2>
        <p className="muted">{t("budget.setup.splitIntro")}</p>
        <Form method="post" className="form" id="split-form">
          <input type="hidden" name="intent" value="split" />
          {pots.map((p) => {
            const name = `percent_${p.id}`;
            return (
              <div key={p.id} className={split.errors(name) ? "field field--invalid" : "field"}>
                <div className="split-field">
                  <label htmlFor={`split-${p.id}`}>{potName(p)} (%)</label>
                  <input
                    id={`split-${p.id}`}
                    name={name}
                    inputMode="numeric"
                    required
                    defaultValue={split.typed(name, String(p.percent))}
                    aria-invalid={split.errors(name) || split.errors("split") ? true : undefined}
                    aria-describedby={split.errors(name) ? `split-${p.id}-error` : split.errors("split") ? "split-error" : undefined}
                  />
                </div>
                <FieldError id={`split-${p.id}-error`} errors={split.errors(name)} />
              </div>
            );
          })}
          <FieldError id="split-error" errors={split.errors("split")} />
          <button type="submit" className="button button--primary">
            {t("budget.setup.saveSplit")}
          </button>
        </Form>
      </section>

      <section className="card" id="envelopes" aria-labelledby="envelopes-setup-heading">
        <h2 id="envelopes-setup-heading">{t("budget.envelopes.title")}</h2>
        <p className="muted">{t("budget.setup.envelopesIntro")}</p>
        <ul className="form envelope-setup">
          {envelopes.map((e) => {
            const formId = `envelope-${e.id}`;
            const r = reply(formId);
            return (
              <li key={e.id}>
                <Form method="post" className="row-actions" id={formId}>
                  <input type="hidden" name="intent" value="editEnvelope" />
                  <input type="hidden" name="id" value={e.id} />
                  <div className={r.errors("planned") ? "field field--invalid" : "field"}>
                    <label htmlFor={`${formId}-planned`}>{envelopeName(e)}</label>
                    <input
                      id={`${formId}-planned`}
                      name="planned"
                      inputMode="decimal"
                      required
                      defaultValue={r.typed("planned", formatMoneyInput(e.plannedCents as Cents, locale))}
                      aria-invalid={r.errors("planned") ? true : undefined}
                      aria-describedby={r.errors("planned") ? `${formId}-planned-error` : undefined}
                    />
                    <FieldError id={`${formId}-planned-error`} errors={r.errors("planned")} />
                  </div>
                  <button type="submit" className="button button--small">
                    {t("budget.setup.save")}
                  </button>
                </Form>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeEnvelope" />
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" className="button button--small" aria-label={t("budget.setup.removeLabel", { name: envelopeName(e) })}>
                    {t("budget.setup.remove")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
        <details className="fold" open={envelopeForm.posted || envelopes.length === 0 || undefined}>
          <summary>
            <h3 className="fold__title">{t("budget.setup.addEnvelope")}</h3>
          </summary>
          <Form method="post" className="form" id="envelope-add">
            <input type="hidden" name="intent" value="addEnvelope" />
            <div className={envelopeForm.errors("category") ? "field field--invalid" : "field"}>
              <label htmlFor="envelope-category">{t("budget.setup.category")}</label>
              <select
                id="envelope-category"
                name="category"
                defaultValue={envelopeForm.typed("category", "food")}
                aria-describedby={envelopeForm.errors("category") ? "envelope-category-error" : undefined}
              >
                {ENVELOPE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`budget.categories.${c}`)}
                  </option>
                ))}
              </select>
              <FieldError id="envelope-category-error" errors={envelopeForm.errors("category")} />
            </div>
            <div className={envelopeForm.errors("title") ? "field field--invalid" : "field"}>
              <label htmlFor="envelope-title">{t("budget.setup.ownTitle")}</label>
              <p id="envelope-title-hint" className="field__hint">
                {t("budget.setup.ownTitleHint")}
              </p>
              <input
                id="envelope-title"
                name="title"
                maxLength={200}
                defaultValue={envelopeForm.typed("title")}
                aria-invalid={envelopeForm.errors("title") ? true : undefined}
                aria-describedby={envelopeForm.errors("title") ? "envelope-title-hint envelope-title-error" : "envelope-title-hint"}
              />
              <FieldError id="envelope-title-error" errors={envelopeForm.errors("title")} />
            </div>
            <div className={envelopeForm.errors("planned") ? "field field--invalid" : "field"}>
              <label htmlFor="envelope-planned">{t("budget.setup.planned")}</label>
              <input
                id="envelope-planned"
                name="planned"
                inputMode="decimal"
                required
                defaultValue={envelopeForm.typed("planned")}
                aria-invalid={envelopeForm.errors("planned") ? true : undefined}
                aria-describedby={envelopeForm.errors("planned") ? "envelope-planned-error" : undefined}
              />
              <FieldError id="envelope-planned-error" errors={envelopeForm.errors("planned")} />
            </div>
            <button type="submit" className="button">
              {t("budget.setup.addEnvelopeButton")}
            </button>
          </Form>
        </details>
      </section>

      <section className="card" id="goals" aria-labelledby="goals-setup-heading">
        <h2 id="goals-setup-heading">{t("budget.goals.title")}</h2>
        <p className="muted">{t("budget.setup.goalsIntro")}</p>
        {[...pots.filter((p) => p.kind === "goal"), null].map((p) => {
          const formId = `goal-${p?.id ?? "new"}`;
          const r = reply(formId);
          // Each goal's form is folded under its name; a refused one opens, and so does "new" when there is none.
          return (
            <details key={formId} className="fold" open={r.posted || (!p && pots.every((x) => x.kind !== "goal")) || undefined}>
              <summary>
                <h3 className="fold__title">{p ? p.title : t("budget.setup.addGoal")}</h3>
              </summary>
              <Form method="post" className="form" id={formId}>
                <input type="hidden" name="intent" value="goal" />
                {p ? <input type="hidden" name="id" value={p.id} /> : null}
                <div className={r.errors("title") ? "field field--invalid" : "field"}>
                  <label htmlFor={`${formId}-title`}>{t("budget.setup.goalTitle")}</label>
                  <input
                    id={`${formId}-title`}
                    name="title"
                    maxLength={200}
                    required
                    defaultValue={r.typed("title", p?.title ?? "")}
                    aria-invalid={r.errors("title") ? true : undefined}
                    aria-describedby={r.errors("title") ? `${formId}-title-error` : undefined}
                  />
                  <FieldError id={`${formId}-title-error`} errors={r.errors("title")} />
                </div>
                <div className={r.errors("target") ? "field field--invalid" : "field"}>
                  <label htmlFor={`${formId}-target`}>{t("budget.setup.target")}</label>
                  <input
                    id={`${formId}-target`}
                    name="target"
                    inputMode="decimal"
                    required
                    defaultValue={r.typed("target", p?.targetCents ? formatMoneyInput(p.targetCents as Cents, locale) : "")}
                    aria-invalid={r.errors("target") ? true : undefined}
                    aria-describedby={r.errors("target") ? `${formId}-target-error` : undefined}
                  />
                  <FieldError id={`${formId}-target-error`} errors={r.errors("target")} />
                </div>
                <div className={r.errors("targetDate") ? "field field--invalid" : "field"}>
                  <label htmlFor={`${formId}-date`}>{t("budget.setup.targetDate")}</label>
                  <input
                    id={`${formId}-date`}
                    name="targetDate"
                    type="date"
                    min="2000-01-01"
                    max="2099-12-31"
                    defaultValue={r.typed("targetDate", p?.targetDate ?? "")}
                    aria-invalid={r.errors("targetDate") ? true : undefined}
                    aria-describedby={r.errors("targetDate") ? `${formId}-date-error` : undefined}
                  />
                  <FieldError id={`${formId}-date-error`} errors={r.errors("targetDate")} />
                </div>
                <div className={r.errors("planGoalId") ? "field field--invalid" : "field"}>
                  <label htmlFor={`${formId}-goal`}>{t("budget.setup.planGoal")}</label>
                  <select
                    id={`${formId}-goal`}
                    name="planGoalId"
                    defaultValue={r.typed("planGoalId", p?.planGoalId ?? "")}
                    aria-describedby={r.errors("planGoalId") ? `${formId}-goal-error` : undefined}
                  >
                    <option value="">{t("budget.setup.noPlanGoal")}</option>
                    {planGoals.map((g) => (
                      <option key={g.id} value={g.id}>
                        {`${t(`domains.${g.domain}.name`)}: ${g.title}`}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${formId}-goal-error`} errors={r.errors("planGoalId")} />
                </div>
                <button type="submit" className="button">
                  {p ? t("budget.setup.save") : t("budget.setup.addGoalButton")}
                </button>
                {p ? <p className="muted">{t("budget.setup.goalShare", { percent: p.percent })}</p> : null}
              </Form>
            </details>
          );
        })}
      </section>
    </>
  );
}

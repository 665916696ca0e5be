import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetNav, EnvelopeChart, MonthChart, SavingsChart, useEnvelopeName, useMoney } from "~/components/budget";
import { FieldError, formReply, useFocusFirstInvalid } from "~/components/form";
import { envelopePace, savingsProgress } from "~/domain/budget";
import { cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import { addTransaction, budgetOverview, decideRollover, deleteTransaction, restoreTransaction } from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { formFailure, requireBudget, submissionFailure } from "~/utils/budget-access.server";
import { formatDate } from "~/utils/format";
import { forms, parseFields, parseForm, transactionDateProblem } from "~/utils/forms.server";
import { invariantResponse, newFormToken, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "pages.fold", "pages.print", "plan"] };

export const shouldRevalidate = keepDataAfterFormErrors;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.view");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const overview = budgetOverview(access.plan.youngPersonId, access.today);
  const envelopes = overview.envelopes.map((e) => ({ ...e, pace: envelopePace(cents(e.plannedCents), e.rolledOver, e.spent, access.today) }));
  const goals = overview.pots
    .filter((p) => p.kind === "goal" && p.targetCents)
    .map((p) => ({ ...p, progress: savingsProgress(p.balance, cents(p.targetCents ?? 0), p.targetDate, access.today) }));
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("budget.title")} · ${t("app.name")}`,
      youngPersonId: access.plan.youngPersonId,
      isOwn: access.user.role === "youth",
      today: access.today,
      can: access.budget,
      overview: { ...overview, envelopes },
      goals,
      formToken: newFormToken(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.edit");
  const youngPersonId = access.plan.youngPersonId;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const base = `/plan/${youngPersonId}/budget`;
  if (intent === "delete" || intent === "undo") {
    const fields = parseFields(formData, forms.budget.id);
    invariantResponse(fields, "Not found");
    if (intent === "delete") {
      invariantResponse(deleteTransaction(youngPersonId, access.user.id, fields.id), "Not found");
      return redirect(`${base}?deleted=${fields.id}#recent`);
    }
    invariantResponse(restoreTransaction(youngPersonId, fields.id), "Not found");
    return redirect(`${base}?restored=1#recent`);
  }
  if (intent === "rollover") {
    const fields = parseFields(formData, forms.budget.rollover);
    invariantResponse(fields, "Not found");
    const result = decideRollover(youngPersonId, access.user.id, fields.envelopeId, access.today, fields.carry === "1");
    invariantResponse(result !== "notFound", "Not found");
    return redirect(`${base}#envelopes`, saved());
  }
  const submission = parseForm(formData, forms.budget.quickAdd);
  if (submission.status !== "success") return submissionFailure("add", submission);
  const { amount, category, on, note, clientToken } = submission.value;
  const day = on ?? access.today;
  const dateProblem = transactionDateProblem(day, access.today);
  if (dateProblem) return formFailure("add", submission.payload, { on: [dateProblem] });
  const [kind, ref] = category.split(":") as [string, string | undefined];
  const result = addTransaction(youngPersonId, access.user.id, {
    kind: kind === "income" ? "income" : "expense",
    amountCents: amount,
    envelopeId: kind === "envelope" ? ref : null,
    incomeCategory: kind === "income" ? (ref as "gift") : null,
    note,
    on: day,
    clientToken,
  });
  if (result.status === "noEnvelope") return formFailure("add", submission.payload, { category: ["budget.errors.category"] });
  return redirect(`${base}?added=${result.id}#add`);
}

/** The newest transactions shown; the rest of the recent ones are folded under "N earlier". */
const RECENT_SHOWN = 5;

export default function BudgetPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const money = useMoney();
  const envelopeName = useEnvelopeName();
  const { youngPersonId, isOwn, can, overview, goals, formToken, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const add = formReply(actionData?.form === "add" ? actionData.result : undefined);
  useFocusFirstInvalid("budget-add", actionData?.form === "add" ? actionData.result : undefined);
  const current = overview.periods[1];
  const spendPot = overview.pots.find((p) => p.kind === "spend");
  const savePot = overview.pots.find((p) => p.kind === "save");
  const names = new Map(overview.envelopes.map((e) => [e.id, envelopeName(e)]));
  const pace = overview.envelopes[0]?.pace;
  const deletedId = search.get("deleted");
  const transactionRow = (r: (typeof overview.recent)[number]) => (
    <li key={r.id} className="transaction">
      <span>
        {r.kind === "income"
          ? t(`budget.income.${r.incomeCategory ?? "other"}`)
          : r.envelopeId
            ? (names.get(r.envelopeId) ?? t("budget.add.otherExpense"))
            : t("budget.add.otherExpense")}
        {r.note ? <span className="muted"> · {r.note}</span> : null}
        <span className="muted"> · {formatDate(r.on, locale, "short")}</span>
      </span>
      <span className={r.kind === "income" ? "amount amount--income" : "amount"}>
        {r.kind === "income" ? "+" : "−"}
        {money(r.amountCents)}
      </span>
      {can.edit ? (
        <div className="row-actions transaction__actions">
          <Link
            to={`/plan/${youngPersonId}/budget/transactions/${r.id}`}
            className="button button--small"
            aria-label={t("budget.recent.editLabel", { amount: money(r.amountCents) })}
          >
            {t("budget.recent.edit")}
          </Link>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={r.id} />
            <button type="submit" className="button button--small" aria-label={t("budget.recent.deleteLabel", { amount: money(r.amountCents) })}>
              {t("budget.recent.delete")}
            </button>
          </Form>
        </div>
      ) : null}
    </li>
  );
  return (
    <>
      <BudgetNav youngPersonId={youngPersonId} current="overview" can={can} />
      <LoaderPrintHeader />
      <h1>{t(isOwn ? "budget.titleOwn" : "budget.title")}</h1>

      {deletedId && overview.lastDeleted?.id === deletedId ? (
        <div className="notice row-actions" role="status">
          <span>{t("budget.deleted", { amount: money(overview.lastDeleted.amountCents) })}</span>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="id" value={deletedId} />
            <button type="submit" className="button button--small">
              {t("budget.undo")}
            </button>
          </Form>
        </div>
      ) : null}
      {search.get("added") && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.added")}
        </p>
      ) : null}

      <section className="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">{t("budget.balance.title")}</h2>
        <ul className="money-list">
          {spendPot ? (
            <li>
              <span>{t("budget.pots.spend")}</span>
              <span className={spendPot.balance < 0 ? "amount amount--gap" : "amount"}>{money(spendPot.balance)}</span>
            </li>
          ) : null}
          {savePot ? (
            <li>
              <span>{t("budget.pots.save")}</span>
              <span className="amount">{money(savePot.balance)}</span>
            </li>
          ) : null}
          {goals.map((g) => (
            <li key={g.id}>
              <span>{g.title}</span>
              <span className="amount">{money(g.balance)}</span>
            </li>
          ))}
        </ul>
      </section>

      {can.edit ? (
        <section className="card" aria-labelledby="add-heading" id="add">
          <h2 id="add-heading">{t("budget.add.title")}</h2>
          <Form method="post" className="form" id="budget-add" preventScrollReset>
            <input type="hidden" name="clientToken" value={formToken} />
            <div className={add.errors("amount") ? "field field--invalid" : "field"}>
              <label htmlFor="budget-add-amount">{t("budget.add.amount")}</label>
              <p id="budget-add-amount-hint" className="field__hint">
                {t("budget.add.amountHint")}
              </p>
              <input
                id="budget-add-amount"
                name="amount"
                className="amount-input"
                inputMode="decimal"
                autoComplete="off"
                required
                defaultValue={add.typed("amount")}
                aria-invalid={add.errors("amount") ? true : undefined}
                aria-describedby={add.errors("amount") ? "budget-add-amount-hint budget-add-amount-error" : "budget-add-amount-hint"}
              />
              <FieldError id="budget-add-amount-error" errors={add.errors("amount")} />
            </div>
            <fieldset className="category-group" aria-describedby={add.errors("category") ? "budget-add-category-error" : undefined}>
              <legend>{t("budget.add.expenseFor")}</legend>
              <div className="category-buttons">
                {overview.envelopes.map((e) => (
                  <button key={e.id} type="submit" name="category" value={`envelope:${e.id}`} className="button">
                    {envelopeName(e)}
                  </button>
                ))}
                <button type="submit" name="category" value="none" className="button">
                  {t("budget.add.otherExpense")}
                </button>
              </div>
            </fieldset>
            <fieldset className="category-group">
              <legend>{t("budget.add.incomeFrom")}</legend>
              <div className="category-buttons">
                {(["gift", "work", "other"] as const).map((c) => (
                  <button key={c} type="submit" name="category" value={`income:${c}`} className="button">
                    {t(`budget.income.${c}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <FieldError id="budget-add-category-error" errors={add.errors("category")} />
            <details open={Boolean(add.errors("on") || add.errors("note")) || undefined}>
              <summary>{t("budget.add.more")}</summary>
              <div className="form">
                <div className={add.errors("on") ? "field field--invalid" : "field"}>
                  <label htmlFor="budget-add-on">{t("budget.add.on")}</label>
                  <input
                    id="budget-add-on"
                    name="on"
                    type="date"
                    max={today}
                    defaultValue={add.typed("on", today)}
                    aria-invalid={add.errors("on") ? true : undefined}
                    aria-describedby={add.errors("on") ? "budget-add-on-error" : undefined}
                  />
                  <FieldError id="budget-add-on-error" errors={add.errors("on")} />
                </div>
                <div className={add.errors("note") ? "field field--invalid" : "field"}>
                  <label htmlFor="budget-add-note">{t("budget.add.note")}</label>
                  <input
                    id="budget-add-note"
                    name="note"
                    maxLength={200}
                    defaultValue={add.typed("note")}
                    aria-invalid={add.errors("note") ? true : undefined}
                    aria-describedby={add.errors("note") ? "budget-add-note-error" : undefined}
                  />
                  <FieldError id="budget-add-note-error" errors={add.errors("note")} />
                </div>
              </div>
            </details>
          </Form>
        </section>
      ) : null}

      {current ? (
        <section className="card" aria-labelledby="pocket-heading">
          <h2 id="pocket-heading">{t("budget.pocket.thisPeriod")}</h2>
          <p className="big-figure">{money(current.pocketMoney.earned)}</p>
          <p className="muted">
            {current.paid
              ? t("budget.pocket.paid", { amount: money(current.paid.cents) })
              : t("budget.pocket.payOn", { date: formatDate(current.period.payOn, locale) })}
            {current.pocketMoney.unconditional ? "" : ` ${t("budget.pocket.ofPossible", { possible: money(current.pocketMoney.possible) })}`}
          </p>
          <p>
            <Link to={`/plan/${youngPersonId}/budget/pocket-money`}>{t("budget.pocket.whatEarned")}</Link>
          </p>
        </section>
      ) : null}

      {overview.rolloverDue.length && can.edit ? (
        <section className="card" aria-labelledby="rollover-heading">
          <h2 id="rollover-heading">{t("budget.rollover.title")}</h2>
          <p className="muted">{t("budget.rollover.intro")}</p>
          <ul className="money-list">
            {overview.rolloverDue.map((r) => (
              <li key={r.envelopeId}>
                <span>{t("budget.rollover.left", { name: names.get(r.envelopeId) ?? "", amount: money(r.left) })}</span>
                <div className="row-actions">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="rollover" />
                    <input type="hidden" name="envelopeId" value={r.envelopeId} />
                    <button type="submit" name="carry" value="1" className="button button--small">
                      {t("budget.rollover.carry")}
                    </button>{" "}
                    <button type="submit" name="carry" value="0" className="button button--small">
                      {t("budget.rollover.dontCarry")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="envelopes-heading" id="envelopes">
        <h2 id="envelopes-heading">{t("budget.envelopes.title")}</h2>
        {overview.envelopes.length === 0 ? (
          <p className="card empty">
            {t("budget.envelopes.none")} {can.edit ? <Link to={`/plan/${youngPersonId}/budget/setup#envelopes`}>{t("budget.envelopes.addFirst")}</Link> : null}
          </p>
        ) : (
          <div className="card">
            <EnvelopeChart
              day={pace?.day ?? 1}
              days={pace?.days ?? 30}
              envelopes={overview.envelopes.map((e) => ({
                id: e.id,
                name: envelopeName(e),
                spent: e.spent,
                available: e.pace.available,
                spentPercent: e.pace.spentPercent,
                pacePercent: e.pace.pacePercent,
                status: e.pace.status,
              }))}
            />
            <details className="fold">
              <summary>{t("pages.fold.envelopes")}</summary>
              <ul className="money-list">
                {overview.envelopes.map((e) => (
                  <li key={e.id}>
                    <span>
                      <strong>{envelopeName(e)}</strong>{" "}
                      <span className="muted">{t("budget.envelopes.pace", { day: e.pace.day, days: e.pace.days, percent: e.pace.spentPercent })}</span>
                    </span>
                    <span className={e.pace.left < 0 ? "amount amount--gap" : "amount"}>
                      {t(e.pace.left < 0 ? "budget.envelopes.over" : "budget.envelopes.left", { amount: money(Math.abs(e.pace.left)) })}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )}
      </section>

      {goals.length ? (
        <section aria-labelledby="goals-heading">
          <h2 id="goals-heading">{t("budget.goals.title")}</h2>
          <div className="card">
            <SavingsChart
              goals={goals.map((g) => ({ id: g.id, name: g.title ?? "", saved: g.balance, target: g.targetCents ?? 0, percent: g.progress.percent }))}
            />
            <ul className="money-list">
              {goals.map((g) => (
                <li key={g.id}>
                  <span>
                    <strong>{g.title}</strong>
                    {g.targetDate ? <span className="muted"> · {t("budget.goals.by", { date: formatDate(g.targetDate, locale) })}</span> : null}
                  </span>
                  <span className="muted">{g.progress.perMonthNeeded ? t("budget.goals.perMonth", { amount: money(g.progress.perMonthNeeded) }) : null}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      <details className="card fold" id="months">
        <summary>
          <h2 className="fold__title">{t("budget.months.title")}</h2>
        </summary>
        <MonthChart months={overview.months} />
      </details>

      <section aria-labelledby="recent-heading" id="recent">
        <h2 id="recent-heading">{t("budget.recent.title")}</h2>
        {overview.recent.length === 0 ? (
          <p className="card empty">{t("budget.recent.none")}</p>
        ) : (
          <>
            <ul className="card money-list">{overview.recent.slice(0, RECENT_SHOWN).map(transactionRow)}</ul>
            {overview.recent.length > RECENT_SHOWN ? (
              <details className="fold" open={overview.recent.slice(RECENT_SHOWN).some((r) => r.id === search.get("added")) || undefined}>
                <summary>{t("pages.fold.olderTransactions", { count: overview.recent.length - RECENT_SHOWN })}</summary>
                <ul className="card money-list">{overview.recent.slice(RECENT_SHOWN).map(transactionRow)}</ul>
              </details>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

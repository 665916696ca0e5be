import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetNav, useMoney } from "~/components/budget";
import { FieldError } from "~/components/form";
import { COST_KEYS, firstMonthAlone, scenarioFromBudget, type Scenario } from "~/domain/budget";
import { readScenarioForm } from "~/utils/forms.server";
import { cents, formatMoneyInput, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import { envelopesOf, organisationOf, savingsTotal, saveScenario, scenariosOf, supportCatalogue } from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { requireBudget, requireBudgetForIntent } from "~/utils/budget-access.server";
import { formatDateTime } from "~/utils/format";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "pages.print", "plan"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

function catalogueFor(youngPersonId: string) {
  const organisationId = organisationOf(youngPersonId);
  return organisationId ? supportCatalogue(organisationId) : [];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.view");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const youngPersonId = access.plan.youngPersonId;
  const catalogue = catalogueFor(youngPersonId);
  const saved = scenariosOf(youngPersonId);
  const chosen = saved.find((s) => s.id === new URL(request.url).searchParams.get("scenario")) ?? saved[0];
  const scenario: Scenario =
    chosen?.data ??
    scenarioFromBudget(
      envelopesOf(youngPersonId).map((e) => ({ category: e.category, planned: cents(e.plannedCents) })),
      savingsTotal(youngPersonId),
      catalogue,
    );
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("budget.firstMonth.title")} · ${t("app.name")}`,
      youngPersonId,
      can: access.budget,
      catalogue,
      scenario,
      scenarioTitle: chosen?.title ?? "",
      result: firstMonthAlone(scenario, catalogue),
      saved: saved.map((s) => ({ id: s.id, title: s.title, createdAt: s.createdAt, current: s.id === chosen?.id })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const INTENTS = { calculate: "budget.view", save: "budget.edit" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, intent, formData } = await requireBudgetForIntent(request, params.youngPersonId, INTENTS);
  const youngPersonId = access.plan.youngPersonId;
  const catalogue = catalogueFor(youngPersonId);
  const fields = Object.fromEntries(formData);
  const { scenario, title, errors } = readScenarioForm(fields, catalogue);
  const typed = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string" && v.length <= 200)) as Record<string, string>;
  if (!scenario) return json({ errors, typed, scenario: null, result: null }, { status: 400 });
  if (intent === "save") {
    const id = saveScenario(youngPersonId, access.user.id, title || new Date().toISOString().slice(0, 10), scenario);
    return redirect(`/plan/${youngPersonId}/budget/first-month?scenario=${id}&saved=1#result`);
  }
  return json({ errors: {} as Record<string, string[]>, typed, scenario, result: firstMonthAlone(scenario, catalogue) });
}

export default function FirstMonthPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const money = useMoney();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { youngPersonId, can, catalogue, saved } = data;
  const scenario = actionData?.scenario ?? data.scenario;
  const result = actionData?.result ?? data.result;
  const errors = actionData?.errors ?? {};
  const typed = (name: string, fallback: string) => actionData?.typed?.[name] ?? fallback;
  const amountIn = (c: number) => formatMoneyInput(c as Cents, locale);
  const used = new Map(scenario.incomes.map((i) => [i.ref, i]));
  const wage = scenario.incomes.find((i) => i.ref === "own:wage");
  const moneyInput = (name: string, label: string, value: number, hint?: string) => (
    <div className={errors[name] ? "field field--invalid" : "field"} key={name}>
      <label htmlFor={`fm-${name}`}>{label}</label>
      {hint ? (
        <p id={`fm-${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={`fm-${name}`}
        name={name}
        inputMode="decimal"
        defaultValue={typed(name, amountIn(value))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `fm-${name}-hint` : "", errors[name] ? `fm-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      <FieldError id={`fm-${name}-error`} errors={errors[name]} />
    </div>
  );
  const gap = result.monthlyBalance < 0;
  // The two long parts of the form fold (decision 027); a part with a refused field opens.
  const refused = Object.keys(errors).filter((k) => errors[k]?.length);
  const costsOpen = refused.some((k) => k.startsWith("cost_"));
  const incomeOpen = refused.some((k) => !k.startsWith("cost_") && k !== "title");
  return (
    <>
      <BudgetNav youngPersonId={youngPersonId} current="firstMonth" can={can} />
      <LoaderPrintHeader />
      <h1>{t("budget.firstMonth.title")}</h1>
      <p className="muted">{t("budget.firstMonth.intro")}</p>
      {search.get("saved") && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.firstMonth.savedNotice")}
        </p>
      ) : null}

      <section className="card" id="result" aria-labelledby="result-heading" aria-live="polite">
        <h2 id="result-heading">{t("budget.firstMonth.result")}</h2>
        <ul className="money-list">
          <li>
            <span>{t("budget.firstMonth.monthlyIncome")}</span>
            <span className="amount">{money(result.monthlyIncome)}</span>
          </li>
          <li>
            <span>{t("budget.firstMonth.costs")}</span>
            <span className="amount">{money(result.costs)}</span>
          </li>
          <li>
            <strong>{t(gap ? "budget.firstMonth.monthlyGap" : "budget.firstMonth.monthlyLeft")}</strong>
            <span className={gap ? "amount amount--gap" : "amount amount--income"}>{money(Math.abs(result.monthlyBalance))}</span>
          </li>
          <li>
            <span>{t("budget.firstMonth.oneOff")}</span>
            <span className="amount">{money(result.oneOffIncome)}</span>
          </li>
          <li>
            <span>{t("budget.firstMonth.savings")}</span>
            <span className="amount">{money(scenario.savings)}</span>
          </li>
          <li>
            <strong>{t("budget.firstMonth.firstMonthBalance")}</strong>
            <span className={result.firstMonthBalance < 0 ? "amount amount--gap" : "amount amount--income"}>{money(result.firstMonthBalance)}</span>
          </li>
        </ul>
        {gap ? (
          <>
            <h3>{t("budget.firstMonth.whatCloses")}</h3>
            <ul className="money-list">
              <li>{t("budget.firstMonth.monthsCovered", { count: result.monthsCovered ?? 0 })}</li>
              {result.toApplyFor.map((e) => (
                <li key={e.id}>
                  <span>{t(e.frequency === "monthly" ? "budget.firstMonth.applyMonthly" : "budget.firstMonth.applyOnce", { title: e.title })}</span>
                  <span className="amount">{money(e.amountCents)}</span>
                </li>
              ))}
              {result.cut ? <li>{t("budget.firstMonth.cut", { cost: t(`budget.costs.${result.cut.key}`), amount: money(result.cut.by) })}</li> : null}
            </ul>
          </>
        ) : (
          <p>{t("budget.firstMonth.noGap")}</p>
        )}
      </section>

      <Form method="post" className="form card" id="first-month-form">
        <details className="fold" open={incomeOpen || undefined}>
          <summary>
            <h2 className="fold__title">{t("budget.firstMonth.income")}</h2>
            <span className="amount">{money(result.monthlyIncome)}</span>
          </summary>
          {catalogue.length === 0 ? <p className="empty">{t("budget.firstMonth.noCatalogue")}</p> : null}
          {catalogue.map((e) => {
            const chosen = used.get(e.id);
            return (
              <fieldset key={e.id} className="field">
                <legend>{e.title}</legend>
                <label className="choice-inline">
                  <input
                    type="checkbox"
                    name={`use_${e.id}`}
                    value="1"
                    defaultChecked={actionData ? actionData.typed?.[`use_${e.id}`] === "1" : Boolean(chosen)}
                  />{" "}
                  {t(e.frequency === "monthly" ? "budget.firstMonth.includeMonthly" : "budget.firstMonth.includeOnce")}
                </label>
                {moneyInput(`amount_${e.id}`, t("budget.firstMonth.amountOf", { title: e.title }), chosen?.cents ?? e.amountCents, e.note ?? undefined)}
              </fieldset>
            );
          })}
          {moneyInput("wage", t("budget.firstMonth.wage"), wage?.cents ?? 0)}
          {moneyInput("savings", t("budget.firstMonth.savingsField"), scenario.savings)}
        </details>
        <details className="fold" open={costsOpen || undefined}>
          <summary>
            <h2 className="fold__title">{t("budget.firstMonth.costsTitle")}</h2>
            <span className="amount">{money(result.costs)}</span>
          </summary>
          {COST_KEYS.map((k) => moneyInput(`cost_${k}`, t(`budget.costs.${k}`), scenario.costs[k] ?? 0))}
        </details>
        <div className={errors.title ? "field field--invalid" : "field"}>
          <label htmlFor="fm-title">{t("budget.firstMonth.scenarioTitle")}</label>
          <input
            id="fm-title"
            name="title"
            maxLength={200}
            defaultValue={typed("title", data.scenarioTitle)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? "fm-title-error" : undefined}
          />
          <FieldError id="fm-title-error" errors={errors.title} />
        </div>
        <div className="row-actions">
          <button type="submit" name="intent" value="calculate" className="button">
            {t("budget.firstMonth.calculate")}
          </button>
          {can.edit ? (
            <button type="submit" name="intent" value="save" className="button button--primary">
              {t("budget.firstMonth.save")}
            </button>
          ) : null}
        </div>
      </Form>

      {saved.length ? (
        <section className="card" aria-labelledby="saved-heading">
          <h2 id="saved-heading">{t("budget.firstMonth.savedTitle")}</h2>
          <ul className="money-list">
            {saved.map((s) => (
              <li key={s.id}>
                <a href={`/plan/${youngPersonId}/budget/first-month?scenario=${s.id}#result`} aria-current={s.current ? "true" : undefined}>
                  {s.title}
                </a>
                <span className="muted">{formatDateTime(s.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

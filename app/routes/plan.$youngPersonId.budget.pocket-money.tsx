import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetNav, useMoney } from "~/components/budget";
import { FieldError, formReply } from "~/components/form";
import { DUTY_VALUE_KINDS, MAX_DUTIES, RHYTHMS } from "~/domain/budget";
import { formatMoneyInput, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import {
  addDuty,
  archiveDuty,
  checkDuty,
  dutiesOf,
  payPocketMoney,
  pocketMoneyPeriods,
  pocketMoneySettings,
  setPocketMoney,
  undoDutyCheck,
} from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { formFailure, requireBudget, requireBudgetForIntent, submissionFailure } from "~/utils/budget-access.server";
import { formatDate } from "~/utils/format";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { invariantResponse } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { keepDataAfterFormErrors } from "~/utils/revalidate";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "pages.print", "plan"] };

export const shouldRevalidate = keepDataAfterFormErrors;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The carer's part: seen by the carer even when the young person keeps the rest of the budget to themselves.
  const access = await requireBudget(request, params.youngPersonId, "budget.viewPocketMoney");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  const youngPersonId = access.plan.youngPersonId;
  const settings = pocketMoneySettings(youngPersonId);
  const duties = dutiesOf(youngPersonId);
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("budget.pocket.title")} · ${t("app.name")}`,
      youngPersonId,
      isOwn: access.user.role === "youth",
      today: access.today,
      can: access.budget,
      settings,
      duties,
      periods: settings ? pocketMoneyPeriods(youngPersonId, settings, duties, access.today).reverse() : [],
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Which permission each of the page's forms needs: one check per request, before anything is read. */
const INTENTS = {
  settings: "budget.setPocketMoney",
  addDuty: "budget.setPocketMoney",
  removeDuty: "budget.setPocketMoney",
  check: "budget.confirmDuties",
  undoCheck: "budget.confirmDuties",
  pay: "budget.confirmDuties",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, intent, formData } = await requireBudgetForIntent(request, params.youngPersonId, INTENTS);
  const youngPersonId = access.plan.youngPersonId;
  const back = `/plan/${youngPersonId}/budget/pocket-money`;
  switch (intent) {
    case "settings": {
      const submission = parseForm(formData, forms.budget.pocketMoney);
      if (submission.status !== "success") return submissionFailure("settings", submission);
      setPocketMoney(youngPersonId, access.user.id, { amountCents: submission.value.amount, rhythm: submission.value.rhythm, payDay: submission.value.payDay });
      return redirect(`${back}?saved=1#pocket-settings`);
    }
    case "addDuty": {
      const submission = parseForm(formData, forms.budget.duty);
      if (submission.status !== "success") return submissionFailure("duty", submission);
      if (dutiesOf(youngPersonId).length >= MAX_DUTIES) return formFailure("duty", submission.payload, { title: ["budget.errors.tooMany"] });
      addDuty(youngPersonId, access.user.id, submission.value);
      return redirect(`${back}#duties`, saved("added"));
    }
    case "removeDuty": {
      const fields = parseFields(formData, forms.budget.id);
      invariantResponse(fields && archiveDuty(youngPersonId, fields.id), "Not found");
      return redirect(`${back}#duties`, saved("deleted"));
    }
    case "check": {
      const fields = parseFields(formData, forms.budget.checkDuty);
      invariantResponse(fields, "Not found");
      const open = periodsOpen(youngPersonId, access.today);
      if (!open.includes(fields.periodStart)) return json({ form: "periods", message: "budget.errors.periodClosed" }, { status: 409 });
      const result = checkDuty(youngPersonId, access.user.id, { dutyId: fields.dutyId, periodStart: fields.periodStart, done: fields.done === "1" });
      invariantResponse(result !== "notFound", "Not found");
      if (result !== "ok")
        return json({ form: "periods", message: result === "paid" ? "budget.errors.periodPaid" : "budget.errors.alreadyAnswered" }, { status: 409 });
      return redirect(`${back}#period-${fields.periodStart}`, saved());
    }
    case "undoCheck": {
      const fields = parseFields(formData, forms.budget.undoCheck);
      invariantResponse(fields, "Not found");
      if (!undoDutyCheck(youngPersonId, fields)) return json({ form: "periods", message: "budget.errors.periodPaid" }, { status: 409 });
      return redirect(`${back}#period-${fields.periodStart}`, saved());
    }
    default: {
      const fields = parseFields(formData, forms.budget.pay);
      invariantResponse(fields, "Not found");
      const result = payPocketMoney(youngPersonId, access.user.id, fields.periodStart, access.today);
      if (result.status !== "ok") return json({ form: "periods", message: `budget.errors.pay.${result.status}` }, { status: 409 });
      return redirect(`${back}?paid=${fields.periodStart}#period-${fields.periodStart}`);
    }
  }
}

function periodsOpen(youngPersonId: string, today: string): string[] {
  const settings = pocketMoneySettings(youngPersonId);
  if (!settings) return [];
  return pocketMoneyPeriods(youngPersonId, settings, [], today).map((p) => p.period.start);
}

export default function PocketMoneyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const money = useMoney();
  const { youngPersonId, can, settings, duties, periods, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const reply = (form: string) => formReply(actionData && "result" in actionData && actionData.form === form ? actionData.result : undefined);
  const settingsForm = reply("settings");
  const dutyForm = reply("duty");
  const message = actionData && "message" in actionData ? actionData.message : null;
  const [rhythmTyped] = [settingsForm.typed("rhythm", settings?.rhythm ?? "weekly")];
  return (
    <>
      <BudgetNav youngPersonId={youngPersonId} current="pocketMoney" can={can} />
      <LoaderPrintHeader />
      <h1>{t("budget.pocket.title")}</h1>
      {search.get("saved") && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.pocket.saved")}
        </p>
      ) : null}
      {search.get("paid") && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.pocket.paidNow")}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {t(message)}
        </p>
      ) : null}

      {!settings ? <p className="card empty">{t(can.setPocketMoney ? "budget.pocket.noneAdult" : "budget.pocket.none")}</p> : null}

      {periods.map((p, index) => {
        const lines = p.pocketMoney.lines;
        const due = p.period.payOn <= today;
        return (
          <section key={p.period.start} className="card" id={`period-${p.period.start}`} aria-labelledby={`period-${p.period.start}-heading`}>
            <h2 id={`period-${p.period.start}-heading`}>
              {t(index === 0 ? "budget.pocket.current" : "budget.pocket.previous")}: {formatDate(p.period.start, locale, "short")} –{" "}
              {formatDate(p.period.end, locale, "short")}
            </h2>
            <p className="big-figure">{money(p.pocketMoney.earned)}</p>
            <p className="muted">
              {p.paid ? t("budget.pocket.paid", { amount: money(p.paid.cents) }) : t("budget.pocket.payOn", { date: formatDate(p.period.payOn, locale) })}
            </p>
            {lines.length ? (
              <ul className="duty-list" aria-label={t("budget.pocket.dutiesCaption")}>
                {lines.map((l) => {
                  const answer = p.answers[l.duty.id];
                  return (
                    <li key={l.duty.id} className="duty-list__item">
                      <span className="duty-list__line">
                        <span>{l.duty.title}</span>
                        <span className="amount">{money(l.worth)}</span>
                      </span>
                      {answer === undefined ? (
                        can.confirmDuties && !p.paid ? (
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="check" />
                            <input type="hidden" name="dutyId" value={l.duty.id} />
                            <input type="hidden" name="periodStart" value={p.period.start} />
                            <button
                              type="submit"
                              name="done"
                              value="1"
                              className="button button--small"
                              aria-label={t("budget.pocket.doneLabel", { duty: l.duty.title })}
                            >
                              {t("budget.pocket.done")}
                            </button>
                            <button
                              type="submit"
                              name="done"
                              value="0"
                              className="button button--small"
                              aria-label={t("budget.pocket.notDoneLabel", { duty: l.duty.title })}
                            >
                              {t("budget.pocket.notDone")}
                            </button>
                          </Form>
                        ) : (
                          <span className="muted">{t("budget.pocket.waiting")}</span>
                        )
                      ) : (
                        <div className="row-actions">
                          <span className={answer ? "duty-answer--done" : "duty-answer--notDone"}>
                            {t(answer ? "budget.pocket.wasDone" : "budget.pocket.wasNotDone")}
                          </span>
                          {can.confirmDuties && !p.paid ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="undoCheck" />
                              <input type="hidden" name="dutyId" value={l.duty.id} />
                              <input type="hidden" name="periodStart" value={p.period.start} />
                              <button type="submit" className="button button--small" aria-label={t("budget.pocket.changeLabel", { duty: l.duty.title })}>
                                {t("budget.pocket.change")}
                              </button>
                            </Form>
                          ) : null}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {can.confirmDuties && !p.paid && due && p.pocketMoney.earned > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="pay" />
                <input type="hidden" name="periodStart" value={p.period.start} />
                <button type="submit" className="button button--primary">
                  {t("budget.pocket.pay", { amount: money(p.pocketMoney.earned) })}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}

      {settings || can.setPocketMoney ? (
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t("budget.pocket.settings")}</h2>
          {can.setPocketMoney ? (
            <Form method="post" className="form" id="pocket-settings">
              <input type="hidden" name="intent" value="settings" />
              <div className={settingsForm.errors("amount") ? "field field--invalid" : "field"}>
                <label htmlFor="pocket-amount">{t("budget.pocket.amount")}</label>
                <input
                  id="pocket-amount"
                  name="amount"
                  inputMode="decimal"
                  required
                  defaultValue={settingsForm.typed("amount", settings ? formatMoneyInput(settings.amountCents as Cents, locale) : "")}
                  aria-invalid={settingsForm.errors("amount") ? true : undefined}
                  aria-describedby={settingsForm.errors("amount") ? "pocket-amount-error" : undefined}
                />
                <FieldError id="pocket-amount-error" errors={settingsForm.errors("amount")} />
              </div>
              <fieldset className="field">
                <legend>{t("budget.pocket.rhythm")}</legend>
                {RHYTHMS.map((r) => (
                  <label key={r} className="choice-inline">
                    <input type="radio" name="rhythm" value={r} defaultChecked={rhythmTyped === r} /> {t(`budget.rhythm.${r}`)}
                  </label>
                ))}
              </fieldset>
              <div className={settingsForm.errors("payDay") ? "field field--invalid" : "field"}>
                <label htmlFor="pocket-payday">{t("budget.pocket.payDay")}</label>
                <p id="pocket-payday-hint" className="field__hint">
                  {t("budget.pocket.payDayHint")}
                </p>
                <input
                  id="pocket-payday"
                  name="payDay"
                  inputMode="numeric"
                  required
                  defaultValue={settingsForm.typed("payDay", settings ? String(settings.payDay) : "5")}
                  aria-invalid={settingsForm.errors("payDay") ? true : undefined}
                  aria-describedby={settingsForm.errors("payDay") ? "pocket-payday-hint pocket-payday-error" : "pocket-payday-hint"}
                />
                <FieldError id="pocket-payday-error" errors={settingsForm.errors("payDay")} />
              </div>
              <button type="submit" className="button button--primary">
                {t("budget.pocket.saveSettings")}
              </button>
            </Form>
          ) : settings ? (
            <p>
              {t(`budget.pocket.summary.${settings.rhythm}`, {
                amount: money(settings.amountCents),
                day: settings.rhythm === "weekly" ? t(`budget.weekdays.${settings.payDay}`) : settings.payDay,
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      {settings ? (
        <section className="card" id="duties" aria-labelledby="duties-heading">
          <h2 id="duties-heading">{t("budget.duties.title")}</h2>
          <p className="muted">{t("budget.duties.intro")}</p>
          {duties.length === 0 ? <p className="empty">{t("budget.duties.none")}</p> : null}
          <ul className="money-list">
            {duties.map((d) => (
              <li key={d.id}>
                <span>{d.title}</span>
                <div className="row-actions">
                  <span className="amount">{d.valueKind === "share" ? `${d.value}%` : money(d.value)}</span>
                  {can.setPocketMoney ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="removeDuty" />
                      <input type="hidden" name="id" value={d.id} />
                      <button type="submit" className="button button--small" aria-label={t("budget.duties.removeLabel", { duty: d.title })}>
                        {t("budget.duties.remove")}
                      </button>
                    </Form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {can.setPocketMoney ? (
            <Form method="post" className="form" id="duty-add">
              <h3>{t("budget.duties.add")}</h3>
              <input type="hidden" name="intent" value="addDuty" />
              <div className={dutyForm.errors("title") ? "field field--invalid" : "field"}>
                <label htmlFor="duty-title">{t("budget.duties.dutyTitle")}</label>
                <input
                  id="duty-title"
                  name="title"
                  maxLength={200}
                  required
                  defaultValue={dutyForm.typed("title")}
                  aria-invalid={dutyForm.errors("title") ? true : undefined}
                  aria-describedby={dutyForm.errors("title") ? "duty-title-error" : undefined}
                />
                <FieldError id="duty-title-error" errors={dutyForm.errors("title")} />
              </div>
              <fieldset className="field">
                <legend>{t("budget.duties.valueKind")}</legend>
                {DUTY_VALUE_KINDS.map((k) => (
                  <label key={k} className="choice-inline">
                    <input type="radio" name="valueKind" value={k} defaultChecked={dutyForm.typed("valueKind", "share") === k} />{" "}
                    {t(`budget.duties.kinds.${k}`)}
                  </label>
                ))}
              </fieldset>
              <div className={dutyForm.errors("value") ? "field field--invalid" : "field"}>
                <label htmlFor="duty-value">{t("budget.duties.value")}</label>
                <p id="duty-value-hint" className="field__hint">
                  {t("budget.duties.valueHint")}
                </p>
                <input
                  id="duty-value"
                  name="value"
                  inputMode="decimal"
                  required
                  defaultValue={dutyForm.typed("value")}
                  aria-invalid={dutyForm.errors("value") ? true : undefined}
                  aria-describedby={dutyForm.errors("value") ? "duty-value-hint duty-value-error" : "duty-value-hint"}
                />
                <FieldError id="duty-value-error" errors={dutyForm.errors("value")} />
              </div>
              <button type="submit" className="button">
                {t("budget.duties.addButton")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

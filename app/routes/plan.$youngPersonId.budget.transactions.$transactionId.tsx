import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetNav, useEnvelopeName } from "~/components/budget";
import { FieldError, formReply } from "~/components/form";
import { formatMoneyInput, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import { envelopesOf, findTransaction, updateTransaction } from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { formFailure, requireBudget, submissionFailure } from "~/utils/budget-access.server";
import { forms, parseForm, transactionDateProblem } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved } from "~/utils/flash.server";
import { LoaderPrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "pages.print", "plan"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.edit");
  const transaction = findTransaction(access.plan.youngPersonId, params.transactionId ?? "");
  invariantResponse(transaction && !transaction.deletedAt, "Not found");
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json(
    {
      printed: printedFor(access.plan.youngPersonId, access.today),
      title: `${t("budget.edit.title")} · ${t("app.name")}`,
      youngPersonId: access.plan.youngPersonId,
      can: access.budget,
      today: access.today,
      transaction: {
        id: transaction.id,
        kind: transaction.kind,
        amountCents: transaction.amountCents,
        envelopeId: transaction.envelopeId,
        note: transaction.note,
        on: transaction.on,
        isPocketMoney: Boolean(transaction.periodStart),
      },
      envelopes: envelopesOf(access.plan.youngPersonId),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireBudget(request, params.youngPersonId, "budget.edit");
  const submission = parseForm(await readFormData(request), forms.budget.editTransaction);
  if (submission.status !== "success") return submissionFailure("edit", submission);
  const problem = transactionDateProblem(submission.value.on, access.today);
  if (problem) return formFailure("edit", submission.payload, { on: [problem] });
  const result = updateTransaction(access.plan.youngPersonId, params.transactionId ?? "", {
    amountCents: submission.value.amount,
    envelopeId: submission.value.envelopeId || null,
    note: submission.value.note,
    on: submission.value.on,
  });
  invariantResponse(result !== "notFound", "Not found");
  if (result === "noEnvelope") return formFailure("edit", submission.payload, { envelopeId: ["budget.errors.category"] });
  return redirect(`/plan/${access.plan.youngPersonId}/budget#recent`, saved());
}

export default function EditTransactionPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const envelopeName = useEnvelopeName();
  const { youngPersonId, can, transaction, envelopes, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = formReply(actionData?.form === "edit" ? actionData.result : undefined);
  return (
    <>
      <BudgetNav youngPersonId={youngPersonId} current="" can={can} />
      <LoaderPrintHeader />
      <h1>{t(transaction.kind === "income" ? "budget.edit.titleIncome" : "budget.edit.title")}</h1>
      <Form method="post" className="form card" id="edit-transaction">
        <div className={r.errors("amount") ? "field field--invalid" : "field"}>
          <label htmlFor="edit-amount">{t("budget.add.amount")}</label>
          {transaction.isPocketMoney ? (
            <p id="edit-amount-hint" className="field__hint">
              {t("budget.edit.pocketMoneyFixed")}
            </p>
          ) : null}
          <input
            id="edit-amount"
            name="amount"
            inputMode="decimal"
            required
            readOnly={transaction.isPocketMoney}
            className="amount-input"
            defaultValue={r.typed("amount", formatMoneyInput(transaction.amountCents as Cents, locale))}
            aria-invalid={r.errors("amount") ? true : undefined}
            aria-describedby={
              [transaction.isPocketMoney ? "edit-amount-hint" : "", r.errors("amount") ? "edit-amount-error" : ""].filter(Boolean).join(" ") || undefined
            }
          />
          <FieldError id="edit-amount-error" errors={r.errors("amount")} />
        </div>
        {transaction.kind === "expense" ? (
          <div className={r.errors("envelopeId") ? "field field--invalid" : "field"}>
            <label htmlFor="edit-envelope">{t("budget.edit.envelope")}</label>
            <select
              id="edit-envelope"
              name="envelopeId"
              defaultValue={r.typed("envelopeId", transaction.envelopeId ?? "")}
              aria-describedby={r.errors("envelopeId") ? "edit-envelope-error" : undefined}
            >
              <option value="">{t("budget.add.otherExpense")}</option>
              {envelopes.map((e) => (
                <option key={e.id} value={e.id}>
                  {envelopeName(e)}
                </option>
              ))}
            </select>
            <FieldError id="edit-envelope-error" errors={r.errors("envelopeId")} />
          </div>
        ) : null}
        <div className={r.errors("on") ? "field field--invalid" : "field"}>
          <label htmlFor="edit-on">{t("budget.add.on")}</label>
          <input
            id="edit-on"
            name="on"
            type="date"
            required
            max={today}
            defaultValue={r.typed("on", transaction.on)}
            aria-invalid={r.errors("on") ? true : undefined}
            aria-describedby={r.errors("on") ? "edit-on-error" : undefined}
          />
          <FieldError id="edit-on-error" errors={r.errors("on")} />
        </div>
        <div className={r.errors("note") ? "field field--invalid" : "field"}>
          <label htmlFor="edit-note">{t("budget.add.note")}</label>
          <input
            id="edit-note"
            name="note"
            maxLength={200}
            defaultValue={r.typed("note", transaction.note ?? "")}
            aria-invalid={r.errors("note") ? true : undefined}
            aria-describedby={r.errors("note") ? "edit-note-error" : undefined}
          />
          <FieldError id="edit-note-error" errors={r.errors("note")} />
        </div>
        <div className="row-actions">
          <button type="submit" className="button button--primary">
            {t("budget.setup.save")}
          </button>
          <Link to={`/plan/${youngPersonId}/budget#recent`}>{t("budget.edit.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

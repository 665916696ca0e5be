import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMoney } from "~/components/budget-lines";
import { FieldError, formReply } from "~/components/form";
import { SUPPORT_FREQUENCIES, SUPPORT_KINDS } from "~/domain/budget";
import { formatMoneyInput, type Cents } from "~/domain/money";
import type { Locale } from "~/domain/vocabulary";
import { archiveSupportEntry, saveSupportEntry, supportCatalogue, type SupportRow } from "~/models/budget.server";
import budgetStyles from "~/styles/budget.css";
import { requireUser } from "~/utils/auth.server";
import { requireOrganisationAccess } from "~/utils/authz.server";
import { submissionFailure } from "~/utils/budget-access.server";
import { forms, parseFields, parseForm } from "~/utils/forms.server";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["budget", "plan"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: budgetStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSupport");
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({ title: `${t("budget.support.title")} · ${t("app.name")}`, entries: supportCatalogue(user.organisationId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.manageSupport");
  const formData = await readFormData(request);
  if (formData.get("intent") === "remove") {
    const fields = parseFields(formData, forms.budget.id);
    invariantResponse(fields && archiveSupportEntry(user.organisationId, fields.id), "Not found");
    return redirect("/organisation/support?saved=1");
  }
  const formId = `support-${String(formData.get("id") || "new")}`;
  const submission = parseForm(formData, forms.budget.supportEntry);
  if (submission.status !== "success") return submissionFailure(formId, submission);
  const { amount, ...rest } = submission.value;
  invariantResponse(saveSupportEntry(user.organisationId, { ...rest, amountCents: amount }), "Not found");
  return redirect(`/organisation/support?saved=1#${formId}`);
}

function EntryForm({ entry }: { entry: SupportRow | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const actionData = useActionData<typeof action>();
  const formId = `support-${entry?.id ?? "new"}`;
  const r = formReply(actionData?.form === formId ? actionData.result : undefined);
  const field = (name: string) => ({
    id: `${formId}-${name}`,
    name,
    "aria-invalid": r.errors(name) ? (true as const) : undefined,
    "aria-describedby": r.errors(name) ? `${formId}-${name}-error` : undefined,
  });
  return (
    <Form method="post" className="form" id={formId}>
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <div className={r.errors("title") ? "field field--invalid" : "field"}>
        <label htmlFor={`${formId}-title`}>{t("budget.support.entryTitle")}</label>
        <input {...field("title")} maxLength={200} required defaultValue={r.typed("title", entry?.title ?? "")} />
        <FieldError id={`${formId}-title-error`} errors={r.errors("title")} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-kind`}>{t("budget.support.kind")}</label>
        <select {...field("kind")} defaultValue={r.typed("kind", entry?.kind ?? "other")}>
          {SUPPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`budget.support.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={r.errors("amount") ? "field field--invalid" : "field"}>
        <label htmlFor={`${formId}-amount`}>{t("budget.support.amount")}</label>
        <input
          {...field("amount")}
          inputMode="decimal"
          required
          defaultValue={r.typed("amount", entry ? formatMoneyInput(entry.amountCents as Cents, locale) : "")}
        />
        <FieldError id={`${formId}-amount-error`} errors={r.errors("amount")} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-frequency`}>{t("budget.support.frequency")}</label>
        <select {...field("frequency")} defaultValue={r.typed("frequency", entry?.frequency ?? "once")}>
          {SUPPORT_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`budget.support.frequencies.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={r.errors("note") ? "field field--invalid" : "field"}>
        <label htmlFor={`${formId}-note`}>{t("budget.support.note")}</label>
        <textarea {...field("note")} rows={3} maxLength={2000} defaultValue={r.typed("note", entry?.note ?? "")} />
        <FieldError id={`${formId}-note-error`} errors={r.errors("note")} />
      </div>
      <button type="submit" className="button button--primary">
        {entry ? t("budget.setup.save") : t("budget.support.add")}
      </button>
    </Form>
  );
}

export default function SupportCataloguePage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { entries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <>
      <h1>{t("budget.support.title")}</h1>
      <p className="muted">{t("budget.support.intro")}</p>
      {search.get("saved") && !actionData ? (
        <p className="notice notice--success" role="status">
          {t("budget.support.saved")}
        </p>
      ) : null}
      {entries.map((e) => (
        <section key={e.id} className="card" aria-labelledby={`entry-${e.id}`}>
          <h2 id={`entry-${e.id}`}>
            {e.title}: {money(e.amountCents)} <span className="muted">({t(`budget.support.frequencies.${e.frequency}`)})</span>
          </h2>
          {e.note ? <p className="muted">{e.note}</p> : null}
          <details open={actionData?.form === `support-${e.id}` || undefined}>
            <summary>{t("budget.support.change")}</summary>
            <EntryForm entry={e} />
          </details>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="id" value={e.id} />
            <button type="submit" className="button button--small" aria-label={t("budget.support.removeLabel", { title: e.title })}>
              {t("budget.setup.remove")}
            </button>
          </Form>
        </section>
      ))}
      <section className="card" aria-labelledby="support-add">
        <h2 id="support-add">{t("budget.support.addTitle")}</h2>
        <EntryForm entry={null} />
      </section>
    </>
  );
}

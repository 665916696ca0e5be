import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrintHeader } from "~/components/print";
import { printedFor } from "~/models/print.server";
import { FieldError } from "~/components/form";
import { DOCUMENT_HELP_LINKS, documentChecklist, shownStatus, type ChecklistEntry } from "~/domain/documents";
import { DOCUMENT_STATUSES, type Locale } from "~/domain/vocabulary";
import { planDocumentRows, saveDocument } from "~/models/documents.server";
import { formatDate } from "~/utils/format";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import { forms, parseForm } from "~/utils/forms.server";
import { requirePlan } from "~/utils/plan-access.server";
import type { TranslationHandle } from "~/utils/i18n";
import { saved as flashSaved } from "~/utils/flash.server";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["documents", "domains", "pages.print", "plan"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.view", { sections: ["documents", "legal"] });
  const t = getFixedT(resolveLocale(request, access.user.locale));
  return json({
    title: `${t("documents.title")} · ${t("app.name")}`,
    youngPersonId: access.plan.youngPersonId,
    printed: printedFor(access.plan.youngPersonId, access.today),
    entries: documentChecklist(planDocumentRows(access.plan.id), access.today),
    canEdit: access.permissions.edit,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requirePlan(request, params.youngPersonId, "plan.edit", { sections: ["documents", "legal"] });
  const submission = parseForm(await readFormData(request), forms.document);
  if (submission.status !== "success") {
    const formId = /^[A-Za-z0-9_-]{1,80}$/.test(String(submission.payload.formId)) ? String(submission.payload.formId) : "";
    return json({ formId, result: submission.reply() }, { status: 400 });
  }
  const saved = saveDocument(access.plan.id, access.user.id, submission.value);
  invariantResponse(saved, "Not found");
  return redirect(`/plan/${access.plan.youngPersonId}/documents#${submission.value.formId}`, flashSaved());
}

function DocumentForm({ entry, formId }: { entry: ChecklistEntry | null; formId: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.formId === formId ? actionData.result : undefined;
  const errors = mine?.error ?? {};
  const values = (mine?.initialValue ?? {}) as Record<string, string | undefined>;
  const kind = entry?.kind ?? "other";
  const needsLabel = kind === "other" || kind === "education_certificate";
  return (
    <Form method="post" className="form document-form" id={formId} preventScrollReset>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="kind" value={kind} />
      {entry?.id ? <input type="hidden" name="id" value={entry.id} /> : null}
      {needsLabel ? (
        <div className={errors.label ? "field field--invalid" : "field"}>
          <label htmlFor={`${formId}-label`}>{t("documents.label")}</label>
          <input
            id={`${formId}-label`}
            name="label"
            type="text"
            maxLength={200}
            defaultValue={values.label ?? entry?.label ?? ""}
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={errors.label ? `${formId}-label-error` : undefined}
          />
          <FieldError id={`${formId}-label-error`} errors={errors.label ?? undefined} />
        </div>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${formId}-status`}>{t("documents.status")}</label>
          <select id={`${formId}-status`} name="status" defaultValue={values.status ?? entry?.status ?? "missing"}>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`documents.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={errors.expiresOn ? "field field--invalid" : "field"}>
          <label htmlFor={`${formId}-expiresOn`}>{t("documents.expiresOn")}</label>
          <input
            id={`${formId}-expiresOn`}
            name="expiresOn"
            type="date"
            min="2000-01-01"
            max="2099-12-31"
            defaultValue={values.expiresOn ?? entry?.expiresOn ?? ""}
            aria-invalid={errors.expiresOn ? true : undefined}
            aria-describedby={errors.expiresOn ? `${formId}-expiresOn-error` : undefined}
          />
          <FieldError id={`${formId}-expiresOn-error`} errors={errors.expiresOn ?? undefined} />
        </div>
      </div>
      <button type="submit" className="button">
        {entry ? t("documents.save") : t("documents.add")}
      </button>
    </Form>
  );
}

export default function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const { youngPersonId, entries, canEdit, printed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = i18n.language as Locale;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/plan/${youngPersonId}`}>{t("plan.backToPlan")}</Link> › <Link to={`/plan/${youngPersonId}/legal`}>{t("domains.legal.name")}</Link>
      </p>
      <h1>{t("documents.title")}</h1>
      <PrintHeader printed={printed} />
      <p className="muted">{t("documents.intro")}</p>
      <ul className="document-list">
        {entries.map((entry, index) => {
          const formId = `doc-${entry.id ?? entry.kind}`;
          const shown = shownStatus(entry);
          const link = DOCUMENT_HELP_LINKS[entry.kind];
          return (
            <li key={entry.id ?? `${entry.kind}-${index}`} className={`card document document--${shown}`}>
              <h2 className="document__title">
                {t(`documents.kinds.${entry.kind}`)}
                {entry.label ? `: ${entry.label}` : ""}
              </h2>
              <p>
                <span className={`status status--doc-${shown}`}>{t(`documents.statuses.${shown}`)}</span>
                {entry.expiresOn && entry.status !== "not_needed" ? (
                  <span className={entry.expiry === "ok" ? "muted" : "overdue"}>
                    {" "}
                    · {t(entry.expiry === "expired" ? "documents.expired" : "documents.validUntil", { date: formatDate(entry.expiresOn, locale) })}
                  </span>
                ) : null}
              </p>
              {entry.kind !== "other" && entry.status !== "not_needed" ? (
                <p className="document__help">
                  {t(`documents.help.${entry.kind}`)}
                  {link ? (
                    <>
                      {" "}
                      <a href={link.url} rel="noopener noreferrer" target="_blank">
                        {link.place}
                      </a>
                    </>
                  ) : null}
                </p>
              ) : null}
              {canEdit && (shown === "unmarked" || shown === "missing") ? (
                <Form method="post" className="document__not-needed no-print" preventScrollReset>
                  <input type="hidden" name="formId" value={formId} />
                  <input type="hidden" name="kind" value={entry.kind} />
                  {entry.id ? <input type="hidden" name="id" value={entry.id} /> : null}
                  {entry.label ? <input type="hidden" name="label" value={entry.label} /> : null}
                  <input type="hidden" name="status" value="not_needed" />
                  <button type="submit" className="button button--quiet">
                    {t("documents.notNeeded")}
                  </button>
                </Form>
              ) : null}
              {canEdit ? (
                <details className="no-print" open={entry.expiry === "expired" || entry.expiry === "soon" || actionData?.formId === formId ? true : undefined}>
                  <summary>{t("documents.change")}</summary>
                  <DocumentForm entry={entry} formId={formId} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <section aria-labelledby="add-document" className="card no-print">
          <h2 id="add-document">{t("documents.addOther")}</h2>
          <DocumentForm entry={null} formId="doc-new" />
        </section>
      ) : null}
    </>
  );
}

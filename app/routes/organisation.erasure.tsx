/**
 * Erasure and anonymisation for the team lead: the retention period, the closed records and when each
 * may be erased, and the kept log of what was erased and why (docs/decisions/011-audit-export-erasure.md).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { todayInRiga } from "~/domain/dates";
import { parseErasure, parseRetentionMonths, RETENTION_MONTHS } from "~/domain/retention";
import type { Locale } from "~/domain/vocabulary";
import { closedRecords, eraseRecord, erasureLog, recordCounts, retentionMonths, setRetentionMonths } from "~/models/erasure.server";
import { requireUser } from "~/utils/auth.server";
import { actorOf, requireCaseAccess, requireOrganisationAccess } from "~/utils/authz.server";
import { today } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { readFormData } from "~/utils/http.server";
import { getFixedT, resolveLocale } from "~/utils/i18n.server";
import type { TranslationHandle } from "~/utils/i18n";

/** The translations this page uses in the browser (app/utils/i18n.ts). */
export const handle: TranslationHandle = { i18n: ["keys"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Tilts" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The list names closed records: only a lead, who sees every record of the organisation.
  requireOrganisationAccess(user, "organisation.viewAllCases");
  const t = getFixedT(resolveLocale(request, user.locale));
  return json({
    title: `${t("keys.erase.title")} · ${t("app.name")}`,
    retentionMonths: retentionMonths(user.organisationId),
    records: closedRecords(user.organisationId, today()),
    erased: erasureLog(user.organisationId),
    counts: recordCounts(user.organisationId),
  });
}

type Reply = { formId: string; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireOrganisationAccess(user, "organisation.viewAllCases");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, 2000) : "";
  };
  if (intent === "retention") {
    requireOrganisationAccess(user, "organisation.manageSettings");
    const months = parseRetentionMonths(text("months"));
    if (months === null) {
      return json<Reply>({ formId: "retention", errors: { months: "keys.erase.errors.retentionRange" }, values: { months: text("months") } }, { status: 400 });
    }
    setRetentionMonths(user.organisationId, months);
    return redirect("/organisation/erasure?saved=1");
  }
  if (intent === "erase") {
    const youngPersonId = text("youngPersonId");
    // The record's own action: another organisation's record, or an id that does not exist, is a 404.
    requireCaseAccess(user, youngPersonId, "record.erase");
    const values = { mode: text("mode"), reason: text("reason") };
    const parsed = parseErasure(values);
    if ("problems" in parsed) {
      const errors = Object.fromEntries(parsed.problems.map((p) => [p, `keys.erase.errors.${p}`]));
      return json<Reply>({ formId: youngPersonId, errors, values }, { status: 400 });
    }
    const result = eraseRecord(youngPersonId, actorOf(user), parsed.value, today());
    if (!result) throw new Response("Not found", { status: 404 });
    if (!result.ok) {
      const { refusal } = result;
      const errors = { record: refusal.error === "open" ? "keys.erase.errors.open" : "keys.erase.errors.retention" };
      return json<Reply & { endsOn?: string }>(
        { formId: youngPersonId, errors, values, endsOn: refusal.error === "retention" ? refusal.endsOn : undefined },
        { status: 400 },
      );
    }
    return redirect("/organisation/erasure?erased=1");
  }
  throw new Response("Bad request", { status: 400 });
}

function ErrorText({ id, error, values }: { id: string; error: string | undefined; values?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      {t(error, values)}
    </p>
  );
}

export default function ErasurePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { retentionMonths: months, records, erased, counts } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as (Reply & { endsOn?: string }) | undefined;
  const [params] = useSearchParams();
  const mine = (formId: string) => (reply?.formId === formId ? reply : null);
  const retention = mine("retention");
  return (
    <>
      <h1>{t("keys.erase.title")}</h1>
      <p className="muted">{t("keys.erase.intro")}</p>
      {params.get("erased") && !reply ? (
        <p className="notice notice--success" role="status">
          {t("keys.erase.done")}
        </p>
      ) : null}

      <Form method="post" className="form card" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t("keys.erase.retention", { months })}</h2>
        <input type="hidden" name="intent" value="retention" />
        <div className={retention?.errors.months ? "field field--invalid" : "field"}>
          <label htmlFor="retention-months">{t("keys.erase.retentionLabel")}</label>
          <input
            id="retention-months"
            name="months"
            type="number"
            inputMode="numeric"
            min={RETENTION_MONTHS.min}
            max={RETENTION_MONTHS.max}
            defaultValue={retention?.values.months ?? String(months)}
            aria-invalid={retention?.errors.months ? true : undefined}
            aria-describedby={retention?.errors.months ? "retention-months-error" : undefined}
          />
          <ErrorText id="retention-months-error" error={retention?.errors.months} />
        </div>
        <button type="submit" className="button">
          {t("keys.erase.saveRetention")}
        </button>
      </Form>

      <section aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">{t("keys.erase.candidates")}</h2>
        {records.length === 0 ? <p className="muted">{t("keys.erase.noCandidates")}</p> : null}
        <ul className="card-list">
          {records.map((r) => {
            const own = mine(r.id);
            return (
              <li key={r.id} className="card">
                <h3>{r.displayName}</h3>
                <p className="muted">
                  {t("keys.erase.closedOn", { date: formatDate(r.closedOn, locale) })}
                  {r.mayErase ? null : <> · {t("keys.erase.errors.retention", { date: formatDate(r.retentionEndsOn, locale) })}</>}
                </p>
                <ErrorText id={`record-${r.id}-error`} error={own?.errors.record} values={{ date: own?.endsOn ? formatDate(own.endsOn, locale) : "" }} />
                <Form method="post" className="form">
                  <input type="hidden" name="intent" value="erase" />
                  <input type="hidden" name="youngPersonId" value={r.id} />
                  <fieldset
                    className={own?.errors.mode ? "field field--invalid" : "field"}
                    aria-describedby={own?.errors.mode ? `mode-${r.id}-error` : undefined}
                  >
                    <legend>{t("keys.erase.mode")}</legend>
                    <label className="choice__option">
                      <input type="radio" name="mode" value="erase" defaultChecked={(own?.values.mode ?? "erase") === "erase"} /> {t("keys.erase.modeErase")}
                    </label>
                    <label className="choice__option">
                      <input type="radio" name="mode" value="anonymise" defaultChecked={own?.values.mode === "anonymise"} /> {t("keys.erase.modeAnonymise")}
                    </label>
                    <ErrorText id={`mode-${r.id}-error`} error={own?.errors.mode} />
                  </fieldset>
                  <div className={own?.errors.reason ? "field field--invalid" : "field"}>
                    <label htmlFor={`reason-${r.id}`}>{t("keys.erase.reason")}</label>
                    <textarea
                      id={`reason-${r.id}`}
                      name="reason"
                      rows={3}
                      maxLength={500}
                      defaultValue={own?.values.reason ?? ""}
                      aria-invalid={own?.errors.reason ? true : undefined}
                      aria-describedby={own?.errors.reason ? `reason-${r.id}-error` : undefined}
                    />
                    <ErrorText id={`reason-${r.id}-error`} error={own?.errors.reason} />
                  </div>
                  <button type="submit" className="button button--primary">
                    {t("keys.erase.submit")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="erased-heading">
        <h2 id="erased-heading">{t("keys.erase.erased")}</h2>
        <p className="muted">{t("keys.erase.counted", { total: counts.total })}</p>
        {erased.length === 0 ? (
          <p className="muted">{t("keys.export.none")}</p>
        ) : (
          <ul className="receipts">
            {erased.map((e) => (
              <li key={e.id}>
                {t("keys.erase.erasedEntry", {
                  date: formatDate(todayInRiga(new Date(e.createdAt)), locale),
                  mode: t(e.mode === "erase" ? "keys.erase.modeErase" : "keys.erase.modeAnonymise"),
                  reason: e.reason,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * The help requests on the mentor's and the lead's homes and the notifications: their own file, so those
 * pages do not carry the help page's form (decision 030). `./help` re-exports them.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDateTime } from "~/utils/format";

/** On the mentor's dashboard: "what <name> asked help with", the requests sent to this mentor. */
export function MentorHelpAsked({
  name,
  youngPersonId,
  requests,
}: {
  name: string;
  youngPersonId: string;
  requests: ReadonlyArray<{ id: string; message: string; status: string; createdAt: number }>;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (requests.length === 0) return null;
  return (
    <div className="help-asked">
      <h3>{t("help.mentorHeading", { name })}</h3>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            <Link to={`/plan/${youngPersonId}/help#request-${r.id}`}>{r.message.length > 120 ? `${r.message.slice(0, 119)}…` : r.message}</Link>
            <span className="muted">
              {" "}
              · {formatDateTime(r.createdAt, locale)} · {t(`help.status.${r.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Requests waiting for this person: on the lead's home (they reached the lead because the specialist had
 * left) and on the specialist's and mentor's notifications page.
 */
export function LeadHelpList({
  requests,
  heading = "help.leadHeading",
}: {
  requests: ReadonlyArray<{ id: string; youngPersonId: string; displayName: string; status: string; createdAt: number }>;
  heading?: "help.leadHeading" | "help.waitingHeading";
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="lead-help-heading" className="card card--urgent">
      <h2 id="lead-help-heading">{t(heading, { count: requests.length })}</h2>
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.id}>
            <Link to={`/plan/${r.youngPersonId}/help#request-${r.id}`}>{r.displayName}</Link>{" "}
            <span className="muted">
              {formatDateTime(r.createdAt, locale)} · {t(`help.status.${r.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

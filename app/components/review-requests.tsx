/** "Ask for a review" waiting for the specialist (decision 025); its own file, so the notifications page loads only these strings. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

/** The notifications page: young people who asked for a review that is not scheduled yet. */
export function ReviewRequestsWaiting({
  requests,
}: {
  requests: ReadonlyArray<{ id: string; youngPersonId: string; displayName: string; requestedOn: string }>;
}) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const date = (on: string) => formatDate(on, i18n.language as Locale);
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="review-requests-heading" className="card">
      <h2 id="review-requests-heading">{t("reviews.waiting.heading")}</h2>
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.id}>
            <Link to={`/plan/${r.youngPersonId}/reviews#schedule`}>{r.displayName}</Link>{" "}
            <span className="muted">· {t("reviews.waiting.askedOn", { date: date(r.requestedOn) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

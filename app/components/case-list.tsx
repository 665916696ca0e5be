/** Young people as cards (phones: mentor, carer) or as a table (laptops: specialist, lead). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewOverdueFlag, type DueView } from "./review-cards";
import type { RhythmState } from "~/domain/mentoring";
import type { Locale } from "~/domain/vocabulary";
import type { CaseCard } from "~/models/young-people.server";
import { formatDate } from "~/utils/format";
import { RhythmFlag } from "./mentoring-flags";
import { PhaseBadge, PhaseLine, useCountdownText } from "./phase";

export function CaseCards({ cases, showSpecialist = false }: { cases: CaseCard[]; showSpecialist?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="case-cards">
      {cases.map((c) => (
        <li key={c.id} className="card case-card">
          <h2 className="case-card__name">
            <Link to={`/plan/${c.id}`}>{c.displayName}</Link>
          </h2>
          <PhaseLine summary={c.summary} />
          {showSpecialist ? (
            <p className="muted">
              {t("case.specialist")}: {c.specialist?.displayName ?? t("case.noSpecialist")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CaseTable({
  cases,
  caption,
  rhythms = {},
  reviewsDue = {},
}: {
  cases: CaseCard[];
  caption: string;
  /** Issue 11: "review overdue by N days" under the name. */
  reviewsDue?: Record<string, DueView>;
  /** The contact rhythm of each record's mentorship: "contact overdue" is flagged next to the mentor. */
  rhythms?: Record<string, RhythmState>;
}) {
  const { t, i18n } = useTranslation();
  const countdownText = useCountdownText();
  const locale = i18n.language as Locale;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="case-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("case.name")}</th>
            <th scope="col">{t("case.phase")}</th>
            <th scope="col">{t("case.careEnd")}</th>
            <th scope="col">{t("case.mentor")}</th>
            <th scope="col">{t("case.municipality")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/plan/${c.id}`}>{c.displayName}</Link>
              </th>
              <td data-label={t("case.phase")}>
                <PhaseBadge phase={c.summary.phase} />
                {reviewsDue[c.id]?.kind === "overdue" ? <ReviewOverdueFlag due={reviewsDue[c.id]!} /> : null}
              </td>
              <td data-label={t("case.careEnd")}>
                <span className="countdown">{countdownText(c.summary.countdown)}</span>
                <br />
                <span className="muted">{formatDate(c.summary.careEnd, locale, "short")}</span>
              </td>
              <td data-label={t("case.mentor")}>
                {c.mentor?.displayName ?? <span className="muted">{t("case.noMentor")}</span>}
                {rhythms[c.id]?.kind === "overdue" || rhythms[c.id]?.kind === "paused" ? (
                  <>
                    <br />
                    <RhythmFlag rhythm={rhythms[c.id]!} />
                  </>
                ) : null}
              </td>
              <td data-label={t("case.municipality")}>{c.municipality}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

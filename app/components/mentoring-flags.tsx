/**
 * The small mentoring pieces the homes and caseloads show (the rhythm flag, a meeting, who needs a mentor):
 * their own file, so they do not carry the mentoring pages' code (decision 030). `./mentoring` re-exports them.
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MentorNeed, RhythmState } from "~/domain/mentoring";
import type { Locale } from "~/domain/vocabulary";
import type { CaseCard } from "~/models/young-people.server";
import { formatDate } from "~/utils/format";
import { formatDayWithWeekday } from "~/utils/weekday";

/** "Contact overdue by 5 days" (flagged) or "next contact by 3 March"; nothing when there is no rhythm. */
export function RhythmFlag({ rhythm }: { rhythm: RhythmState }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  switch (rhythm.kind) {
    case "overdue":
      return <span className="flag flag--overdue">{t("mentoring.rhythm.overdue", { count: rhythm.daysOverdue })}</span>;
    case "onTrack":
      return <span className="muted">{t("mentoring.rhythm.dueBy", { date: formatDate(rhythm.dueBy, locale) })}</span>;
    case "notStarted":
      return <span className="muted">{t("mentoring.rhythm.notStarted", { date: formatDate(rhythm.startsOn, locale) })}</span>;
    case "paused":
      return <span className="flag flag--paused">{t("mentoring.status.paused")}</span>;
    case "ended":
      return null;
  }
}

export function MeetingText({ meeting }: { meeting: { on: string; time: string | null } | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (!meeting) return <>{t("mentoring.noMeeting")}</>;
  // With the weekday's name (issue 14): "ceturtdiena, 3. decembris".
  const date = formatDayWithWeekday(meeting.on, locale);
  return <>{meeting.time ? t("mentoring.meetingAt", { date, time: meeting.time }) : date}</>;
}

/** Young people inside their mentoring window, or entering it within three months, without a mentor. */
export function NeedsMentorList({
  entries,
  total,
  footer,
}: {
  entries: ReadonlyArray<{ card: CaseCard; need: NonNullable<MentorNeed> }>;
  /** When the list is cut short (the lead's home): how many there are in all. */
  total?: number;
  /** Under the list in place of "and N more" (the lead's home pages it). */
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <section aria-labelledby="needs-mentor-heading" className="needs-mentor">
      <h2 id="needs-mentor-heading">{t("mentoring.needs.title", { count: total ?? entries.length })}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("mentoring.needs.none")}</p>
      ) : (
        <ul className="plain-list">
          {entries.map(({ card, need }) => (
            <li key={card.id} className="card needs-mentor__item">
              <Link to={`/plan/${card.id}/mentoring#mentor`}>{card.displayName}</Link>{" "}
              <span className={need === "inWindow" ? "flag flag--overdue" : "muted"}>
                {t(`mentoring.needs.${need}`, { date: formatDate(card.summary.mentoringWindow.start, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {footer ??
        (total !== undefined && total > entries.length ? (
          <p className="muted">
            <Link to="/?mentors=2#needs-mentor-heading">{t("org.home.moreNeedMentor", { count: total - entries.length })}</Link>
          </p>
        ) : null)}
    </section>
  );
}

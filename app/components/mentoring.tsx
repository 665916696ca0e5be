/** Pieces of the mentoring screens: the rhythm flag, a meeting, the contact log and earlier mentorships. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import type { ContactView, MenteeRow, MentorshipView } from "~/models/mentorships.server";
import { formatDate, formatNumber } from "~/utils/format";
import { PhaseLine } from "./phase";
import { QuickCallLog } from "./quick-log";
import { MeetingText, RhythmFlag } from "./mentoring-flags";
export { RhythmFlag, MeetingText, NeedsMentorList } from "./mentoring-flags";

export function ContactList({ contacts }: { contacts: readonly ContactView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (contacts.length === 0) return <p className="muted">{t("mentoring.log.none")}</p>;
  return (
    <ol className="contact-list">
      {contacts.map((c) => (
        <li key={c.id} className={`card contact${c.made ? "" : " contact--missed"}`}>
          <p className="contact__head">
            <strong>{formatDate(c.contactOn, locale)}</strong> · {t(`mentoring.channels.${c.channel}`)} ·{" "}
            {c.made ? t("mentoring.log.made") : t("mentoring.log.notMade")}
            {c.made && c.durationMinutes !== null
              ? ` · ${t("mentoring.log.minutes", { count: c.durationMinutes, formatted: formatNumber(c.durationMinutes, locale) })}`
              : ""}
          </p>
          {c.topics.length ? (
            <p className="contact__topics">
              {t("mentoring.log.topics")}: {c.topics.map((d) => t(`domains.${d}.name`)).join(", ")}
            </p>
          ) : null}
          {c.note !== null ? (
            <p className="contact__note">
              {c.notePrivate ? (
                <>
                  <span className="flag flag--private">{t("mentoring.log.privateNote")}</span>{" "}
                </>
              ) : null}
              {c.note}
            </p>
          ) : c.notePrivate ? (
            <p className="muted">{t("mentoring.log.privateNoteHidden")}</p>
          ) : null}
          {c.nextMeetingOn ? (
            <p className="muted">
              {t("mentoring.log.nextMeeting")}: <MeetingText meeting={{ on: c.nextMeetingOn, time: c.nextMeetingTime }} />
            </p>
          ) : null}
          <p className="muted contact__author">{c.authorName}</p>
        </li>
      ))}
    </ol>
  );
}

/** A closed mentorship: dates, reason, the handover note and the young person's own words. */
export function EarlierMentorship({ mentorship, children }: { mentorship: MentorshipView; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <li className="card earlier-mentorship">
      <h3>{mentorship.mentor.displayName}</h3>
      <p className="muted">
        {t("mentoring.earlier.period", {
          from: formatDate(mentorship.startedOn, locale),
          to: mentorship.closedOn ? formatDate(mentorship.closedOn, locale) : "–",
        })}
        {mentorship.closeReason ? ` · ${t(`mentoring.closeReasons.${mentorship.closeReason}`)}` : ""}
      </p>
      {mentorship.handoverNote ? (
        <>
          <h4>{t("mentoring.earlier.handoverNote")}</h4>
          <p className="quote">{mentorship.handoverNote}</p>
        </>
      ) : null}
      <h4>{t("mentoring.earlier.youthNote")}</h4>
      {mentorship.youthNote ? <p className="quote">{mentorship.youthNote}</p> : <p className="muted">{t("mentoring.earlier.noYouthNote")}</p>}
      {children}
    </li>
  );
}

/** "Since we last talked": 2 steps done, 1 new goal; or that the plan has not changed (issue 14). */
function SinceText({ since }: { since: MenteeRow["since"] }) {
  const { t } = useTranslation();
  if (!since || since.stepsDone + since.goalsAdded + since.goalsDone === 0) return <>{t("feedback.mentor.nothingNew")}</>;
  const parts = [
    since.stepsDone ? t("feedback.mentor.stepsDone", { count: since.stepsDone }) : null,
    since.goalsDone ? t("feedback.mentor.goalsDone", { count: since.goalsDone }) : null,
    since.goalsAdded ? t("feedback.mentor.goalsAdded", { count: since.goalsAdded }) : null,
  ].filter(Boolean);
  return <>{parts.join(", ")}</>;
}

/** The mentor's dashboard: one card per mentee, the one that needs attention first at the top. */
export function MenteeCards({
  mentees,
  helpOf,
  quickLog,
}: {
  mentees: readonly MenteeRow[];
  helpOf?: (mentee: MenteeRow) => React.ReactNode;
  quickLog?: { today: string; token: string };
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <ul className="case-cards mentee-cards">
      {mentees.map((m) => (
        <li key={m.youngPersonId} className={`card case-card${m.rhythm.kind === "overdue" ? " case-card--attention" : ""}`}>
          <h2 className="case-card__name">
            <Link to={`/plan/${m.youngPersonId}`}>{m.displayName}</Link>
          </h2>
          <PhaseLine summary={m.summary} />
          <dl className="facts facts--stacked">
            <div>
              <dt>{t("mentoring.lastContact")}</dt>
              <dd>
                {m.lastContactOn ? formatDate(m.lastContactOn, locale) : t("mentoring.noContactYet")}
                <br />
                <RhythmFlag rhythm={m.rhythm} />
              </dd>
            </div>
            <div>
              <dt>{t("mentoring.nextMeeting")}</dt>
              <dd>
                <MeetingText meeting={m.nextMeeting} />
              </dd>
            </div>
            {m.lastContactOn ? (
              <div>
                <dt>{t("feedback.mentor.since")}</dt>
                <dd>
                  <SinceText since={m.since} />
                </dd>
              </div>
            ) : null}
            {/* Nothing overdue: no row of zeros; otherwise only the counts that are not zero. */}
            {m.overdueGoals + m.overdueSteps > 0 ? (
              <div>
                <dt>{t("mentoring.dashboard.overdue")}</dt>
                <dd className="overdue">
                  {t(
                    m.overdueGoals && m.overdueSteps
                      ? "mentoring.dashboard.overdueCounts"
                      : m.overdueGoals
                        ? "mentoring.dashboard.overdueGoalsOnly"
                        : "mentoring.dashboard.overdueStepsOnly",
                    { goals: formatNumber(m.overdueGoals, locale), steps: formatNumber(m.overdueSteps, locale) },
                  )}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("mentoring.dashboard.readiness")}</dt>
              <dd>
                {m.readiness.youth === null && m.readiness.adult === null
                  ? t("mentoring.dashboard.notRated")
                  : t("mentoring.dashboard.readinessValues", {
                      youth: m.readiness.youth === null ? "–" : formatNumber(m.readiness.youth, locale),
                      adult: m.readiness.adult === null ? "–" : formatNumber(m.readiness.adult, locale),
                    })}
              </dd>
            </div>
          </dl>
          {quickLog ? (
            <QuickCallLog
              youngPersonId={m.youngPersonId}
              name={m.displayName}
              today={quickLog.today}
              token={`${quickLog.token}-${m.youngPersonId.slice(0, 20)}`}
            />
          ) : null}
          {/* "What <name> asked help with" (their "I need help" requests), then the steps given to the mentor. */}
          {helpOf?.(m)}
          {m.helpAsked.length ? (
            <div className="help-asked">
              <h3>{t("help.mentorSteps", { name: m.displayName })}</h3>
              <ul>
                {m.helpAsked.map((s) => (
                  <li key={s.stepId}>
                    <Link to={`/plan/${m.youngPersonId}/goals/${s.goalId}#steps`}>{s.title}</Link>
                    {s.dueDate ? <span className="muted"> · {formatDate(s.dueDate, locale, "short")}</span> : null}
                  </li>
                ))}
              </ul>
              {m.helpAskedCount > m.helpAsked.length ? (
                <p>
                  <Link to={`/plan/${m.youngPersonId}`}>{t("mentoring.dashboard.helpAskedMore", { count: m.helpAskedCount - m.helpAsked.length })}</Link>
                </p>
              ) : null}
            </div>
          ) : null}
          <p className="case-card__actions">
            <Link to={`/plan/${m.youngPersonId}/mentoring/contact`} className="button button--primary">
              {t("mentoring.log.add")}
            </Link>{" "}
            <Link to={`/plan/${m.youngPersonId}/mentoring`}>{t("mentoring.dashboard.openLog")}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

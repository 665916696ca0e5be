/** Parts of the calendar page: the secret links (shown once), the next meetings, how to subscribe. */
import { useTranslation } from "react-i18next";
import { googleCalendarAddUrl, type Platform } from "~/domain/platform";
import type { Locale } from "~/domain/vocabulary";
import { formatDayWithWeekday } from "~/utils/weekday";
import { CopyButton } from "./copy-button";

export function SubscriptionLinks({
  links,
  replaced,
  platform = "other",
}: {
  links: { webcal: string; https: string };
  replaced: boolean;
  platform?: Platform;
}) {
  const { t } = useTranslation();
  // Android opens no webcal:// links: its path is Google Calendar's "add by URL" (issue 14).
  const google = (
    <a className={platform === "android" ? "button button--primary" : "button"} href={googleCalendarAddUrl(links.https)} rel="noreferrer">
      {t("feedback.calendar.addToGoogle")}
    </a>
  );
  const webcal = (
    <a className={platform === "android" ? "button" : "button button--primary"} href={links.webcal}>
      {t("calendar.subscribe")}
    </a>
  );
  return (
    <div className="subscription" id="links">
      <p className="notice notice--success" role="status">
        {replaced ? `${t("calendar.newLink")} ` : ""}
        {t("calendar.onlyNow")}
      </p>
      <p className="subscription__buttons">
        {platform === "android" ? google : webcal} {platform === "android" ? webcal : google}
      </p>
      <div className="field">
        <label htmlFor="https-link">{t("feedback.calendar.httpsLabel")}</label>
        <input id="https-link" type="text" readOnly value={links.https} spellCheck={false} />
        <CopyButton text={links.https} label={t("feedback.calendar.copy")} copiedLabel={t("feedback.calendar.copied")} describedBy="https-link" />
      </div>
      <div className="field">
        <label htmlFor="webcal-link">{t("calendar.webcalLabel")}</label>
        <input id="webcal-link" type="text" readOnly value={links.webcal} spellCheck={false} />
        <CopyButton text={links.webcal} label={t("feedback.calendar.copy")} copiedLabel={t("feedback.calendar.copied")} describedBy="webcal-link" />
      </div>
    </div>
  );
}

export interface MeetingView {
  youngPersonName: string;
  mentorName: string;
  on: string;
  time: string | null;
  download: string;
}

export function MeetingList({ meetings, showMentor }: { meetings: readonly MeetingView[]; showMentor: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <section aria-labelledby="meetings-heading" className="card">
      <h2 id="meetings-heading">{t("calendar.meetings")}</h2>
      <ul className="meeting-list">
        {meetings.map((m) => {
          const date = formatDayWithWeekday(m.on, locale);
          return (
            <li key={m.download}>
              <strong>{m.time ? t("calendar.meetingAt", { date, time: m.time }) : date}</strong>
              <br />
              {showMentor ? t("calendar.meetingWith", { name: m.mentorName }) : m.youngPersonName}
              <br />
              <a href={m.download} download>
                {t("calendar.addToCalendar")}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const APPS = ["google", "apple", "outlook"] as const;

/** The steps on an Android phone, with no computer (issue 14). */
function AndroidSteps() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="how-to-android">
      <h3 id="how-to-android">{t("feedback.calendar.android.title")}</h3>
      <ol>
        <li>{t("feedback.calendar.android.step1")}</li>
        <li>{t("feedback.calendar.android.step2")}</li>
        <li>{t("feedback.calendar.android.step3")}</li>
        <li>{t("feedback.calendar.android.step4")}</li>
      </ol>
    </section>
  );
}

export function HowToSubscribe({ platform = "other" }: { platform?: Platform }) {
  const { t } = useTranslation();
  // The phone's own way first; the others stay below.
  const apps = platform === "ios" ? (["apple", "google", "outlook"] as const) : APPS;
  return (
    <section aria-labelledby="how-to-heading">
      <h2 id="how-to-heading">{t("calendar.howTo.title")}</h2>
      <div className="how-to">
        {platform === "android" ? <AndroidSteps /> : null}
        {apps.map((app) => (
          <section key={app} className="card" aria-labelledby={`how-to-${app}`}>
            <h3 id={`how-to-${app}`}>{t(`calendar.howTo.${app}.title`)}</h3>
            <ol>
              <li>{t(`calendar.howTo.${app}.step1`)}</li>
              <li>{t(`calendar.howTo.${app}.step2`)}</li>
              <li>{t(`calendar.howTo.${app}.step3`)}</li>
            </ol>
          </section>
        ))}
        {platform === "android" ? null : <AndroidSteps />}
      </div>
    </section>
  );
}

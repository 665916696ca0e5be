/** Parts of the calendar page: the secret links (shown once), the next meetings, how to subscribe. */
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDate } from "~/utils/format";

export function SubscriptionLinks({ links, replaced }: { links: { webcal: string; https: string }; replaced: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="subscription" id="links">
      <p className="notice notice--success" role="status">
        {replaced ? `${t("calendar.newLink")} ` : ""}
        {t("calendar.onlyNow")}
      </p>
      <p>
        <a className="button button--primary" href={links.webcal}>
          {t("calendar.subscribe")}
        </a>
      </p>
      <div className="field">
        <label htmlFor="webcal-link">{t("calendar.webcalLabel")}</label>
        <input id="webcal-link" type="text" readOnly value={links.webcal} spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="https-link">{t("calendar.httpsLabel")}</label>
        <input id="https-link" type="text" readOnly value={links.https} spellCheck={false} />
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
          const date = formatDate(m.on, locale);
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

export function HowToSubscribe() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="how-to-heading">
      <h2 id="how-to-heading">{t("calendar.howTo.title")}</h2>
      <div className="how-to">
        {APPS.map((app) => (
          <section key={app} className="card" aria-labelledby={`how-to-${app}`}>
            <h3 id={`how-to-${app}`}>{t(`calendar.howTo.${app}.title`)}</h3>
            <ol>
              <li>{t(`calendar.howTo.${app}.step1`)}</li>
              <li>{t(`calendar.howTo.${app}.step2`)}</li>
              <li>{t(`calendar.howTo.${app}.step3`)}</li>
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}

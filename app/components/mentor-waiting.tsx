/**
 * Who is coming to a mentor, before their mentoring window opens (decision 026): a first name and the
 * day it opens, with its weekday. No link and nothing of the plan: the policy refuses it until then.
 */
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/vocabulary";
import { formatDayWithWeekday } from "~/utils/weekday";

export function MentorWaiting({ upcoming }: { upcoming: ReadonlyArray<{ firstName: string; opensOn: string }> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (upcoming.length === 0) return null;
  return (
    <section className="card" aria-labelledby="coming-heading" id="coming">
      <h2 id="coming-heading">{t("weekly.mentorWaiting.heading")}</h2>
      <ul className="plain-list">
        {upcoming.map((u) => (
          <li key={`${u.opensOn}-${u.firstName}`}>
            <strong>{u.firstName}</strong> · {t("weekly.mentorWaiting.opens", { date: formatDayWithWeekday(u.opensOn, locale) })}
          </li>
        ))}
      </ul>
      <p className="muted">{t("weekly.mentorWaiting.hint")}</p>
    </section>
  );
}

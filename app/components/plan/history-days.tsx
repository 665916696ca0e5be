/**
 * The history page's entries by day, with runs of one person doing one kind of thing folded into one
 * line ("Pēteris rated 7 parts") that opens to the entries (<details>: no JavaScript needed).
 */
import { useTranslation } from "react-i18next";
import type { HistoryDay } from "~/domain/history-view";
import type { Locale } from "~/domain/vocabulary";
import { formatDate, formatTime } from "~/utils/format";
import { TimelineEntry, type TimelineEvent } from "./timeline";

/** Kinds with their own words for a group; the rest say "N changes". */
const GROUP_WORDS = new Set([
  "rating.rated",
  "skill.updated",
  "step.completed",
  "step.created",
  "goal.created",
  "document.updated",
  "document.created",
  "step.updated",
  "goal.updated",
]);

export function HistoryDays({ days }: { days: readonly HistoryDay<TimelineEvent>[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (days.length === 0) return <p className="muted">{t("plan.history.none")}</p>;
  return (
    <>
      {days.map(({ day, groups }) => (
        <section key={day} className="history-day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className="history-day__heading">
            {formatDate(day, locale)}
          </h2>
          <ol className="timeline">
            {groups.map((group) => {
              const [first] = group.events;
              if (group.events.length === 1) return <TimelineEntry key={first!.id} event={first!} timeOnly />;
              const last = group.events.at(-1)!;
              const actor = group.actorName ?? t("plan.history.someone");
              const mine = Boolean(first!.mine);
              const words = GROUP_WORDS.has(group.kind)
                ? mine
                  ? `weekly.history.self.group.${group.kind}`
                  : `pages.history.group.${group.kind}`
                : mine
                  ? "weekly.history.self.group.generic"
                  : "pages.history.group.generic";
              return (
                <li key={first!.id} className="timeline__item timeline__group">
                  <details>
                    <summary>
                      <span className="timeline__when muted">
                        {formatTime(last.createdAt, locale)}–{formatTime(first!.createdAt, locale)}
                      </span>{" "}
                      {t(words, { actor, count: group.events.length })}
                    </summary>
                    <ol className="timeline">
                      {group.events.map((event) => (
                        <TimelineEntry key={event.id} event={event} timeOnly />
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

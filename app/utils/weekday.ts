/** A day with its weekday's name ("Thursday 3 December", "ceturtdiena, 3. decembris"): every meeting date (issue 14). */
import { parseIsoDate } from "~/domain/dates";
import type { Locale } from "~/domain/vocabulary";
import { INTL_LOCALE } from "./i18n";

const formatters = new Map<Locale, Intl.DateTimeFormat>();

export function formatDayWithWeekday(isoDate: string, locale: Locale): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12)));
}

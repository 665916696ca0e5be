/** Dates and numbers in the user's language; every Tilts date is a calendar day in Europe/Riga. */
import { parseIsoDate } from "~/domain/dates";
import type { Locale } from "~/domain/vocabulary";
import { INTL_LOCALE } from "./i18n";

// Intl formatters are costly to build (a plan page formats hundreds of dates): one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

// The texts themselves too: a page shows the same few dozen days again and again. Bounded.
const formattedDates = new Map<string, string>();

export function formatDate(isoDate: string, locale: Locale, style: "long" | "short" = "long"): string {
  const key = `${locale}:${style}:${isoDate}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = formatDateAnew(isoDate, locale, style);
    if (formattedDates.size >= 5_000) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

function formatDateAnew(isoDate: string, locale: Locale, style: "long" | "short"): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
  return cached(
    `date:${locale}:${style}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone: "UTC",
        year: "numeric",
        month: style === "long" ? "long" : "2-digit",
        day: style === "long" ? "numeric" : "2-digit",
      }),
  ).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale])).format(value);
}

/** A moment (Unix ms) as a date and time in Riga. */
export function formatDateTime(ms: number, locale: Locale): string {
  return cached(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone: "Europe/Riga",
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }),
  ).format(new Date(ms));
}

/** A moment (Unix ms) as a time of day in Riga ("14:05"), e.g. under a day's heading. */
export function formatTime(ms: number, locale: Locale): string {
  return cached(`time:${locale}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: "Europe/Riga", hour: "2-digit", minute: "2-digit" })).format(
    new Date(ms),
  );
}

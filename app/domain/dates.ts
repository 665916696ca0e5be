/**
 * Calendar dates as `YYYY-MM-DD` strings, computed without time zones: a date is a day on the
 * calendar, not an instant. Month arithmetic clamps to the last day of the month (31 Jan + 1 month =
 * 28/29 Feb), the rule people use when they say "a year from 29 February".
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a `YYYY-MM-DD` string into parts, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && parseIsoDate(value) !== null;
}

function mustParse(value: IsoDate) {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not a calendar date: ${value}`);
  return parts;
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = mustParse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = mustParse(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Whole calendar months from `from` to `to`, counted the way people count birthdays. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  // `0 - x`, not `-x`: less than a month backwards is 0, not -0 (which prints as "-0").
  if (to < from) return 0 - monthsBetween(to, from);
  const a = mustParse(from);
  const b = mustParse(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** Age in whole years on `on`. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  return Math.floor(monthsBetween(dateOfBirth, on) / 12);
}

let rigaDay: Intl.DateTimeFormat | undefined;

/** Today's date in Europe/Riga, where every Tilts deadline lives. */
export function todayInRiga(now: Date = new Date()): IsoDate {
  rigaDay ??= new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Riga", year: "numeric", month: "2-digit", day: "2-digit" });
  return rigaDay.format(now);
}

let rigaClockFormat: Intl.DateTimeFormat | undefined;
/** "HH:MM" in Europe/Riga of a moment (Unix ms). */
export function rigaClock(ms: number): string {
  rigaClockFormat ??= new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Riga", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return rigaClockFormat.format(ms);
}

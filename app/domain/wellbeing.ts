/**
 * The monthly well-being check (issue 11 item 8): "how are you doing?" with five faces, 1 (very bad)
 * to 5 (very good), optional words, or a skip. Pure: which month is asked, the trend, "falling".
 */
import { addMonths, type IsoDate } from "./dates";

export const WELLBEING_SCORES = [1, 2, 3, 4, 5] as const;
export type WellbeingScore = (typeof WELLBEING_SCORES)[number];
export const WELLBEING_WORDS_MAX = 1000;

/** "2026-12" of "2026-12-01". */
export function monthOf(day: IsoDate): string {
  return day.slice(0, 7);
}

/** The months from `from` to `to` (both YYYY-MM-DD), oldest first, as YYYY-MM. */
export function monthsFromTo(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let day = `${monthOf(from)}-01`;
  const last = monthOf(to);
  while (monthOf(day) <= last && months.length < 600) {
    months.push(monthOf(day));
    day = addMonths(day, 1);
  }
  return months;
}

export interface CheckRow {
  month: string;
  score: number | null;
}

/** Is this month's question still to be asked? Answered or skipped months are not asked again. */
export function isCheckDue(rows: readonly CheckRow[], today: IsoDate): boolean {
  const month = monthOf(today);
  return !rows.some((r) => r.month === month);
}

/** One value per month from..to (null: not answered or skipped). */
export function trendOf(rows: readonly CheckRow[], from: IsoDate, to: IsoDate): { month: string; score: number | null }[] {
  const byMonth = new Map(rows.map((r) => [r.month, r.score]));
  return monthsFromTo(from, to).map((month) => ({ month, score: byMonth.get(month) ?? null }));
}

/**
 * Falling well-being, for the specialist's worklist: the newest answer (of the last three months) is
 * low (2 or less) and lower than the one before, or it has dropped by 2 or more from the average of up
 * to three answers before it.
 */
export function fallingWellbeing(rows: readonly CheckRow[], today: IsoDate): { from: number; to: number; month: string } | null {
  const recentFrom = monthOf(addMonths(today, -2));
  const answered = rows.filter((r): r is { month: string; score: number } => r.score !== null).sort((a, b) => (a.month < b.month ? -1 : 1));
  const latest = answered.at(-1);
  if (!latest || latest.month < recentFrom) return null;
  const before = answered.slice(-4, -1);
  if (before.length === 0) return null;
  const average = before.reduce((sum, r) => sum + r.score, 0) / before.length;
  const previous = before.at(-1)!.score;
  if ((latest.score <= 2 && latest.score < previous) || average - latest.score >= 2) {
    return { from: Math.round(average * 10) / 10, to: latest.score, month: latest.month };
  }
  return null;
}

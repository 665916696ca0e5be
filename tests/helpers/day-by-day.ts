/**
 * The days a day-by-day comparison walks: a rule computed from date bounds (statistics, case lists)
 * checked against the function it replaces, for every day of a range.
 *
 * In `npm test` that is every day. Under Stryker (`TILTS_MUTATION=1`, set by
 * tests/vitest.mutate.config.ts) each mutant would walk all of them again, instrumented, which made
 * statistics.ts an hours-long run; there the walk takes only the days that can tell a wrong rule from a
 * right one:
 * - every day within 3 of each bound the code computed: a bound moved by a mutant (or a `<=` made `<`)
 *   answers wrongly on the bound itself or on the day after it, whichever side it moved to;
 * - every 17th day and both ends of the range: a mutant that changes a whole branch (a group or a phase
 *   dropped, two swapped) is wrong on every day of a stretch of months, so a stride of 17 days reaches it.
 * The bounds are read with the platform's Date, not the app's date functions, so a mutant in those cannot
 * change which days are compared.
 */
const QUICK = process.env.TILTS_MUTATION === "1";
const DAY_MS = 86_400_000;
const STRIDE = 17;
const NEAR = 3;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * Offsets from `today` in [from, to): all of them, or (under Stryker) those near one of `bounds` (dates
 * the code under test computed) and every 17th.
 */
export function daysToCompare(today: string, from: number, to: number, bounds: readonly unknown[]): number[] {
  const all: number[] = [];
  for (let day = from; day < to; day++) all.push(day);
  if (!QUICK) return all;
  const base = dayNumber(today);
  const near = new Set<number>();
  for (const bound of bounds) {
    // A bound that is not a date (a mutant's "" or undefined) answers wrongly on every day anyway.
    const at = typeof bound === "string" ? dayNumber(bound) - base : NaN;
    if (Number.isFinite(at)) for (let d = at - NEAR; d <= at + NEAR; d++) near.add(d);
  }
  return all.filter((day) => near.has(day) || (day - from) % STRIDE === 0 || day === to - 1);
}

/** Every date a bounds object holds, nested records included (the bounds of each age). */
export function boundDates(bounds: object): unknown[] {
  return Object.values(bounds).flatMap((value) => (value !== null && typeof value === "object" ? boundDates(value) : [value]));
}

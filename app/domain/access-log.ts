/**
 * "Who looked at my plan": the reads of a record grouped for the young person — by day in Riga, then
 * by person, with the parts they opened and the first and last look (docs/decisions/011-audit-export-erasure.md).
 */
import { todayInRiga, type IsoDate } from "./dates";

export interface AccessRead {
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  part: string;
}

/** How many days back the young person sees. */
export const ACCESS_LOG_DAYS = 90;

/** One person's looks on one day: every part they opened, between which times (issue 14: one line each). */
export interface AccessVisit {
  actorName: string | null;
  actorRole: string | null;
  /** The parts opened that day, the one opened first first. */
  parts: string[];
  /** The first and the last look that day (Unix ms). */
  from: number;
  to: number;
}

export interface AccessVisitDay {
  day: IsoDate;
  visits: AccessVisit[];
}

/**
 * Reads (newest first) as one line per person per day, people in the order they last looked: a
 * specialist who opened fifteen parts in an afternoon is one line, not fifteen, so the page stays short.
 */
export function groupVisitsByDay(reads: readonly AccessRead[]): AccessVisitDay[] {
  const days: AccessVisitDay[] = [];
  const byKey = new Map<string, AccessVisit>();
  for (const read of reads) {
    const day = todayInRiga(new Date(read.at));
    let current = days[days.length - 1];
    if (!current || current.day !== day) {
      current = { day, visits: [] };
      days.push(current);
    }
    const key = `${day}|${read.actorId ?? ""}`;
    const visit = byKey.get(key);
    if (!visit) {
      const created = { actorName: read.actorName, actorRole: read.actorRole, parts: [read.part], from: read.at, to: read.at };
      byKey.set(key, created);
      current.visits.push(created);
      continue;
    }
    visit.from = Math.min(visit.from, read.at);
    visit.to = Math.max(visit.to, read.at);
    // Older reads come later: an older look at a part moves it towards the front.
    const index = visit.parts.indexOf(read.part);
    if (index >= 0) visit.parts.splice(index, 1);
    visit.parts.push(read.part);
  }
  for (const day of days) for (const visit of day.visits) visit.parts.reverse();
  return days;
}

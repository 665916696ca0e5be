/**
 * "Who looked at my plan": the reads of a record grouped for the young person — by day in Riga, then
 * by person and part, with the times of each look (docs/decisions/011-audit-export-erasure.md).
 */
import { todayInRiga, type IsoDate } from "./dates";

export interface AccessRead {
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  part: string;
}

export interface AccessGroup {
  actorName: string | null;
  actorRole: string | null;
  part: string;
  /** The times of each look, newest first (Unix ms). */
  times: number[];
}

export interface AccessDay {
  day: IsoDate;
  groups: AccessGroup[];
}

/** Groups reads (newest first) into days (newest first), each day's people in the order they last looked. */
export function groupReadsByDay(reads: readonly AccessRead[]): AccessDay[] {
  const days: AccessDay[] = [];
  const byKey = new Map<string, AccessGroup>();
  for (const read of reads) {
    const day = todayInRiga(new Date(read.at));
    let current = days[days.length - 1];
    if (!current || current.day !== day) {
      current = { day, groups: [] };
      days.push(current);
    }
    const key = `${day}|${read.actorId ?? ""}|${read.part}`;
    const group = byKey.get(key);
    if (group) group.times.push(read.at);
    else {
      const created = { actorName: read.actorName, actorRole: read.actorRole, part: read.part, times: [read.at] };
      byKey.set(key, created);
      current.groups.push(created);
    }
  }
  return days;
}

/** How many days back the young person sees. */
export const ACCESS_LOG_DAYS = 90;

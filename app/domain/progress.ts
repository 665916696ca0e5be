/**
 * The young person's progress on their home (issue 14): steps done this week and this month, the week's
 * meeting, and what a tick moved. Pure: the model (app/models/progress.server.ts) counts, this decides.
 */
import { addDays, parseIsoDate, type IsoDate } from "./dates";
import type { Domain } from "./vocabulary";

/** Monday to Sunday of the week `today` is in (Latvia's weeks start on Monday). */
export function weekOf(today: IsoDate): { start: IsoDate; end: IsoDate } {
  const parts = parseIsoDate(today);
  if (!parts) return { start: today, end: today };
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay(); // 0 = Sunday
  const start = addDays(today, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

export function monthStartOf(today: IsoDate): IsoDate {
  return `${today.slice(0, 8)}01` as IsoDate;
}

export interface StepCounts {
  domain: Domain;
  done: number;
  total: number;
}

export interface WeekSummary {
  doneThisWeek: number;
  doneThisMonth: number;
  /** Open steps due by Sunday (overdue ones included). */
  dueThisWeek: number;
  /** The next meeting, when it is this week (today to Sunday). */
  meeting: { on: IsoDate; time: string | null; withName: string | null } | null;
}

export function weekSummary(input: {
  today: IsoDate;
  doneThisWeek: number;
  doneThisMonth: number;
  dueThisWeek: number;
  nextMeeting: { on: IsoDate; time: string | null } | null;
  mentorName: string | null;
}): WeekSummary {
  const { end } = weekOf(input.today);
  const meeting = input.nextMeeting && input.nextMeeting.on >= input.today && input.nextMeeting.on <= end ? input.nextMeeting : null;
  return {
    doneThisWeek: input.doneThisWeek,
    doneThisMonth: input.doneThisMonth,
    dueThisWeek: input.dueThisWeek,
    meeting: meeting ? { ...meeting, withName: input.mentorName } : null,
  };
}

/** What a tick moved: the step's domain, its steps done out of all, and whether that domain is now complete. */
export interface TickReward {
  stepTitle: string;
  domain: Domain;
  done: number;
  total: number;
  complete: boolean;
}

export function tickReward(step: { title: string; domain: Domain; doneAt: number | null } | null, counts: readonly StepCounts[]): TickReward | null {
  if (!step || step.doneAt === null) return null;
  const count = counts.find((c) => c.domain === step.domain);
  if (!count || count.total === 0) return null;
  return { stepTitle: step.title, domain: step.domain, done: count.done, total: count.total, complete: count.done >= count.total };
}

/** Counts for the young person's progress on their home (app/domain/progress.ts): one query. */
import { TZDate } from "@date-fns/tz";
import { parseIsoDate, type IsoDate } from "~/domain/dates";
import { monthStartOf, weekOf, type StepCounts } from "~/domain/progress";
import type { Domain } from "~/domain/vocabulary";
import { prepared } from "~/utils/statements.server";
import { keptPlanRead } from "./plan-reads.server";

/** The first moment (Unix ms) of a day in Riga. */
export function rigaDayStartMs(day: IsoDate): number {
  const parts = parseIsoDate(day);
  if (!parts) return 0;
  return new TZDate(parts.year, parts.month - 1, parts.day, "Europe/Riga").getTime();
}

// Steps of goals that are not dropped: per domain done/total, and how many were ticked since Monday and
// since the 1st, and how many open ones are due by Sunday. Each count is a seek in a covering index per
// goal (steps_goal_done_idx: goal, done time, due date), not a pass over every step's row (decision 035).
const stepCounts = prepared(`
  SELECT g.domain AS domain,
         sum((SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at IS NOT NULL)) AS done,
         sum((SELECT count(*) FROM steps s WHERE s.goal_id = g.id)) AS total,
         sum((SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at >= @weekStart)) AS doneThisWeek,
         sum((SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at >= @monthStart)) AS doneThisMonth,
         sum(CASE WHEN g.status IN ('planned', 'in_progress')
             THEN (SELECT count(*) FROM steps s WHERE s.goal_id = g.id AND s.done_at IS NULL AND s.due_date <= @weekEnd) ELSE 0 END) AS dueThisWeek
  FROM goals g
  WHERE g.plan_id = @planId AND g.status != 'dropped'
  GROUP BY g.domain
  HAVING total > 0`);

export function planProgress(planId: string, today: IsoDate): PlanProgress {
  return keptProgress(planId, today);
}

export type PlanProgress = ReturnType<typeof computePlanProgress>;
// Kept under the plan's revision (decision 042): the young person's home and its reward after a tick.
const keptProgress = keptPlanRead("planProgress", (planId: string, today: IsoDate) => computePlanProgress(planId, today));

function computePlanProgress(planId: string, today: IsoDate) {
  const week = weekOf(today);
  const rows = stepCounts().all({
    planId,
    weekStart: rigaDayStartMs(week.start),
    monthStart: rigaDayStartMs(monthStartOf(today)),
    weekEnd: week.end,
  }) as Array<{ domain: Domain; done: number; total: number; doneThisWeek: number | null; doneThisMonth: number | null; dueThisWeek: number | null }>;
  const sum = (key: "doneThisWeek" | "doneThisMonth" | "dueThisWeek") => rows.reduce((n, r) => n + (r[key] ?? 0), 0);
  const counts: StepCounts[] = rows.map((r) => ({ domain: r.domain, done: r.done, total: r.total }));
  return { counts, doneThisWeek: sum("doneThisWeek"), doneThisMonth: sum("doneThisMonth"), dueThisWeek: sum("dueThisWeek") };
}

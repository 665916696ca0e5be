/**
 * Printouts (issue 14): whose plan a printout is (the young person's name, the organisation, the day it
 * was printed) and the whole plan in one piece — domains → goals → steps → plan B — in four queries.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { goals, planDomains, steps } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import { DOMAINS, type Domain, type GoalStatus, type Owner } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";

export interface PrintedFor {
  name: string;
  organisation: string;
  printedOn: IsoDate;
}

// Prepared once: every plan page carries the line (decision 042).
const printedForRow = prepared(`
  SELECT y.display_name AS name, o.name AS organisation FROM young_people y JOIN organisations o ON o.id = y.organisation_id WHERE y.id = ?`);

/** The line every printout carries (one query). */
export function printedFor(youngPersonId: string, today: IsoDate): PrintedFor {
  const row = printedForRow().get(youngPersonId) as { name: string; organisation: string } | undefined;
  return { name: row?.name ?? "", organisation: row?.organisation ?? "", printedOn: today };
}

export interface PrintedGoal {
  id: string;
  title: string;
  why: string | null;
  status: GoalStatus;
  owner: Owner;
  dueDate: string | null;
  steps: Array<{ id: string; title: string; owner: Owner; dueDate: string | null; done: boolean }>;
}

export interface PrintedDomain {
  domain: Domain;
  goals: PrintedGoal[];
  planB: string;
}

/** Every domain the viewer sees, in order, with its goals, their steps and its plan B. */
export function wholePlan(planId: string, domains: readonly Domain[]): PrintedDomain[] {
  if (domains.length === 0) return [];
  const db = getDb();
  const goalRows = db
    .select({ id: goals.id, domain: goals.domain, title: goals.title, why: goals.why, status: goals.status, owner: goals.owner, dueDate: goals.dueDate })
    .from(goals)
    .where(and(eq(goals.planId, planId), inArray(goals.domain, [...domains])))
    .orderBy(asc(goals.position), asc(goals.createdAt))
    .all();
  const stepRows = db
    .select({ id: steps.id, goalId: steps.goalId, title: steps.title, owner: steps.owner, dueDate: steps.dueDate, doneAt: steps.doneAt })
    .from(steps)
    .innerJoin(goals, eq(goals.id, steps.goalId))
    .where(and(eq(goals.planId, planId), inArray(goals.domain, [...domains])))
    .orderBy(asc(steps.position), asc(steps.createdAt))
    .all();
  const planBs = new Map(
    db
      .select({ domain: planDomains.domain, planB: planDomains.planB })
      .from(planDomains)
      .where(eq(planDomains.planId, planId))
      .all()
      .map((r) => [r.domain, r.planB ?? ""]),
  );
  const stepsByGoal = new Map<string, PrintedGoal["steps"]>();
  for (const s of stepRows) {
    const list = stepsByGoal.get(s.goalId) ?? [];
    list.push({ id: s.id, title: s.title, owner: s.owner, dueDate: s.dueDate, done: s.doneAt !== null });
    stepsByGoal.set(s.goalId, list);
  }
  return DOMAINS.filter((d) => domains.includes(d)).map((domain) => ({
    domain,
    goals: goalRows.filter((g) => g.domain === domain).map(({ domain: _d, ...g }) => ({ ...g, steps: stepsByGoal.get(g.id) ?? [] })),
    planB: planBs.get(domain) ?? "",
  }));
}

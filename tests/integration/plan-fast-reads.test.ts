/**
 * Decision 035: the plan pages read open steps and ticks from covering indexes (steps_open_idx,
 * steps_goal_done_idx) and the domain page shows each goal's first open and last ticked steps. After
 * random sequences of writes — ticks and unticks at different times, goals moved, done, dropped and
 * reopened, steps added, deleted, re-dated and given to someone else — the fast answers equal the plain
 * ones computed here from every goal and step row (the overview's pure rules, a recount of the week's and
 * month's ticks, the domain page's rows chosen in JavaScript). Real SQLite, real migrations.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, expect, test } from "vitest";
import { goals, steps } from "../../db/schema";
import { freshDatabase, insertOtherOrganisation } from "../helpers/db";
import { addDays, todayInRiga } from "~/domain/dates";
import { pageCount } from "~/domain/paging";
import { openSteps, summariseDomains } from "~/domain/plan-overview";
import { monthStartOf, weekOf } from "~/domain/progress";
import { latestRatings } from "~/domain/readiness";
import { DOMAINS, GOAL_STATUSES, OWNERS, type Domain } from "~/domain/vocabulary";
import { DOMAIN_PAGE_STEPS, domainDetail, domainPageOfGoal, ensurePlan, planOverview, planRatings } from "~/models/plans.server";
import { planProgress, rigaDayStartMs } from "~/models/progress.server";
import { DOMAIN_PAGE_GOALS } from "~/domain/plan-overview";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

const DAY = 86_400_000;

/** A small plan in three domains (so some domains stay empty): 9 goals × 4 steps, a few done. */
function seedPlan(planId: string, actorId: string, today: string) {
  const t0 = Date.now();
  getDb().transaction((tx) => {
    for (let i = 0; i < 9; i++) {
      const goalId = randomUUID();
      tx.insert(goals)
        .values({
          id: goalId,
          planId,
          domain: DOMAINS[i % 3]!,
          title: `Mērķis ${i}`,
          status: "in_progress",
          position: i,
          dueDate: addDays(today, i - 4),
          createdBy: actorId,
          createdAt: t0 + i,
        })
        .run();
      for (let s = 0; s < 4; s++) {
        tx.insert(steps)
          .values({
            id: randomUUID(),
            goalId,
            title: `Solis ${i}.${s}`,
            owner: OWNERS[(i + s) % OWNERS.length]!,
            dueDate: s === 3 ? null : addDays(today, s * 4 - 5),
            doneAt: s === 0 ? t0 - i * DAY : null,
            position: s,
            createdBy: actorId,
            createdAt: t0 + i * 10 + s,
          })
          .run();
      }
    }
  });
}

type Op =
  | { kind: "tick"; step: number; daysAgo: number; edge: "week" | "month" | null }
  | { kind: "untick"; step: number }
  | { kind: "status"; goal: number; status: (typeof GOAL_STATUSES)[number] }
  | { kind: "move"; goal: number; position: number }
  | { kind: "redate"; step: number; days: number | null }
  | { kind: "owner"; step: number; owner: (typeof OWNERS)[number] }
  | { kind: "delete"; step: number }
  | { kind: "add"; goal: number; position: number; days: number | null; done: boolean }
  | { kind: "regoal"; step: number; goal: number };

const index = fc.nat({ max: 1000 });
const days = fc.option(fc.integer({ min: -20, max: 20 }), { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("tick" as const),
    step: index,
    daysAgo: fc.integer({ min: 0, max: 40 }),
    edge: fc.constantFrom(null, null, "week" as const, "month" as const),
  }),
  fc.record({ kind: fc.constant("untick" as const), step: index }),
  fc.record({ kind: fc.constant("status" as const), goal: index, status: fc.constantFrom(...GOAL_STATUSES) }),
  fc.record({ kind: fc.constant("move" as const), goal: index, position: fc.integer({ min: -2, max: 12 }) }),
  fc.record({ kind: fc.constant("redate" as const), step: index, days }),
  fc.record({ kind: fc.constant("owner" as const), step: index, owner: fc.constantFrom(...OWNERS) }),
  fc.record({ kind: fc.constant("delete" as const), step: index }),
  fc.record({ kind: fc.constant("add" as const), goal: index, position: fc.integer({ min: 0, max: 5 }), days, done: fc.boolean() }),
  fc.record({ kind: fc.constant("regoal" as const), step: index, goal: index }),
);

function apply(planId: string, actorId: string, today: string, o: Op) {
  const db = getDb();
  const goalIds = db.select({ id: goals.id }).from(goals).where(eq(goals.planId, planId)).orderBy(goals.createdAt).all();
  const stepIds = goalIds.length
    ? db
        .select({ id: steps.id })
        .from(steps)
        .where(
          inArray(
            steps.goalId,
            goalIds.map((g) => g.id),
          ),
        )
        .orderBy(steps.createdAt, steps.id)
        .all()
    : [];
  const goalId = "goal" in o ? goalIds[o.goal % goalIds.length]?.id : undefined;
  const stepId = "step" in o ? stepIds[o.step % Math.max(stepIds.length, 1)]?.id : undefined;
  const at = (d: number | null) => (d === null ? null : addDays(today, d));
  switch (o.kind) {
    case "tick":
      if (stepId) {
        // Exactly on the first moment of the week or month (the counts include it), or some days ago.
        const edge = o.edge === "week" ? rigaDayStartMs(weekOf(today).start) : o.edge === "month" ? rigaDayStartMs(monthStartOf(today)) : null;
        db.update(steps)
          .set({ doneAt: (edge ?? Date.now() - o.daysAgo * DAY) - (o.daysAgo % 2) })
          .where(eq(steps.id, stepId))
          .run();
      }
      break;
    case "untick":
      if (stepId) db.update(steps).set({ doneAt: null }).where(eq(steps.id, stepId)).run();
      break;
    case "status":
      if (goalId) db.update(goals).set({ status: o.status }).where(eq(goals.id, goalId)).run();
      break;
    case "move":
      if (goalId) db.update(goals).set({ position: o.position }).where(eq(goals.id, goalId)).run();
      break;
    case "redate":
      if (stepId)
        db.update(steps)
          .set({ dueDate: at(o.days) })
          .where(eq(steps.id, stepId))
          .run();
      break;
    case "owner":
      if (stepId) db.update(steps).set({ owner: o.owner }).where(eq(steps.id, stepId)).run();
      break;
    case "delete":
      if (stepId) db.delete(steps).where(eq(steps.id, stepId)).run();
      break;
    case "add":
      if (goalId)
        db.insert(steps)
          .values({
            id: randomUUID(),
            goalId,
            title: "Jauns solis",
            position: o.position,
            dueDate: at(o.days),
            doneAt: o.done ? Date.now() : null,
            createdBy: actorId,
          })
          .run();
      break;
    case "regoal":
      if (stepId && goalId) db.update(steps).set({ goalId }).where(eq(steps.id, stepId)).run();
      break;
  }
}

/** Every goal and step of the plan, in the order the pages use (position, creation, id). */
function rowsOf(planId: string) {
  const goalList = getDb().select().from(goals).where(eq(goals.planId, planId)).orderBy(goals.position, goals.createdAt, goals.id).all();
  const stepList = goalList.length
    ? getDb()
        .select()
        .from(steps)
        .where(
          inArray(
            steps.goalId,
            goalList.map((g) => g.id),
          ),
        )
        .orderBy(steps.position, steps.createdAt, steps.id)
        .all()
    : [];
  return { goalList, stepList };
}

function expectFastEqualsPlain(planId: string, today: string) {
  const { goalList, stepList } = rowsOf(planId);

  // The overview: the pure rules over every row.
  const overview = planOverview(planId, today);
  expect(overview.domains.map(({ hasPlanB: _hasPlanB, ...summary }) => summary)).toEqual(
    summariseDomains(goalList, stepList, latestRatings(planRatings(planId)), today),
  );
  expect(overview.next).toEqual(openSteps(goalList, stepList, today).slice(0, 3));
  // Only the domains a viewer may see.
  const some: Domain[] = ["education", "health"];
  const seen = goalList.filter((g) => some.includes(g.domain));
  expect(planOverview(planId, today, some).next).toEqual(openSteps(seen, stepList, today).slice(0, 3));

  // Progress: a recount of the steps of goals that are not dropped.
  const week = weekOf(today);
  const weekStart = rigaDayStartMs(week.start);
  const monthStart = rigaDayStartMs(monthStartOf(today));
  const counted = stepList.filter((s) => goalList.find((g) => g.id === s.goalId)!.status !== "dropped");
  const progress = planProgress(planId, today);
  const domainOf = (goalId: string) => goalList.find((g) => g.id === goalId)!.domain;
  const plainCounts = DOMAINS.map((domain) => {
    const mine = counted.filter((s) => domainOf(s.goalId) === domain);
    return { domain, done: mine.filter((s) => s.doneAt !== null).length, total: mine.length };
  }).filter((c) => c.total > 0);
  expect([...progress.counts].sort((a, b) => a.domain.localeCompare(b.domain))).toEqual(plainCounts.sort((a, b) => a.domain.localeCompare(b.domain)));
  expect(progress.doneThisWeek).toBe(counted.filter((s) => s.doneAt !== null && s.doneAt >= weekStart).length);
  expect(progress.doneThisMonth).toBe(counted.filter((s) => s.doneAt !== null && s.doneAt >= monthStart).length);
  const openGoal = (goalId: string) => ["planned", "in_progress"].includes(goalList.find((g) => g.id === goalId)!.status);
  expect(progress.dueThisWeek).toBe(counted.filter((s) => s.doneAt === null && openGoal(s.goalId) && s.dueDate !== null && s.dueDate <= week.end).length);

  // The domain page: its goals DOMAIN_PAGE_GOALS at a time in the plan's order (every page, and one past
  // the end, which shows the last); per goal the first open steps by position and the last ticked ones,
  // and their counts; each goal's page is the one that lists it.
  for (const domain of DOMAINS.slice(0, 4)) {
    const first = domainDetail(planId, domain);
    const pages = pageCount(first.goalCount, DOMAIN_PAGE_GOALS);
    const shown = [first, ...Array.from({ length: pages - 1 }, (_, i) => domainDetail(planId, domain, i + 2))];
    expect(shown.map((d) => d.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(shown.every((d) => d.goals.length <= DOMAIN_PAGE_GOALS && d.offset === (d.page - 1) * DOMAIN_PAGE_GOALS)).toBe(true);
    expect(domainDetail(planId, domain, pages + 1).goals.map((g) => g.id)).toEqual(shown.at(-1)!.goals.map((g) => g.id));
    for (const d of shown) for (const g of d.goals) expect(domainPageOfGoal(planId, g.id)).toBe(d.page);
    const detail = { goals: shown.flatMap((d) => d.goals) };
    const plain = goalList
      .filter((g) => g.domain === domain)
      .map((g) => {
        const mine = stepList.filter((s) => s.goalId === g.id);
        const open = mine.filter((s) => s.doneAt === null);
        const done = mine
          .filter((s) => s.doneAt !== null)
          .sort((a, b) => b.doneAt! - a.doneAt! || a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        return {
          id: g.id,
          openSteps: open.length,
          doneSteps: done.length,
          steps: [...open.slice(0, DOMAIN_PAGE_STEPS), ...done.slice(0, DOMAIN_PAGE_STEPS)].map((s) => s.id),
        };
      });
    expect(first.goalCount).toBe(plain.length);
    expect(detail.goals.map((g) => ({ id: g.id, openSteps: g.openSteps, doneSteps: g.doneSteps, steps: g.steps.map((s) => s.id) }))).toEqual(plain);
  }
}

test("the overview, progress and domain page read from the indexes say what a recount of every row says, after random writes", async () => {
  const today = todayInRiga();
  const other = await insertOtherOrganisation();
  const planId = ensurePlan(other.youngPersonId).id;
  seedPlan(planId, other.specialistId, today);
  expectFastEqualsPlain(planId, today);
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
      for (const o of ops) apply(planId, other.specialistId, today, o);
      expectFastEqualsPlain(planId, today);
    }),
    { numRuns: 60 },
  );
  // The runs did reach the interesting states.
  const { goalList, stepList } = rowsOf(planId);
  expect(goalList.some((g) => g.status === "dropped" || g.status === "done")).toBe(true);
  expect(stepList.some((s) => s.doneAt !== null)).toBe(true);
});

test("the open-step and tick reads walk the covering indexes, never the steps table", () => {
  const plan = (sql: string) =>
    (
      getDb()
        .$client.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ planId: "x", today: "2026-01-01", domains: "[]", domain: "housing", weekStart: 0, monthStart: 0, weekEnd: "2026-01-01" }) as Array<{
        detail: string;
      }>
    )
      .map((r) => r.detail)
      .join("\n");
  const open = plan(
    "SELECT s.rowid FROM goals g JOIN steps s INDEXED BY steps_open_idx ON s.goal_id = g.id AND s.done_at IS NULL WHERE g.plan_id = @planId AND g.status IN ('planned', 'in_progress') ORDER BY s.due_date IS NULL, s.due_date, g.position, s.position, s.created_at, s.id LIMIT 3",
  );
  expect(open).toContain("COVERING INDEX steps_open_idx");
  const ticks = plan("SELECT count(*) FROM steps s WHERE s.goal_id = @planId AND s.done_at >= @weekStart");
  expect(ticks).toContain("COVERING INDEX steps_goal_done_idx");
});

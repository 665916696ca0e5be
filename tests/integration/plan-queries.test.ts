/**
 * The plan's pages read with a fixed number of SQL queries, whatever the size of the plan: statements
 * are counted on the real better-sqlite3 connection (countStatements watches every statement run) for a plan
 * of 2 goals and one of 60 goals × 5 steps written straight into the database.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, expect, test } from "vitest";
import { goalComments, goals, planDomains, readinessRatings, steps, youngPeople } from "../../db/schema";
import { countStatements, freshDatabase, insertOtherOrganisation, youngPersonOf } from "../helpers/db";
import { domainOf, goalRows, overviewOf, planIdOf, PREPARATION, SPECIALIST, stepRows, userIdOf, youngPersonIdOf } from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";
import { DOMAINS, OWNERS, type Domain } from "~/domain/vocabulary";
import { openSteps, summariseDomains } from "~/domain/plan-overview";
import { latestRatings } from "~/domain/readiness";
import { domainDetail, ensurePlan, planOverview, planRatings } from "~/models/plans.server";
import { DOMAIN_PAGE_GOALS } from "~/domain/plan-overview";
import { getDb } from "~/utils/db.server";
import { forgetKeptReads } from "~/models/plan-reads.server";

/** What a read costs when it is computed (the first view after a write), not kept (decision 042). */
const computed =
  <T>(read: () => T) =>
  () => {
    forgetKeptReads();
    return read();
  };
import { and, asc, eq, inArray } from "drizzle-orm";

beforeEach(async () => {
  await freshDatabase();
});

/**
 * Adds `goalCount` goals (spread over the seven domains) with `stepsPerGoal` steps each, a comment per
 * goal, ratings and plan B, in one transaction.
 */
function growPlan(planId: string, actorId: string, goalCount: number, stepsPerGoal: number) {
  const db = getDb();
  const today = todayInRiga();
  const t0 = Date.now();
  db.transaction((tx) => {
    for (let i = 0; i < goalCount; i++) {
      const domain = DOMAINS[i % DOMAINS.length]!;
      const goalId = randomUUID();
      tx.insert(goals)
        .values({
          id: goalId,
          planId,
          domain,
          title: `Mērķis ${i}`,
          owner: OWNERS[i % OWNERS.length]!,
          dueDate: addDays(today, (i % 40) - 10),
          status: i % 10 === 0 ? "done" : i % 10 === 1 ? "dropped" : "in_progress",
          position: 100 + i,
          createdBy: actorId,
          createdAt: t0 + i,
        })
        .run();
      tx.insert(steps)
        .values(
          Array.from({ length: stepsPerGoal }, (_, s) => ({
            id: randomUUID(),
            goalId,
            title: `Solis ${i}.${s}`,
            owner: OWNERS[s % OWNERS.length]!,
            dueDate: s === 4 ? null : addDays(today, s * 7 - 7),
            doneAt: s === 0 ? t0 : null,
            position: s,
            createdBy: actorId,
            createdAt: t0 + i * 10 + s,
          })),
        )
        .run();
      tx.insert(goalComments)
        .values({ id: randomUUID(), goalId, authorId: actorId, body: `Komentārs ${i}`, createdAt: t0 + i })
        .run();
    }
    for (const domain of DOMAINS) {
      for (let r = 0; r < 3; r++) {
        for (const raterKind of ["youth", "adult"] as const) {
          tx.insert(readinessRatings)
            .values({ id: randomUUID(), planId, domain, raterId: actorId, raterKind, value: 3 + r, ratedOn: addDays(today, -30 * r), createdAt: t0 - r })
            .run();
        }
      }
      tx.update(planDomains)
        .set({ planB: `Plāns B: ${domain}` })
        .where(and(eq(planDomains.planId, planId), eq(planDomains.domain, domain)))
        .run();
    }
  });
}

test("planOverview uses the same number of queries for 2 goals as for 60 goals × 5 steps", async () => {
  const today = todayInRiga();
  // Anna's demo plan: two goals.
  const small = planIdOf(youngPersonIdOf(PREPARATION));
  expect(getDb().select().from(goals).where(eq(goals.planId, small)).all()).toHaveLength(2);

  // Another young person's plan: 60 goals with 5 steps each.
  const other = await insertOtherOrganisation();
  const big = ensurePlan(other.youngPersonId).id;
  growPlan(big, other.specialistId, 60, 5);
  expect(getDb().select().from(goals).where(eq(goals.planId, big)).all()).toHaveLength(60);

  // And a plan with nothing in it yet.
  const empty = ensurePlan(insertYoungPersonWithoutPlan()).id;

  const smallRun = await countStatements(computed(() => planOverview(small, today)));
  const bigRun = await countStatements(computed(() => planOverview(big, today)));
  const emptyRun = await countStatements(computed(() => planOverview(empty, today)));

  // The counts are real: the big plan's overview did summarise 60 goals and 300 steps.
  expect(bigRun.result.domains.reduce((n, d) => n + d.goalsTotal, 0)).toBe(54); // 6 of the 60 are dropped
  expect(bigRun.result.domains.reduce((n, d) => n + d.goalsDone, 0)).toBe(6);
  expect(bigRun.result.next).toHaveLength(3);
  expect(bigRun.result.domains.every((d) => d.hasPlanB && d.youthRating === 3 && d.adultRating === 3)).toBe(true);
  expect(smallRun.result.domains.reduce((n, d) => n + d.goalsTotal, 0)).toBe(2);

  expect(smallRun.count).toBeGreaterThan(0);
  expect(bigRun.count).toBe(smallRun.count);
  // An empty plan needs no more queries than a small one.
  expect(emptyRun.count).toBeLessThanOrEqual(smallRun.count);
  expect(bigRun.sql).toEqual(smallRun.sql);
});

/** A young person (no account) of the demo organisation without a plan yet; returns their id. */
function insertYoungPersonWithoutPlan(): string {
  const anna = youngPersonOf(PREPARATION);
  const id = randomUUID();
  getDb()
    .insert(youngPeople)
    .values({ ...anna, id, userId: null, displayName: "Bez Plāna", createdAt: undefined })
    .run();
  return id;
}

test("the overview and domain pages use as many queries after the plan grows to 60 goals × 5 steps as before", async () => {
  const id = youngPersonIdOf(PREPARATION);
  const planId = planIdOf(id);

  // Warm up: the audit append is prepared once per connection, on the first read.
  await overviewOf(SPECIALIST, id);
  const overviewSmall = await countStatements(computed(() => overviewOf(SPECIALIST, id)));
  const domainSmall = await countStatements(computed(() => domainOf(SPECIALIST, id, "health")));
  const detailSmall = await countStatements(computed(() => domainDetail(planId, "health" as Domain)));
  expect(domainSmall.result.goals).toHaveLength(1);

  growPlan(planId, userIdOf(SPECIALIST), 58, 5);
  expect(goalRows(id)).toHaveLength(60);
  expect(stepRows(id).length).toBeGreaterThanOrEqual(58 * 5);

  const overviewBig = await countStatements(computed(() => overviewOf(SPECIALIST, id)));
  const domainBig = await countStatements(computed(() => domainOf(SPECIALIST, id, "health")));
  const detailBig = await countStatements(computed(() => domainDetail(planId, "health" as Domain)));
  // The grown domain's goals are shown DOMAIN_PAGE_GOALS at a time; the last page reads as many statements.
  expect(domainBig.result.goals).toHaveLength(DOMAIN_PAGE_GOALS);
  expect(domainBig.result.goalCount).toBeGreaterThan(DOMAIN_PAGE_GOALS);
  const lastPage = await countStatements(computed(() => domainDetail(planId, "health" as Domain, 99)));
  expect(lastPage.result.page).toBe(Math.ceil(lastPage.result.goalCount / DOMAIN_PAGE_GOALS));
  expect(lastPage.count).toBe(detailSmall.count);
  // Asked again with nothing written, each read is kept: one statement (the plan's revision).
  expect((await countStatements(() => domainDetail(planId, "health" as Domain, 99))).count).toBe(1);
  planOverview(planId, todayInRiga());
  expect((await countStatements(() => planOverview(planId, todayInRiga()))).count).toBe(1);
  // Each goal shows its first 3 open steps and its last ticked ones, and counts them all (decision 035).
  const grown = domainBig.result.goals.filter((g) => g.title.startsWith("Mērķis"));
  expect(grown.every((g) => g.openSteps === 4 && g.doneSteps === 1 && g.commentCount === 1)).toBe(true);
  expect(grown.every((g) => g.steps.length === 4 && g.steps.filter((s) => s.doneAt === null).length === 3)).toBe(true);
  expect(overviewBig.result.domains.reduce((n, d) => n + d.goalsTotal, 0)).toBeGreaterThan(50);

  expect(overviewSmall.count).toBeGreaterThan(0);
  expect(overviewBig.count).toBe(overviewSmall.count);
  expect(domainBig.count).toBe(domainSmall.count);
  expect(detailBig.count).toBe(detailSmall.count);
});

test("the overview counted in SQL says what the pure rules say from every goal and step", async () => {
  const today = todayInRiga();
  const other = await insertOtherOrganisation();
  const planId = ensurePlan(other.youngPersonId).id;
  growPlan(planId, other.specialistId, 60, 5);
  // A dropped goal's steps and done steps never count; an undated open step comes last.
  let goalList = getDb().select().from(goals).where(eq(goals.planId, planId)).all();
  for (const goal of goalList.filter((g) => g.status === "in_progress").slice(0, 10)) {
    getDb()
      .insert(steps)
      .values({
        id: randomUUID(),
        goalId: goal.id,
        title: "Nokavēts solis",
        owner: "youth",
        dueDate: addDays(today, -3),
        position: 9,
        createdBy: other.specialistId,
      })
      .run();
  }
  goalList = getDb().select().from(goals).where(eq(goals.planId, planId)).all();
  const stepList = getDb()
    .select()
    .from(steps)
    .where(
      inArray(
        steps.goalId,
        goalList.map((g) => g.id),
      ),
    )
    .orderBy(asc(steps.position), asc(steps.createdAt))
    .all();
  const ratings = planRatings(planId);
  const pureDomains = summariseDomains(goalList, stepList, latestRatings(ratings), today);
  const pureNext = openSteps(goalList, stepList, today);

  const overview = planOverview(planId, today);
  expect(overview.domains.map(({ hasPlanB: _hasPlanB, ...summary }) => summary)).toEqual(pureDomains);
  expect(overview.domains.every((d) => d.hasPlanB)).toBe(true);
  expect(overview.next).toEqual(pureNext.slice(0, 3));
  // The data is not trivial: overdue steps, done goals and next steps in every domain.
  expect(pureDomains.every((d) => d.nextStep !== null && d.goalsTotal > 0)).toBe(true);
  expect(pureDomains.some((d) => d.overdueSteps > 0)).toBe(true);
  expect(pureDomains.some((d) => d.overdueGoals > 0)).toBe(true);
  expect(pureDomains.some((d) => d.goalsDone > 0)).toBe(true);
});

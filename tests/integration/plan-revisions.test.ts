/**
 * Decision 042: the plan pages' heavy reads are kept under the plan's revision, which triggers move on
 * every write to the plan's goals, steps, comments, ratings and domains. Every kind of write moves it
 * (from the app's model and from plain SQL); a kept read after a write through a real route shows the
 * write; nothing is kept inside a transaction that rolls back; the kept values cannot be changed by a
 * caller; two users with different views of the same plan, interleaved, each get their own.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { goalComments, goals, planDomains, readinessRatings, sharingSwitches, steps } from "../../db/schema";
import { freshDatabase, insertOtherOrganisation } from "../helpers/db";
import { goalRows, MENTOR, overviewOf, planIdOf, post, stepRows, userIdOf, YOUTH, youngPersonIdOf } from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";
import { domainDetail, ensurePlan, planOverview } from "~/models/plans.server";
import { planProgress } from "~/models/progress.server";
import { KEPT_READS_MAX, forgetKeptReads, keptPlanRead, planRevision } from "~/models/plan-reads.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

const janis = () => youngPersonIdOf(YOUTH);
const janisPlan = () => planIdOf(janis());
const openGoalOf = (planId: string) =>
  getDb()
    .select()
    .from(goals)
    .where(and(eq(goals.planId, planId), eq(goals.status, "in_progress")))
    .all()[0] ?? getDb().select().from(goals).where(eq(goals.planId, planId)).all()[0]!;

/** Runs `write` and says by how much each plan's revision moved. */
function moved(planIds: string[], write: () => void): number[] {
  const before = planIds.map((id) => planRevision(id)!);
  write();
  return planIds.map((id, i) => planRevision(id)! - before[i]!);
}

describe("every write to a plan's goals, steps, comments, ratings and domains moves its revision", () => {
  test("goals, steps and comments: inserted, changed and deleted; a step moved to another plan's goal moves both plans", async () => {
    const planId = janisPlan();
    const db = getDb();
    const author = userIdOf(YOUTH);
    const goalId = randomUUID();
    const stepId = randomUUID();
    const commentId = randomUUID();
    expect(
      moved([planId], () => db.insert(goals).values({ id: goalId, planId, domain: "housing", title: "Jauns", owner: "youth", status: "planned" }).run()),
    ).toEqual([1]);
    expect(moved([planId], () => db.update(goals).set({ title: "Mainīts" }).where(eq(goals.id, goalId)).run())).toEqual([1]);
    expect(moved([planId], () => db.insert(steps).values({ id: stepId, goalId, title: "Solis", owner: "youth" }).run())).toEqual([1]);
    expect(moved([planId], () => db.update(steps).set({ doneAt: Date.now() }).where(eq(steps.id, stepId)).run())).toEqual([1]);
    expect(
      moved([planId], () => db.insert(goalComments).values({ id: commentId, goalId, authorId: author, body: "Labi", createdAt: Date.now() }).run()),
    ).toEqual([1]);
    expect(moved([planId], () => db.update(goalComments).set({ body: "Ļoti labi" }).where(eq(goalComments.id, commentId)).run())).toEqual([1]);
    expect(moved([planId], () => db.delete(goalComments).where(eq(goalComments.id, commentId)).run())).toEqual([1]);

    // A step given to a goal of another plan: both plans' pages change.
    const other = await insertOtherOrganisation();
    const otherPlan = ensurePlan(other.youngPersonId).id;
    const otherGoal = randomUUID();
    db.insert(goals).values({ id: otherGoal, planId: otherPlan, domain: "health", title: "Cits", owner: "youth", status: "planned" }).run();
    expect(moved([planId, otherPlan], () => db.update(steps).set({ goalId: otherGoal }).where(eq(steps.id, stepId)).run())).toEqual([1, 1]);
    expect(moved([planId, otherPlan], () => db.delete(steps).where(eq(steps.id, stepId)).run())).toEqual([0, 1]);
    expect(moved([planId], () => db.delete(goals).where(eq(goals.id, goalId)).run())).toEqual([1]);
  });

  test("readiness ratings and the domains' plan B; a write to another plan leaves this one's revision alone", async () => {
    const planId = janisPlan();
    const db = getDb();
    const ratingId = randomUUID();
    expect(
      moved([planId], () =>
        db
          .insert(readinessRatings)
          .values({
            id: ratingId,
            planId,
            domain: "finances",
            raterId: userIdOf(YOUTH),
            raterKind: "youth",
            value: 4,
            ratedOn: todayInRiga(),
            createdAt: Date.now(),
          })
          .run(),
      ),
    ).toEqual([1]);
    expect(moved([planId], () => db.delete(readinessRatings).where(eq(readinessRatings.id, ratingId)).run())).toEqual([1]);
    expect(
      moved([planId], () =>
        db
          .update(planDomains)
          .set({ planB: "Palikt pie drauga" })
          .where(and(eq(planDomains.planId, planId), eq(planDomains.domain, "housing")))
          .run(),
      ),
    ).toEqual([1]);
    const marta = planIdOf(youngPersonIdOf("youth.aftercare@demo.test"));
    expect(
      moved([planId], () =>
        db
          .update(goals)
          .set({ title: "Martas mērķis" })
          .where(eq(goals.id, openGoalOf(marta).id))
          .run(),
      ),
    ).toEqual([0]);
  });
});

describe("kept reads", () => {
  test("a tick through the real route shows at once on the next read; unchanged, the read is the same kept value", async () => {
    const id = janis();
    const planId = janisPlan();
    const today = todayInRiga();
    const first = planProgress(planId, today);
    expect(planProgress(planId, today)).toBe(first);
    const open = stepRows(id).find((s) => s.doneAt === null && s.owner === "youth")!;
    const response = await post.step(YOUTH, id, { stepId: open.id, done: "1" });
    expect(response.status).toBeLessThan(400);
    expect(stepRows(id).find((s) => s.id === open.id)!.doneAt).not.toBeNull();
    const after = planProgress(planId, today);
    expect(after).not.toBe(first);
    const doneOf = (p: typeof first) => p.counts.reduce((n, c) => n + c.done, 0);
    expect(doneOf(after)).toBe(doneOf(first) + 1);
    // And what is kept equals what is computed.
    const kept = { overview: planOverview(planId, today), detail: domainDetail(planId, "housing") };
    forgetKeptReads();
    expect(planOverview(planId, today)).toEqual(kept.overview);
    expect(domainDetail(planId, "housing")).toEqual(kept.detail);
  });

  test("nothing is kept inside a transaction: a write rolled back leaves no value behind for its revision", () => {
    const planId = janisPlan();
    const today = todayInRiga();
    const before = planProgress(planId, today);
    const total = (p: typeof before) => p.counts.reduce((n, c) => n + c.total, 0);
    const goal = openGoalOf(planId);
    try {
      getDb().transaction((tx) => {
        tx.insert(steps).values({ id: randomUUID(), goalId: goal.id, title: "Atcelts", owner: "youth" }).run();
        // Read inside the transaction: sees the step, and is not kept.
        expect(total(planProgress(planId, today))).toBe(total(before) + 1);
        throw new Error("roll back");
      });
    } catch (error) {
      expect((error as Error).message).toBe("roll back");
    }
    expect(total(planProgress(planId, today))).toBe(total(before));
    // Another write gets the revision the rolled-back one had: what it shows is computed anew.
    getDb()
      .insert(steps)
      .values({ id: randomUUID(), goalId: goal.id, title: "Īsts", owner: "youth", dueDate: addDays(today, 1) })
      .run();
    expect(total(planProgress(planId, today))).toBe(total(before) + 1);
    expect(planProgress(planId, today).counts.find((c) => c.domain === goal.domain)!.total).toBe(
      stepRows(janis()).filter((s) => goalRows(janis()).find((g) => g.id === s.goalId && g.domain === goal.domain && g.status !== "dropped")).length,
    );
  });

  test("a kept value cannot be changed by the page that reads it", () => {
    const overview = planOverview(janisPlan(), todayInRiga());
    expect(() => overview.next.push(overview.next[0]!)).toThrow(TypeError);
    expect(() => {
      (overview.domains[0] as { goalsDone: number }).goalsDone = 99;
    }).toThrow(TypeError);
    expect(planOverview(janisPlan(), todayInRiga()).domains[0]!.goalsDone).not.toBe(99);
  });

  test("at most KEPT_READS_MAX values; the least recently used goes first", () => {
    const planId = janisPlan();
    let computed = 0;
    const read = keptPlanRead("test.count", (_planId: string, n: number) => {
      computed++;
      return { n };
    });
    for (let n = 0; n <= KEPT_READS_MAX; n++) read(planId, n);
    expect(computed).toBe(KEPT_READS_MAX + 1);
    read(planId, KEPT_READS_MAX); // kept
    expect(computed).toBe(KEPT_READS_MAX + 1);
    read(planId, 0); // the oldest went
    expect(computed).toBe(KEPT_READS_MAX + 2);
  });
});

describe("two users on the same plan, interleaved", () => {
  test("the young person and the mentor who no longer sees Housing each get their own overview, round after round", async () => {
    const id = janis();
    const planId = janisPlan();
    const today = todayInRiga();
    // An open Housing step overdue for a year: first of the young person's next steps.
    const housing = getDb()
      .select()
      .from(goals)
      .where(and(eq(goals.planId, planId), eq(goals.domain, "housing")))
      .all()
      .find((g) => g.status === "planned" || g.status === "in_progress")!;
    getDb()
      .insert(steps)
      .values({ id: randomUUID(), goalId: housing.id, title: "Piezvanīt saimniekam", owner: "youth", dueDate: addDays(today, -365) })
      .run();
    getDb()
      .insert(sharingSwitches)
      .values({ youngPersonId: id, audience: "mentor", section: "housing", shared: false, changedAt: Date.now() })
      .onConflictDoUpdate({ target: [sharingSwitches.youngPersonId, sharingSwitches.audience, sharingSwitches.section], set: { shared: false } })
      .run();
    for (let round = 0; round < 3; round++) {
      const own = await overviewOf(YOUTH, id);
      const mentor = await overviewOf(MENTOR, id);
      expect(own.nextSteps[0]!.title).toBe("Piezvanīt saimniekam");
      expect(own.domains.map((d) => d.domain)).toContain("housing");
      expect(mentor.nextSteps.map((s) => s.domain)).not.toContain("housing");
      expect(mentor.domains.map((d) => d.domain)).not.toContain("housing");
      expect(mentor.nextSteps.length).toBeGreaterThan(0);
    }
  });
});

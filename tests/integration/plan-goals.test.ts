/**
 * A goal's life after it is made: dropping keeps it (visibly, not counted), reopening brings it back,
 * and goals are reordered within their domain by swapping with a neighbour.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { goals } from "../../db/schema";
import { freshDatabase } from "../helpers/db";
import {
  domainOf,
  eventRows,
  expectNoChange,
  expectRedirect,
  goalForm,
  goalIdFrom,
  goalOf,
  goalRow,
  goalRows,
  historyOf,
  MENTOR,
  nameOf,
  overviewOf,
  planIdOf,
  post,
  SPECIALIST,
  stepRows,
  YOUTH,
  youngPersonIdOf,
} from "./plan-support";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

function janisFinances() {
  const id = youngPersonIdOf(YOUTH);
  const finances = goalRows(id).filter((g) => g.domain === "finances");
  const bank = finances.find((g) => g.status === "done")!;
  const expenses = finances.find((g) => g.status === "in_progress")!;
  return { id, bank, expenses };
}

describe("dropping a goal", () => {
  test("keeps it, listed as dropped, but no longer counted or suggested; the history says who dropped it", async () => {
    const { id, expenses } = janisFinances();
    const before = (await overviewOf(YOUTH, id)).domains.find((d) => d.domain === "finances")!;
    expect(before).toMatchObject({ goalsDone: 1, goalsTotal: 2 });
    expect(before.nextStep?.goalId).toBe(expenses.id);
    const stepsBefore = stepRows(id).filter((s) => s.goalId === expenses.id);

    expectRedirect(await post.goal(YOUTH, id, expenses.id, { intent: "status", status: "dropped" }), `/plan/${id}/goals/${expenses.id}#goal-status`);

    // The row is still there, with its steps.
    expect(goalRow(expenses.id)).toMatchObject({ status: "dropped", title: expenses.title });
    expect(stepRows(id).filter((s) => s.goalId === expenses.id)).toEqual(stepsBefore);

    // Still listed on the domain page, as dropped, in the same place.
    const domain = await domainOf(YOUTH, id, "finances");
    expect(domain.goals.map((g) => [g.id, g.status])).toEqual(
      goalRows(id)
        .filter((g) => g.domain === "finances")
        .map((g) => [g.id, g.id === expenses.id ? "dropped" : g.status]),
    );
    expect(domain.goals.find((g) => g.id === expenses.id)!.steps).toHaveLength(stepsBefore.length);
    // And its own page still opens.
    expect((await goalOf(YOUTH, id, expenses.id)).goal.status).toBe("dropped");

    // Not counted in the overview, and its steps are no longer "next".
    const overview = await overviewOf(YOUTH, id);
    const finances = overview.domains.find((d) => d.domain === "finances")!;
    expect(finances).toMatchObject({ goalsDone: 1, goalsTotal: 1, nextStep: null, overdueSteps: 0 });
    expect(overview.nextSteps.some((s) => s.goalId === expenses.id)).toBe(false);

    // The history: "dropped", with the status before and after, by Jānis.
    const dropped = (await historyOf(SPECIALIST, id)).events.filter((e) => e.domain === "finances" && e.action === "dropped");
    expect(dropped).toEqual([
      expect.objectContaining({
        entity: "goal",
        domain: "finances",
        before: { status: "in_progress" },
        after: { status: "dropped" },
        actorName: nameOf(YOUTH),
        actorRole: "youth",
      }),
    ]);
  });

  test("dropping twice records it once; reopening brings the goal back into the count", async () => {
    const { id, expenses } = janisFinances();
    expectRedirect(await post.goal(SPECIALIST, id, expenses.id, { intent: "status", status: "dropped" }));
    const again = await expectNoChange(() => post.goal(SPECIALIST, id, expenses.id, { intent: "status", status: "dropped" }));
    expectRedirect(again);
    expect(eventRows(id).filter((e) => e.entityId === expenses.id && e.action === "dropped")).toHaveLength(1);

    expectRedirect(await post.goal(SPECIALIST, id, expenses.id, { intent: "status", status: "planned" }));
    expect(goalRow(expenses.id)!.status).toBe("planned");
    const finances = (await overviewOf(YOUTH, id)).domains.find((d) => d.domain === "finances")!;
    expect(finances.goalsTotal).toBe(2);
    expect(finances.nextStep?.goalId).toBe(expenses.id);
    const reopened = (await historyOf(YOUTH, id)).events.find((e) => e.domain === "finances" && e.action === "reopened")!;
    expect(reopened).toMatchObject({ before: { status: "dropped" }, after: { status: "planned" }, actorName: nameOf(SPECIALIST) });
  });

  test("the mentor cannot drop a goal", async () => {
    const { id, expenses } = janisFinances();
    const outcome = await expectNoChange(() => post.goal(MENTOR, id, expenses.id, { intent: "status", status: "dropped" }));
    expect(outcome.status).toBe(404);
    expect(goalRow(expenses.id)!.status).toBe("in_progress");
  });
});

describe("reordering goals", () => {
  /** Jānis's finances goals plus a third, in page order. */
  async function threeGoals() {
    const { id, bank, expenses } = janisFinances();
    const third = goalIdFrom(expectRedirect(await post.domain(YOUTH, id, "finances", goalForm("finances", { title: "Krāt 20 eiro mēnesī" }))));
    const order = async () => (await domainOf(YOUTH, id, "finances")).goals.map((g) => g.id);
    const positions = () =>
      goalRows(id)
        .filter((g) => g.domain === "finances")
        .map((g) => [g.id, g.position]);
    expect(await order()).toEqual([bank.id, expenses.id, third]);
    return { id, a: bank.id, b: expenses.id, c: third, order, positions };
  }

  test("the page's one move form: a button's move=<goal>:<direction> moves that goal; a bad one changes nothing", async () => {
    const { id, a, b, c, order } = await threeGoals();
    expectRedirect(await post.domain(YOUTH, id, "finances", { intent: "move", move: `${c}:up` }), `/plan/${id}/finances#goal-${c}`);
    expect(await order()).toEqual([a, c, b]);
    for (const move of [`${a}:sideways`, `${a}`, `nonsense:up`, `:up`, `${a}:up:down`]) {
      const outcome = await expectNoChange(() => post.domain(YOUTH, id, "finances", { intent: "move", move }));
      expect(outcome.status, move).toBe(404);
    }
    expect(await order()).toEqual([a, c, b]);
  });

  test("up and down swap a goal with its neighbour, and the history records the move", async () => {
    const { id, a, b, c, order, positions } = await threeGoals();

    expectRedirect(await post.domain(YOUTH, id, "finances", { intent: "move", goalId: c, direction: "up" }), `/plan/${id}/finances#goal-${c}`);
    expect(await order()).toEqual([a, c, b]);
    expect(positions()).toEqual([
      [a, 0],
      [c, 1],
      [b, 2],
    ]);

    expectRedirect(await post.domain(YOUTH, id, "finances", { intent: "move", goalId: a, direction: "down" }));
    expect(await order()).toEqual([c, a, b]);

    const moves = eventRows(id).filter((e) => e.action === "moved");
    expect(moves.map((e) => [e.entityId, e.before, e.after])).toEqual(
      expect.arrayContaining([
        [c, { position: 2 }, { position: 1 }],
        [a, { position: 0 }, { position: 1 }],
      ]),
    );
    expect(moves).toHaveLength(2);
    // Other domains are untouched.
    expect(goalRows(id).filter((g) => g.domain !== "finances" && g.position > 1)).toEqual([]);
  });

  test("moving the first goal up or the last goal down changes nothing", async () => {
    const { id, a, b, c, order } = await threeGoals();
    for (const [goalId, direction] of [
      [a, "up"],
      [c, "down"],
    ] as const) {
      const outcome = await expectNoChange(() => post.domain(YOUTH, id, "finances", { intent: "move", goalId, direction }));
      expectRedirect(outcome, `/plan/${id}/finances#goal-${goalId}`);
    }
    expect(await order()).toEqual([a, b, c]);
    expect(eventRows(id).filter((e) => e.action === "moved")).toHaveLength(0);
  });

  test("a goal alone in its domain cannot move; a bad direction is refused without a change", async () => {
    const { id } = janisFinances();
    const health = goalRows(id).filter((g) => g.domain === "health");
    expect(health).toHaveLength(1);
    expectRedirect(await expectNoChange(() => post.domain(YOUTH, id, "health", { intent: "move", goalId: health[0]!.id, direction: "down" })));
    const sideways = await expectNoChange(() => post.domain(YOUTH, id, "health", { intent: "move", goalId: health[0]!.id, direction: "sideways" }));
    expect(sideways.thrown).toBe(true);
    expect([400, 404]).toContain(sideways.status);
  });

  test("goals with equal positions (older data) still swap", async () => {
    const { id, a, b, c, order } = await threeGoals();
    getDb()
      .update(goals)
      .set({ position: 0 })
      .where(and(eq(goals.planId, planIdOf(id)), eq(goals.domain, "finances")))
      .run();
    // Equal positions fall back to creation order.
    expect(await order()).toEqual([a, b, c]);
    expectRedirect(await post.domain(YOUTH, id, "finances", { intent: "move", goalId: b, direction: "down" }));
    expect(await order()).toEqual([a, c, b]);
  });
});

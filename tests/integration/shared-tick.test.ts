/**
 * The domain page's light step list (issue 9): one shared tick form whose buttons post
 * `tick=<step id>:<1|0>`; the tick lands back on the step's goal; the same rules as a single tick.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { freshDatabase } from "../helpers/db";
import { domainOf, expectNoChange, expectNotFound, expectRedirect, openStepOwnedBy, post, stepRow, MENTOR, YOUTH, youngPersonIdOf } from "./plan-support";

beforeEach(async () => {
  await freshDatabase();
});

describe("the shared tick form", () => {
  test("ticks and unticks a step and lands on its goal", async () => {
    const id = youngPersonIdOf(YOUTH);
    const step = openStepOwnedBy(id, "youth");
    const here = `/plan/${id}/housing`;
    expectRedirect(await post.step(YOUTH, id, { tick: `${step.id}:1`, returnTo: here }), `${here}#goal-${step.goalId}`);
    expect(stepRow(step.id)!.doneAt).not.toBeNull();
    expectRedirect(await post.step(YOUTH, id, { tick: `${step.id}:0`, returnTo: here }), `${here}#goal-${step.goalId}`);
    expect(stepRow(step.id)!.doneAt).toBeNull();
    // A returnTo that already names its place keeps it; another site falls back to the plan.
    expectRedirect(await post.step(YOUTH, id, { tick: `${step.id}:1`, returnTo: `${here}#steps` }), `${here}#steps`);
    expectRedirect(await post.step(YOUTH, id, { tick: `${step.id}:0`, returnTo: "https://evil.example/" }), `/plan/${id}#goal-${step.goalId}`);
  });

  test("a malformed tick is a 400 and changes nothing; another's step is a 404", async () => {
    const id = youngPersonIdOf(YOUTH);
    const step = openStepOwnedBy(id, "youth");
    for (const tick of ["", ":", `${step.id}`, `${step.id}:2`, `${step.id}:1:1`.slice(0, 10), "x".repeat(5000)]) {
      const outcome = await expectNoChange(() => post.step(YOUTH, id, { tick }));
      expect(outcome.status, tick).toBe(400);
    }
    // The mentor may tick only the mentor's own steps.
    expectNotFound(await expectNoChange(() => post.step(MENTOR, id, { tick: `${step.id}:1` })));
  });

  test("the domain page lists each goal's steps once, done ones with their done time", async () => {
    const id = youngPersonIdOf(YOUTH);
    const page = await domainOf(YOUTH, id, "housing");
    const steps = page.goals.flatMap((g) => g.steps);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    expect(steps.some((s) => s.doneAt !== null)).toBe(true);
    expect(steps.some((s) => s.doneAt === null)).toBe(true);
  });
});

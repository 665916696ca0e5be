/**
 * Rules that a deliberate-bug probe found no test exercising (issue 15): each test here fails when the
 * rule is taken out of the code.
 * - A mentor's edit of their own step keeps the step's owner, whatever owner the form sends.
 * - A closed mentorship cannot be paused, resumed or closed again.
 * - A calendar feed whose owner's role changed answers 404.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { mentorships, users } from "../../db/schema";
import { freshDatabase } from "../helpers/db";
import { fetchFeed, newLink } from "./calendar-support";
import { mentoring, mentorshipRows } from "./mentoring-support";
import { AFTERCARE, MENTOR, openStepOwnedBy, post, stepRow, YOUTH, youngPersonIdOf } from "./plan-support";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

test("a mentor's edit of their own step keeps the step's owner, whatever the form says", async () => {
  const id = youngPersonIdOf(YOUTH);
  const step = openStepOwnedBy(id, "mentor");
  for (const owner of ["youth", "specialist", "carer"]) {
    const outcome = await post.goal(MENTOR, id, step.goalId, { intent: "editStep", stepId: step.id, title: `${step.title} (labots)`, owner, dueDate: "" });
    expect(outcome.status).toBe(302);
    expect(stepRow(step.id)).toMatchObject({ owner: "mentor", title: `${step.title} (labots)` });
  }
});

describe("a closed mentorship", () => {
  function closedOfMarta() {
    const marta = youngPersonIdOf(AFTERCARE);
    const closed = mentorshipRows(marta).find((m) => m.status === "closed");
    expect(closed, "the demo has Marta's closed mentorship with Laura").toBeTruthy();
    return { marta, closed: closed! };
  }

  test.each([
    ["paused", { intent: "status", to: "paused" }],
    ["resumed", { intent: "status", to: "active" }],
    ["closed again", { intent: "close", reason: "other", handoverNote: "Vēlreiz." }],
  ])("cannot be %s, and stays as it was", async (_what, form) => {
    const { marta, closed } = closedOfMarta();
    const outcome = await mentoring.post("specialist@demo.test", marta, { ...form, mentorshipId: closed.id } as Record<string, string>);
    expect(outcome.status).toBeGreaterThanOrEqual(400);
    expect(outcome.status).toBeLessThan(500);
    const after = getDb().select().from(mentorships).where(eq(mentorships.id, closed.id)).get();
    expect(after).toEqual(closed);
  });
});

test("a feed whose owner changed role answers 404", async () => {
  const { token } = await newLink(MENTOR);
  expect((await fetchFeed(token)).status).toBe(200);
  getDb().update(users).set({ role: "specialist" }).where(eq(users.email, MENTOR)).run();
  expect((await fetchFeed(token)).status).toBe(404);
});

/**
 * The mentor proposes a next step from the contact form (issue 14, decision 026): written with the
 * contact in one transaction, through the policy, with a step.suggested event the young person's
 * history shows by the mentor's name, and the young person's own changes as "Tu …".
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { goals, steps } from "../../db/schema";
import { freshDatabase } from "../helpers/db";
import { expectRedirect, historyOf, MENTOR, token, YOUTH, youngPersonIdOf } from "./plan-support";
import { contactRows, expectNothingChanged, mentoring, replyOf, type ContactPageData } from "./mentoring-support";
import { addDays } from "~/domain/dates";
import { decodeFieldError } from "~/domain/form-errors";
import { today } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

const contact = (more: Record<string, string> = {}) => ({
  contactOn: today(),
  made: "yes",
  channel: "phone",
  durationMinutes: "15",
  clientToken: token(),
  ...more,
});

async function choicesOf(id: string) {
  const page = await mentoring.contactPage(MENTOR, id);
  expect(page.status).toBe(200);
  return ((await page.response.json()) as ContactPageData).nextStep!;
}

describe("the contact form's next step", () => {
  test("lands on an open goal, owned as chosen, with the contact; the young person's history names the mentor", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const choices = await choicesOf(janis);
    expect(choices.goals.length).toBeGreaterThan(0);
    const goal = choices.goals[0]!;
    const due = addDays(today(), 7);
    const contactsBefore = contactRows().length;
    expectRedirect(
      await mentoring.logContact(
        MENTOR,
        janis,
        contact({ nextStepTitle: "Piezvanīt uz darba vietu", nextStepGoal: `goal:${goal.id}`, nextStepOwner: "youth", nextStepDueOn: due }),
      ),
      `/plan/${janis}/mentoring#log`,
    );
    expect(contactRows()).toHaveLength(contactsBefore + 1);
    const step = getDb().select().from(steps).where(eq(steps.title, "Piezvanīt uz darba vietu")).get()!;
    expect(step).toMatchObject({ goalId: goal.id, owner: "youth", dueDate: due });
    const history = await historyOf(YOUTH, janis);
    const suggested = history.events.find((e) => e.entity === "step" && e.action === "suggested")!;
    expect(suggested).toMatchObject({ actorName: "Pēteris Bērziņš", mine: false, title: "Piezvanīt uz darba vietu" });
  });

  test("a new goal in a domain, and the mentor's own step", async () => {
    const janis = youngPersonIdOf(YOUTH);
    expectRedirect(
      await mentoring.logContact(MENTOR, janis, contact({ nextStepTitle: "Kopā aiziet uz NVA", nextStepGoal: "new:employment", nextStepOwner: "mentor" })),
    );
    const goal = getDb().select().from(goals).where(eq(goals.title, "Kopā aiziet uz NVA")).get()!;
    expect(goal).toMatchObject({ domain: "employment", owner: "youth", status: "planned" });
    expect(getDb().select().from(steps).where(eq(steps.goalId, goal.id)).all()).toMatchObject([{ owner: "mentor", title: "Kopā aiziet uz NVA" }]);
  });

  test("no title: no step; bad choices are refused next to their fields and nothing is written, contact included", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const stepsBefore = getDb().select().from(steps).all().length;
    expectRedirect(await mentoring.logContact(MENTOR, janis, contact({ nextStepTitle: "", nextStepOwner: "youth" })));
    expect(getDb().select().from(steps).all()).toHaveLength(stepsBefore);
    for (const [fields, field, key] of [
      [{ nextStepTitle: "X", nextStepGoal: "goal:not-a-goal" }, "nextStepGoal", "weekly.nextStep.errors.chooseGoal"],
      [{ nextStepTitle: "X", nextStepGoal: "" }, "nextStepGoal", "weekly.nextStep.errors.chooseGoal"],
      [{ nextStepTitle: "X", nextStepGoal: "new:housing", nextStepDueOn: addDays(today(), -1) }, "nextStepDueOn", "weekly.nextStep.errors.duePast"],
      [{ nextStepTitle: "", nextStepDueOn: addDays(today(), 3) }, "nextStepTitle", "weekly.nextStep.errors.titleNeeded"],
      [{ nextStepTitle: "X", nextStepGoal: "new:housing", nextStepOwner: "specialist" }, "nextStepOwner", "errors.invalid"],
      [{ nextStepTitle: "x".repeat(10_000), nextStepGoal: "new:housing" }, "nextStepTitle", "errors.titleTooLong"],
    ] as const) {
      const outcome = await expectNothingChanged(() => mentoring.logContact(MENTOR, janis, contact(fields)));
      const reply = await replyOf(outcome);
      expect(decodeFieldError(reply.error?.[field]?.[0] ?? "").key, JSON.stringify(fields)).toBe(key);
    }
  });

  test("the young person's own changes read 'Tu …': the history marks them as theirs", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const history = await historyOf(YOUTH, janis);
    const own = history.events.filter((e) => e.mine);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.actorName === "Jānis Ozols")).toBe(true);
    expect(history.events.some((e) => !e.mine && e.actorName !== "Jānis Ozols")).toBe(true);
  });
});

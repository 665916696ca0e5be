/**
 * Bad input on the plan's forms: each gives a field error (a translation key) with the typed text sent
 * back, or is a harmless no-op; nothing else changes; never a 500 (settle() re-throws anything that is
 * not a Response, which fails the test).
 */
import { beforeEach, describe, expect, test } from "vitest";
import { freshDatabase } from "../helpers/db";
import {
  AFTERCARE,
  eventRows,
  expectNoChange,
  expectNotFound,
  expectRedirect,
  formReplyOf,
  goalForm,
  goalIdFrom,
  goalRow,
  goalRows,
  openStepOwnedBy,
  pages,
  planTables,
  post,
  postJson,
  SPECIALIST,
  stepRow,
  stepRows,
  token,
  YOUTH,
  youngPersonIdOf,
} from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";

beforeEach(async () => {
  await freshDatabase();
});

const MEGABYTE = "ā".repeat(512 * 1024); // 1 MB of UTF-8

function janis() {
  const id = youngPersonIdOf(YOUTH);
  const goal = goalRows(id).find((g) => g.domain === "housing")!;
  return { id, goal };
}

describe("creating a goal", () => {
  test("an empty title: errors.required, the other fields sent back, no goal", async () => {
    const { id } = janis();
    for (const title of ["", "   "]) {
      const outcome = await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title, why: "Mans iemesls", dueDate: "2027-05-01" })));
      const reply = await formReplyOf(outcome);
      expect(reply.intent).toBe("createGoal");
      expect(reply.result.error?.title).toEqual(["errors.required"]);
      expect(reply.result.initialValue).toMatchObject({ why: "Mans iemesls", dueDate: "2027-05-01" });
    }
  });

  test("a title over 200 characters: errors.titleTooLong", async () => {
    const { id } = janis();
    const title = "x".repeat(201);
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title }))));
    expect(reply.result.error?.title).toEqual(["errors.titleTooLong"]);
    expect(reply.result.initialValue?.title).toBe(title);
  });

  test("30 February: errors.dateInvalid, the date and title sent back", async () => {
    const { id } = janis();
    const outcome = await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Dzīvoklis", dueDate: "2026-02-30" })));
    const reply = await formReplyOf(outcome);
    expect(reply.result.error?.dueDate).toEqual(["errors.dateInvalid"]);
    expect(reply.result.initialValue).toMatchObject({ title: "Dzīvoklis", dueDate: "2026-02-30" });
  });

  test("a date that is not a date at all: errors.dateInvalid first", async () => {
    const { id } = janis();
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Dzīvoklis", dueDate: "rīt" }))));
    expect(reply.result.error?.dueDate?.[0]).toBe("errors.dateInvalid");
    expect(reply.result.initialValue).toMatchObject({ dueDate: "rīt" });
  });

  test("1 January 1900: errors.dateOutOfRange", async () => {
    const { id } = janis();
    const outcome = await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Dzīvoklis", dueDate: "1900-01-01" })));
    const reply = await formReplyOf(outcome);
    expect(reply.result.error?.dueDate).toEqual(["errors.dateOutOfRange"]);
    expect(reply.result.initialValue).toMatchObject({ title: "Dzīvoklis", dueDate: "1900-01-01" });
  });

  test("a 1 MB 'why': errors.textTooLong, the number of goals unchanged", async () => {
    const { id } = janis();
    const goalsBefore = planTables().goals.length;
    const outcome = await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Dzīvoklis", why: MEGABYTE })));
    const reply = await formReplyOf(outcome);
    expect(reply.result.error?.why).toEqual(["errors.textTooLong"]);
    expect(reply.result.initialValue?.title).toBe("Dzīvoklis");
    expect(reply.result.initialValue?.why).toBe(MEGABYTE);
    expect(planTables().goals).toHaveLength(goalsBefore);
  });

  test("an owner that is not one of the owners: errors.invalid", async () => {
    const { id } = janis();
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Dzīvoklis", owner: "boss" }))));
    expect(reply.result.error?.owner).toEqual(["errors.invalid"]);
  });

  test("a form for another domain than the page's is refused without a change", async () => {
    const { id } = janis();
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", goalForm("health", { title: "Ārsts" }))));
    expect(reply.result.initialValue).toMatchObject({ title: "Ārsts", domain: "health" });
  });

  test("the same form twice (same clientToken) makes one goal", async () => {
    const { id } = janis();
    const form = goalForm("housing", { title: "Dubultklikšķis", clientToken: token() });
    const first = goalIdFrom(expectRedirect(await post.domain(YOUTH, id, "housing", form)));
    const goalsAfterFirst = planTables().goals.length;
    const eventsAfterFirst = eventRows(id).length;
    const second = goalIdFrom(expectRedirect(await post.domain(YOUTH, id, "housing", form)));
    expect(second).toBe(first);
    expect(goalRows(id).filter((g) => g.title === "Dubultklikšķis")).toHaveLength(1);
    expect(planTables().goals).toHaveLength(goalsAfterFirst);
    expect(eventRows(id)).toHaveLength(eventsAfterFirst);
  });
});

describe("editing a goal", () => {
  test("an empty title or a bad date leaves the goal as it was", async () => {
    const { id, goal } = janis();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: "" }, "title", "errors.required"],
      [{ dueDate: "2026-02-30" }, "dueDate", "errors.dateInvalid"],
      [{ why: MEGABYTE }, "why", "errors.textTooLong"],
    ];
    for (const [fields, key, error] of cases) {
      const form: Record<string, string> = {
        intent: "editGoal",
        title: goal.title,
        why: goal.why ?? "",
        owner: goal.owner,
        dueDate: goal.dueDate ?? "",
        ...fields,
      };
      const reply = await formReplyOf(await expectNoChange(() => post.goal(YOUTH, id, goal.id, form)));
      expect(reply.result.error?.[key]).toEqual([error]);
      // What was typed comes back (an empty field comes back as absent).
      expect(reply.result.initialValue?.[key] ?? "").toBe(Object.values(fields)[0]);
      expect(reply.result.initialValue?.owner).toBe(goal.owner);
    }
    expect(goalRow(goal.id)).toEqual(goal);
  });

  test("an unknown status is a 400 and changes nothing", async () => {
    const { id, goal } = janis();
    const outcome = await expectNoChange(() => post.goal(YOUTH, id, goal.id, { intent: "status", status: "abandoned" }));
    expect(outcome.status).toBe(400);
  });
});

describe("steps", () => {
  test("an empty step title: errors.required, no step", async () => {
    const { id, goal } = janis();
    const reply = await formReplyOf(
      await expectNoChange(() => post.goal(YOUTH, id, goal.id, { intent: "addStep", title: "", owner: "youth", dueDate: "2030-01-01", clientToken: token() })),
    );
    expect(reply.result.error?.title).toEqual(["errors.required"]);
    expect(reply.result.initialValue).toMatchObject({ dueDate: "2030-01-01" });
  });

  test("a step posted twice with the same clientToken is one step", async () => {
    const { id, goal } = janis();
    const form = { intent: "addStep", title: "Piezvanīt saimniekam", owner: "youth", clientToken: token() };
    expectRedirect(await post.goal(YOUTH, id, goal.id, form));
    const after = planTables();
    expectRedirect(await post.goal(YOUTH, id, goal.id, form));
    expect(planTables()).toEqual(after);
    expect(stepRows(id).filter((s) => s.title === "Piezvanīt saimniekam")).toHaveLength(1);
  });

  test("a step ticked twice is ticked once, with one 'completed' in the history", async () => {
    const { id } = janis();
    const step = openStepOwnedBy(id, "youth");
    const completed = () => eventRows(id).filter((e) => e.entityId === step.id && e.action === "completed");
    expect(completed()).toHaveLength(0);
    expectRedirect(await post.step(YOUTH, id, { stepId: step.id, done: "1" }));
    const doneAt = stepRow(step.id)!.doneAt;
    expect(doneAt).not.toBeNull();
    const after = planTables();
    expectRedirect(await post.step(YOUTH, id, { stepId: step.id, done: "1" }));
    expect(planTables()).toEqual(after);
    expect(stepRow(step.id)!.doneAt).toBe(doneAt);
    expect(completed()).toHaveLength(1);
  });

  test("a malformed tick (no step, done=2) is a 400 and changes nothing", async () => {
    const { id } = janis();
    const step = openStepOwnedBy(id, "youth");
    const forms: Array<Record<string, string>> = [{ done: "1" }, { stepId: step.id, done: "2" }, { stepId: step.id }];
    for (const form of forms) {
      const outcome = await expectNoChange(() => post.step(YOUTH, id, form));
      expect(outcome.status).toBe(400);
    }
  });

  test("returnTo to another site falls back to the plan", async () => {
    const { id } = janis();
    const step = openStepOwnedBy(id, "youth");
    expectRedirect(await post.step(YOUTH, id, { stepId: step.id, done: "1", returnTo: "https://evil.example/" }), `/plan/${id}`);
    expectRedirect(await post.step(YOUTH, id, { stepId: step.id, done: "0", returnTo: "//evil.example/" }), `/plan/${id}`);
  });
});

describe("comments", () => {
  test("an empty or a 1 MB comment: a field error, no comment", async () => {
    const { id, goal } = janis();
    const empty = await formReplyOf(await expectNoChange(() => post.goal(YOUTH, id, goal.id, { intent: "comment", body: "  ", clientToken: token() })));
    expect(empty.result.error?.body).toEqual(["errors.required"]);
    const huge = await formReplyOf(await expectNoChange(() => post.goal(YOUTH, id, goal.id, { intent: "comment", body: MEGABYTE, clientToken: token() })));
    expect(huge.result.error?.body).toEqual(["errors.textTooLong"]);
    expect(huge.result.initialValue?.body).toBe(MEGABYTE);
  });

  test("a comment posted twice with the same clientToken is one comment", async () => {
    const { id, goal } = janis();
    const form = { intent: "comment", body: "Paldies!", clientToken: token() };
    expectRedirect(await post.goal(YOUTH, id, goal.id, form));
    const after = planTables();
    expectRedirect(await post.goal(YOUTH, id, goal.id, form));
    expect(planTables()).toEqual(after);
  });
});

describe("readiness and plan B", () => {
  test.each(["11", "0", "abc", "7.5", "-3", ""])("a rating of %j: errors.ratingRange, the value sent back", async (value) => {
    const { id } = janis();
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", { intent: "rate", domain: "housing", value })));
    expect(reply.intent).toBe("rate");
    expect(reply.result.error?.value).toEqual(["errors.ratingRange"]);
    if (value !== "") expect(reply.result.initialValue?.value).toBe(value);
  });

  test("a 1 MB plan B: errors.textTooLong, plan B unchanged", async () => {
    const { id } = janis();
    const reply = await formReplyOf(await expectNoChange(() => post.domain(YOUTH, id, "housing", { intent: "planB", domain: "housing", planB: MEGABYTE })));
    expect(reply.result.error?.planB).toEqual(["errors.textTooLong"]);
    expect(reply.result.initialValue?.planB).toBe(MEGABYTE);
  });

  test("saving the same plan B again records nothing new", async () => {
    const { id } = janis();
    expectRedirect(await post.domain(YOUTH, id, "health", { intent: "planB", domain: "health", planB: "Iešu uz traumpunktu." }));
    const after = planTables();
    expectRedirect(await post.domain(YOUTH, id, "health", { intent: "planB", domain: "health", planB: "  Iešu uz traumpunktu.  " }));
    expect(planTables()).toEqual(after);
  });
});

describe("ids from another young person's plan", () => {
  /** Marta's goal and step, used on Jānis's pages, by Jānis and by the specialist (who may see both plans). */
  function foreign() {
    const marta = youngPersonIdOf(AFTERCARE);
    const goal = goalRows(marta)[0]!;
    const step = stepRows(marta).find((s) => s.doneAt === null && s.owner === "youth")!;
    return { marta, goal, step };
  }

  test.each([YOUTH, SPECIALIST])("%s: the goal page and every goal form give 404, nothing changes", async (email) => {
    const { id } = janis();
    const { goal } = foreign();
    expectNotFound(await pages.goal(email, id, goal.id));
    const forms: Array<Record<string, string>> = [
      { intent: "editGoal", title: "Nozagts", owner: "youth" },
      { intent: "status", status: "dropped" },
      { intent: "addStep", title: "Svešs solis", owner: "youth", clientToken: token() },
      { intent: "comment", body: "Svešs komentārs", clientToken: token() },
    ];
    for (const form of forms) expectNotFound(await expectNoChange(() => post.goal(email, id, goal.id, form)));
    expect(goalRow(goal.id)).toEqual(goal);
  });

  test.each([YOUTH, SPECIALIST])("%s: the step route gives 404 for the other plan's step, nothing changes", async (email) => {
    const { id } = janis();
    const { step } = foreign();
    expectNotFound(await expectNoChange(() => post.step(email, id, { stepId: step.id, done: "1" })));
    expect(stepRow(step.id)!.doneAt).toBeNull();
  });

  test("moving the other plan's goal from this plan's domain page gives 404", async () => {
    const { id } = janis();
    const { goal } = foreign();
    expectNotFound(await expectNoChange(() => post.domain(SPECIALIST, id, goal.domain, { intent: "move", goalId: goal.id, direction: "down" })));
  });

  test("a goal id that does not exist gives 404", async () => {
    const { id } = janis();
    expectNotFound(await pages.goal(YOUTH, id, "no-such-goal"));
    expectNotFound(await expectNoChange(() => post.goal(YOUTH, id, "no-such-goal", { intent: "comment", body: "x", clientToken: token() })));
  });
});

describe("requests that are not the plan's forms", () => {
  test("an unknown or missing intent is a 400", async () => {
    const { id, goal } = janis();
    for (const outcome of [
      await expectNoChange(() => post.domain(YOUTH, id, "housing", { intent: "deleteEverything" })),
      await expectNoChange(() => post.domain(YOUTH, id, "housing", { title: "Bez nolūka" })),
      await expectNoChange(() => post.goal(YOUTH, id, goal.id, { intent: "deleteGoal" })),
      await expectNoChange(() => post.goal(YOUTH, id, goal.id, {})),
    ]) {
      expect(outcome.thrown).toBe(true);
      expect(outcome.status).toBe(400);
    }
  });

  test.each(["money", "HOUSING", "constructor", "__proto__", "toString"])("a domain %j gives 404 for page and form", async (domain) => {
    const { id } = janis();
    expectNotFound(await pages.domain(YOUTH, id, domain));
    expectNotFound(await expectNoChange(() => post.domain(YOUTH, id, domain, { intent: "rate", domain, value: "5" })));
    expectNotFound(await expectNoChange(() => post.domain(YOUTH, id, domain, goalForm("housing", { title: "x" }))));
  });

  test("a JSON body instead of a form is a 400 on every plan form, not a 500", async () => {
    const { id, goal } = janis();
    const step = openStepOwnedBy(id, "youth");
    for (const outcome of [
      await expectNoChange(() => postJson.domain(YOUTH, id, "housing", { intent: "createGoal", domain: "housing", title: "JSON" })),
      await expectNoChange(() => postJson.domain(YOUTH, id, "housing", { intent: "rate", domain: "housing", value: 5 })),
      await expectNoChange(() => postJson.goal(YOUTH, id, goal.id, { intent: "comment", body: "JSON" })),
      await expectNoChange(() => postJson.step(YOUTH, id, { stepId: step.id, done: "1" })),
    ]) {
      expect(outcome.thrown).toBe(true);
      expect(outcome.status).toBe(400);
    }
  });

  test("a due date far in the future but in range is accepted", async () => {
    const { id } = janis();
    const dueDate = addDays(todayInRiga(), 365 * 3);
    const goalId = goalIdFrom(expectRedirect(await post.domain(YOUTH, id, "housing", goalForm("housing", { title: "Vēlāk", dueDate }))));
    expect(goalRow(goalId)!.dueDate).toBe(dueDate);
  });
});

/**
 * The plan from start to finish, through the real route loaders and actions: the young person (Jānis)
 * adds a goal with steps, ticks one, comments, rates readiness, writes plan B, edits the goal and
 * finishes another; the overview, the goal, readiness and history pages show it, with who did what,
 * and the specialist and the mentor see the same plan.
 */
import { afterEach, beforeEach, expect, test } from "vitest";
import { freshDatabase } from "../helpers/db";
import {
  domainOf,
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
  post,
  readinessOf,
  SPECIALIST,
  stepRow,
  stepRows,
  token,
  userIdOf,
  YOUTH,
  youngPersonIdOf,
  type HistoryData,
} from "./plan-support";
import { addDays, addMonths, todayInRiga } from "~/domain/dates";
import { setClock } from "~/utils/clock.server";

beforeEach(async () => {
  await freshDatabase();
});

afterEach(() => {
  setClock(null);
});

type PlanEvent = HistoryData["events"][number];

test("the young person builds a goal, and everyone on the case sees the same plan and history", async () => {
  const id = youngPersonIdOf(YOUTH);
  const base = `/plan/${id}`;
  const today = todayInRiga();
  const janis = nameOf(YOUTH);
  expect(janis).toBe("Jānis Ozols");
  const startedAt = Date.now();

  const before = await overviewOf(YOUTH, id);
  const legalBefore = before.domains.find((d) => d.domain === "legal")!;
  expect(legalBefore).toMatchObject({ goalsDone: 0, goalsTotal: 1, hasPlanB: false, youthRating: 6 });
  const idCardGoal = goalRows(id).find((g) => g.domain === "legal")!;

  // 1. A goal, in the young person's words.
  const dueDate = addMonths(today, 6);
  const created = await post.domain(
    YOUTH,
    id,
    "legal",
    goalForm("legal", {
      title: "Iegūt autovadītāja tiesības",
      why: "Lai varu braukt uz darbu laukos.",
      owner: "youth",
      dueDate,
      clientToken: token(),
    }),
  );
  const goalId = goalIdFrom(expectRedirect(created, new RegExp(`^${base}/goals/[0-9a-f-]{36}$`)));
  expect(goalRow(goalId)).toMatchObject({
    domain: "legal",
    title: "Iegūt autovadītāja tiesības",
    why: "Lai varu braukt uz darbu laukos.",
    owner: "youth",
    dueDate,
    status: "planned",
    position: 1,
    createdBy: userIdOf(YOUTH),
  });
  const here = `${base}/goals/${goalId}`;

  // 2. Two steps.
  const soon = addDays(today, 3);
  const later = addDays(today, 30);
  expectRedirect(
    await post.goal(YOUTH, id, goalId, { intent: "addStep", title: "Pierakstīties autoskolā", owner: "youth", dueDate: soon, clientToken: token() }),
    `${here}#steps`,
  );
  expectRedirect(
    await post.goal(YOUTH, id, goalId, { intent: "addStep", title: "Nokārtot teorijas eksāmenu", owner: "youth", dueDate: later, clientToken: token() }),
    `${here}#steps`,
  );
  const newSteps = stepRows(id).filter((s) => s.goalId === goalId);
  expect(newSteps.map((s) => [s.title, s.position, s.dueDate])).toEqual([
    ["Pierakstīties autoskolā", 0, soon],
    ["Nokārtot teorijas eksāmenu", 1, later],
  ]);
  const [first, second] = newSteps;

  // 3. Tick the first step, from the goal page.
  expectRedirect(await post.step(YOUTH, id, { stepId: first!.id, done: "1", returnTo: `${here}#steps` }), `${here}#steps`);
  expect(stepRow(first!.id)).toMatchObject({ doneBy: userIdOf(YOUTH) });
  expect(stepRow(first!.id)!.doneAt).not.toBeNull();
  expect(stepRow(second!.id)!.doneAt).toBeNull();

  // 4. A comment.
  expectRedirect(
    await post.goal(YOUTH, id, goalId, { intent: "comment", body: "Jautāšu speciālistei par atlaidēm autoskolā.", clientToken: token() }),
    `${here}#comments`,
  );

  // 5. Readiness: 7.
  expectRedirect(await post.domain(YOUTH, id, "legal", { intent: "rate", domain: "legal", value: "7" }), `${base}/legal#readiness`);

  // 6. Plan B.
  const planB = "Ja neiztikšu ar autoskolu, braukšu ar autobusu un meklēšu darbu Bauskā.";
  expectRedirect(await post.domain(YOUTH, id, "legal", { intent: "planB", domain: "legal", planB }), `${base}/legal#plan-b`);

  // 7. Edit the goal: a new title and an earlier due date (why and owner unchanged).
  const newDue = addMonths(today, 5);
  expectRedirect(
    await post.goal(YOUTH, id, goalId, {
      intent: "editGoal",
      title: "Iegūt B kategorijas autovadītāja tiesības",
      why: "Lai varu braukt uz darbu laukos.",
      owner: "youth",
      dueDate: newDue,
    }),
    `${here}#edit-goal`,
  );
  expect(goalRow(goalId)).toMatchObject({ title: "Iegūt B kategorijas autovadītāja tiesības", dueDate: newDue, why: "Lai varu braukt uz darbu laukos." });

  // 8. The ID-card goal is done.
  expectRedirect(await post.goal(YOUTH, id, idCardGoal.id, { intent: "status", status: "done" }), `${base}/goals/${idCardGoal.id}#goal-status`);

  // The overview: goals done/total, the next step, the rating, plan B.
  const overview = await overviewOf(YOUTH, id);
  const legal = overview.domains.find((d) => d.domain === "legal")!;
  expect(legal).toMatchObject({ goalsDone: 1, goalsTotal: 2, youthRating: 7, hasPlanB: true, overdueSteps: 0 });
  expect(legal.nextStep).toMatchObject({
    stepId: second!.id,
    goalId,
    title: "Nokārtot teorijas eksāmenu",
    goalTitle: "Iegūt B kategorijas autovadītāja tiesības",
    dueDate: later,
    overdue: false,
  });
  expect(overview.isOwn).toBe(true);
  // Other domains are untouched.
  expect(overview.domains.filter((d) => d.domain !== "legal")).toEqual(before.domains.filter((d) => d.domain !== "legal"));

  // The domain page: the goal with its steps, the comment count, plan B, the rating and its trend.
  const domain = await domainOf(YOUTH, id, "legal");
  const listed = domain.goals.find((g) => g.id === goalId)!;
  expect(listed).toMatchObject({ title: "Iegūt B kategorijas autovadītāja tiesības", status: "planned", commentCount: 1, openSteps: 1, doneSteps: 1 });
  // The open steps first, then the last ticked ones (decision 035).
  expect(listed.steps.map((s) => [s.title, s.doneAt !== null, s.canTick])).toEqual([
    ["Nokārtot teorijas eksāmenu", false, true],
    ["Pierakstīties autoskolā", true, true],
  ]);
  expect(domain.planB).toBe(planB);
  expect(domain.youthRating).toBe(7);
  expect(domain.trend.youth.at(-1)?.value).toBe(7);

  // The goal page: steps, the comment with its author.
  const goalPage = await goalOf(YOUTH, id, goalId);
  expect(goalPage.goal).toMatchObject({ title: "Iegūt B kategorijas autovadītāja tiesības", dueDate: newDue });
  expect(goalPage.comments).toEqual([expect.objectContaining({ body: "Jautāšu speciālistei par atlaidēm autoskolā.", author: janis, authorRole: "youth" })]);
  // The goal's own history includes its steps: the goal and two steps created, a step ticked, the edit, the comment.
  expect(goalPage.history.map((e) => `${e.entity}.${e.action}`).sort()).toEqual([
    "comment.commented",
    "goal.created",
    "goal.updated",
    "step.completed",
    "step.created",
    "step.created",
  ]);

  // Readiness page.
  const readiness = await readinessOf(YOUTH, id);
  expect(readiness.domains.find((d) => d.domain === "legal")).toMatchObject({ youth: 7, adult: 6 });

  // History: each change, by Jānis, newest first; the edit with before and after.
  const { events } = await historyOf(YOUTH, id);
  const mine = events.filter((e) => e.createdAt >= startedAt);
  const find = (pred: (e: PlanEvent) => boolean) => {
    const found = events.filter(pred);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actorName: janis, actorRole: "youth" });
    return found[0]!;
  };
  const after = (e: PlanEvent) => (e.after ?? {}) as Record<string, unknown>;
  // Events keep ids and changed field names, never the young person's words (decision 010); the
  // timeline reads today's title through the id.
  const newTitle = "Iegūt B kategorijas autovadītāja tiesības";
  expect(find((e) => e.entity === "goal" && e.action === "created" && e.title === newTitle)).toMatchObject({
    domain: "legal",
    after: { owner: "youth", dueDate },
  });
  find((e) => e.entity === "step" && e.action === "created" && e.title === "Pierakstīties autoskolā" && e.goalTitle === newTitle);
  find((e) => e.entity === "step" && e.action === "created" && e.title === "Nokārtot teorijas eksāmenu");
  find((e) => e.entity === "step" && e.action === "completed" && e.title === "Pierakstīties autoskolā");
  find((e) => e.entity === "comment" && e.action === "commented" && e.commentBody === "Jautāšu speciālistei par atlaidēm autoskolā." && e.title === newTitle);
  expect(find((e) => e.entity === "rating" && e.domain === "legal" && after(e).value === 7)).toMatchObject({ after: { value: 7, raterKind: "youth" } });
  expect(find((e) => e.entity === "planB" && e.domain === "legal")).toMatchObject({ after: { fields: ["planB"], empty: false } });
  expect(find((e) => e.entity === "goal" && e.action === "updated")).toMatchObject({
    before: { dueDate },
    after: { dueDate: newDue, fields: ["title", "dueDate"] },
  });
  const edit = events.find((e) => e.entity === "goal" && e.action === "updated")!;
  // Only what changed is recorded, and no words: the old title is not copied.
  expect(Object.keys(edit.before as object).sort()).toEqual(["dueDate"]);
  expect(JSON.stringify(events)).not.toContain("Lai varu braukt uz darbu laukos.");
  expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("Iegūt autovadītāja tiesības");
  expect(find((e) => e.entity === "goal" && e.action === "completed" && e.domain === "legal")).toMatchObject({
    before: { status: "planned" },
    after: { status: "done" },
  });
  // Nine changes today, all by Jānis: goal, two steps, tick, comment, rating, plan B, edit, status.
  expect(mine).toHaveLength(9);
  expect(mine.every((e) => e.actorName === janis)).toBe(true);
  // Newest first.
  const times = events.map((e) => e.createdAt);
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  // The specialist and the mentor see the same plan and the same history.
  for (const email of [SPECIALIST, MENTOR]) {
    const theirs = await overviewOf(email, id);
    expect(theirs.isOwn).toBe(false);
    expect(theirs.domains).toEqual(overview.domains);
    expect(theirs.nextSteps.map((s) => s.stepId)).toEqual(overview.nextSteps.map((s) => s.stepId));
    // The same events; only "mine" (the viewer made it: "Tu …" in the young person's view) differs.
    const theirEvents = (await historyOf(email, id)).events;
    expect(theirEvents.filter((e) => e.createdAt >= startedAt).every((e) => !e.mine)).toBe(true);
    expect(theirEvents.map(({ mine: _, ...e }) => e)).toEqual(events.map(({ mine: _, ...e }) => e));
    const theirGoal = await goalOf(email, id, goalId);
    expect(theirGoal.goal).toEqual(goalPage.goal);
    expect(theirGoal.comments).toEqual(goalPage.comments);
    expect(theirGoal.steps.map((s) => s.id)).toEqual(goalPage.steps.map((s) => s.id));
    expect((await domainOf(email, id, "legal")).planB).toBe(planB);
    expect((await readinessOf(email, id)).domains).toEqual(readiness.domains);
  }
});

test("the mentor's and the specialist's own changes show in the young person's history under their names", async () => {
  const id = youngPersonIdOf(YOUTH);
  const goal = goalRows(id).find((g) => g.domain === "housing")!;
  const mentorStep = stepRows(id).find((s) => s.goalId === goal.id && s.owner === "mentor")!;

  expectRedirect(await post.goal(MENTOR, id, goal.id, { intent: "comment", body: "Sestdien brauksim!", clientToken: token() }));
  expectRedirect(await post.step(MENTOR, id, { stepId: mentorStep.id, done: "1", returnTo: `/plan/${id}` }), `/plan/${id}`);
  expectRedirect(await post.domain(MENTOR, id, "housing", { intent: "rate", domain: "housing", value: "5" }));
  // A second later, so "the latest" is unambiguous.
  setClock(new Date(Date.now() + 1000));
  expectRedirect(await post.domain(SPECIALIST, id, "housing", { intent: "rate", domain: "housing", value: "6" }));

  const { events } = await historyOf(YOUTH, id);
  const mentorName = nameOf(MENTOR);
  const specialistName = nameOf(SPECIALIST);
  expect(events.find((e) => e.entity === "comment" && e.commentBody === "Sestdien brauksim!")).toMatchObject({
    actorName: mentorName,
    actorRole: "mentor",
  });
  expect(events.find((e) => e.entity === "step" && e.action === "completed" && e.title === mentorStep.title && e.actorName === mentorName)).toBeTruthy();
  const ratings = events.filter((e) => e.entity === "rating" && e.domain === "housing").slice(0, 2);
  expect(ratings.map((e) => [e.actorName, (e.after as { value: number }).value]).sort()).toEqual(
    [
      [mentorName, 5],
      [specialistName, 6],
    ].sort(),
  );
  // The latest adult rating (the specialist's, given after the mentor's) is what the overview shows.
  const housing = (await overviewOf(YOUTH, id)).domains.find((d) => d.domain === "housing")!;
  expect(housing.adultRating).toBe(6);
});

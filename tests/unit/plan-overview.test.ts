/**
 * The plan overview's per-domain summary (app/domain/plan-overview.ts), which had no unit test (the
 * mutation run found none related): open steps soonest first, undated last, then by goal and step order;
 * goals done of those that count; what is overdue; the latest ratings.
 */
import { describe, expect, it } from "vitest";
import { openSteps, summariseDomains, type GoalRow, type StepRow } from "~/domain/plan-overview";
import { latestRatings } from "~/domain/readiness";

const TODAY = "2026-03-10";
const goal = (id: string, over: Partial<GoalRow> = {}): GoalRow => ({
  id,
  domain: "housing",
  title: `Goal ${id}`,
  status: "in_progress",
  dueDate: null,
  position: 0,
  owner: "youth",
  ...over,
});
const step = (id: string, goalId: string, over: Partial<StepRow> = {}): StepRow => ({
  id,
  goalId,
  title: `Step ${id}`,
  dueDate: null,
  doneAt: null,
  owner: "youth",
  position: 0,
  ...over,
});

describe("openSteps", () => {
  const goals = [
    goal("g1", { position: 1 }),
    goal("g2", { position: 0, domain: "health" }),
    goal("done", { status: "done" }),
    goal("dropped", { status: "dropped" }),
  ];
  const steps = [
    step("undated", "g2"),
    step("late", "g1", { dueDate: "2026-03-01", owner: "mentor" }),
    step("today", "g1", { dueDate: TODAY }),
    step("same-day-g1-b", "g1", { dueDate: "2026-04-01", position: 2 }),
    step("same-day-g1-a", "g1", { dueDate: "2026-04-01", position: 1 }),
    step("same-day-g2", "g2", { dueDate: "2026-04-01", position: 9 }),
    step("ticked", "g1", { dueDate: "2026-02-01", doneAt: 1 }),
    step("of-done-goal", "done", { dueDate: "2026-02-01" }),
    step("of-dropped-goal", "dropped", { dueDate: "2026-02-01" }),
    step("orphan", "missing", { dueDate: "2026-02-01" }),
  ];
  it("lists open steps of open goals, soonest first, then by goal and step order, undated last", () => {
    for (const order of [steps, [...steps].reverse()]) {
      expect(openSteps(goals, order, TODAY).map((s) => s.stepId)).toEqual(["late", "today", "same-day-g2", "same-day-g1-a", "same-day-g1-b", "undated"]);
    }
  });
  it("says what each step is, and that only a day before today is overdue", () => {
    const [late, today, , , , undated] = openSteps(goals, steps, TODAY);
    expect(late).toEqual({
      stepId: "late",
      goalId: "g1",
      title: "Step late",
      goalTitle: "Goal g1",
      domain: "housing",
      dueDate: "2026-03-01",
      owner: "mentor",
      overdue: true,
    });
    expect(today!.overdue).toBe(false);
    expect(undated).toMatchObject({ domain: "health", dueDate: null, overdue: false });
  });
});

describe("summariseDomains", () => {
  it("counts goals that count, what is overdue, the next step and the latest ratings, for every domain", () => {
    const goals = [
      goal("open-late", { dueDate: "2026-03-01" }),
      goal("open-today", { dueDate: TODAY }),
      goal("done-late", { status: "done", dueDate: "2026-01-01" }),
      goal("dropped", { status: "dropped", dueDate: "2026-01-01" }),
      goal("planned-late", { status: "planned", dueDate: "2026-02-01", domain: "health" }),
    ];
    const steps = [step("s1", "open-late", { dueDate: "2026-03-05" }), step("s2", "open-today", { dueDate: "2026-03-20" }), step("s3", "planned-late")];
    const latest = latestRatings([
      { domain: "housing", raterKind: "youth", value: 6, ratedOn: "2026-03-01", createdAt: 1 },
      { domain: "housing", raterKind: "adult", value: 4, ratedOn: "2026-03-01", createdAt: 2 },
    ]);
    const summary = summariseDomains(goals, steps, latest, TODAY);
    expect(summary.map((s) => s.domain)).toEqual(["housing", "education", "health", "finances", "employment", "legal", "psychosocial"]);
    expect(summary[0]).toEqual({
      domain: "housing",
      goalsDone: 1,
      goalsTotal: 3,
      overdueGoals: 1,
      overdueSteps: 1,
      nextStep: expect.objectContaining({ stepId: "s1", overdue: true }),
      youthRating: 6,
      adultRating: 4,
    });
    expect(summary[2]).toMatchObject({ domain: "health", goalsDone: 0, goalsTotal: 1, overdueGoals: 1, overdueSteps: 0, youthRating: null, adultRating: null });
    expect(summary[2]!.nextStep?.stepId).toBe("s3");
    expect(summary[1]).toEqual({
      domain: "education",
      goalsDone: 0,
      goalsTotal: 0,
      overdueGoals: 0,
      overdueSteps: 0,
      nextStep: null,
      youthRating: null,
      adultRating: null,
    });
  });
});

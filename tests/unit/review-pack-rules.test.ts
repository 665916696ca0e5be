/**
 * Review rules that tests/unit/reviews.test.ts does not reach (found by mutation testing,
 * docs/proofs.md): an agreed date that is not after the last review, a review on the phase's first day,
 * stalling from day 60 for planned goals too, goals dropped and restored, every focus reason and the
 * focus order, and readiness changes from ratings in any order.
 */
import { describe, expect, test } from "vitest";
import { draftPack, isStalled, readinessChanges, reviewDue, type PackGoal, type PackInput } from "~/domain/reviews";

const cadence = { preparationMonths: 6, transitionMonths: 3 };
const today = "2027-03-04";

const goal = (over: Partial<PackGoal>): PackGoal => ({
  id: "g",
  domain: "housing",
  title: "Goal",
  owner: "youth",
  status: "in_progress",
  dueDate: null,
  lastProgressOn: today,
  ...over,
});
const input = (over: Partial<PackInput>): PackInput => ({
  since: "2026-12-01",
  today,
  goals: [],
  completedIds: new Set(),
  droppedIds: new Set(),
  createdIds: new Set(),
  overdueSteps: [],
  statementDomains: [],
  gaps: [],
  ...over,
});

describe("when the next review is due", () => {
  const base = { phase: "transition" as const, phaseStart: "2026-09-01", lastReviewOn: "2027-01-10", nextScheduledOn: null, cadence };
  test("an agreed date on or before the last review is ignored: the cadence counts", () => {
    for (const agreedNextOn of ["2027-01-10", "2026-12-01"]) {
      expect(reviewDue({ ...base, agreedNextOn }, today), agreedNextOn).toEqual({ kind: "due", on: "2027-04-10", days: 37 });
    }
    expect(reviewDue({ ...base, agreedNextOn: null }, today)).toEqual({ kind: "due", on: "2027-04-10", days: 37 });
  });
  test("a review held on the phase's first day belongs to the phase (its agreed date counts)", () => {
    expect(reviewDue({ ...base, phaseStart: "2027-01-10", agreedNextOn: "2027-06-01" }, today)).toEqual({ kind: "due", on: "2027-06-01", days: 89 });
    // The day before the phase began: the phase's own rhythm.
    expect(reviewDue({ ...base, phaseStart: "2027-01-11", agreedNextOn: "2027-06-01" }, today)).toEqual({ kind: "due", on: "2027-04-11", days: 38 });
  });
});

describe("the pack", () => {
  test("a goal stalls on the 60th day without progress, planned or in progress", () => {
    expect(isStalled(goal({ lastProgressOn: "2027-01-03" }), today)).toBe(true);
    expect(isStalled(goal({ lastProgressOn: "2027-01-04" }), today)).toBe(false);
    expect(isStalled(goal({ status: "planned", lastProgressOn: "2027-01-03" }), today)).toBe(true);
    for (const status of ["done", "dropped"] as const) expect(isStalled(goal({ status, lastProgressOn: "2020-01-01" }), today)).toBe(false);
  });

  test("dropped since the last review means dropped then and still dropped", () => {
    const goals = [goal({ id: "restored", status: "in_progress" }), goal({ id: "old", status: "dropped" }), goal({ id: "new", status: "dropped" })];
    expect(draftPack(input({ goals, droppedIds: new Set(["restored", "new"]) })).dropped.map((g) => g.id)).toEqual(["new"]);
  });

  test("stalled goals: adult-owned first, then the longest stalled, then by title", () => {
    const goals = [
      goal({ id: "b", title: "B", owner: "mentor", lastProgressOn: "2026-12-01" }),
      goal({ id: "a", title: "A", owner: "specialist", lastProgressOn: "2026-12-01" }),
      goal({ id: "long", title: "Z", owner: "carer", lastProgressOn: "2026-06-01" }),
      goal({ id: "youth", title: "Y", lastProgressOn: "2026-01-01" }),
    ];
    expect(draftPack(input({ goals })).stalled.map((g) => g.id)).toEqual(["long", "a", "b", "youth"]);
  });

  test("every reason counts, weighed: wishes, adults' stalled goals, gaps of 2 or more, the young person's stalled goals, overdue steps", () => {
    const pack = draftPack(
      input({
        goals: [goal({ id: "y", domain: "housing", lastProgressOn: "2026-01-01" })],
        gaps: [
          { domain: "legal", youth: 6, adult: 4, difference: 2 },
          { domain: "health", youth: 4, adult: 5, difference: -1 },
        ],
        overdueSteps: [{ id: "s", goalId: "x", domain: "education", title: "S", owner: "youth", dueDate: "2027-01-01" }],
      }),
    );
    // The gap (20) outweighs a young person's stalled goal (10), which outweighs overdue steps (5).
    expect(pack.focus).toEqual([
      { domain: "legal", reasons: ["gap"] },
      { domain: "housing", reasons: ["stalled"] },
      { domain: "education", reasons: ["overdueSteps"] },
    ]);
  });

  test("reasons add up; equal weights keep the domains' order", () => {
    const step = (domain: PackGoal["domain"]) => ({ id: `s-${domain}`, goalId: "x", domain, title: "S", owner: "youth" as const, dueDate: "2027-01-01" });
    const pack = draftPack(
      input({
        goals: [goal({ id: "y", domain: "psychosocial", lastProgressOn: "2026-01-01" })],
        overdueSteps: [step("employment"), step("finances"), step("psychosocial")],
      }),
    );
    expect(pack.focus).toEqual([
      { domain: "psychosocial", reasons: ["stalled", "overdueSteps"] },
      { domain: "finances", reasons: ["overdueSteps"] },
      { domain: "employment", reasons: ["overdueSteps"] },
    ]);
  });
});

describe("readiness changes", () => {
  const r = (value: number, ratedOn: string, createdAt = 0) => ({ domain: "housing" as const, raterKind: "youth" as const, value, ratedOn, createdAt });
  test("whatever order the ratings come in: the last before the review, the newest since (same day: the later written)", () => {
    const ratings = [r(7, "2027-01-05", 2), r(2, "2026-09-01"), r(5, "2027-01-05", 1), r(3, "2026-11-01")];
    expect(readinessChanges(ratings, "2026-12-01")).toEqual([{ domain: "housing", raterKind: "youth", before: 3, now: 7 }]);
    expect(readinessChanges([...ratings].reverse(), "2026-12-01")).toEqual([{ domain: "housing", raterKind: "youth", before: 3, now: 7 }]);
    expect(ratings.map((x) => x.value)).toEqual([7, 2, 5, 3]);
  });
  test("a rating on the review's day is a rating since it", () => {
    expect(readinessChanges([r(3, "2026-11-01"), r(6, "2026-12-01")], "2026-12-01")).toEqual([{ domain: "housing", raterKind: "youth", before: 3, now: 6 }]);
  });
  test("the same value again is no change", () => {
    expect(readinessChanges([r(4, "2026-11-01"), r(4, "2027-01-01")], "2026-12-01")).toEqual([]);
  });
});

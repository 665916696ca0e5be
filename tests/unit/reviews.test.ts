/** The review meetings' rules (app/domain/reviews.ts): cadence, the pack's conclusions, focus, the felt-heard rate. */
import { describe, expect, test } from "vitest";
import { calendarEvent, inFeed, type ReviewItem } from "~/domain/calendar";
import { notificationsFor } from "~/domain/notifications";
import {
  chosenFocus,
  draftPack,
  feltHeardOpen,
  feltHeardRate,
  readinessChanges,
  reviewDue,
  statementOpen,
  type PackGoal,
  type PackInput,
} from "~/domain/reviews";

const cadence = { preparationMonths: 6, transitionMonths: 3 };
const today = "2027-03-04";

describe("when the next review is due", () => {
  test("from the last review, by the phase's cadence; overdue by the days since", () => {
    expect(reviewDue({ phase: "transition", phaseStart: "2026-09-01", lastReviewOn: "2026-11-04", nextScheduledOn: null, cadence }, today)).toEqual({
      kind: "overdue",
      on: "2027-02-04",
      days: 28,
    });
    expect(reviewDue({ phase: "preparation", phaseStart: "2026-01-01", lastReviewOn: "2026-11-04", nextScheduledOn: null, cadence }, today)).toEqual({
      kind: "due",
      on: "2027-05-04",
      days: 61,
    });
  });
  test("from the start of the phase when there was no review in it; a scheduled meeting answers; closed plans have none", () => {
    expect(reviewDue({ phase: "aftercare", phaseStart: "2026-12-04", lastReviewOn: "2026-06-01", nextScheduledOn: null, cadence }, today)).toEqual({
      kind: "due",
      on: "2027-03-04",
      days: 0,
    });
    expect(reviewDue({ phase: "aftercare", phaseStart: "2026-12-04", lastReviewOn: null, nextScheduledOn: "2027-03-10", cadence }, today)).toEqual({
      kind: "scheduled",
      on: "2027-03-10",
    });
    expect(reviewDue({ phase: "closed", phaseStart: "2026-12-04", lastReviewOn: null, nextScheduledOn: null, cadence }, today)).toEqual({ kind: "none" });
  });
  test("the date agreed at the last review wins over the cadence", () => {
    expect(
      reviewDue(
        { phase: "transition", phaseStart: "2026-09-01", lastReviewOn: "2027-01-10", agreedNextOn: "2027-06-01", nextScheduledOn: null, cadence },
        today,
      ),
    ).toEqual({ kind: "due", on: "2027-06-01", days: 89 });
  });
});

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

describe("the pack", () => {
  test("goals done, new and dropped since the last review, by the history and today's status", () => {
    const goals = [goal({ id: "a", status: "done" }), goal({ id: "b", status: "in_progress" }), goal({ id: "c", status: "dropped" }), goal({ id: "d" })];
    const pack = draftPack(input({ goals, completedIds: new Set(["a", "b"]), droppedIds: new Set(["c"]), createdIds: new Set(["d", "c"]) }));
    expect(pack.done.map((g) => g.id)).toEqual(["a"]);
    expect(pack.dropped.map((g) => g.id)).toEqual(["c"]);
    expect(pack.created.map((g) => g.id)).toEqual(["d"]);
  });
  test("stalled after 60 days without progress, adult-owned first; done goals never stall", () => {
    const goals = [
      goal({ id: "young", lastProgressOn: "2026-11-01" }),
      goal({ id: "adult", owner: "specialist", lastProgressOn: "2026-12-30" }),
      goal({ id: "fresh", lastProgressOn: "2027-01-10" }),
      goal({ id: "done", status: "done", lastProgressOn: "2025-01-01" }),
    ];
    const pack = draftPack(input({ goals }));
    expect(pack.stalled.map((g) => [g.id, g.adultOwned, g.days])).toEqual([
      ["adult", true, 64],
      ["young", false, 123],
    ]);
  });
  test("at most three focus domains, the young person's wishes first, each with why", () => {
    const pack = draftPack(
      input({
        goals: [goal({ id: "x", domain: "legal", owner: "mentor", lastProgressOn: "2026-01-01" })],
        statementDomains: ["health"],
        gaps: [
          { domain: "finances", youth: 8, adult: 4, difference: 4 },
          { domain: "education", youth: 5, adult: 4, difference: 1 },
        ],
        overdueSteps: [{ id: "s", goalId: "x", domain: "employment", title: "S", owner: "youth", dueDate: "2027-01-01" }],
      }),
    );
    expect(pack.focus).toEqual([
      { domain: "health", reasons: ["statement"] },
      { domain: "legal", reasons: ["adultStalled"] },
      { domain: "finances", reasons: ["gap"] },
    ]);
    expect(chosenFocus(null, pack.focus)).toEqual(["health", "legal", "finances"]);
    expect(chosenFocus(["housing", "housing", "nowhere", "legal", "health", "finances"], pack.focus)).toEqual(["housing", "legal", "health"]);
  });
  test("readiness changes since the last review, per rater", () => {
    const r = (domain: "housing" | "health", raterKind: "youth" | "adult", value: number, ratedOn: string) => ({
      domain,
      raterKind,
      value,
      ratedOn,
      createdAt: 0,
    });
    expect(
      readinessChanges(
        [
          r("housing", "youth", 3, "2026-10-01"),
          r("housing", "youth", 6, "2027-01-01"),
          r("health", "adult", 5, "2027-02-01"),
          r("health", "youth", 4, "2026-01-01"),
        ],
        "2026-12-01",
      ),
    ).toEqual([
      { domain: "housing", raterKind: "youth", before: 3, now: 6 },
      { domain: "health", raterKind: "adult", before: null, now: 5 },
    ]);
  });
});

describe("the young person's voice", () => {
  test("the statement is open until the meeting starts; 'felt heard' once, after the recording", () => {
    expect(statementOpen({ status: "scheduled", startsAt: 1000 }, 999)).toBe(true);
    expect(statementOpen({ status: "scheduled", startsAt: 1000 }, 1000)).toBe(false);
    expect(statementOpen({ status: "recorded", startsAt: 1000 }, 0)).toBe(false);
    expect(feltHeardOpen({ status: "recorded" }, false)).toBe(true);
    expect(feltHeardOpen({ status: "recorded" }, true)).toBe(false);
    expect(feltHeardOpen({ status: "scheduled" }, false)).toBe(false);
  });
  test("the organisation's rate: shares, and nothing under five answers", () => {
    expect(feltHeardRate({ yes: 2, no: 2 })).toBeNull();
    expect(feltHeardRate({ yes: 3, partly: 1, no: 1 })).toEqual({ total: 5, yes: 60, partly: 20, no: 20 });
  });
});

describe("the review meeting in calendars and reminders", () => {
  const item: ReviewItem = {
    type: "review",
    id: "r1",
    youngPersonId: "y",
    on: "2027-03-11",
    version: Date.UTC(2027, 0, 1),
    time: "15:00",
    participantIds: ["mentor-1", "spec-1"],
    statementWritten: false,
  };
  test("in the young person's feed and every invited participant's, timed in Riga for 90 minutes", () => {
    expect(inFeed("youth", "anyone", item)).toBe(true);
    expect(inFeed("mentor", "mentor-1", item)).toBe(true);
    expect(inFeed("mentor", "mentor-2", item)).toBe(false);
    expect(inFeed("carer", "carer-1", item)).toBe(false);
    const event = calendarEvent(item, { perspective: "own", fullTitles: false, names: new Map() });
    expect(event).toMatchObject({ uid: "review-r1@tilts", time: "15:00", durationMinutes: 90, path: "/plan/y/reviews/r1" });
  });
  test("'write your statement' for the young person two weeks ahead; 'review in 7 days' for the invited", () => {
    expect(notificationsFor({ id: "yp", role: "youth" }, [item], "2027-02-25").map((n) => n.kind)).toEqual(["writeStatement"]);
    expect(notificationsFor({ id: "yp", role: "youth" }, [{ ...item, statementWritten: true }], "2027-03-04").map((n) => n.kind)).toEqual(["reviewSoon"]);
    expect(notificationsFor({ id: "mentor-1", role: "mentor" }, [item], "2027-03-04").map((n) => n.kind)).toEqual(["reviewSoon"]);
    expect(notificationsFor({ id: "mentor-1", role: "mentor" }, [item], "2027-02-25")).toEqual([]);
    expect(notificationsFor({ id: "mentor-2", role: "mentor" }, [item], "2027-03-04")).toEqual([]);
  });
});

/**
 * The young person's week and the well-being trend at their edges (found by mutation testing,
 * docs/proofs.md): a meeting today or on Sunday, a tick in a domain without counts, a malformed day, a
 * run of months that is capped, and "falling" from answers in any order.
 */
import { describe, expect, it } from "vitest";
import { tickReward, weekOf, weekSummary } from "~/domain/progress";
import { fallingWellbeing, monthsFromTo } from "~/domain/wellbeing";

describe("the week", () => {
  // Wednesday 9 December 2026: the week runs Monday 7 to Sunday 13.
  const base = { today: "2026-12-09", doneThisWeek: 1, doneThisMonth: 2, dueThisWeek: 3, mentorName: "Pēteris" };
  it("shows a meeting from today to Sunday, not yesterday's nor next Monday's", () => {
    for (const on of ["2026-12-09", "2026-12-13"]) {
      expect(weekSummary({ ...base, nextMeeting: { on, time: null } }).meeting, on).toEqual({ on, time: null, withName: "Pēteris" });
    }
    for (const on of ["2026-12-08", "2026-12-14"]) expect(weekSummary({ ...base, nextMeeting: { on, time: "10:00" } }).meeting, on).toBeNull();
  });
  it("a day that cannot be read is a week of that one day", () => {
    expect(weekOf("someday")).toEqual({ start: "someday", end: "someday" });
  });
  it("a tick in a domain with no steps counted moves nothing", () => {
    const step = { title: "Solis", domain: "housing" as const, doneAt: 1 };
    expect(tickReward(step, [{ domain: "health", done: 1, total: 2 }])).toBeNull();
    expect(tickReward(step, [{ domain: "housing", done: 0, total: 0 }])).toBeNull();
    expect(tickReward(step, [{ domain: "housing", done: 2, total: 2 }])).toEqual({ stepTitle: "Solis", domain: "housing", done: 2, total: 2, complete: true });
  });
});

describe("well-being", () => {
  it("a run of months stops at 50 years", () => {
    expect(monthsFromTo("1990-01-01", "2100-01-01")).toHaveLength(600);
  });
  it("falling is read from the answers in month order, skipped months left out", () => {
    const rows = [
      { month: "2026-11", score: 2 },
      { month: "2026-08", score: 1 },
      { month: "2026-10", score: null },
      { month: "2026-09", score: 4 },
      { month: "2026-07", score: 5 },
      { month: "2026-06", score: 1 },
    ];
    // The three answers before the newest: July 5, August 1, September 4; the newest (2) is below September's.
    expect(fallingWellbeing(rows, "2026-12-01")).toEqual({ from: 3.3, to: 2, month: "2026-11" });
    expect(fallingWellbeing([...rows].reverse(), "2026-12-01")).toEqual({ from: 3.3, to: 2, month: "2026-11" });
  });
  it("an answer from two months ago still counts; three months ago is too old", () => {
    const rows = (month: string) => [
      { month: "2026-08", score: 4 },
      { month, score: 1 },
    ];
    expect(fallingWellbeing(rows("2026-10"), "2026-12-15")).toEqual({ from: 4, to: 1, month: "2026-10" });
    expect(fallingWellbeing(rows("2026-09"), "2026-12-15")).toBeNull();
  });
  it("a small drop from a good answer is not falling", () => {
    expect(
      fallingWellbeing(
        [
          { month: "2026-10", score: 5 },
          { month: "2026-11", score: 4 },
        ],
        "2026-12-01",
      ),
    ).toBeNull();
  });
});

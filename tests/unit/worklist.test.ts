/** The specialist's worklist (app/domain/worklist.ts): urgency order, bounds, filters; and well-being's "falling". */
import { describe, expect, it } from "vitest";
import { fallingWellbeing, isCheckDue, monthsFromTo, trendOf } from "~/domain/wellbeing";
import { helpButtonKind, helpRecipient, helpTransition } from "~/domain/help";
import { leaverMonthsOf, worklist, WORKLIST_KINDS, type WorklistInput, type WorklistPerson } from "~/domain/worklist";

const TODAY = "2026-12-01";

function person(id: string, over: Partial<WorklistPerson> = {}): WorklistPerson {
  return { id, displayName: `Name ${id}`, phase: "transition", careEnd: "2027-08-01", mentoringStart: "2026-08-01", mentorNeed: null, rhythm: null, ...over };
}

function input(over: Partial<WorklistInput> = {}): WorklistInput {
  return { today: TODAY, leaverMonths: 6, people: [], help: [], reviews: [], wellbeing: [], overdueSteps: [], documents: [], ...over };
}

const section = (sections: ReturnType<typeof worklist>, kind: string) => sections.find((s) => s.kind === kind)!;

describe("worklist", () => {
  it("has every section in urgency order, help requests first", () => {
    const sections = worklist(input());
    expect(sections.map((s) => s.kind)).toEqual([...WORKLIST_KINDS]);
    expect(WORKLIST_KINDS[0]).toBe("help");
    expect(sections.every((s) => s.total === 0 && s.rows.length === 0)).toBe(true);
  });

  it("lists open help requests before acknowledged ones, oldest first, one click from the request", () => {
    const sections = worklist(
      input({
        people: [person("a"), person("b"), person("c")],
        help: [
          { youngPersonId: "a", id: "h1", status: "acknowledged", createdOn: "2026-11-01" },
          { youngPersonId: "b", id: "h2", status: "open", createdOn: "2026-11-30" },
          { youngPersonId: "c", id: "h3", status: "open", createdOn: "2026-11-20" },
        ],
      }),
    );
    const help = section(sections, "help");
    expect(help.rows.map((r) => r.youngPersonId)).toEqual(["c", "b", "a"]);
    expect(help.rows[0]!.href).toBe("/plan/c/help#request-h3");
    expect(help.rows[0]!.days).toBe(-11);
  });

  it("takes the review entries: overdue, requested, due within 30 days (later ones left out)", () => {
    const sections = worklist(
      input({
        people: [person("a"), person("b"), person("c"), person("d")],
        reviews: [
          { youngPersonId: "a", kind: "due", date: "2026-12-20", days: 19 },
          { youngPersonId: "b", kind: "overdue", date: "2026-10-01", days: -61 },
          { youngPersonId: "c", kind: "requested", date: "2026-11-29", days: -2 },
          { youngPersonId: "d", kind: "due", date: "2027-02-01", days: 62 },
        ],
      }),
    );
    expect(section(sections, "reviewOverdue").rows.map((r) => r.youngPersonId)).toEqual(["b"]);
    expect(section(sections, "reviewRequested").rows.map((r) => r.youngPersonId)).toEqual(["c"]);
    expect(section(sections, "reviewDue").rows.map((r) => r.youngPersonId)).toEqual(["a"]);
    const order = sections.filter((s) => s.total > 0).map((s) => s.kind);
    expect(order).toEqual(["reviewOverdue", "reviewRequested", "reviewDue"]);
  });

  it("ignores rows of records that are not on the caseload", () => {
    const sections = worklist(input({ people: [person("a")], help: [{ youngPersonId: "zzz", id: "h", status: "open", createdOn: TODAY }] }));
    expect(section(sections, "help").total).toBe(0);
  });

  it("puts the specialist's own overdue steps first, then the mentor's and carer's, and never the young person's", () => {
    const sections = worklist(
      input({
        people: [person("a"), person("b")],
        overdueSteps: [
          { youngPersonId: "a", owner: "mentor", count: 2, oldestDue: "2026-10-01" },
          { youngPersonId: "b", owner: "specialist", count: 1, oldestDue: "2026-11-25" },
          { youngPersonId: "a", owner: "youth", count: 9, oldestDue: "2026-01-01" },
          { youngPersonId: "b", owner: "carer", count: 1, oldestDue: "2026-11-01" },
        ],
      }),
    );
    expect(section(sections, "adultSteps").rows.map((r) => [r.youngPersonId, r.detail.owner])).toEqual([
      ["b", "specialist"],
      ["a", "mentor"],
      ["b", "carer"],
    ]);
  });

  it("mentor missing inside the window, contact overdue, mentor needed soon, in that order", () => {
    const sections = worklist(
      input({
        people: [
          person("soon", { mentorNeed: "soon", mentoringStart: "2027-01-15" }),
          person("late", { rhythm: { kind: "overdue", dueBy: "2026-11-10", daysOverdue: 21 } }),
          person("now", { mentorNeed: "inWindow" }),
          person("fine", { rhythm: { kind: "onTrack", dueBy: "2026-12-20" } }),
        ],
      }),
    );
    expect(section(sections, "mentor").rows.map((r) => r.youngPersonId)).toEqual(["now", "late", "soon"]);
  });

  it("documents expired or expiring within 60 days, soonest first", () => {
    const doc = (youngPersonId: string, expiresOn: string) => ({
      youngPersonId,
      id: `${youngPersonId}-${expiresOn}`,
      kind: "passport",
      label: null,
      expiresOn,
    });
    const sections = worklist(
      input({ people: [person("a"), person("b")], documents: [doc("a", "2027-01-30"), doc("b", "2026-11-01"), doc("a", "2027-01-31")] }),
    );
    expect(section(sections, "documents").rows.map((r) => r.date)).toEqual(["2026-11-01", "2027-01-30"]);
  });

  it("leavers within the filter's months only, and only before care ends", () => {
    const people = [
      person("in2", { careEnd: "2027-02-01" }),
      person("in5", { careEnd: "2027-05-01" }),
      person("in11", { careEnd: "2027-11-01" }),
      person("gone", { careEnd: "2026-06-01", phase: "aftercare" }),
    ];
    const ids = (months: 3 | 6 | 12) => section(worklist(input({ people, leaverMonths: months })), "leaving").rows.map((r) => r.youngPersonId);
    expect(ids(3)).toEqual(["in2"]);
    expect(ids(6)).toEqual(["in2", "in5"]);
    expect(ids(12)).toEqual(["in2", "in5", "in11"]);
    expect(leaverMonthsOf("12")).toBe(12);
    expect(leaverMonthsOf("7")).toBe(6);
    expect(leaverMonthsOf(null)).toBe(6);
  });

  it("bounds each section and counts the rest", () => {
    const people = Array.from({ length: 30 }, (_, i) => person(`p${i}`, { mentorNeed: "inWindow" }));
    const mentor = section(worklist(input({ people }), 8), "mentor");
    expect(mentor.rows).toHaveLength(8);
    expect(mentor.total).toBe(30);
  });

  it("shows falling well-being", () => {
    const sections = worklist(
      input({
        people: [person("a"), person("b")],
        wellbeing: [
          { youngPersonId: "a", month: "2026-09", score: 4 },
          { youngPersonId: "a", month: "2026-10", score: 3 },
          { youngPersonId: "a", month: "2026-11", score: 2 },
          { youngPersonId: "b", month: "2026-10", score: 4 },
          { youngPersonId: "b", month: "2026-11", score: 4 },
        ],
      }),
    );
    expect(section(sections, "wellbeingFalling").rows.map((r) => [r.youngPersonId, r.detail.to])).toEqual([["a", 2]]);
  });
});

describe("well-being", () => {
  it("falls when the newest answer is low and lower than the one before, or 2 below the average", () => {
    expect(
      fallingWellbeing(
        [
          { month: "2026-10", score: 3 },
          { month: "2026-11", score: 2 },
        ],
        TODAY,
      ),
    ).toMatchObject({ to: 2 });
    expect(
      fallingWellbeing(
        [
          { month: "2026-09", score: 5 },
          { month: "2026-10", score: 5 },
          { month: "2026-12", score: 3 },
        ],
        TODAY,
      ),
    ).toMatchObject({ from: 5, to: 3 });
    expect(
      fallingWellbeing(
        [
          { month: "2026-10", score: 2 },
          { month: "2026-11", score: 2 },
        ],
        TODAY,
      ),
    ).toBeNull();
    expect(fallingWellbeing([{ month: "2026-11", score: 1 }], TODAY)).toBeNull();
    // An old answer is not news: nothing in the last three months.
    expect(
      fallingWellbeing(
        [
          { month: "2026-05", score: 5 },
          { month: "2026-06", score: 1 },
        ],
        TODAY,
      ),
    ).toBeNull();
    // Skips are not answers.
    expect(
      fallingWellbeing(
        [
          { month: "2026-10", score: 4 },
          { month: "2026-11", score: null },
        ],
        TODAY,
      ),
    ).toBeNull();
  });

  it("asks once a month: an answer or a skip this month stops it", () => {
    expect(isCheckDue([], TODAY)).toBe(true);
    expect(isCheckDue([{ month: "2026-11", score: 3 }], TODAY)).toBe(true);
    expect(isCheckDue([{ month: "2026-12", score: null }], TODAY)).toBe(false);
  });

  it("gives one value per month, null where not answered", () => {
    expect(monthsFromTo("2026-11-30", "2027-02-01")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(trendOf([{ month: "2026-12", score: 4 }], "2026-11-15", "2027-01-01")).toEqual([
      { month: "2026-11", score: null },
      { month: "2026-12", score: 4 },
      { month: "2027-01", score: null },
    ]);
  });
});

describe("help requests", () => {
  const specialist = { id: "s", role: "specialist", disabled: false };
  const leads = [
    { id: "old", role: "lead", disabled: true },
    { id: "lead", role: "lead", disabled: false },
  ];
  it("reach the specialist, or the first active lead when the specialist has left", () => {
    expect(helpRecipient(specialist, leads)?.id).toBe("s");
    expect(helpRecipient({ ...specialist, disabled: true }, leads)?.id).toBe("lead");
    expect(helpRecipient(null, leads)?.id).toBe("lead");
    expect(helpRecipient(null, [])).toBeNull();
  });
  it("are acknowledged once and resolved once", () => {
    expect(helpTransition("open", "acknowledged")).toBe(true);
    expect(helpTransition("acknowledged", "acknowledged")).toBe(false);
    expect(helpTransition("acknowledged", "resolved")).toBe(true);
    expect(helpTransition("open", "resolved")).toBe(true);
    expect(helpTransition("resolved", "resolved")).toBe(false);
  });
  it("read “again” after the plan has closed", () => {
    expect(helpButtonKind("aftercare")).toBe("first");
    expect(helpButtonKind("closed")).toBe("again");
  });
});

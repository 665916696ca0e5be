/** The specialist's worklist (app/domain/worklist.ts): urgency order, bounds, filters; and well-being's "falling". */
import { describe, expect, it } from "vitest";
import { fallingWellbeing, isCheckDue, monthsFromTo, trendOf } from "~/domain/wellbeing";
import { helpButtonKind, helpRecipient, helpTransition } from "~/domain/help";
import { leaverMonthsOf, worklist, worklistCount, WORKLIST_KINDS, type WorklistInput, type WorklistPerson } from "~/domain/worklist";

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

/** Every order of a short list (to check a sort does not depend on the input's order). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * The worklist's rows as the page gets them (found by mutation testing, docs/proofs.md): every field of
 * a row of each section (where one click goes, the day, the details the wording needs), the orders
 * whatever order the facts come in, the bounds of the review and leaver filters, and the total.
 */
describe("each section's rows", () => {
  it("help, reviews, well-being, adult steps, mentors, documents and leavers: where they go, their day and details", () => {
    const sections = worklist(
      input({
        people: [
          person("a", { careEnd: "2027-02-01" }),
          person("b", { mentorNeed: "inWindow" }),
          person("c", { mentorNeed: "soon", mentoringStart: "2027-01-15" }),
          person("d", { rhythm: { kind: "overdue", dueBy: "2026-11-10", daysOverdue: 21 } }),
        ],
        help: [{ youngPersonId: "a", id: "h1", status: "acknowledged", createdOn: "2026-11-21" }],
        reviews: [
          { youngPersonId: "a", kind: "overdue", date: "2026-10-01", days: -61 },
          { youngPersonId: "b", kind: "requested", date: "2026-11-29", days: -2 },
          { youngPersonId: "c", kind: "due", date: "2026-12-31", days: 30 },
        ],
        wellbeing: [
          { youngPersonId: "d", month: "2026-10", score: 4 },
          { youngPersonId: "d", month: "2026-11", score: 2 },
        ],
        overdueSteps: [{ youngPersonId: "a", owner: "carer", count: 2, oldestDue: "2026-11-01" }],
        documents: [
          { youngPersonId: "b", id: "doc1", kind: "passport", label: null, expiresOn: "2026-12-11" },
          { youngPersonId: "c", id: "doc2", kind: "other", label: "Bankas karte", expiresOn: "2026-12-12" },
        ],
      }),
    );
    const rows = Object.fromEntries(sections.map((s) => [s.kind, s.rows]));
    expect(rows).toEqual({
      help: [
        {
          kind: "help",
          youngPersonId: "a",
          displayName: "Name a",
          href: "/plan/a/help#request-h1",
          date: "2026-11-21",
          days: -10,
          detail: { status: "acknowledged" },
        },
      ],
      reviewOverdue: [{ kind: "reviewOverdue", youngPersonId: "a", displayName: "Name a", href: "/plan/a", date: "2026-10-01", days: -61, detail: {} }],
      reviewRequested: [{ kind: "reviewRequested", youngPersonId: "b", displayName: "Name b", href: "/plan/b", date: "2026-11-29", days: -2, detail: {} }],
      wellbeingFalling: [
        {
          kind: "wellbeingFalling",
          youngPersonId: "d",
          displayName: "Name d",
          href: "/plan/d/wellbeing",
          date: "2026-11-01",
          days: -30,
          detail: { from: 4, to: 2 },
        },
      ],
      adultSteps: [
        {
          kind: "adultSteps",
          youngPersonId: "a",
          displayName: "Name a",
          href: "/plan/a#next-steps",
          date: "2026-11-01",
          days: -30,
          detail: { owner: "carer", count: 2 },
        },
      ],
      mentor: [
        { kind: "mentor", youngPersonId: "b", displayName: "Name b", href: "/plan/b/mentoring#mentor", date: null, days: null, detail: { need: "inWindow" } },
        {
          kind: "mentor",
          youngPersonId: "d",
          displayName: "Name d",
          href: "/plan/d/mentoring",
          date: "2026-11-10",
          days: -21,
          detail: { need: "contactOverdue", days: 21 },
        },
        { kind: "mentor", youngPersonId: "c", displayName: "Name c", href: "/plan/c/mentoring#mentor", date: "2027-01-15", days: 45, detail: { need: "soon" } },
      ],
      documents: [
        {
          kind: "documents",
          youngPersonId: "b",
          displayName: "Name b",
          href: "/plan/b/documents",
          date: "2026-12-11",
          days: 10,
          detail: { document: "passport", label: "" },
        },
        {
          kind: "documents",
          youngPersonId: "c",
          displayName: "Name c",
          href: "/plan/c/documents",
          date: "2026-12-12",
          days: 11,
          detail: { document: "other", label: "Bankas karte" },
        },
      ],
      // Due in exactly 30 days is still on the list.
      reviewDue: [{ kind: "reviewDue", youngPersonId: "c", displayName: "Name c", href: "/plan/c", date: "2026-12-31", days: 30, detail: {} }],
      leaving: [{ kind: "leaving", youngPersonId: "a", displayName: "Name a", href: "/plan/a", date: "2027-02-01", days: 62, detail: {} }],
    });
    expect(worklistCount(sections)).toBe(12);
    expect(worklistCount([])).toBe(0);
  });

  it("a due review 31 days ahead waits; overdue and requested reviews are listed whatever their day", () => {
    const sections = worklist(
      input({
        people: [person("a"), person("b"), person("c")],
        reviews: [
          { youngPersonId: "a", kind: "due", date: "2027-01-01", days: 31 },
          { youngPersonId: "b", kind: "requested", date: "2027-01-20", days: 50 },
          { youngPersonId: "c", kind: "overdue", date: "2027-01-20", days: 50 },
        ],
      }),
    );
    expect(section(sections, "reviewDue").total).toBe(0);
    expect(section(sections, "reviewRequested").total).toBe(1);
    expect(section(sections, "reviewOverdue").total).toBe(1);
  });
});

describe("orders that do not depend on the order the facts came in", () => {
  it("help: open requests oldest first, then acknowledged ones oldest first", () => {
    const help = [
      { youngPersonId: "a", id: "h1", status: "open", createdOn: "2026-11-20" },
      { youngPersonId: "b", id: "h2", status: "open", createdOn: "2026-11-25" },
      { youngPersonId: "c", id: "h3", status: "acknowledged", createdOn: "2026-11-01" },
      { youngPersonId: "d", id: "h4", status: "acknowledged", createdOn: "2026-11-10" },
    ] as const;
    const people = ["a", "b", "c", "d"].map((id) => person(id));
    for (const order of permutations(help)) {
      expect(section(worklist(input({ people, help: order })), "help").rows.map((r) => r.youngPersonId)).toEqual(["a", "b", "c", "d"]);
    }
  });

  it("documents by day, then by name on the same day", () => {
    const doc = (youngPersonId: string, expiresOn: string) => ({
      youngPersonId,
      id: `${youngPersonId}-${expiresOn}`,
      kind: "passport",
      label: null,
      expiresOn,
    });
    const people = [person("a", { displayName: "Anna" }), person("b", { displayName: "Bruno" }), person("c", { displayName: "Cilda" })];
    const documents = [doc("b", "2026-11-01"), doc("a", "2026-12-15"), doc("c", "2026-12-15"), doc("a", "2027-01-10")];
    for (const order of permutations(documents)) {
      expect(section(worklist(input({ people, documents: order })), "documents").rows.map((r) => [r.displayName, r.date])).toEqual([
        ["Bruno", "2026-11-01"],
        ["Anna", "2026-12-15"],
        ["Cilda", "2026-12-15"],
        ["Anna", "2027-01-10"],
      ]);
    }
  });

  it("mentors missing inside the window by name (they have no day), before the others", () => {
    const people = [
      person("z", { displayName: "Zane", mentorNeed: "inWindow" }),
      person("l", { displayName: "Lauris", rhythm: { kind: "overdue", dueBy: "2026-11-10", daysOverdue: 21 } }),
      person("a", { displayName: "Aija", mentorNeed: "inWindow" }),
    ];
    for (const order of permutations(people)) {
      expect(section(worklist(input({ people: order })), "mentor").rows.map((r) => r.displayName)).toEqual(["Aija", "Zane", "Lauris"]);
    }
  });
});

describe("leavers", () => {
  it("only in preparation or transition, up to the last day of the filter's months", () => {
    const people = [
      person("edge", { careEnd: "2027-06-01" }),
      person("after", { careEnd: "2027-06-02" }),
      person("prep", { phase: "preparation", careEnd: "2027-03-01" }),
      person("closed", { phase: "closed", careEnd: "2027-01-01" }),
      person("aftercare", { phase: "aftercare", careEnd: "2027-01-01" }),
    ];
    expect(section(worklist(input({ people })), "leaving").rows.map((r) => r.youngPersonId)).toEqual(["prep", "edge"]);
  });
});

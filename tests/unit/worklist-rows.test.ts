/**
 * The worklist's rows as the page gets them (found by mutation testing, docs/proofs.md): every field of
 * a row of each section (where one click goes, the day, the details the wording needs), the orders
 * whatever order the facts come in, the bounds of the review and leaver filters, and the total.
 */
import { describe, expect, it } from "vitest";
import { worklist, worklistCount, type WorklistInput, type WorklistPerson } from "~/domain/worklist";

const TODAY = "2026-12-01";

function person(id: string, over: Partial<WorklistPerson> = {}): WorklistPerson {
  return { id, displayName: `Name ${id}`, phase: "transition", careEnd: "2027-08-01", mentoringStart: "2026-08-01", mentorNeed: null, rhythm: null, ...over };
}
function input(over: Partial<WorklistInput> = {}): WorklistInput {
  return { today: TODAY, leaverMonths: 6, people: [], help: [], reviews: [], wellbeing: [], overdueSteps: [], documents: [], ...over };
}
const section = (sections: ReturnType<typeof worklist>, kind: string) => sections.find((s) => s.kind === kind)!;
/** Every order of a short list (to check a sort does not depend on the input's order). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

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

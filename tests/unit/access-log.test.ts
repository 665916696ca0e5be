/** "Who looked at my plan" (app/domain/access-log.ts): reads grouped by day, then person. */
import { describe, expect, it } from "vitest";
import { groupVisitsByDay, type AccessRead } from "~/domain/access-log";

const read = (at: number, actorId: string | null, part = "overview"): AccessRead => ({
  at,
  actorId,
  actorName: actorId ? `Name ${actorId}` : null,
  actorRole: actorId ? "specialist" : null,
  part,
});

describe("groupVisitsByDay", () => {
  it("one line per person per day: the parts in the order first opened, the first and last time", () => {
    const noon = Date.UTC(2026, 2, 10, 10);
    const days = groupVisitsByDay([
      read(noon + 5, "a", "budget"),
      read(noon + 4, "b"),
      read(noon + 3, "a", "overview"),
      read(noon + 2, "a", "history"),
      read(noon + 1, "a", "overview"),
      read(noon, null),
      read(noon - 1, null, "budget"),
    ]);
    expect(days).toEqual([
      {
        day: "2026-03-10",
        visits: [
          { actorName: "Name a", actorRole: "specialist", parts: ["overview", "history", "budget"], from: noon + 1, to: noon + 5 },
          { actorName: "Name b", actorRole: "specialist", parts: ["overview"], from: noon + 4, to: noon + 4 },
          { actorName: null, actorRole: null, parts: ["budget", "overview"], from: noon - 1, to: noon },
        ],
      },
    ]);
  });

  it("a new day starts new lines, and no reads are no days", () => {
    const day1 = Date.UTC(2026, 2, 10, 10);
    const day2 = Date.UTC(2026, 2, 11, 10);
    const days = groupVisitsByDay([read(day2, "a"), read(day1, "a", "budget")]);
    expect(days.map((d) => [d.day, d.visits.map((v) => v.parts)])).toEqual([
      ["2026-03-11", [["overview"]]],
      ["2026-03-10", [["budget"]]],
    ]);
    expect(groupVisitsByDay([])).toEqual([]);
  });
});

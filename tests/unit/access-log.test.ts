/** "Who looked at my plan" (app/domain/access-log.ts): reads grouped by day, then person and part. */
import { describe, expect, it } from "vitest";
import { groupReadsByDay, type AccessRead } from "~/domain/access-log";

const read = (at: number, actorId: string | null, part = "overview"): AccessRead => ({
  at,
  actorId,
  actorName: actorId ? `Name ${actorId}` : null,
  actorRole: actorId ? "specialist" : null,
  part,
});

describe("groupReadsByDay", () => {
  it("keeps two people who read the same part on the same day apart, and one person's looks together", () => {
    const noon = Date.UTC(2026, 2, 10, 10);
    const days = groupReadsByDay([read(noon + 3, "a"), read(noon + 2, "b"), read(noon + 1, "a"), read(noon, null), read(noon - 1, "a", "budget")]);
    expect(days).toEqual([
      {
        day: "2026-03-10",
        groups: [
          { actorName: "Name a", actorRole: "specialist", part: "overview", times: [noon + 3, noon + 1] },
          { actorName: "Name b", actorRole: "specialist", part: "overview", times: [noon + 2] },
          { actorName: null, actorRole: null, part: "overview", times: [noon] },
          { actorName: "Name a", actorRole: "specialist", part: "budget", times: [noon - 1] },
        ],
      },
    ]);
  });
});

/** Grouping the plan history: what is never folded, and two people of one name (mutation survivors, docs/proofs.md). */
import { describe, expect, test } from "vitest";
import { groupHistory } from "~/domain/history-view";

const event = (n: number, kind: string, actorName = "Laura", actorRole: string | null = "mentor") => {
  const [entity, action] = kind.split(".");
  return { id: String(n), entity: entity!, action: action!, createdAt: Date.UTC(2026, 5, 2, 10, 0, 60 - n), actorName, actorRole };
};

describe("groupHistory", () => {
  test.each(["comment.commented", "mentorship.linked", "mentorship.closed", "record.careEndChanged"])("%s is never folded with the one before", (kind) => {
    const [day] = groupHistory([event(1, kind), event(2, kind)]);
    expect(day!.groups.map((g) => g.events.length)).toEqual([1, 1]);
  });
  test("a run is one person: the same name in another role is someone else", () => {
    const [day] = groupHistory([
      event(1, "rating.rated", "Laura", "mentor"),
      event(2, "rating.rated", "Laura", "carer"),
      event(3, "rating.rated", "Laura", "carer"),
    ]);
    expect(day!.groups.map((g) => g.events.map((e) => e.id))).toEqual([["1"], ["2", "3"]]);
    const [unknown] = groupHistory([event(1, "rating.rated", "Laura", null), event(2, "rating.rated", "Laura", null)]);
    expect(unknown!.groups).toHaveLength(1);
  });
});

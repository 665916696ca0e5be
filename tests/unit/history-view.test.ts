import { describe, expect, test } from "vitest";
import { groupHistory, HISTORY_MAX, HISTORY_PAGE, historyQuery, historySearch } from "~/domain/history-view";

const at = (iso: string) => new Date(iso).getTime();
const event = (n: number, when: string, actorName: string, kind: string) => {
  const [entity, action] = kind.split(".");
  return { id: String(n), entity: entity!, action: action!, createdAt: at(when), actorName, actorRole: "youth" };
};

describe("the history page's query", () => {
  test("unknown filters are ignored, the limit is whole pages between one page and the maximum", () => {
    expect(historyQuery(new URLSearchParams(""))).toEqual({ what: null, domain: null, limit: HISTORY_PAGE, goal: null });
    expect(historyQuery(new URLSearchParams("what=skills&domain=housing&limit=41"))).toEqual({
      what: "skills",
      domain: "housing",
      limit: 2 * HISTORY_PAGE,
      goal: null,
    });
    expect(historyQuery(new URLSearchParams("what=<x>&domain=mars&limit=-5"))).toEqual({ what: null, domain: null, limit: HISTORY_PAGE, goal: null });
    expect(historyQuery(new URLSearchParams("limit=99999999")).limit).toBe(HISTORY_MAX);
    expect(historyQuery(new URLSearchParams("limit=abc")).limit).toBe(HISTORY_PAGE);
  });

  test("show more keeps the filters", () => {
    const query = historyQuery(new URLSearchParams("what=goals&domain=legal"));
    expect(historySearch(query, { limit: query.limit + HISTORY_PAGE })).toBe(`?what=goals&domain=legal&limit=${2 * HISTORY_PAGE}`);
    expect(historySearch(historyQuery(new URLSearchParams()))).toBe("");
  });

  test("one goal's history: an id-like value is kept (and in show more); anything else is ignored", () => {
    const id = "0b5e8f3c-1d2a-4c6b-9e7f-123456789abc";
    const query = historyQuery(new URLSearchParams(`goal=${id}`));
    expect(query.goal).toBe(id);
    expect(historySearch(query, { limit: query.limit + HISTORY_PAGE })).toBe(`?goal=${id}&limit=${2 * HISTORY_PAGE}`);
    for (const bad of ["", "<script>", "a b", "x".repeat(65), "../plan"]) expect(historyQuery(new URLSearchParams({ goal: bad })).goal).toBeNull();
  });
});

describe("grouping the history", () => {
  test("by day in Riga, and runs of one person doing one thing", () => {
    const days = groupHistory([
      event(1, "2026-06-02T10:05:00Z", "Pēteris", "rating.rated"),
      event(2, "2026-06-02T10:04:00Z", "Pēteris", "rating.rated"),
      event(3, "2026-06-02T10:03:00Z", "Pēteris", "rating.rated"),
      event(4, "2026-06-02T10:02:00Z", "Jānis", "rating.rated"),
      event(5, "2026-06-02T10:01:00Z", "Jānis", "comment.commented"),
      event(6, "2026-06-02T10:00:00Z", "Jānis", "comment.commented"),
      // 23:30 UTC on 1 June is already 2 June in Riga (UTC+3 in summer).
      event(7, "2026-06-01T23:30:00Z", "Jānis", "step.completed"),
      event(8, "2026-06-01T20:00:00Z", "Jānis", "step.completed"),
    ]);
    expect(days.map((d) => d.day)).toEqual(["2026-06-02", "2026-06-01"]);
    expect(days[0]!.groups.map((g) => [g.kind, g.actorName, g.events.length])).toEqual([
      ["rating.rated", "Pēteris", 3],
      ["rating.rated", "Jānis", 1],
      ["comment.commented", "Jānis", 1],
      ["comment.commented", "Jānis", 1],
      ["step.completed", "Jānis", 1],
    ]);
    expect(days[1]!.groups).toHaveLength(1);
    expect(groupHistory([])).toEqual([]);
  });
});

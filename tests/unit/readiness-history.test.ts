/**
 * Readiness stages, latest ratings, trends and suggested topics (app/domain/readiness.ts), and the history
 * vocabulary's small rules (app/domain/plan-history.ts): written for issue 15's mutation run, which found
 * both modules checked only through pages.
 */
import { describe, expect, it } from "vitest";
import { latestRatings, ratingTrend, readinessStage, suggestedTopics, type Rating } from "~/domain/readiness";
import { GOAL_STATUS_EVENTS, PLAN_EVENT_KINDS, SHOWN_VALUE_FIELDS, WORD_FIELDS, changedFields, isPlanEventKind, splitKind } from "~/domain/plan-history";
import { DOMAINS, type Domain } from "~/domain/vocabulary";

const rating = (domain: Domain, raterKind: "youth" | "adult", value: number, ratedOn: string, createdAt = 0): Rating => ({
  domain,
  raterKind,
  value,
  ratedOn,
  createdAt,
});

describe("readinessStage", () => {
  it("has two points per stage, rounded and clamped to 1–10", () => {
    const stages = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(readinessStage);
    expect(stages).toEqual(["notStarted", "notStarted", "gettingHelp", "gettingHelp", "believing", "believing", "learning", "learning", "onMyOwn", "onMyOwn"]);
    expect(readinessStage(0)).toBe("notStarted");
    expect(readinessStage(-5)).toBe("notStarted");
    expect(readinessStage(11)).toBe("onMyOwn");
    expect(readinessStage(2.4)).toBe("notStarted");
    expect(readinessStage(2.6)).toBe("gettingHelp");
  });
});

describe("latestRatings", () => {
  it("keeps each domain's latest rating per kind of rater; the later entry wins on the same day", () => {
    const ratings = [
      rating("housing", "youth", 3, "2026-01-01", 1),
      rating("housing", "youth", 5, "2026-02-01", 0),
      rating("housing", "youth", 4, "2026-01-15", 9),
      rating("housing", "adult", 6, "2026-02-01", 5),
      rating("housing", "adult", 7, "2026-02-01", 6),
      rating("housing", "adult", 2, "2026-02-01", 4),
      rating("health", "adult", 8, "2026-01-01", 0),
    ];
    const latest = latestRatings(ratings);
    expect(Object.keys(latest)).toEqual([...DOMAINS]);
    expect(latest.housing.youth?.value).toBe(5);
    expect(latest.housing.adult?.value).toBe(7);
    expect(latest.health).toEqual({ youth: null, adult: ratings[6] });
    expect(latest.legal).toEqual({ youth: null, adult: null });
  });

  it("of two ratings made at the same moment, the first one read stays (a tie does not flip)", () => {
    const first = rating("legal", "youth", 3, "2026-02-01", 7);
    const second = rating("legal", "youth", 8, "2026-02-01", 7);
    expect(latestRatings([first, second]).legal.youth).toBe(first);
    expect(latestRatings([second, first]).legal.youth).toBe(second);
  });
});

describe("ratingTrend", () => {
  it("is one domain and one kind of rater, oldest first, same-day entries in the order they were made", () => {
    const ratings = [
      rating("housing", "youth", 5, "2026-03-01", 0),
      rating("housing", "adult", 9, "2026-01-01", 0),
      rating("housing", "youth", 2, "2026-01-01", 2),
      rating("health", "youth", 1, "2026-01-01", 0),
      rating("housing", "youth", 3, "2026-01-01", 1),
      rating("housing", "youth", 4, "2026-02-01", 0),
    ];
    expect(ratingTrend(ratings, "housing", "youth").map((r) => r.value)).toEqual([3, 2, 4, 5]);
    expect(ratingTrend(ratings, "housing", "adult").map((r) => r.value)).toEqual([9]);
    expect(ratingTrend(ratings, "legal", "youth")).toEqual([]);
  });
});

describe("suggestedTopics", () => {
  const latestOf = (pairs: Partial<Record<Domain, [number | null, number | null]>>) =>
    latestRatings(
      Object.entries(pairs).flatMap(([domain, [youth, adult]]) => [
        ...(youth === null ? [] : [rating(domain as Domain, "youth", youth, "2026-01-01")]),
        ...(adult === null ? [] : [rating(domain as Domain, "adult", adult, "2026-01-01")]),
      ]),
    );

  it("lists the largest differences either way, at least 2 points, ties in domain order, three at most", () => {
    const latest = latestOf({
      housing: [8, 3],
      education: [2, 7],
      health: [5, 4],
      finances: [9, 6],
      employment: [3, 6],
      legal: [6, null],
      psychosocial: [1, 10],
    });
    expect(suggestedTopics(latest)).toEqual([
      { domain: "psychosocial", youth: 1, adult: 10, difference: -9 },
      { domain: "housing", youth: 8, adult: 3, difference: 5 },
      { domain: "education", youth: 2, adult: 7, difference: -5 },
    ]);
    expect(suggestedTopics(latest, { limit: 10 }).map((g) => g.domain)).toEqual(["psychosocial", "housing", "education", "finances", "employment"]);
    expect(suggestedTopics(latest, { limit: 10, minimum: 4 }).map((g) => g.domain)).toEqual(["psychosocial", "housing", "education"]);
  });

  it("a difference of exactly the minimum counts; one point does not", () => {
    const latest = latestOf({ housing: [5, 3], health: [4, 5] });
    expect(suggestedTopics(latest).map((g) => g.domain)).toEqual(["housing"]);
  });

  it("equal differences keep the domains' order", () => {
    const latest = latestOf({ housing: [6, 3], education: [3, 6], health: [7, 4], finances: [2, 5], employment: [9, 6], legal: [1, 4] });
    expect(suggestedTopics(latest, { limit: 10 }).map((g) => g.domain)).toEqual(["housing", "education", "health", "finances", "employment", "legal"]);
  });

  it("needs both views of a domain", () => {
    expect(suggestedTopics(latestOf({ housing: [9, null], health: [null, 1] }))).toEqual([]);
  });
});

describe("the history vocabulary", () => {
  it("knows its kinds and nothing else", () => {
    expect(isPlanEventKind("goal.created")).toBe(true);
    expect(isPlanEventKind("review.requested")).toBe(true);
    expect(isPlanEventKind("goal.deleted")).toBe(false);
    expect(isPlanEventKind("")).toBe(false);
    expect(new Set(PLAN_EVENT_KINDS).size).toBe(PLAN_EVENT_KINDS.length);
    for (const kind of PLAN_EVENT_KINDS) expect(kind).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
  });

  it("gives each goal status its own event", () => {
    expect(GOAL_STATUS_EVENTS).toEqual({ planned: "goal.reopened", in_progress: "goal.started", done: "goal.completed", dropped: "goal.dropped" });
  });

  it("splits a kind at its dot", () => {
    expect(splitKind("goal.created")).toEqual({ entity: "goal", action: "created" });
    expect(splitKind("mentorship.youthNote")).toEqual({ entity: "mentorship", action: "youthNote" });
    expect(splitKind("record.careEndChanged")).toEqual({ entity: "record", action: "careEndChanged" });
  });

  it("names the changed fields: the event's own list, else the keys of both sides but its bookkeeping", () => {
    expect(changedFields({ title: "a" }, { fields: ["title", 3, "dueDate"] })).toEqual(["title", "dueDate"]);
    expect(changedFields({ owner: "youth", kind: "x" }, { owner: "mentor", dueDate: "2026-01-01", skill: "s", goalId: "g" })).toEqual(["owner", "dueDate"]);
    expect(changedFields(null, { status: "done" })).toEqual(["status"]);
    expect(changedFields({ status: "done" }, "text")).toEqual(["status"]);
    expect(changedFields("text", { status: "done" })).toEqual(["status"]);
    expect(changedFields(undefined, undefined)).toEqual([]);
    expect(changedFields({ a: 1 }, { a: 2 })).toEqual(["a"]);
  });

  it("never shows the young person's words as values", () => {
    for (const field of WORD_FIELDS) expect(SHOWN_VALUE_FIELDS as readonly string[]).not.toContain(field);
    expect(WORD_FIELDS).toContain("title");
    expect(WORD_FIELDS).toContain("body");
    expect(SHOWN_VALUE_FIELDS).toContain("dueDate");
  });
});

/** The pure rules behind "who looked", retention and erasure, and the plan history's vocabulary. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { groupVisitsByDay } from "~/domain/access-log";
import { auditHashInput, verifyAuditRows } from "~/domain/audit-chain";
import { changedFields, GOAL_STATUS_EVENTS, PLAN_EVENT_KINDS, splitKind } from "~/domain/plan-history";
import { erasureRefusal, parseErasure, parseRetentionMonths, planClosedOn, retentionEndsOn } from "~/domain/retention";
import { GOAL_STATUSES } from "~/domain/vocabulary";

const at = (iso: string) => Date.parse(iso);

describe("who looked: reads grouped by day in Riga, then person", () => {
  it("groups newest first, one line per person with the first and last look", () => {
    const reads = [
      { at: at("2026-03-03T08:05:00Z"), actorId: "p", actorName: "Pēteris", actorRole: "mentor", part: "overview" },
      { at: at("2026-03-03T08:00:00Z"), actorId: "p", actorName: "Pēteris", actorRole: "mentor", part: "overview" },
      { at: at("2026-03-03T07:00:00Z"), actorId: "i", actorName: "Ilze", actorRole: "specialist", part: "health" },
      // 23:30 UTC on the 1st is already the 2nd in Riga.
      { at: at("2026-03-01T23:30:00Z"), actorId: "p", actorName: "Pēteris", actorRole: "mentor", part: "overview" },
    ];
    const days = groupVisitsByDay(reads);
    expect(days.map((d) => d.day)).toEqual(["2026-03-03", "2026-03-02"]);
    expect(days[0]!.visits.map((v) => [v.actorName, v.parts, v.to - v.from])).toEqual([
      ["Pēteris", ["overview"], 5 * 60_000],
      ["Ilze", ["health"], 0],
    ]);
    expect(groupVisitsByDay([])).toEqual([]);
  });
});

describe("retention", () => {
  // Care ends 1 June 2024, born 1 June 2006: the window ends 1 June 2026, the plan closes the day after.
  const record = { dateOfBirth: "2006-06-01", plannedCareEndDate: "2024-06-01", actualCareEndDate: null };
  it("counts from the day the plan closes", () => {
    expect(planClosedOn(record)).toBe("2026-06-02");
    expect(retentionEndsOn(record, 36)).toBe("2029-06-02");
  });
  it("refuses an open plan, then a plan inside the period, then allows", () => {
    expect(erasureRefusal(record, 36, "2026-06-01")).toEqual({ field: "youngPersonId", error: "open" });
    expect(erasureRefusal(record, 36, "2029-06-01")).toEqual({ field: "youngPersonId", error: "retention", endsOn: "2029-06-02" });
    expect(erasureRefusal(record, 36, "2029-06-02")).toBeNull();
  });
  it("reads a retention period of whole months from 1 to 600", () => {
    expect(["1", "36", " 600 "].map(parseRetentionMonths)).toEqual([1, 36, 600]);
    expect(["0", "601", "1.5", "", "abc", "-1", "1e2", undefined].map(parseRetentionMonths)).toEqual(Array(8).fill(null));
  });
  it("needs a mode and a reason of 10 to 500 characters", () => {
    expect(parseErasure({ mode: "erase", reason: "  Termiņš beidzies  " })).toEqual({ value: { mode: "erase", reason: "Termiņš beidzies" } });
    expect(parseErasure({ mode: "shred", reason: "" })).toEqual({ problems: ["mode", "reason"] });
    expect(parseErasure({ mode: "anonymise", reason: "x".repeat(501) })).toEqual({ problems: ["reason"] });
  });
});

describe("the audit chain", () => {
  const sha = (t: string) => createHash("sha256").update(t).digest("hex");
  function chain(n: number) {
    let prev = "";
    return Array.from({ length: n }, (_, i) => {
      const row = { at: 1000 + i, actorId: "a", actorRole: "mentor", youngPersonId: "y", kind: "read", part: "overview" };
      const hash = sha(auditHashInput(prev, row));
      const raw = [i + 1, row.at, row.actorId, row.actorRole, row.youngPersonId, row.kind, row.part, prev, hash] as [
        number,
        number,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      prev = hash;
      return raw;
    });
  }
  it("verifies an intact chain and names the first broken entry", () => {
    expect(verifyAuditRows(chain(5), sha)).toEqual({ rows: 5, ok: true, firstBroken: null });
    const changed = chain(5);
    changed[2]![6] = "history";
    expect(verifyAuditRows(changed, sha).firstBroken).toEqual({ seq: 3, problem: "hash" });
    const removed = chain(5).filter((r) => r[0] !== 2);
    expect(verifyAuditRows(removed, sha).firstBroken).toEqual({ seq: 3, problem: "link" });
    expect(verifyAuditRows([], sha)).toEqual({ rows: 0, ok: true, firstBroken: null });
  });
});

describe("the plan history's vocabulary", () => {
  it("has a kind for every goal status, each naming its entity and action", () => {
    for (const status of GOAL_STATUSES) expect(PLAN_EVENT_KINDS).toContain(GOAL_STATUS_EVENTS[status]);
    expect(splitKind("record.careEndChanged")).toEqual({ entity: "record", action: "careEndChanged" });
  });
  it("reads the changed fields from the event's list, or from older events' keys", () => {
    expect(changedFields({ dueDate: "2026-01-01" }, { dueDate: "2026-02-01", fields: ["title", "dueDate"] })).toEqual(["title", "dueDate"]);
    expect(changedFields({ title: "a" }, { title: "b", kind: "passport" })).toEqual(["title"]);
  });
});

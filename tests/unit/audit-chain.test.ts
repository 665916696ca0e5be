/**
 * The audit log's hash chain (app/domain/audit-chain.ts) on its own: the exact text each hash covers,
 * and which entry a walk reports first for each way a chain breaks (the append inside SQLite is checked
 * against this in tests/integration/audit.test.ts).
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { auditHashInput, verifyAuditChain, verifyAuditRows, type AuditRowFields } from "~/domain/audit-chain";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
type Row = Parameters<typeof verifyAuditRows>[0] extends Iterable<infer R> ? R : never;

function chain(fields: AuditRowFields[]): Row[] {
  let previous = "";
  return fields.map((f, i) => {
    const hash = sha(auditHashInput(previous, f));
    const row: Row = [i + 1, f.at, f.actorId, f.actorRole, f.youngPersonId, f.kind, f.part, previous, hash];
    previous = hash;
    return row;
  });
}

const entries: AuditRowFields[] = [
  { at: 1000, actorId: "u1", actorRole: "specialist", youngPersonId: "yp1", kind: "read", part: "overview" },
  { at: 2000, actorId: null, actorRole: null, youngPersonId: null, kind: "erase", part: "record" },
  { at: 3000, actorId: "u2", actorRole: "lead", youngPersonId: "yp1", kind: "export", part: "all" },
];

describe("the text a hash covers", () => {
  it("is the previous hash and every field joined by '|', missing ones empty", () => {
    expect(auditHashInput("abc", entries[0]!)).toBe("abc|1000|u1|specialist|yp1|read|overview");
    expect(auditHashInput("", entries[1]!)).toBe("|2000||||erase|record");
  });
});

describe("walking the chain", () => {
  it("a whole chain is ok", () => {
    expect(verifyAuditRows(chain(entries), sha)).toEqual({ rows: 3, ok: true, firstBroken: null });
    expect(verifyAuditRows([], sha)).toEqual({ rows: 0, ok: true, firstBroken: null });
  });
  it("a changed entry breaks its own hash", () => {
    const rows = chain(entries);
    rows[1]![5] = "read";
    expect(verifyAuditRows(rows, sha)).toEqual({ rows: 2, ok: false, firstBroken: { seq: 2, problem: "hash" } });
  });
  it("a removed entry breaks the next one's link", () => {
    const rows = chain(entries);
    expect(verifyAuditRows([rows[0]!, rows[2]!], sha)).toEqual({ rows: 2, ok: false, firstBroken: { seq: 3, problem: "link" } });
  });
  it("a repeated or earlier sequence number is out of order", () => {
    const rows = chain(entries);
    expect(verifyAuditRows([rows[0]!, [1, ...rows[1]!.slice(1)] as Row], sha)).toEqual({ rows: 2, ok: false, firstBroken: { seq: 1, problem: "order" } });
    expect(verifyAuditRows([rows[0]!, rows[1]!, [1, ...rows[2]!.slice(1)] as Row], sha)).toEqual({
      rows: 3,
      ok: false,
      firstBroken: { seq: 1, problem: "order" },
    });
  });
  it("reads a database's audit_log in sequence order", () => {
    const db = new Database(":memory:");
    db.exec(
      "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at INTEGER, actor_id TEXT, actor_role TEXT, young_person_id TEXT, kind TEXT, part TEXT, prev_hash TEXT, hash TEXT)",
    );
    const insert = db.prepare("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const row of [...chain(entries)].reverse()) insert.run(...row);
    expect(verifyAuditChain(db, sha)).toEqual({ rows: 3, ok: true, firstBroken: null });
    db.prepare("UPDATE audit_log SET part = 'health' WHERE seq = 3").run();
    expect(verifyAuditChain(db, sha)).toEqual({ rows: 3, ok: false, firstBroken: { seq: 3, problem: "hash" } });
    db.close();
  });
});

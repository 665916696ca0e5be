/**
 * The audit log (docs/decisions/011-audit-export-erasure.md): one row per read of a record and per
 * change, append-only (triggers in db/migrations/0006_audit_append_only.sql refuse UPDATE and DELETE)
 * and hash-chained: each row's hash covers the previous row's hash and its own fields. The append is one
 * prepared INSERT that reads the previous hash and computes the new one inside SQLite, so two writers
 * can never chain onto the same row (SQLite serialises writes).
 */
import { and, desc, eq, gte, ne } from "drizzle-orm";
import type Database from "better-sqlite3";
export { auditHashInput, verifyAuditChain, type ChainReport } from "~/domain/audit-chain";
import { auditLog, users } from "../../db/schema";
import { openSqlite } from "../../db/connection";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/clock.server";

export const AUDIT_KINDS = ["read", "change", "sharing", "export", "erase"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  actorId: string | null;
  actorRole: string | null;
  youngPersonId: string | null;
  kind: AuditKind;
  /** The part of the record: a page ("overview"), a section ("health") or what changed ("goal"). */
  part: string;
}

const APPEND_SQL = `
INSERT INTO audit_log (at, actor_id, actor_role, young_person_id, kind, part, prev_hash, hash)
SELECT CAST(@at AS INTEGER), @actorId, @actorRole, @youngPersonId, @kind, @part, prev.h,
       tilts_sha256(prev.h || '|' || CAST(@at AS INTEGER) || '|' || coalesce(@actorId, '') || '|' || coalesce(@actorRole, '') || '|' ||
                    coalesce(@youngPersonId, '') || '|' || @kind || '|' || @part)
FROM (SELECT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '') AS h) AS prev`;

const prepared = new WeakMap<Database.Database, Database.Statement>();

/** Whether reads are logged: on, except when a benchmark measures the page without it (AUDIT_READS=off). */
function readsLogged(): boolean {
  return process.env["AUDIT_READS"] !== "off";
}

/**
 * Reads are appended on a connection of their own with synchronous=NORMAL: with FULL every page view
 * waited for an fsync (2.7 ms median, 11 ms p95 here, against 13 µs). In WAL mode NORMAL never corrupts
 * the file or the chain; a power cut can lose the last few read entries (docs/decisions/011). Changes
 * are appended on the main connection, inside the change's own transaction, with FULL.
 */
let readConnection: { main: Database.Database; audit: Database.Database } | null = null;

function readConnectionFor(main: Database.Database): Database.Database {
  if (main.memory) return main;
  if (readConnection?.main === main && readConnection.audit.open) return readConnection.audit;
  if (readConnection?.audit.open && readConnection.audit !== readConnection.main) readConnection.audit.close();
  const audit = openSqlite(main.name);
  audit.pragma("synchronous = NORMAL");
  readConnection = { main, audit };
  return audit;
}

/**
 * Appends one entry (one prepared INSERT). A change is written on the main connection, so it commits
 * with the change's transaction; a read on the read connection (never call it inside a transaction).
 */
export function appendAudit(entry: AuditEntry, atMs: number = now().getTime()): void {
  if (entry.kind === "read" && !readsLogged()) return;
  const main = getDb().$client;
  appendAuditTo(entry.kind === "read" ? readConnectionFor(main) : main, entry, atMs);
}

/** The same on a given connection (the demo seed writes through its own). */
export function appendAuditTo(client: Database.Database, entry: AuditEntry, atMs: number): void {
  let statement = prepared.get(client);
  if (!statement) {
    statement = client.prepare(APPEND_SQL);
    prepared.set(client, statement);
  }
  statement.run({
    at: atMs,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    youngPersonId: entry.youngPersonId,
    kind: entry.kind,
    part: entry.part,
  });
}

export interface AccessView {
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  part: string;
}

/** Reads of a record by anyone but the young person themself, newest first, within the last `days` days. */
export function recordReads(youngPersonId: string, ownUserId: string | null, sinceMs: number, limit = 2000): AccessView[] {
  return getDb()
    .select({ at: auditLog.at, actorId: auditLog.actorId, actorName: users.displayName, actorRole: auditLog.actorRole, part: auditLog.part })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.youngPersonId, youngPersonId),
        eq(auditLog.kind, "read"),
        gte(auditLog.at, sinceMs),
        ownUserId ? ne(auditLog.actorId, ownUserId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(limit)
    .all();
}

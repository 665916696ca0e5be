/**
 * The audit log's hash chain (docs/decisions/011-audit-export-erasure.md): each entry's hash is the
 * SHA-256 of the previous entry's hash and the entry's own fields, so changing, removing or inserting
 * an entry breaks every hash after it. The append computes the same text inside SQLite
 * (app/models/audit.server.ts); `npm run audit:verify` walks the chain with this code.
 */

export interface AuditRowFields {
  at: number;
  actorId: string | null;
  actorRole: string | null;
  youngPersonId: string | null;
  kind: string;
  part: string;
}

/** The text a row's hash covers: the previous hash, then every field, separated by "|". */
export function auditHashInput(prevHash: string, row: AuditRowFields): string {
  return [prevHash, row.at, row.actorId ?? "", row.actorRole ?? "", row.youngPersonId ?? "", row.kind, row.part].join("|");
}

export interface ChainReport {
  rows: number;
  ok: boolean;
  /** The first entry whose hash or link to the one before does not match, if any. */
  firstBroken: { seq: number; problem: "hash" | "link" | "order" } | null;
}

type RawRow = [
  seq: number,
  at: number,
  actorId: string | null,
  actorRole: string | null,
  youngPersonId: string | null,
  kind: string,
  part: string,
  prevHash: string,
  hash: string,
];

/** Walks the rows in order (any iterable, so millions stream through in flat memory). */
export function verifyAuditRows(rows: Iterable<RawRow>, hash: (text: string) => string): ChainReport {
  let previous = "";
  let lastSeq = 0;
  let count = 0;
  for (const [seq, at, actorId, actorRole, youngPersonId, kind, part, prevHash, rowHash] of rows) {
    count += 1;
    if (seq <= lastSeq) return { rows: count, ok: false, firstBroken: { seq, problem: "order" } };
    if (prevHash !== previous) return { rows: count, ok: false, firstBroken: { seq, problem: "link" } };
    if (hash(auditHashInput(prevHash, { at, actorId, actorRole, youngPersonId, kind, part })) !== rowHash) {
      return { rows: count, ok: false, firstBroken: { seq, problem: "hash" } };
    }
    previous = rowHash;
    lastSeq = seq;
  }
  return { rows: count, ok: true, firstBroken: null };
}

/** The same over a better-sqlite3 connection's audit_log table. */
export function verifyAuditChain(
  client: { prepare(sql: string): { raw(toggle: boolean): { iterate(): IterableIterator<unknown> } } },
  hash: (text: string) => string,
): ChainReport {
  const statement = client.prepare("SELECT seq, at, actor_id, actor_role, young_person_id, kind, part, prev_hash, hash FROM audit_log ORDER BY seq").raw(true);
  return verifyAuditRows(statement.iterate() as IterableIterator<RawRow>, hash);
}

/**
 * The plan pages' heavy reads kept under the plan's revision (docs/decisions/042-plan-reads-kept-by-revision.md).
 *
 * `plans.revision` moves, by triggers, on every write to the plan's goals, steps, goal comments,
 * readiness ratings and domains (db/migrations/0018_plan_revisions.sql), from any code path or script.
 * A read wrapped here names every input it is computed from besides those tables (the plan, the day,
 * the domains the viewer may see, the page): the result is kept under that key and the revision, and
 * computed anew as soon as the revision has moved. One small indexed read per call instead of walking
 * every goal and step of the plan.
 *
 * Rules for a read kept here:
 *  - it reads only the five tables above of the plan(s) named (anything else goes in its arguments);
 *  - it depends on nobody's identity: two viewers with the same arguments get the same value, so what
 *    differs between viewers (which domains they see) must be an argument;
 *  - callers do not change the value: it is frozen.
 * Nothing is kept while a transaction is open (a rolled-back write would leave a value for a revision
 * that never was), and each connection has its own entries (tests reopen the database).
 */
import type { TiltsDatabase } from "../../db/connection";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";

const revisionOf = prepared("SELECT revision FROM plans WHERE id = ?");
const revisionsOfRecords = prepared(
  "SELECT young_person_id, revision FROM plans WHERE young_person_id IN (SELECT value FROM json_each(?)) ORDER BY young_person_id",
);

/** The plan's revision, or null when there is no such plan. */
export function planRevision(planId: string): number | null {
  return (revisionOf().pluck().get(planId) as number | undefined) ?? null;
}

/** How many values are kept per connection; the least recently used go first. */
export const KEPT_READS_MAX = 2_000;

const keptByConnection = new WeakMap<TiltsDatabase, Map<string, { revision: string; value: unknown }>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function kept<R>(key: string, revision: string | null, read: () => R): R {
  const db = getDb();
  if (revision === null || db.$client.inTransaction) return read();
  let entries = keptByConnection.get(db);
  if (!entries) {
    entries = new Map();
    keptByConnection.set(db, entries);
  }
  const entry = entries.get(key);
  if (entry && entry.revision === revision) {
    // Most recently used last.
    entries.delete(key);
    entries.set(key, entry);
    return entry.value as R;
  }
  const value = deepFreeze(read());
  entries.delete(key);
  entries.set(key, { revision, value });
  if (entries.size > KEPT_READS_MAX) entries.delete(entries.keys().next().value!);
  return value;
}

/**
 * `read(planId, ...args)` kept under the plan's revision and its arguments (JSON): a read of one plan.
 * `name` tells reads apart.
 */
export function keptPlanRead<A extends unknown[], R>(name: string, read: (planId: string, ...args: A) => R): (planId: string, ...args: A) => R {
  return (planId, ...args) => {
    const revision = planRevision(planId);
    return kept(`${name}\u0000${planId}\u0000${JSON.stringify(args)}`, revision === null ? null : String(revision), () => read(planId, ...args));
  };
}

/**
 * A read across the plans of several young people (the mentor's dashboard), kept under every one of
 * their plans' revisions and its arguments.
 */
export function keptRecordsRead<A extends unknown[], R>(
  name: string,
  read: (youngPersonIds: readonly string[], ...args: A) => R,
): (youngPersonIds: readonly string[], ...args: A) => R {
  return (youngPersonIds, ...args) => {
    const ids = JSON.stringify(youngPersonIds);
    const revisions = (revisionsOfRecords().raw().all(ids) as Array<[string, number]>).map((r) => r.join("@")).join(",");
    return kept(`${name}\u0000${ids}\u0000${JSON.stringify(args)}`, revisions, () => read(youngPersonIds, ...args));
  };
}

/**
 * Drops every kept value of this connection: for tests and benchmarks that count what a read costs when
 * it is computed (the first view after a write), not when it is kept.
 */
export function forgetKeptReads(): void {
  keptByConnection.delete(getDb());
}

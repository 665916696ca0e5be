/**
 * Erasure and anonymisation of a closed record after the retention period
 * (docs/decisions/011-audit-export-erasure.md). Every table in the registry of a person's data
 * (personal-data.server.ts) loses the record's rows, except the audit log, which holds only random ids
 * and codes and stays whole so its hash chain still verifies. The deleted bytes are overwritten
 * (secure_delete) and the write-ahead log is emptied, so the person's identifiers and words are gone
 * from the database file; the kept row says what was done, by whom and why, with the numbers anonymous
 * statistics need.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { erasures, goals, mentorContacts, organisations, plans, users, youngPeople } from "../../db/schema";
import { erasureRefusal, planClosedOn, retentionEndsOn, RETENTION_MONTHS, type ErasureInput, type ErasureRefusal } from "~/domain/retention";
import { phaseOn } from "~/domain/phase";
import { statisticsBounds } from "~/domain/statistics";
import type { IsoDate } from "~/domain/dates";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { appendAudit } from "./audit.server";
import { PERSONAL_TABLES, scopeCondition } from "./personal-data.server";

export function retentionMonths(organisationId: string): number {
  return (
    getDb().select({ months: organisations.retentionMonths }).from(organisations).where(eq(organisations.id, organisationId)).get()?.months ??
    RETENTION_MONTHS.default
  );
}

export function setRetentionMonths(organisationId: string, months: number): void {
  getDb().update(organisations).set({ retentionMonths: months }).where(eq(organisations.id, organisationId)).run();
}

export interface ClosedRecord {
  id: string;
  displayName: string;
  closedOn: IsoDate;
  retentionEndsOn: IsoDate;
  mayErase: boolean;
}

/**
 * The organisation's closed records with the day each may be erased (one query). Only the closed ones
 * leave the database: the phase rule is asked in SQL by its date bounds (app/domain/statistics.ts), so
 * a national organisation's open records are never read here.
 */
export function closedRecords(organisationId: string, today: IsoDate): ClosedRecord[] {
  const months = retentionMonths(organisationId);
  const b = statisticsBounds(today);
  const careEnd = sql`coalesce(${youngPeople.actualCareEndDate}, ${youngPeople.plannedCareEndDate})`;
  return getDb()
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.organisationId, organisationId), sql`(${careEnd} <= ${b.closedCareEndBy} or ${youngPeople.dateOfBirth} <= ${b.closedBornBy})`))
    .orderBy(asc(youngPeople.plannedCareEndDate))
    .all()
    .filter((r) => phaseOn(r, today) === "closed")
    .map((r) => {
      const endsOn = retentionEndsOn(r, months);
      return { id: r.id, displayName: r.displayName, closedOn: planClosedOn(r), retentionEndsOn: endsOn, mayErase: today >= endsOn };
    });
}

export function erasureLog(organisationId: string) {
  return getDb()
    .select({ id: erasures.id, mode: erasures.mode, reason: erasures.reason, createdAt: erasures.createdAt, erasedBy: users.displayName })
    .from(erasures)
    .leftJoin(users, eq(users.id, erasures.erasedBy))
    .where(eq(erasures.organisationId, organisationId))
    .orderBy(desc(erasures.createdAt))
    .all();
}

/** Records of the organisation for statistics, counting erased and anonymised ones by their kept numbers. */
export function recordCounts(organisationId: string): { total: number; byCareForm: Record<string, number> } {
  const rows = getDb().all<{ careForm: string; n: number }>(
    sql`select care_form as careForm, count(*) as n from young_people where organisation_id = ${organisationId} group by care_form
        union all
        select care_form as careForm, count(*) as n from erasures where organisation_id = ${organisationId} group by care_form`,
  );
  const byCareForm: Record<string, number> = {};
  for (const r of rows) byCareForm[r.careForm] = (byCareForm[r.careForm] ?? 0) + r.n;
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byCareForm };
}

export type EraseResult = { ok: true } | { ok: false; refusal: ErasureRefusal };

/**
 * Erases (or anonymises) one record; the caller has asked the policy ("record.erase"). Refuses an open
 * plan or one inside the retention period without writing anything.
 */
export function eraseRecord(youngPersonId: string, actor: { id: string; role: string }, input: ErasureInput, today: IsoDate): EraseResult | null {
  const db = getDb();
  const record = db.select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  if (!record) return null;
  const refusal = erasureRefusal(record, retentionMonths(record.organisationId), today);
  if (refusal) return { ok: false, refusal };
  // Numbers only. Erasing keeps the done goals per domain the statistics count; anonymising keeps every
  // goal's domain and status and the number of contacts as well.
  const stats: Record<string, number> = {};
  const goalRows = db
    .select({ domain: goals.domain, status: goals.status })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(eq(plans.youngPersonId, youngPersonId))
    .all();
  for (const g of goalRows) {
    if (input.mode === "erase" && g.status !== "done") continue;
    stats[`goals.${g.domain}.${g.status}`] = (stats[`goals.${g.domain}.${g.status}`] ?? 0) + 1;
  }
  if (input.mode === "anonymise") {
    stats.contacts = db.select({ id: mentorContacts.id }).from(mentorContacts).where(eq(mentorContacts.youngPersonId, youngPersonId)).all().length;
  }
  const client = db.$client;
  client.pragma("secure_delete = ON");
  try {
    db.transaction((tx) => {
      tx.insert(erasures)
        .values({
          id: randomUUID(),
          organisationId: record.organisationId,
          mode: input.mode,
          reason: input.reason,
          erasedBy: actor.id,
          careForm: record.careForm,
          careEndYear: Number((record.actualCareEndDate ?? record.plannedCareEndDate).slice(0, 4)),
          municipality: record.municipality,
          birthYear: Number(record.dateOfBirth.slice(0, 4)),
          educationStatus: record.educationStatus,
          employmentStatus: record.employmentStatus,
          specialNeeds: record.specialNeeds,
          stats,
          createdAt: now().getTime(),
        })
        .run();
      for (const [table, entry] of Object.entries(PERSONAL_TABLES)) {
        if (entry.erase !== "delete") continue;
        if (table === "users") {
          if (record.userId) client.prepare(`DELETE FROM users WHERE id = ?`).run(record.userId);
          continue;
        }
        client.prepare(`DELETE FROM "${table}" WHERE ${scopeCondition(table)}`).run(youngPersonId);
      }
      appendAudit({ actorId: actor.id, actorRole: actor.role, youngPersonId, kind: "erase", part: input.mode });
    });
  } finally {
    client.pragma("secure_delete = OFF");
  }
  // Old page images in the write-ahead log would still hold the words: empty it.
  client.pragma("wal_checkpoint(TRUNCATE)");
  return { ok: true };
}

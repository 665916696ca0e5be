/**
 * Young people's records and the people around them: the queries behind the homes, and the relations
 * the authorisation policy needs. Lists are fetched with a constant number of queries, never per row.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { carerLinks, mentorships, sharingSwitches, users, youngPeople } from "../../db/schema";
import { phaseSummary, type PhaseSummary } from "~/domain/phase";
import { can, viewerOf, type Actor, type CaseSubject, type Viewer } from "~/domain/policy";
import { sharedSections } from "~/domain/sharing";
import type { CareForm } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface CaseCard {
  id: string;
  displayName: string;
  careForm: CareForm;
  municipality: string;
  dateOfBirth: string;
  summary: PhaseSummary;
  specialist: PersonRef | null;
  mentor: PersonRef | null;
}

type YoungPersonRow = typeof youngPeople.$inferSelect;

/**
 * The relations and sharing switches of many records at once, keyed by young person id (three queries
 * whatever the count): everything the policy reads besides the record's own row.
 */
function loadRelations(ids: string[]) {
  const db = getDb();
  const mentorUser = alias(users, "mentor_user");
  const mentorRows = ids.length
    ? db
        .select({
          youngPersonId: mentorships.youngPersonId,
          mentorId: mentorships.mentorId,
          status: mentorships.status,
          mentorName: mentorUser.displayName,
        })
        .from(mentorships)
        .innerJoin(mentorUser, eq(mentorUser.id, mentorships.mentorId))
        .where(inArray(mentorships.youngPersonId, ids))
        .all()
    : [];
  const carerRows = ids.length
    ? db
        .select({ youngPersonId: carerLinks.youngPersonId, carerId: carerLinks.carerId, endedOn: carerLinks.endedOn })
        .from(carerLinks)
        .where(inArray(carerLinks.youngPersonId, ids))
        .all()
    : [];
  const switchRows = ids.length
    ? db
        .select({ youngPersonId: sharingSwitches.youngPersonId, audience: sharingSwitches.audience, section: sharingSwitches.section, shared: sharingSwitches.shared })
        .from(sharingSwitches)
        .where(inArray(sharingSwitches.youngPersonId, ids))
        .all()
    : [];
  return {
    mentorsOf: groupBy(mentorRows, (m) => m.youngPersonId),
    carersOf: groupBy(carerRows, (c) => c.youngPersonId),
    switchesOf: groupBy(switchRows, (s) => s.youngPersonId),
  };
}

function toSubject(
  row: YoungPersonRow,
  relations: ReturnType<typeof loadRelations>,
): CaseSubject {
  return {
    kind: "case",
    organisationId: row.organisationId,
    youthUserId: row.userId,
    specialistId: row.specialistId,
    careEndDate: row.actualCareEndDate ?? row.plannedCareEndDate,
    dateOfBirth: row.dateOfBirth,
    mentorships: (relations.mentorsOf.get(row.id) ?? []).map((m) => ({ mentorId: m.mentorId, status: m.status })),
    carerLinks: (relations.carersOf.get(row.id) ?? []).map((c) => ({ carerId: c.carerId, ended: c.endedOn !== null })),
    shared: sharedSections(relations.switchesOf.get(row.id) ?? []),
  };
}

/**
 * The one loader of the policy's view of records: every guard, list, dashboard, feed and notification
 * gets its subjects here (a constant number of queries for any number of records).
 */
export function caseSubjectsOf(rows: readonly YoungPersonRow[]): Map<string, CaseSubject> {
  const relations = loadRelations(rows.map((r) => r.id));
  return new Map(rows.map((row) => [row.id, toSubject(row, relations)]));
}

/** The records of these ids with their subjects (four queries). */
export function caseSubjectsByIds(ids: readonly string[]): Map<string, { row: YoungPersonRow; subject: CaseSubject }> {
  if (ids.length === 0) return new Map();
  const rows = getDb().select().from(youngPeople).where(inArray(youngPeople.id, [...ids])).all();
  const subjects = caseSubjectsOf(rows);
  return new Map(rows.map((row) => [row.id, { row, subject: subjects.get(row.id)! }]));
}

/** The viewers the actor is of each of these records (for lists: filter rows and sections per record). */
export function viewersOf(actor: Actor, ids: readonly string[], today: string): Map<string, Viewer> {
  const result = new Map<string, Viewer>();
  for (const [id, { subject }] of caseSubjectsByIds(ids)) result.set(id, viewerOf(actor, subject, today));
  return result;
}

/** The policy's view of one record, or null when there is no such record. */
export function getCaseSubject(youngPersonId: string): CaseSubject | null {
  const row = getDb().select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  if (!row) return null;
  return toSubject(row, loadRelations([row.id]));
}

/** Cards for records the actor may view, sorted by care end date (soonest first). */
function caseCards(actor: Actor, rows: YoungPersonRow[], today: string): CaseCard[] {
  const db = getDb();
  const relations = loadRelations(rows.map((r) => r.id));
  const specialistIds = [...new Set(rows.map((r) => r.specialistId).filter((id): id is string => Boolean(id)))];
  const specialists = specialistIds.length
    ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, specialistIds)).all()
    : [];
  const specialistById = new Map(specialists.map((s) => [s.id, s]));
  return rows
    .filter((row) => can(actor, "case.view", toSubject(row, relations), today))
    .map((row) => {
      const activeMentor = relations.mentorsOf.get(row.id)?.find((m) => m.status === "active");
      return {
        id: row.id,
        displayName: row.displayName,
        careForm: row.careForm,
        municipality: row.municipality,
        dateOfBirth: row.dateOfBirth,
        summary: phaseSummary(row, today),
        specialist: (row.specialistId && specialistById.get(row.specialistId)) || null,
        mentor: activeMentor ? { id: activeMentor.mentorId, displayName: activeMentor.mentorName } : null,
      };
    })
    .sort((a, b) => (a.summary.careEnd < b.summary.careEnd ? -1 : a.summary.careEnd > b.summary.careEnd ? 1 : 0));
}

export function specialistCaseload(actor: Actor, today: string): CaseCard[] {
  const rows = getDb()
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.organisationId, actor.organisationId), eq(youngPeople.specialistId, actor.id)))
    .orderBy(asc(youngPeople.plannedCareEndDate))
    .all();
  return caseCards(actor, rows, today);
}

export function organisationCases(actor: Actor, today: string): CaseCard[] {
  const rows = getDb().select().from(youngPeople).where(eq(youngPeople.organisationId, actor.organisationId)).all();
  return caseCards(actor, rows, today);
}

export function carerYoungPeople(actor: Actor, today: string): CaseCard[] {
  const rows = getDb()
    .select({ youngPerson: youngPeople })
    .from(carerLinks)
    .innerJoin(youngPeople, eq(youngPeople.id, carerLinks.youngPersonId))
    .where(and(eq(carerLinks.carerId, actor.id), isNull(carerLinks.endedOn)))
    .all()
    .map((r) => r.youngPerson);
  return caseCards(actor, rows, today);
}

/** The young person's own record, or null when no record is linked to their account yet. */
export function youthRecordId(actor: Actor): string | null {
  return getDb().select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.userId, actor.id)).get()?.id ?? null;
}

/** One record's card (name, phase, people), or null when the actor may not view it. */
export function getCaseCard(actor: Actor, youngPersonId: string, today: string): CaseCard | null {
  const row = getDb().select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  if (!row) return null;
  return caseCards(actor, [row], today)[0] ?? null;
}

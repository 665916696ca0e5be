/**
 * Young people's records and the people around them: the queries behind the homes, and the relations
 * the authorisation policy needs. Lists are fetched with a constant number of queries, never per row.
 */
import { and, eq, isNull } from "drizzle-orm";
import { carerLinks, mentorships, sharingSwitches, youngPeople } from "../../db/schema";
import { phaseSummary, type PhaseSummary } from "~/domain/phase";
import { can, viewerOf, type Actor, type CaseSubject, type Viewer } from "~/domain/policy";
import { sharedSections } from "~/domain/sharing";
import type { CareForm } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { columnsAs, prepared } from "~/utils/statements.server";
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
 * whatever the count): everything the policy reads besides the record's own row. Prepared once per
 * connection, the ids as one JSON array (decision 036: every home and list asks it; drizzle built and
 * mapped the three queries on each request). `tests/integration/prepared-rows.test.ts` compares them
 * with the query builder's rows.
 */
const relationQueries = {
  mentors: prepared(`
    SELECT m.young_person_id AS youngPersonId, m.mentor_id AS mentorId, m.status AS status, u.display_name AS mentorName
    FROM mentorships m JOIN users u ON u.id = m.mentor_id
    WHERE m.young_person_id IN (SELECT value FROM json_each(?))`),
  carers: prepared(`
    SELECT c.young_person_id AS youngPersonId, c.carer_id AS carerId, c.ended_on AS endedOn
    FROM carer_links c WHERE c.young_person_id IN (SELECT value FROM json_each(?))`),
  switches: prepared(`
    SELECT s.young_person_id AS youngPersonId, s.audience AS audience, s.section AS section, s.shared AS shared
    FROM sharing_switches s WHERE s.young_person_id IN (SELECT value FROM json_each(?))`),
};

type MentorRelation = Pick<typeof mentorships.$inferSelect, "youngPersonId" | "mentorId" | "status"> & { mentorName: string };
type CarerRelation = Pick<typeof carerLinks.$inferSelect, "youngPersonId" | "carerId" | "endedOn">;
type SwitchRelation = Pick<typeof sharingSwitches.$inferSelect, "youngPersonId" | "audience" | "section" | "shared">;

export function loadRelations(ids: readonly string[]) {
  const list = JSON.stringify(ids);
  const mentorRows = ids.length ? (relationQueries.mentors().all(list) as MentorRelation[]) : [];
  const carerRows = ids.length ? (relationQueries.carers().all(list) as CarerRelation[]) : [];
  const switchRows = ids.length
    ? (relationQueries.switches().all(list) as Array<Omit<SwitchRelation, "shared"> & { shared: number }>).map((w) => ({ ...w, shared: Boolean(w.shared) }))
    : [];
  return {
    mentorsOf: groupBy(mentorRows, (m) => m.youngPersonId),
    carersOf: groupBy(carerRows, (c) => c.youngPersonId),
    switchesOf: groupBy(switchRows as SwitchRelation[], (s) => s.youngPersonId),
  };
}

type Relations = ReturnType<typeof loadRelations>;

/**
 * One record with everything the policy and its card read, in one statement prepared once per
 * connection (every record page asks it first): the row, its mentorships (with the mentors' names),
 * carer links and sharing switches as JSON arrays, and the specialist's name.
 */
// Raw SQL (no drizzle mapping per request); the row's columns are listed from the schema, so a new
// column comes along (all of young_people's columns are text or plain numbers: nothing to convert).
const recordQuery = prepared(`
  SELECT ${columnsAs(youngPeople, "y")},
    (select json_group_array(json_object('youngPersonId', m.young_person_id, 'mentorId', m.mentor_id, 'status', m.status, 'mentorName', u.display_name))
      from mentorships m join users u on u.id = m.mentor_id where m.young_person_id = y.id) AS "$mentors",
    (select json_group_array(json_object('youngPersonId', c.young_person_id, 'carerId', c.carer_id, 'endedOn', c.ended_on))
      from carer_links c where c.young_person_id = y.id) AS "$carers",
    (select json_group_array(json_object('youngPersonId', s.young_person_id, 'audience', s.audience, 'section', s.section, 'shared', s.shared))
      from sharing_switches s where s.young_person_id = y.id) AS "$switches",
    (select su.display_name from users su where su.id = y.specialist_id) AS "$specialistName"
  FROM young_people y WHERE y.id = ?`);

function recordWithRelations(youngPersonId: string): { row: YoungPersonRow; relations: Relations; specialistName: string | null } | null {
  const raw = recordQuery().get(youngPersonId) as
    (YoungPersonRow & { $mentors: string; $carers: string; $switches: string; $specialistName: string | null }) | undefined;
  if (!raw) return null;
  const { $mentors, $carers, $switches, $specialistName, ...row } = raw;
  const found = { row: row as YoungPersonRow, mentors: $mentors, carers: $carers, switches: $switches, specialistName: $specialistName };
  type Mentor = Relations["mentorsOf"] extends Map<string, (infer M)[]> ? M : never;
  type Carer = Relations["carersOf"] extends Map<string, (infer C)[]> ? C : never;
  type Switch = Relations["switchesOf"] extends Map<string, (infer W)[]> ? W : never;
  const switches = (JSON.parse(found.switches) as Array<Omit<Switch, "shared"> & { shared: number | boolean }>).map((w) => ({
    ...w,
    shared: Boolean(w.shared),
  }));
  return {
    row: found.row,
    relations: {
      mentorsOf: new Map([[youngPersonId, JSON.parse(found.mentors) as Mentor[]]]),
      carersOf: new Map([[youngPersonId, JSON.parse(found.carers) as Carer[]]]),
      switchesOf: new Map([[youngPersonId, switches as Switch[]]]),
    },
    specialistName: found.specialistName,
  };
}

function toSubject(row: YoungPersonRow, relations: ReturnType<typeof loadRelations>): CaseSubject {
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

// Prepared once per connection (decision 036), the ids as one JSON array; young_people's columns need no
// conversion (see recordQuery above).
const recordsByIds = prepared(`SELECT ${columnsAs(youngPeople, "y")} FROM young_people y WHERE y.id IN (SELECT value FROM json_each(?))`);

/** The records of these ids with their subjects (four queries). */
export function caseSubjectsByIds(ids: readonly string[]): Map<string, { row: YoungPersonRow; subject: CaseSubject }> {
  if (ids.length === 0) return new Map();
  const rows = recordsByIds().all(JSON.stringify(ids)) as YoungPersonRow[];
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
  const found = recordWithRelations(youngPersonId);
  return found ? toSubject(found.row, found.relations) : null;
}

const namesOfUsers = prepared("SELECT id, display_name AS displayName FROM users WHERE id IN (SELECT value FROM json_each(?))");

/** Cards for records the actor may view, sorted by care end date (soonest first). */
export function caseCards(actor: Actor, rows: YoungPersonRow[], today: string): CaseCard[] {
  const relations = loadRelations(rows.map((r) => r.id));
  const specialistIds = [...new Set(rows.map((r) => r.specialistId).filter((id): id is string => Boolean(id)))];
  const specialists = specialistIds.length ? (namesOfUsers().all(JSON.stringify(specialistIds)) as PersonRef[]) : [];
  return cardsOf(actor, rows, relations, new Map(specialists.map((s) => [s.id, s])), today);
}

function cardsOf(actor: Actor, rows: YoungPersonRow[], relations: Relations, specialistById: ReadonlyMap<string, PersonRef>, today: string): CaseCard[] {
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

// The specialist's own records (prepared once: their home asks on every view).
const caseloadRows = prepared(
  `SELECT ${columnsAs(youngPeople, "y")} FROM young_people y WHERE y.organisation_id = ? AND y.specialist_id = ? ORDER BY y.planned_care_end_date`,
);

export function specialistCaseload(actor: Actor, today: string): CaseCard[] {
  return caseCards(actor, caseloadRows().all(actor.organisationId, actor.id) as YoungPersonRow[], today);
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
  return (youthRecordQuery().pluck().get(actor.id) as string | undefined) ?? null;
}
const youthRecordQuery = prepared("SELECT id FROM young_people WHERE user_id = ?");

/** One record's card (name, phase, people), or null when the actor may not view it. */
export function getCaseCard(actor: Actor, youngPersonId: string, today: string): CaseCard | null {
  const found = recordWithRelations(youngPersonId);
  if (!found) return null;
  const { row, relations, specialistName } = found;
  const specialists = new Map(row.specialistId && specialistName !== null ? [[row.specialistId, { id: row.specialistId, displayName: specialistName }]] : []);
  return cardsOf(actor, [row], relations, specialists, today)[0] ?? null;
}

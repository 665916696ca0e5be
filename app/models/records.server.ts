/**
 * Young people's records as staff create and edit them (issue 13): the record's facts, the statistics
 * fields, the specialist and the carer. Every change goes into the plan's history (recordEvent) in the
 * same transaction.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { carerLinks, invitations, users, youngPeople } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import type { FieldProblem } from "~/domain/form-errors";
import { careEndProblems } from "~/domain/mentoring";
import { recordProblems } from "~/domain/organisation-forms";
import type { Actor } from "~/domain/policy";
import type { CareForm, EducationStatus, EmploymentStatus, SpecialNeedsAnswer } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { ensurePlan, recordEvent } from "./plans.server";
import type { PersonRef } from "./young-people.server";

export interface RecordInput {
  displayName: string;
  dateOfBirth: IsoDate;
  careForm: CareForm;
  municipality: string;
  plannedCareEndDate: IsoDate;
  educationStatus?: EducationStatus;
  employmentStatus?: EmploymentStatus;
  specialNeeds?: SpecialNeedsAnswer;
}

/** The fields of a record the history shows before → after. */
export const RECORD_FIELDS = [
  "displayName",
  "dateOfBirth",
  "careForm",
  "municipality",
  "plannedCareEndDate",
  "educationStatus",
  "employmentStatus",
  "specialNeeds",
] as const;

function problemsOf(input: RecordInput, today: IsoDate): FieldProblem[] {
  const basic = recordProblems(input, today);
  if (basic.length) return basic;
  return careEndProblems({ dateOfBirth: input.dateOfBirth, plannedCareEndDate: input.plannedCareEndDate, actualCareEndDate: null }, today);
}

function values(input: RecordInput) {
  return {
    displayName: input.displayName.trim(),
    dateOfBirth: input.dateOfBirth,
    careForm: input.careForm,
    municipality: input.municipality.trim(),
    plannedCareEndDate: input.plannedCareEndDate,
    educationStatus: input.educationStatus ?? null,
    employmentStatus: input.employmentStatus ?? null,
    specialNeeds: input.specialNeeds ?? null,
  };
}

/** A new record; a specialist who creates it becomes its specialist. */
export function createRecord(actor: Actor, input: RecordInput, today: IsoDate): { ok: true; id: string } | { ok: false; problems: FieldProblem[] } {
  const problems = problemsOf(input, today);
  if (problems.length) return { ok: false, problems };
  const id = randomUUID();
  const row = values(input);
  getDb()
    .insert(youngPeople)
    .values({ id, organisationId: actor.organisationId, ...row, specialistId: actor.role === "specialist" ? actor.id : null, createdBy: actor.id })
    .run();
  const planId = ensurePlan(id).id;
  getDb().transaction((tx) =>
    recordEvent(tx, {
      planId,
      actorId: actor.id,
      kind: "record.created",
      entityId: id,
      after: { careForm: row.careForm, plannedCareEndDate: row.plannedCareEndDate },
    }),
  );
  return { ok: true, id };
}

export function recordRow(youngPersonId: string) {
  return getDb().select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get() ?? null;
}

/** Saves the record's facts; the history gets what changed, before → after. */
export function updateRecord(actorId: string, youngPersonId: string, input: RecordInput, today: IsoDate): FieldProblem[] {
  const current = recordRow(youngPersonId);
  if (!current) return [{ field: "displayName", error: "errors.invalid" }];
  const problems = problemsOf(input, today);
  if (current.actualCareEndDate && current.actualCareEndDate <= input.dateOfBirth) {
    problems.push({ field: "dateOfBirth", error: "org.errors.careEndBeforeBirth" });
  }
  if (problems.length) return problems;
  const next = values(input);
  const changed = RECORD_FIELDS.filter((f) => next[f] !== current[f]);
  if (changed.length === 0) return [];
  const planId = ensurePlan(youngPersonId).id;
  getDb().transaction((tx) => {
    tx.update(youngPeople).set(next).where(eq(youngPeople.id, youngPersonId)).run();
    // The name is the record's own; the event names the field, not the value (app/domain/plan-history.ts).
    const shown = changed.filter((f) => f !== "displayName");
    recordEvent(tx, {
      planId,
      actorId,
      kind: "record.updated",
      entityId: youngPersonId,
      before: Object.fromEntries(shown.map((f) => [f, current[f]])),
      after: { ...Object.fromEntries(shown.map((f) => [f, next[f]])), fields: [...changed] },
    });
  });
  return [];
}

/** Active accounts of one role in the organisation, by name (choices for the lead's assignments). */
export function activeStaff(organisationId: string, role: "specialist" | "carer"): PersonRef[] {
  return getDb()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, role), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName))
    .all();
}

function staffMember(organisationId: string, userId: string, role: "specialist" | "carer") {
  return (
    getDb()
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organisationId, organisationId), eq(users.role, role), isNull(users.disabledAt)))
      .get() ?? null
  );
}

/** The lead assigns or changes the specialist (or leaves the record without one). */
export function assignSpecialist(actor: Actor, youngPersonId: string, specialistId: string | null): FieldProblem[] {
  const current = recordRow(youngPersonId);
  if (!current) return [{ field: "specialistId", error: "errors.invalid" }];
  const specialist = specialistId ? staffMember(actor.organisationId, specialistId, "specialist") : null;
  if (specialistId && !specialist) return [{ field: "specialistId", error: "org.errors.notASpecialist" }];
  if (current.specialistId === specialistId) return [];
  const planId = ensurePlan(youngPersonId).id;
  getDb().transaction((tx) => {
    tx.update(youngPeople).set({ specialistId }).where(eq(youngPeople.id, youngPersonId)).run();
    recordEvent(tx, {
      planId,
      actorId: actor.id,
      kind: "record.specialistAssigned",
      entityId: youngPersonId,
      before: { personId: current.specialistId },
      after: { personId: specialist?.id ?? null },
    });
  });
  return [];
}

/** The lead links a carer (once: an active link is not doubled). */
export function linkCarer(actor: Actor, youngPersonId: string, carerId: string, today: IsoDate): FieldProblem[] {
  const carer = staffMember(actor.organisationId, carerId, "carer");
  if (!carer) return [{ field: "carerId", error: "org.errors.notACarer" }];
  const db = getDb();
  const open = db
    .select({ id: carerLinks.id })
    .from(carerLinks)
    .where(and(eq(carerLinks.youngPersonId, youngPersonId), eq(carerLinks.carerId, carerId), isNull(carerLinks.endedOn)))
    .get();
  if (open) return [];
  const planId = ensurePlan(youngPersonId).id;
  db.transaction((tx) => {
    tx.insert(carerLinks).values({ id: randomUUID(), youngPersonId, carerId, startedOn: today }).run();
    recordEvent(tx, { planId, actorId: actor.id, kind: "record.carerLinked", entityId: youngPersonId, after: { personId: carer.id } });
  });
  return [];
}

/** Ends a carer's link: from the next request the carer sees nothing of the plan. */
export function endCarerLink(actor: Actor, youngPersonId: string, carerId: string, today: IsoDate): boolean {
  const db = getDb();
  const planId = ensurePlan(youngPersonId).id;
  return db.transaction((tx) => {
    const result = tx
      .update(carerLinks)
      .set({ endedOn: today })
      .where(and(eq(carerLinks.youngPersonId, youngPersonId), eq(carerLinks.carerId, carerId), isNull(carerLinks.endedOn)))
      .run();
    if (result.changes === 0) return false;
    recordEvent(tx, { planId, actorId: actor.id, kind: "record.carerEnded", entityId: youngPersonId, after: { personId: carerId } });
    return true;
  });
}

export interface RecordPeople {
  specialist: PersonRef | null;
  carers: PersonRef[];
  /** The young person's own account, if they have opened it. */
  account: { id: string; email: string; disabled: boolean } | null;
  /** An open invitation for the young person. */
  invitation: { email: string; expiresAt: number } | null;
}

/** Who is around one record (a fixed number of queries). */
export function recordPeople(youngPersonId: string): RecordPeople {
  const db = getDb();
  const row = recordRow(youngPersonId);
  if (!row) return { specialist: null, carers: [], account: null, invitation: null };
  const ids = [row.specialistId, row.userId].filter((x): x is string => Boolean(x));
  const people = ids.length
    ? db
        .select({ id: users.id, displayName: users.displayName, email: users.email, disabledAt: users.disabledAt })
        .from(users)
        .where(inArray(users.id, ids))
        .all()
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const carers = db
    .select({ id: users.id, displayName: users.displayName })
    .from(carerLinks)
    .innerJoin(users, eq(users.id, carerLinks.carerId))
    .where(and(eq(carerLinks.youngPersonId, youngPersonId), isNull(carerLinks.endedOn)))
    .all();
  const nowMs = now().getTime();
  const invitation =
    db
      .select({ email: invitations.email, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.youngPersonId, youngPersonId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .all()
      .find((i) => i.expiresAt > nowMs) ?? null;
  const specialist = row.specialistId ? byId.get(row.specialistId) : undefined;
  const account = row.userId ? byId.get(row.userId) : undefined;
  return {
    specialist: specialist ? { id: specialist.id, displayName: specialist.displayName } : null,
    carers,
    account: account ? { id: account.id, email: account.email, disabled: account.disabledAt !== null } : null,
    invitation,
  };
}

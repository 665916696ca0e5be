/**
 * "Who sees my plan": the people linked to a record, what each of them sees, the young person's sharing
 * switches and their receipts (docs/decisions/010-sharing-and-history.md). A switch is read by the one
 * loader of the policy's view (caseSubjectsOf), so it takes effect on the next request everywhere.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { carerLinks, mentorships, sharingReceipts, sharingSwitches, users, youngPeople } from "../../db/schema";
import type { CaseSubject } from "~/domain/policy";
import { isSwitchable, type Audience, type Section } from "~/domain/sharing";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { appendAudit } from "./audit.server";

export interface LinkedPerson {
  id: string;
  displayName: string;
  role: "specialist" | Audience;
}

/** The specialist, the open mentorship's mentor and the active carers of a record (two queries). */
export function linkedPeople(youngPersonId: string): LinkedPerson[] {
  const db = getDb();
  const specialist = db
    .select({ id: users.id, displayName: users.displayName })
    .from(youngPeople)
    .innerJoin(users, eq(users.id, youngPeople.specialistId))
    .where(eq(youngPeople.id, youngPersonId))
    .all();
  const mentors = db
    .select({ id: users.id, displayName: users.displayName })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.mentorId))
    .where(and(eq(mentorships.youngPersonId, youngPersonId), ne(mentorships.status, "closed")))
    .all();
  const carers = db
    .select({ id: users.id, displayName: users.displayName })
    .from(carerLinks)
    .innerJoin(users, eq(users.id, carerLinks.carerId))
    .where(and(eq(carerLinks.youngPersonId, youngPersonId), isNull(carerLinks.endedOn)))
    .all();
  return [
    ...specialist.map((p) => ({ ...p, role: "specialist" as const })),
    ...mentors.map((p) => ({ ...p, role: "mentor" as const })),
    ...carers.map((p) => ({ ...p, role: "carer" as const })),
  ];
}

export interface SharingReceipt {
  id: string;
  audience: Audience;
  section: Section;
  shared: boolean;
  at: number;
  people: string[];
}

/** The young person's receipts, newest first, with the names of the people each change meant. */
export function receiptsOf(youngPersonId: string, limit = 200): SharingReceipt[] {
  const db = getDb();
  const rows = db
    .select()
    .from(sharingReceipts)
    .where(eq(sharingReceipts.youngPersonId, youngPersonId))
    .orderBy(desc(sharingReceipts.createdAt))
    .limit(limit)
    .all();
  const ids = [...new Set(rows.flatMap((r) => r.peopleIds))];
  const names = new Map(
    ids.length
      ? db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.displayName])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    audience: r.audience,
    section: r.section,
    shared: r.shared,
    at: r.createdAt,
    people: r.peopleIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n)),
  }));
}

export type SwitchResult = "changed" | "unchanged" | "invalid";

/**
 * Sets one switch of the young person's record. Refuses (without writing) an audience or section that
 * does not exist or cannot be switched. Writes the switch, a receipt naming who it meant, and an audit
 * entry, in one transaction; the same state again writes nothing.
 */
export function setSharingSwitch(
  youngPersonId: string,
  subject: CaseSubject,
  actor: { id: string; role: string },
  audience: unknown,
  section: unknown,
  shared: boolean,
): SwitchResult {
  if (!isSwitchable(audience, section)) return "invalid";
  const current = (subject.shared?.[audience] ?? []).includes(section as Section);
  if (current === shared) return "unchanged";
  const people = linkedPeople(youngPersonId)
    .filter((p) => p.role === audience)
    .map((p) => p.id);
  const nowMs = now().getTime();
  getDb().transaction((tx) => {
    tx.insert(sharingSwitches)
      .values({ youngPersonId, audience, section: section as Section, shared, changedAt: nowMs })
      .onConflictDoUpdate({ target: [sharingSwitches.youngPersonId, sharingSwitches.audience, sharingSwitches.section], set: { shared, changedAt: nowMs } })
      .run();
    tx.insert(sharingReceipts)
      .values({ id: randomUUID(), youngPersonId, audience, section: section as Section, shared, peopleIds: people, changedBy: actor.id, createdAt: nowMs })
      .run();
    appendAudit(
      { actorId: actor.id, actorRole: actor.role, youngPersonId, kind: "sharing", part: `${audience}.${section as string}.${shared ? "on" : "off"}` },
      nowMs,
    );
  });
  return "changed";
}

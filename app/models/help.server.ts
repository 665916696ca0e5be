/**
 * "I need help" (issue 11 item 7, docs/decisions/018-help-wellbeing-worklist.md): recording a young
 * person's request, who it reaches, acknowledging and resolving it, and the lists that show it. The
 * routes ask the policy first (help.* actions); this module trusts the caller on who may act, and checks
 * what belongs to which record itself (a request id of another record is "not found").
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { helpRequests, mentorships, users, youngPeople } from "../../db/schema";
import { helpButtonKind, helpRecipient, helpTransition, type HelpStatus } from "~/domain/help";
import { phaseOn } from "~/domain/phase";
import type { IsoDate } from "~/domain/dates";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";
import { ensurePlan, recordEvent } from "./plans.server";

export interface HelpRequestView {
  id: string;
  youngPersonId: string;
  message: string;
  status: HelpStatus;
  toMentor: boolean;
  afterClose: boolean;
  createdAt: number;
  recipientName: string | null;
  acknowledgedAt: number | null;
  acknowledgedByName: string | null;
  resolvedAt: number | null;
  resolvedByName: string | null;
  resolutionNote: string | null;
}

/** The newest requests of a record, for its help page; a mentor gets only the ones sent to them. */
export const HELP_REQUESTS_SHOWN = 20;

const requestsOfRecord = prepared(`
  SELECT h.id, h.young_person_id AS youngPersonId, h.message, h.status, h.mentor_id AS mentorId, h.after_close AS afterClose,
         h.created_at AS createdAt, r.display_name AS recipientName, h.acknowledged_at AS acknowledgedAt,
         a.display_name AS acknowledgedByName, h.resolved_at AS resolvedAt, s.display_name AS resolvedByName,
         h.resolution_note AS resolutionNote
  FROM help_requests h
  LEFT JOIN users r ON r.id = h.recipient_id
  LEFT JOIN users a ON a.id = h.acknowledged_by
  LEFT JOIN users s ON s.id = h.resolved_by
  WHERE h.young_person_id = @youngPersonId AND (@mentorId IS NULL OR h.mentor_id = @mentorId)
  ORDER BY h.status = 'resolved', h.created_at DESC
  LIMIT @limit`);

type RequestRow = Omit<HelpRequestView, "toMentor" | "afterClose"> & { mentorId: string | null; afterClose: number };

const toView = (r: RequestRow): HelpRequestView => ({
  id: r.id,
  youngPersonId: r.youngPersonId,
  message: r.message,
  status: r.status,
  toMentor: r.mentorId !== null,
  afterClose: Boolean(r.afterClose),
  createdAt: r.createdAt,
  recipientName: r.recipientName,
  acknowledgedAt: r.acknowledgedAt,
  acknowledgedByName: r.acknowledgedByName,
  resolvedAt: r.resolvedAt,
  resolvedByName: r.resolvedByName,
  resolutionNote: r.resolutionNote,
});

export function helpRequestsOf(youngPersonId: string, options: { mentorId?: string | null; limit?: number } = {}): HelpRequestView[] {
  return (requestsOfRecord().all({ youngPersonId, mentorId: options.mentorId ?? null, limit: options.limit ?? HELP_REQUESTS_SHOWN }) as RequestRow[]).map(
    toView,
  );
}

/** Who a new request of this record reaches (the specialist, or the lead when the specialist has left). */
export function recipientOf(youngPersonId: string): { id: string; displayName: string } | null {
  const db = getDb();
  const record = db.select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  if (!record) return null;
  const people = db
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.organisationId, record.organisationId), inArray(users.role, ["lead", "specialist"])))
    .orderBy(users.createdAt)
    .all();
  const specialist = people.find((p) => p.id === record.specialistId) ?? null;
  const asPerson = (p: (typeof people)[number]) => ({ id: p.id, role: p.role, disabled: p.disabledAt !== null });
  const chosen = helpRecipient(specialist ? asPerson(specialist) : null, people.filter((p) => p.role === "lead").map(asPerson));
  return chosen ? { id: chosen.id, displayName: people.find((p) => p.id === chosen.id)!.displayName } : null;
}

/** The young person's open mentorship's mentor (the one a request can be sent to as well). */
export function activeMentorOf(youngPersonId: string): { id: string; displayName: string } | null {
  return (
    getDb()
      .select({ id: users.id, displayName: users.displayName })
      .from(mentorships)
      .innerJoin(users, eq(users.id, mentorships.mentorId))
      .where(and(eq(mentorships.youngPersonId, youngPersonId), eq(mentorships.status, "active")))
      .get() ?? null
  );
}

/** Is the plan closed today (the button reads "I need help again")? */
export function helpButtonFor(youngPersonId: string, today: IsoDate): "first" | "again" {
  const record = getDb().select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  return record ? helpButtonKind(phaseOn(record, today)) : "first";
}

export function createHelpRequest(input: {
  youngPersonId: string;
  fromUserId: string;
  message: string;
  toMentor: boolean;
  clientToken?: string;
  today: IsoDate;
}): { id: string } {
  const db = getDb();
  const plan = ensurePlan(input.youngPersonId);
  return db.transaction((tx) => {
    if (input.clientToken) {
      const same = tx
        .select({ id: helpRequests.id })
        .from(helpRequests)
        .where(and(eq(helpRequests.youngPersonId, input.youngPersonId), eq(helpRequests.clientToken, input.clientToken)))
        .get();
      if (same) return same; // a double tap sends one request
    }
    const recipient = recipientOf(input.youngPersonId);
    const mentor = input.toMentor ? activeMentorOf(input.youngPersonId) : null;
    const id = randomUUID();
    tx.insert(helpRequests)
      .values({
        id,
        youngPersonId: input.youngPersonId,
        fromUserId: input.fromUserId,
        recipientId: recipient?.id ?? null,
        mentorId: mentor?.id ?? null,
        message: input.message,
        afterClose: helpButtonFor(input.youngPersonId, input.today) === "again",
        clientToken: input.clientToken ?? null,
      })
      .run();
    // The history names the request by id; the message stays in its row.
    recordEvent(tx, { planId: plan.id, actorId: input.fromUserId, kind: "helpRequest.asked", entityId: id, after: { toMentor: mentor !== null } });
    return { id };
  });
}

/** Acknowledge ("I have seen it") or resolve (with a note) a request of this record; null when not found. */
export function advanceHelpRequest(
  youngPersonId: string,
  requestId: string,
  actorId: string,
  to: "acknowledged" | "resolved",
  nowMs: number,
  note?: string,
): "done" | "alreadyDone" | null {
  const db = getDb();
  const plan = ensurePlan(youngPersonId);
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(helpRequests)
      .where(and(eq(helpRequests.id, requestId), eq(helpRequests.youngPersonId, youngPersonId)))
      .get();
    if (!row) return null;
    if (!helpTransition(row.status, to)) return "alreadyDone";
    if (to === "acknowledged") {
      tx.update(helpRequests)
        .set({ status: "acknowledged", acknowledgedBy: actorId, acknowledgedAt: nowMs })
        .where(and(eq(helpRequests.id, requestId), eq(helpRequests.status, "open")))
        .run();
    } else {
      tx.update(helpRequests)
        .set({
          status: "resolved",
          resolvedBy: actorId,
          resolvedAt: nowMs,
          resolutionNote: note ?? null,
          ...(row.acknowledgedAt ? {} : { acknowledgedBy: actorId, acknowledgedAt: nowMs }),
        })
        .where(eq(helpRequests.id, requestId))
        .run();
    }
    recordEvent(tx, { planId: plan.id, actorId, kind: to === "acknowledged" ? "helpRequest.acknowledged" : "helpRequest.resolved", entityId: requestId });
    return "done";
  });
}

/** The open and acknowledged requests of many records at once (one statement), for the worklist. */
export function unresolvedHelpOf(
  youngPersonIds: readonly string[],
): Array<{ id: string; youngPersonId: string; status: "open" | "acknowledged"; createdAt: number }> {
  if (youngPersonIds.length === 0) return [];
  return unresolvedOfRecords().all(JSON.stringify(youngPersonIds)) as Array<{
    id: string;
    youngPersonId: string;
    status: "open" | "acknowledged";
    createdAt: number;
  }>;
}

// Prepared once: the specialist's worklist asks on every view.
const unresolvedOfRecords = prepared(`
  SELECT id, young_person_id AS youngPersonId, status, created_at AS createdAt FROM help_requests
  WHERE young_person_id IN (SELECT value FROM json_each(?)) AND status IN ('open', 'acknowledged')`);

/** Requests that reached this lead (the specialist had left) and are not resolved: the lead's home. */
export function helpForLead(leadId: string) {
  return getDb()
    .select({
      id: helpRequests.id,
      youngPersonId: helpRequests.youngPersonId,
      status: helpRequests.status,
      createdAt: helpRequests.createdAt,
      displayName: youngPeople.displayName,
    })
    .from(helpRequests)
    .innerJoin(youngPeople, eq(youngPeople.id, helpRequests.youngPersonId))
    .where(and(eq(helpRequests.recipientId, leadId), inArray(helpRequests.status, ["open", "acknowledged"])))
    .orderBy(helpRequests.createdAt)
    .limit(50)
    .all();
}

// The mentor's unresolved requests of some mentees, oldest first (prepared once: their home asks on every view).
const unresolvedForMentor = prepared(`
  SELECT id, young_person_id AS youngPersonId, status, message, created_at AS createdAt FROM help_requests
  WHERE mentor_id = ? AND young_person_id IN (SELECT value FROM json_each(?)) AND status IN ('open', 'acknowledged')
  ORDER BY created_at`);

/** Per mentee: the unresolved requests the young person also sent to this mentor (one statement). */
export function helpForMentor(mentorId: string, youngPersonIds: readonly string[]) {
  if (youngPersonIds.length === 0) return [];
  return unresolvedForMentor().all(mentorId, JSON.stringify(youngPersonIds)) as Array<{
    id: string;
    youngPersonId: string;
    status: (typeof helpRequests.$inferSelect)["status"];
    message: string;
    createdAt: number;
  }>;
}

/** How many unresolved requests wait for this user (the header's badge adds them). */
const waitingCount = prepared(`
  SELECT count(*) FROM help_requests h JOIN young_people y ON y.id = h.young_person_id
  WHERE h.status = 'open' AND (h.recipient_id = @userId OR y.specialist_id = @userId OR h.mentor_id = @userId)`);
export function helpWaitingCount(userId: string): number {
  return waitingCount().pluck().get({ userId }) as number;
}

/** The same requests, oldest first (the notifications page lists them above the reminders). */
const waitingList = prepared(`
  SELECT h.id, h.young_person_id AS youngPersonId, y.display_name AS displayName, h.status, h.created_at AS createdAt
  FROM help_requests h JOIN young_people y ON y.id = h.young_person_id
  WHERE h.status = 'open' AND (h.recipient_id = @userId OR y.specialist_id = @userId OR h.mentor_id = @userId)
  ORDER BY h.created_at LIMIT 50`);
export function helpWaiting(userId: string): Array<{ id: string; youngPersonId: string; displayName: string; status: string; createdAt: number }> {
  return waitingList().all({ userId }) as Array<{ id: string; youngPersonId: string; displayName: string; status: string; createdAt: number }>;
}

export interface YouthHelpLink {
  youngPersonId: string;
  kind: "first" | "again";
}

const youthRecord = prepared(
  `SELECT id, date_of_birth AS dateOfBirth, planned_care_end_date AS plannedCareEndDate, actual_care_end_date AS actualCareEndDate FROM young_people WHERE user_id = ?`,
);

/** The header's "I need help" of a young person: their record and whether the plan has closed. */
export function youthHelpLink(userId: string, today: IsoDate): YouthHelpLink | null {
  const row = youthRecord().get(userId) as { id: string; dateOfBirth: string; plannedCareEndDate: string; actualCareEndDate: string | null } | undefined;
  return row ? { youngPersonId: row.id, kind: helpButtonKind(phaseOn(row, today)) } : null;
}

/**
 * Mentorships and the contact log (SPEC.md, "Mentoring"). Every change to a mentorship is written in the
 * same transaction as a plan event, so the plan's history shows who linked, paused or closed it; the
 * contact log itself is append-only. Reads use a fixed number of queries, never one per mentee.
 */
import { randomUUID } from "node:crypto";
import { sinceLastContact, type SinceLastContact } from "./mentor-since.server";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { mentorContacts, mentorships, organisations, plans, readinessRatings, users, youngPeople } from "../../db/schema";
import type { IsoDate } from "~/domain/dates";
import {
  attentionKey,
  careEndProblems,
  compareAttention,
  contactProblems,
  contactRhythm,
  DEFAULT_CONTACT_RHYTHM_DAYS,
  linkProblem,
  upcomingMeeting,
  type ContactCheck,
  type FieldProblem,
  type RhythmState,
} from "~/domain/mentoring";
import { mentoringWindow, phaseSummary, type PhaseSummary } from "~/domain/phase";
import { viewerOf, type Actor, type Viewer } from "~/domain/policy";
import type { Section } from "~/domain/sharing";
import { caseSubjectsOf } from "./young-people.server";
import { latestRatings } from "~/domain/readiness";
import { DOMAINS, type ContactChannel, type Domain, type MentorshipCloseReason, type MentorshipStatus } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { columnsAs, prepared, splitRow } from "~/utils/statements.server";
import { keptRecordsRead } from "./plan-reads.server";
import { groupBy } from "~/utils/group-by";
import { ensurePlan, ratingColumns, recordEvent, type Tx } from "./plans.server";
import type { PersonRef } from "./young-people.server";

type YoungPersonRow = typeof youngPeople.$inferSelect;
type MentorshipRow = typeof mentorships.$inferSelect;

export interface MentorshipView {
  id: string;
  mentor: PersonRef;
  status: MentorshipStatus;
  startedOn: IsoDate;
  pausedOn: IsoDate | null;
  closedOn: IsoDate | null;
  closeReason: MentorshipCloseReason | null;
  handoverNote: string | null;
  youthNote: string | null;
}

export interface ContactView {
  id: string;
  mentorshipId: string;
  contactOn: IsoDate;
  made: boolean;
  channel: ContactChannel;
  durationMinutes: number | null;
  topics: Domain[];
  /** Null when there is no note, or when the viewer may not read a private one (see `notePrivate`). */
  note: string | null;
  notePrivate: boolean;
  nextMeetingOn: IsoDate | null;
  nextMeetingTime: string | null;
  authorName: string;
}

const rhythmDaysOf = prepared("SELECT mentor_contact_rhythm_days FROM organisations WHERE id = ?");

export function contactRhythmDays(organisationId: string): number {
  return (rhythmDaysOf().pluck().get(organisationId) as number | null | undefined) ?? DEFAULT_CONTACT_RHYTHM_DAYS;
}

export function setContactRhythmDays(organisationId: string, days: number): void {
  getDb().update(organisations).set({ mentorContactRhythmDays: days }).where(eq(organisations.id, organisationId)).run();
}

function youngPersonRow(youngPersonId: string): YoungPersonRow | undefined {
  return getDb().select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
}

const careEndOf = (row: Pick<YoungPersonRow, "actualCareEndDate" | "plannedCareEndDate">) => row.actualCareEndDate ?? row.plannedCareEndDate;

/** The record's mentoring window (it also closes at the 25th birthday). */
const windowOf = (row: Pick<YoungPersonRow, "actualCareEndDate" | "plannedCareEndDate" | "dateOfBirth">) => mentoringWindow(careEndOf(row), row.dateOfBirth);

/** The day the contact rhythm counts from: the start, or the end of the last pause. */
const activeSince = (m: Pick<MentorshipRow, "startedOn" | "resumedOn">) => m.resumedOn ?? m.startedOn;

/** The contact rhythm of one mentorship of one record. */
function rhythmOf(
  m: Pick<MentorshipRow, "status" | "startedOn" | "resumedOn">,
  person: Pick<YoungPersonRow, "actualCareEndDate" | "plannedCareEndDate" | "dateOfBirth">,
  lastContactOn: IsoDate | null,
  rhythmDays: number,
  today: IsoDate,
) {
  return contactRhythm({ status: m.status, activeSince: activeSince(m), window: windowOf(person), lastContactOn, rhythmDays }, today);
}

function mentorshipRows(youngPersonId: string) {
  const mentor = alias(users, "mentor");
  return getDb()
    .select({ mentorship: mentorships, mentorName: mentor.displayName })
    .from(mentorships)
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorId))
    .where(eq(mentorships.youngPersonId, youngPersonId))
    .orderBy(desc(mentorships.startedOn), desc(mentorships.createdAt))
    .all();
}

function toView({ mentorship: m, mentorName }: ReturnType<typeof mentorshipRows>[number]): MentorshipView {
  return {
    id: m.id,
    mentor: { id: m.mentorId, displayName: mentorName },
    status: m.status,
    startedOn: m.startedOn,
    pausedOn: m.pausedOn,
    closedOn: m.closedOn,
    closeReason: m.closeReason,
    handoverNote: m.handoverNote,
    youthNote: m.youthNote,
  };
}

/** Contacts of the given mentorships, newest first. */
function contactRows(mentorshipIds: string[]) {
  if (mentorshipIds.length === 0) return [];
  const author = alias(users, "author");
  return getDb()
    .select({ contact: mentorContacts, authorName: author.displayName })
    .from(mentorContacts)
    .innerJoin(author, eq(author.id, mentorContacts.authorId))
    .where(inArray(mentorContacts.mentorshipId, mentorshipIds))
    .orderBy(desc(mentorContacts.contactOn), desc(mentorContacts.createdAt))
    .all();
}

/**
 * Everything the mentoring page of one young person shows, for one viewer: the window, the open
 * mentorship with its rhythm and next meeting, the contact log and the earlier mentorships. A mentor
 * sees the contacts of their own mentorships only; private notes only when the policy allows
 * "mentorship.viewPrivateNotes"; contact topics only of domains the viewer sees.
 */
export function mentoringOverview(youngPersonId: string, viewer: Viewer, today: IsoDate) {
  const person = youngPersonRow(youngPersonId);
  if (!person) return null;
  const rows = mentorshipRows(youngPersonId);
  const open = rows.find((r) => r.mentorship.status !== "closed") ?? null;
  const visibleMentorships = rows.filter((r) => viewer.actor.role !== "mentor" || r.mentorship.mentorId === viewer.actor.id).map((r) => r.mentorship.id);
  const rawContacts = contactRows(visibleMentorships);
  const contacts: ContactView[] = rawContacts.map(({ contact: c, authorName }) => ({
    id: c.id,
    mentorshipId: c.mentorshipId,
    contactOn: c.contactOn,
    made: c.made,
    channel: c.channel,
    durationMinutes: c.durationMinutes,
    topics: (c.topics ?? []).filter((d): d is Domain => (DOMAINS as readonly string[]).includes(d) && viewer.sections.has(d as Domain)),
    note: c.notePrivate && !viewer.actions.has("mentorship.viewPrivateNotes") ? null : c.note,
    notePrivate: c.notePrivate,
    nextMeetingOn: c.nextMeetingOn,
    nextMeetingTime: c.nextMeetingTime,
    authorName,
  }));
  const window = windowOf(person);
  const rhythmDays = contactRhythmDays(person.organisationId);
  const openContacts = open ? rawContacts.map((r) => r.contact).filter((c) => c.mentorshipId === open.mentorship.id) : [];
  // Newest first, so the first contact made is the last one.
  const lastContactOn = openContacts.find((c) => c.made)?.contactOn ?? null;
  return {
    youngPerson: {
      id: person.id,
      displayName: person.displayName,
      dateOfBirth: person.dateOfBirth,
      plannedCareEndDate: person.plannedCareEndDate,
      actualCareEndDate: person.actualCareEndDate,
    },
    summary: phaseSummary(person, today),
    window,
    rhythmDays,
    open: open
      ? {
          ...toView(open),
          isMine: open.mentorship.mentorId === viewer.actor.id,
          rhythm: rhythmOf(open.mentorship, person, lastContactOn, rhythmDays, today),
          lastContactOn,
          nextMeeting: upcomingMeeting(openContacts, today),
        }
      : null,
    earlier: rows.filter((r) => r.mentorship.status === "closed").map(toView),
    contacts,
  };
}

// The open mentorship's contacts that set a next meeting, newest first: the first one is the meeting.
const nextMeetingOfOpen = prepared(`
  SELECT c.contact_on AS contactOn, c.created_at AS createdAt, c.next_meeting_on AS nextMeetingOn, c.next_meeting_time AS nextMeetingTime
  FROM mentorships m JOIN mentor_contacts c ON c.mentorship_id = m.id JOIN users a ON a.id = c.author_id
  WHERE m.young_person_id = ? AND m.status != 'closed' AND c.next_meeting_on IS NOT NULL
  ORDER BY c.contact_on DESC, c.created_at DESC LIMIT 1`);

/**
 * The next meeting with the mentor, as the mentoring page shows it (mentoringOverview's
 * `open.nextMeeting`), in one small statement: the young person's home needs nothing else of it.
 */
export function nextMentorMeeting(youngPersonId: string, today: IsoDate): { on: IsoDate; time: string | null } | null {
  const row = nextMeetingOfOpen().get(youngPersonId) as Parameters<typeof upcomingMeeting>[0][number] | undefined;
  return upcomingMeeting(row ? [row] : [], today);
}

/** Mentors of the organisation who can be linked (not disabled), by name. */
export function mentorCandidates(organisationId: string): PersonRef[] {
  return getDb()
    .select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, "mentor")))
    .orderBy(asc(users.displayName))
    .all()
    .filter((u) => u.disabledAt === null)
    .map(({ id, displayName }) => ({ id, displayName }));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_CONSTRAINT");
}

/** Links a mentor; the problem (for the mentor field) when the rules say no. Nothing changes then. */
export function linkMentor(youngPersonId: string, actorId: string, mentorId: string, today: IsoDate): FieldProblem | null {
  const db = getDb();
  const person = youngPersonRow(youngPersonId);
  if (!person) return { field: "mentorId", error: "mentoring.errors.mentorUnknown" };
  const candidate = db
    .select({ role: users.role, organisationId: users.organisationId, disabledAt: users.disabledAt, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, mentorId))
    .get();
  const open = mentorshipRows(youngPersonId).find((r) => r.mentorship.status !== "closed");
  const problem = linkProblem(
    candidate ? { ...candidate, disabled: candidate.disabledAt !== null } : null,
    person.organisationId,
    open ? { status: open.mentorship.status, mentorName: open.mentorName } : null,
    windowOf(person),
    today,
  );
  if (problem) return problem;
  const planId = ensurePlan(youngPersonId).id;
  const id = randomUUID();
  try {
    db.transaction((tx) => {
      tx.insert(mentorships).values({ id, youngPersonId, mentorId, status: "active", startedOn: today, linkedBy: actorId }).run();
      recordEvent(tx, { planId, actorId, kind: "mentorship.linked", entityId: id, after: { mentorId } });
    });
  } catch (error) {
    // Two links posted at the same moment: the unique index lets one through; name the one that won.
    if (!isUniqueViolation(error)) throw error;
    const winner = mentorshipRows(youngPersonId).find((r) => r.mentorship.status !== "closed");
    return { field: "mentorId", error: "mentoring.errors.activeMentorExists", values: { name: winner?.mentorName ?? "" } };
  }
  return null;
}

function openMentorship(youngPersonId: string, mentorshipId: string) {
  return getDb()
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.id, mentorshipId), eq(mentorships.youngPersonId, youngPersonId), ne(mentorships.status, "closed")))
    .get();
}

/**
 * Pauses or resumes the open mentorship. Asking for the state it already has changes nothing (a double
 * tap); false when there is no such open mentorship of this young person.
 */
export function setMentorshipPaused(youngPersonId: string, mentorshipId: string, actorId: string, paused: boolean, today: IsoDate): boolean {
  const m = openMentorship(youngPersonId, mentorshipId);
  if (!m) return false;
  if ((m.status === "paused") === paused) return true;
  const planId = ensurePlan(youngPersonId).id;
  getDb().transaction((tx) => {
    tx.update(mentorships)
      .set(paused ? { status: "paused", pausedOn: today } : { status: "active", pausedOn: null, resumedOn: today })
      .where(eq(mentorships.id, m.id))
      .run();
    recordEvent(tx, { planId, actorId, kind: paused ? "mentorship.paused" : "mentorship.resumed", entityId: m.id });
  });
  return true;
}

export function closeMentorship(
  youngPersonId: string,
  mentorshipId: string,
  actorId: string,
  input: { reason: MentorshipCloseReason; handoverNote: string },
  today: IsoDate,
): boolean {
  const m = openMentorship(youngPersonId, mentorshipId);
  if (!m) return false;
  const planId = ensurePlan(youngPersonId).id;
  getDb().transaction((tx) => {
    tx.update(mentorships)
      .set({ status: "closed", closedOn: today, closeReason: input.reason, handoverNote: input.handoverNote, closedBy: actorId, pausedOn: null })
      .where(eq(mentorships.id, m.id))
      .run();
    // The handover note stays out of the history: the history is read by more people than the note.
    recordEvent(tx, { planId, actorId, kind: "mentorship.closed", entityId: m.id, after: { reason: input.reason } });
  });
  return true;
}

/** The young person's "what I want my next mentor to know", on one of their closed mentorships. */
export function saveYouthNote(youngPersonId: string, mentorshipId: string, actorId: string, text: string): boolean {
  const db = getDb();
  const m = db
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.id, mentorshipId), eq(mentorships.youngPersonId, youngPersonId), eq(mentorships.status, "closed")))
    .get();
  if (!m) return false;
  const planId = ensurePlan(youngPersonId).id;
  db.transaction((tx) => {
    tx.update(mentorships).set({ youthNote: text, youthNoteAt: now().getTime() }).where(eq(mentorships.id, m.id)).run();
    recordEvent(tx, { planId, actorId, kind: "mentorship.youthNote", entityId: m.id });
  });
  return true;
}

export interface ContactInput {
  contactOn: IsoDate;
  made: "yes" | "no";
  channel: ContactChannel;
  durationMinutes?: number;
  topics: Domain[];
  note?: string;
  notePrivate?: "on";
  nextMeetingOn?: IsoDate;
  nextMeetingTime?: string;
  clientToken?: string;
}

function ownActiveMentorship(youngPersonId: string, mentorId: string) {
  const person = youngPersonRow(youngPersonId);
  const mentorship = getDb()
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.youngPersonId, youngPersonId), eq(mentorships.mentorId, mentorId), eq(mentorships.status, "active")))
    .get();
  return person && mentorship ? { person, mentorship } : null;
}

/** What the log-a-contact page needs, or null unless this mentor has an active mentorship of the record. */
export function contactFormContext(youngPersonId: string, mentorId: string) {
  const own = ownActiveMentorship(youngPersonId, mentorId);
  return own ? { youngPerson: { id: own.person.id, displayName: own.person.displayName }, windowStart: windowOf(own.person).start } : null;
}

const NO_ACTIVE_MENTORSHIP: FieldProblem = { field: "contactOn", error: "mentoring.errors.noActiveMentorship" };

/**
 * The contact rules checked on whatever could be read of a form that failed its field checks, so all its
 * problems show after one submit.
 */
export function contactRuleProblems(
  youngPersonId: string,
  mentorId: string,
  input: Pick<ContactCheck, "contactOn" | "made" | "durationMinutes" | "nextMeetingOn" | "nextMeetingTime">,
  today: IsoDate,
): FieldProblem[] {
  const own = ownActiveMentorship(youngPersonId, mentorId);
  if (!own) return [NO_ACTIVE_MENTORSHIP];
  return contactProblems({ ...input, mentorshipStartedOn: own.mentorship.startedOn, window: windowOf(own.person) }, today);
}

/**
 * Logs a contact on the mentor's own active mentorship of this young person. Returns the problems
 * (nothing is written then), or an empty list; a repeated one-time token writes nothing twice.
 */
export function logContact(
  youngPersonId: string,
  mentorId: string,
  input: ContactInput,
  today: IsoDate,
  /** More to write in the contact's transaction (the proposed next step, app/models/next-step.server.ts). */
  alsoWrite?: (tx: Tx, ids: { contactId: string; planId: string }) => void,
): FieldProblem[] {
  const db = getDb();
  const own = ownActiveMentorship(youngPersonId, mentorId);
  if (!own) return [NO_ACTIVE_MENTORSHIP];
  const m = own.mentorship;
  const made = input.made === "yes";
  // An attempt that did not reach the young person has no duration.
  const durationMinutes = made ? (input.durationMinutes ?? null) : null;
  const problems = contactProblems(
    {
      contactOn: input.contactOn,
      made,
      durationMinutes,
      nextMeetingOn: input.nextMeetingOn ?? null,
      nextMeetingTime: input.nextMeetingTime ?? null,
      mentorshipStartedOn: m.startedOn,
      window: windowOf(own.person),
    },
    today,
  );
  if (problems.length) return problems;
  if (input.clientToken) {
    const seen = db
      .select({ id: mentorContacts.id })
      .from(mentorContacts)
      .where(and(eq(mentorContacts.mentorshipId, m.id), eq(mentorContacts.clientToken, input.clientToken)))
      .get();
    if (seen) return [];
  }
  const planId = ensurePlan(youngPersonId).id;
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(mentorContacts)
      .values({
        id,
        mentorshipId: m.id,
        youngPersonId,
        authorId: mentorId,
        contactOn: input.contactOn,
        made,
        channel: input.channel,
        durationMinutes,
        topics: [...new Set(input.topics)],
        note: input.note || null,
        notePrivate: input.notePrivate === "on" && Boolean(input.note),
        nextMeetingOn: input.nextMeetingOn ?? null,
        nextMeetingTime: input.nextMeetingOn ? (input.nextMeetingTime ?? null) : null,
        clientToken: input.clientToken ?? null,
      })
      .run();
    // The note is not copied into the history (it may be private); the log is the record.
    recordEvent(tx, { planId, actorId: mentorId, kind: "contact.logged", entityId: id, after: { contactOn: input.contactOn } });
    alsoWrite?.(tx, { contactId: id, planId });
  });
  return [];
}

/** Changes the planned and actual care end dates; the mentoring window moves with them. */
export function setCareEndDates(
  youngPersonId: string,
  actorId: string,
  input: { plannedCareEndDate: IsoDate; actualCareEndDate?: IsoDate },
  today: IsoDate,
): FieldProblem[] {
  const person = youngPersonRow(youngPersonId);
  if (!person) return [{ field: "plannedCareEndDate", error: "errors.invalid" }];
  const next = { plannedCareEndDate: input.plannedCareEndDate, actualCareEndDate: input.actualCareEndDate ?? null };
  const problems = careEndProblems({ dateOfBirth: person.dateOfBirth, ...next }, today);
  if (problems.length) return problems;
  if (next.plannedCareEndDate === person.plannedCareEndDate && next.actualCareEndDate === person.actualCareEndDate) return [];
  const planId = ensurePlan(youngPersonId).id;
  getDb().transaction((tx) => {
    tx.update(youngPeople).set(next).where(eq(youngPeople.id, youngPersonId)).run();
    recordEvent(tx, {
      planId,
      actorId,
      kind: "record.careEndChanged",
      entityId: youngPersonId,
      before: { plannedCareEndDate: person.plannedCareEndDate, actualCareEndDate: person.actualCareEndDate },
      after: next,
    });
  });
  return [];
}

// The contacts of some mentorships (@ids: a JSON array), for their rhythm and next meeting.
const contactsOfMentorships = prepared(`
  SELECT mentorship_id AS mentorshipId, contact_on AS contactOn, made, created_at AS createdAt,
         next_meeting_on AS nextMeetingOn, next_meeting_time AS nextMeetingTime
  FROM mentor_contacts WHERE mentorship_id IN (SELECT value FROM json_each(?))`);

/** Last contact made per mentorship and the newest contact's next meeting (one query for them all). */
function contactSummaries(mentorshipIds: string[], today: IsoDate) {
  const rows = mentorshipIds.length
    ? (
        contactsOfMentorships().all(JSON.stringify(mentorshipIds)) as Array<{
          mentorshipId: string;
          contactOn: IsoDate;
          made: number;
          createdAt: number;
          nextMeetingOn: IsoDate | null;
          nextMeetingTime: string | null;
        }>
      ).map((row) => ({ ...row, made: row.made === 1 }))
    : [];
  const byMentorship = groupBy(rows, (row) => row.mentorshipId);
  return (mentorshipId: string) => {
    const own = byMentorship.get(mentorshipId) ?? [];
    const made = own.filter((c) => c.made).map((c) => c.contactOn);
    return {
      lastContactOn: made.length ? made.reduce((a, b) => (a > b ? a : b)) : null,
      nextMeeting: upcomingMeeting(own, today),
    };
  };
}

/**
 * The contact rhythm of each young person's open mentorship, for the specialist's and lead's lists:
 * three queries whatever the number of records.
 */
export function rhythmsFor(organisationId: string, youngPersonIds: string[], today: IsoDate): Record<string, RhythmState> {
  if (youngPersonIds.length === 0) return {};
  const open = openMentorshipsOf().all(JSON.stringify(youngPersonIds)) as Array<
    Pick<MentorshipRow, "id" | "youngPersonId" | "status" | "startedOn" | "resumedOn"> &
      Pick<YoungPersonRow, "actualCareEndDate" | "plannedCareEndDate" | "dateOfBirth">
  >;
  const summaryOf = contactSummaries(
    open.map((m) => m.id),
    today,
  );
  const rhythmDays = contactRhythmDays(organisationId);
  return Object.fromEntries(open.map((m) => [m.youngPersonId, rhythmOf(m, m, summaryOf(m.id).lastContactOn, rhythmDays, today)]));
}

// The records' open mentorships with what their rhythm is counted from (prepared once: the specialist's
// and lead's lists ask on every view).
const openMentorshipsOf = prepared(`
  SELECT m.id AS id, m.young_person_id AS youngPersonId, m.status AS status, m.started_on AS startedOn, m.resumed_on AS resumedOn,
         y.actual_care_end_date AS actualCareEndDate, y.planned_care_end_date AS plannedCareEndDate, y.date_of_birth AS dateOfBirth
  FROM mentorships m JOIN young_people y ON y.id = m.young_person_id
  WHERE m.young_person_id IN (SELECT value FROM json_each(?)) AND m.status != 'closed'`);

export interface MenteeRow {
  youngPersonId: string;
  displayName: string;
  summary: PhaseSummary;
  rhythm: RhythmState;
  lastContactOn: IsoDate | null;
  nextMeeting: { on: IsoDate; time: string | null } | null;
  overdueGoals: number;
  overdueSteps: number;
  /** The first HELP_ASKED_SHOWN open steps the young person gave to the mentor (soonest due first)… */
  helpAsked: Array<{ stepId: string; goalId: string; title: string; dueDate: string | null }>;
  /** …and how many there are. */
  helpAskedCount: number;
  /** The newest readiness ratings, averaged over the domains rated (1–10), or null. */
  readiness: { youth: number | null; adult: number | null };
  /** What moved in the plan since the last contact (issue 14); null before the first one. */
  since: SinceLastContact | null;
}

/** A dashboard shows this many of a mentee's "asked you for help" steps, and how many more there are. */
export const HELP_ASKED_SHOWN = 5;

/**
 * @visible: the "<young person>:<domain>" pairs this mentor may see (the young person's sharing
 * switches), so hidden domains are left out of every count and list.
 */
const visibleDomain = `(p.young_person_id || ':' || g.domain) IN (SELECT value FROM json_each(@visible))`;

// The open steps come from the covering index of open steps (decision 035): no step row is read to count.
const openStepsOfMentees = `
  FROM plans p JOIN goals g ON g.plan_id = p.id JOIN steps s INDEXED BY steps_open_idx ON s.goal_id = g.id AND s.done_at IS NULL
  WHERE p.young_person_id IN (SELECT value FROM json_each(@ids)) AND ${visibleDomain}
    AND g.status IN ('planned', 'in_progress') AND s.done_at IS NULL`;

/** Per mentee: open steps given to the mentor and open steps overdue (counted in SQLite). */
const dashboardStepCounts = prepared(`
  SELECT p.young_person_id AS youngPersonId,
         sum(s.owner = 'mentor') AS helpAsked,
         sum(s.due_date IS NOT NULL AND s.due_date < @today) AS overdueSteps
  ${openStepsOfMentees}
  GROUP BY p.young_person_id`);

/** Per mentee: open goals overdue. */
const dashboardOverdueGoals = prepared(`
  SELECT p.young_person_id AS youngPersonId, count(*) AS overdueGoals
  FROM goals g JOIN plans p ON p.id = g.plan_id
  WHERE p.young_person_id IN (SELECT value FROM json_each(@ids)) AND ${visibleDomain}
    AND g.status IN ('planned', 'in_progress') AND g.due_date < @today
  GROUP BY p.young_person_id`);

/** Per mentee: the first HELP_ASKED_SHOWN open steps given to the mentor, soonest due first (undated last). */
// Per mentee, the first @shown are chosen in the covering index (a top-N sort of its entries); only those
// steps' rows (their titles) are read.
const dashboardHelpAsked = prepared(`
  SELECT m.value AS youngPersonId, s.id AS stepId, s.goal_id AS goalId, s.title AS title, s.due_date AS dueDate
  FROM json_each(@ids) m JOIN steps s ON s.rowid IN (
    SELECT s.rowid ${openStepsOfMentees.replace("p.young_person_id IN (SELECT value FROM json_each(@ids))", "p.young_person_id = m.value")} AND s.owner = 'mentor'
    ORDER BY s.due_date IS NULL, s.due_date, g.position, s.position, s.id LIMIT @shown)
  JOIN goals g ON g.id = s.goal_id
  ORDER BY m.value, s.due_date IS NULL, s.due_date, g.position, s.position, s.id`);

/**
 * What the dashboard counts and lists of the mentees' plans, kept under their plans' revisions (decision
 * 042): everything it is computed from besides the plans' goals, steps and ratings is an argument (the
 * mentees, the domains the mentor sees of each, the day, each one's last contact).
 */
const keptDashboardPlans = keptRecordsRead(
  "mentorDashboard",
  (ids: readonly string[], visibleList: string, today: IsoDate, lastContacts: ReadonlyArray<{ youngPersonId: string; lastContactOn: string | null }>) => {
    const idList = JSON.stringify(ids);
    return {
      stepCounts: dashboardStepCounts().all({ ids: idList, visible: visibleList, today }) as Array<{
        youngPersonId: string;
        helpAsked: number;
        overdueSteps: number;
      }>,
      overdueGoals: dashboardOverdueGoals().all({ ids: idList, visible: visibleList, today }) as Array<{ youngPersonId: string; overdueGoals: number }>,
      helpAsked: dashboardHelpAsked().all({ ids: idList, visible: visibleList, shown: HELP_ASKED_SHOWN }) as Array<
        MenteeRow["helpAsked"][number] & { youngPersonId: string }
      >,
      ratings: getDb()
        .select({ youngPersonId: plans.youngPersonId, ...ratingColumns })
        .from(readinessRatings)
        .innerJoin(plans, eq(plans.id, readinessRatings.planId))
        .where(inArray(plans.youngPersonId, [...ids]))
        .orderBy(asc(readinessRatings.ratedOn), asc(readinessRatings.createdAt))
        .all(),
      since: [...sinceLastContact(lastContacts, visibleList)],
    };
  },
);

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

/**
 * The mentor's dashboard: every mentee the policy lets them see today, most in need of attention first,
 * and how many linked mentorships are waiting for their window to open (no names: nothing of a young
 * person is shown before the window). A fixed number of queries for any number of mentees.
 */
/** The first word of a display name ("Kristaps Lācis" → "Kristaps"). */
export function firstNameOf(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? "";
}

// The mentor's active mentorships with their records, whole rows (prepared once: their home asks on every view).
const activeMentorshipsOf = prepared(`
  SELECT ${columnsAs(mentorships, "m", "m.")}, ${columnsAs(youngPeople, "y", "y.")}
  FROM mentorships m JOIN young_people y ON y.id = m.young_person_id
  WHERE m.mentor_id = ? AND m.status = 'active'`);

export function mentorDashboard(actor: Actor, today: IsoDate) {
  const linked = (activeMentorshipsOf().all(actor.id) as Array<Record<string, unknown>>).map((row) => {
    const { a: mentorship, b: youngPerson } = splitRow<MentorshipRow, YoungPersonRow>(row, "m.", "y.");
    return { mentorship, youngPerson };
  });
  // The policy's view of each record, from the one loader; each row shows only what its viewer sees.
  const subjects = caseSubjectsOf(linked.map((l) => l.youngPerson));
  const viewers = new Map(linked.map(({ youngPerson }) => [youngPerson.id, viewerOf(actor, subjects.get(youngPerson.id)!, today)]));
  const visible = linked.filter(({ youngPerson }) => viewers.get(youngPerson.id)!.actions.has("plan.view"));
  const sees = (youngPersonId: string, section: Section) => viewers.get(youngPersonId)?.sections.has(section) ?? false;
  // Before the window opens the mentor learns who is coming and when: the first name and the day the
  // window opens, nothing of the plan (decision 026; the policy still refuses the plan until then).
  const upcoming = linked
    .map(({ youngPerson }) => ({ firstName: firstNameOf(youngPerson.displayName), opensOn: windowOf(youngPerson).start }))
    .filter((u) => today < u.opensOn)
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : a.firstName.localeCompare(b.firstName)));
  const waiting = upcoming.map((u) => u.opensOn);
  const ids = visible.map((v) => v.youngPerson.id);
  const summaryOf = contactSummaries(
    visible.map((v) => v.mentorship.id),
    today,
  );
  const visibleList = JSON.stringify(ids.flatMap((id) => DOMAINS.filter((d) => sees(id, d)).map((d) => `${id}:${d}`)));
  const lastContacts = visible.map(({ mentorship: m, youngPerson }) => ({ youngPersonId: youngPerson.id, lastContactOn: summaryOf(m.id).lastContactOn }));
  const plansRead = ids.length ? keptDashboardPlans(ids, visibleList, today, lastContacts) : null;
  const byMentee = <T extends { youngPersonId: string }>(rows: readonly T[] = []) => new Map(rows.map((row) => [row.youngPersonId, row]));
  const stepCounts = byMentee(plansRead?.stepCounts);
  const overdueGoalCounts = byMentee(plansRead?.overdueGoals);
  const helpAskedOf = groupBy(plansRead?.helpAsked ?? [], (s) => s.youngPersonId);
  const ratings = (plansRead?.ratings ?? []).filter((r) => sees(r.youngPersonId, "readiness") && sees(r.youngPersonId, r.domain));
  const rhythmDays = contactRhythmDays(actor.organisationId);
  const ratingsOf = groupBy(ratings, (r) => r.youngPersonId);
  const since = new Map(plansRead?.since ?? []);
  const rows: MenteeRow[] = visible.map(({ mentorship: m, youngPerson }) => {
    const contact = summaryOf(m.id);
    const counts = stepCounts.get(youngPerson.id);
    const latest = latestRatings(ratingsOf.get(youngPerson.id) ?? []);
    return {
      youngPersonId: youngPerson.id,
      displayName: youngPerson.displayName,
      summary: phaseSummary(youngPerson, today),
      rhythm: rhythmOf(m, youngPerson, contact.lastContactOn, rhythmDays, today),
      lastContactOn: contact.lastContactOn,
      nextMeeting: contact.nextMeeting,
      overdueGoals: overdueGoalCounts.get(youngPerson.id)?.overdueGoals ?? 0,
      overdueSteps: counts?.overdueSteps ?? 0,
      helpAsked: (helpAskedOf.get(youngPerson.id) ?? []).map(({ stepId, goalId, title, dueDate }) => ({ stepId, goalId, title, dueDate })),
      helpAskedCount: counts?.helpAsked ?? 0,
      readiness: {
        youth: average(DOMAINS.flatMap((d) => (latest[d].youth ? [latest[d].youth!.value] : []))),
        adult: average(DOMAINS.flatMap((d) => (latest[d].adult ? [latest[d].adult!.value] : []))),
      },
      since: since.get(youngPerson.id) ?? null,
    };
  });
  const key = (row: MenteeRow) =>
    attentionKey(
      {
        rhythm: row.rhythm,
        overdueSteps: row.overdueGoals + row.overdueSteps,
        helpAsked: row.helpAskedCount,
        nextMeetingOn: row.nextMeeting?.on ?? null,
        careEnd: row.summary.careEnd,
      },
      today,
    );
  return {
    mentees: rows.sort((a, b) => compareAttention(key(a), key(b))),
    waiting: { count: waiting.length, firstOpensOn: waiting[0] ?? null },
    upcoming,
    rhythmDays,
  };
}

export type MentorDashboard = ReturnType<typeof mentorDashboard>;

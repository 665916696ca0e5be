/**
 * Review meetings (docs/decisions/017-review-meetings.md): the cadence, "ask for a review", scheduling,
 * the young person's statement, the pack, the recording (goals created in the same transaction) and
 * "did you feel heard?". Every read is a constant number of SQL statements, whatever the plan's size.
 */
import { randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { and, asc, desc, eq, gte, inArray, isNull, lt, max, ne, sql, TransactionRollbackError } from "drizzle-orm";
import {
  budgetTransactions,
  carerLinks,
  goals,
  mentorContacts,
  mentorships,
  organisations,
  planDocuments,
  planEvents,
  readinessRatings,
  reviewDecisions,
  reviewFeedback,
  reviewGoals,
  reviewParticipants,
  reviewRequests,
  reviewStatements,
  reviews,
  steps,
  users,
  youngPeople,
} from "../../db/schema";
import { addDays, daysBetween, parseIsoDate, rigaClock, todayInRiga, type IsoDate } from "~/domain/dates";
import { expiringDocuments, type ChecklistEntry } from "~/domain/documents";
import type { FieldProblem } from "~/domain/form-errors";
import { mentoringWindow, phaseOn, type Phase } from "~/domain/phase";
import type { Viewer } from "~/domain/policy";
import { latestRatings, suggestedTopics, type RatingGap } from "~/domain/readiness";
import {
  chosenFocus,
  DEFAULT_REVIEW_MONTHS,
  draftPack,
  feltHeardOpen,
  readinessChanges,
  REVIEW_DUE_SOON_DAYS,
  reviewDue,
  statementOpen,
  type FeltHeard,
  type FocusSuggestion,
  type PackDraft,
  type ParticipantKind,
  type ReviewCadence,
  type ReviewDue,
  type ReviewStatus,
} from "~/domain/reviews";
import { GOAL_STATUS_EVENTS } from "~/domain/plan-history";
import { DOMAINS, type Domain, type GoalStatus, type Locale, type Owner } from "~/domain/vocabulary";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { prepared } from "~/utils/statements.server";

import { savingsTotal } from "./budget.server";
import { ensurePlan, factChanges, recordEvent } from "./plans.server";

export const RIGA = "Europe/Riga";

/** A Riga wall-clock date and time as Unix milliseconds. */
export function rigaMs(date: IsoDate, time: string): number {
  const parts = parseIsoDate(date)!;
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new TZDate(parts.year, parts.month - 1, parts.day, hours, minutes, 0, RIGA).getTime();
}

// ------------------------------------------------------------------------------------------- cadence

interface CadenceRow {
  id: string;
  dateOfBirth: string;
  plannedCareEndDate: string;
  actualCareEndDate: string | null;
  createdAt: number;
  preparationMonths: number | null;
  transitionMonths: number | null;
}

function phaseStart(row: CadenceRow, phase: Phase): IsoDate {
  const careEnd = row.actualCareEndDate ?? row.plannedCareEndDate;
  if (phase === "transition") return mentoringWindow(careEnd, row.dateOfBirth).start;
  if (phase === "aftercare") return careEnd;
  return todayInRiga(new Date(row.createdAt));
}

export interface ReviewState {
  due: ReviewDue;
  lastReviewOn: IsoDate | null;
  /** The open "ask for a review", if any. */
  requestedOn: IsoDate | null;
  nextScheduled: { id: string; heldOn: IsoDate } | null;
}

// reviewStates' four statements, prepared once (every plan page and home asks them; building them with
// the query builder was 4% of the overview's CPU). `?` is the records' ids as a JSON array.
const cadenceRows = prepared(`
  SELECT y.id, y.date_of_birth AS dateOfBirth, y.planned_care_end_date AS plannedCareEndDate,
         y.actual_care_end_date AS actualCareEndDate, y.created_at AS createdAt,
         o.review_months_preparation AS preparationMonths, o.review_months_transition AS transitionMonths
  FROM young_people y LEFT JOIN organisations o ON o.id = y.organisation_id
  WHERE y.id IN (SELECT value FROM json_each(?))`);
const lastRecordedReviews = prepared(`
  SELECT r.young_person_id AS youngPersonId, max(r.held_on) AS heldOn,
         (SELECT r2.next_review_on FROM reviews r2 WHERE r2.young_person_id = r.young_person_id AND r2.status = 'recorded'
          ORDER BY r2.held_on DESC LIMIT 1) AS nextReviewOn
  FROM reviews r WHERE r.young_person_id IN (SELECT value FROM json_each(?)) AND r.status = 'recorded'
  GROUP BY r.young_person_id`);
const scheduledReviewsFrom = prepared(`
  SELECT young_person_id AS youngPersonId, id, held_on AS heldOn FROM reviews
  WHERE young_person_id IN (SELECT value FROM json_each(?)) AND status = 'scheduled' AND held_on >= ?
  ORDER BY held_on`);
const openReviewRequests = prepared(`
  SELECT young_person_id AS youngPersonId, requested_on AS requestedOn FROM review_requests
  WHERE young_person_id IN (SELECT value FROM json_each(?)) AND review_id IS NULL`);

/** The review state of many records at once: four statements whatever the count. */
export function reviewStates(youngPersonIds: readonly string[], today: IsoDate): Map<string, ReviewState> {
  const ids = [...new Set(youngPersonIds)];
  const result = new Map<string, ReviewState>();
  if (ids.length === 0) return result;
  const idList = JSON.stringify(ids);
  const rows = cadenceRows().all(idList) as CadenceRow[];
  const last = lastRecordedReviews().all(idList) as Array<{ youngPersonId: string; heldOn: string | null; nextReviewOn: string | null }>;
  const scheduled = scheduledReviewsFrom().all(idList, today) as Array<{ youngPersonId: string; id: string; heldOn: string }>;
  const requests = openReviewRequests().all(idList) as Array<{ youngPersonId: string; requestedOn: string }>;
  const lastOf = new Map(last.map((l) => [l.youngPersonId, l]));
  const nextOf = new Map<string, { id: string; heldOn: string }>();
  for (const s of scheduled) if (!nextOf.has(s.youngPersonId)) nextOf.set(s.youngPersonId, { id: s.id, heldOn: s.heldOn });
  const requestOf = new Map(requests.map((r) => [r.youngPersonId, r.requestedOn]));
  for (const row of rows) {
    const phase = phaseOn(row, today);
    const cadence: ReviewCadence = {
      preparationMonths: row.preparationMonths ?? DEFAULT_REVIEW_MONTHS.preparation,
      transitionMonths: row.transitionMonths ?? DEFAULT_REVIEW_MONTHS.transition,
    };
    const l = lastOf.get(row.id);
    const next = nextOf.get(row.id) ?? null;
    result.set(row.id, {
      due: reviewDue(
        {
          phase,
          phaseStart: phaseStart(row, phase),
          lastReviewOn: l?.heldOn ?? null,
          agreedNextOn: l?.nextReviewOn ?? null,
          nextScheduledOn: next?.heldOn ?? null,
          cadence,
        },
        today,
      ),
      lastReviewOn: l?.heldOn ?? null,
      requestedOn: requestOf.get(row.id) ?? null,
      nextScheduled: next,
    });
  }
  return result;
}

/** For the specialist's worklist (app/domain/worklist.ts, issue 11 item 9). */
export interface ReviewWorklistEntry {
  youngPersonId: string;
  kind: "overdue" | "due" | "requested";
  /** ISO yyyy-mm-dd: due date or request date. */
  date: string;
  /** Days overdue (kind overdue) or until due; days since the request (kind requested). */
  days: number;
}

/**
 * Reviews overdue, due within the next 30 days, and open review requests of these records; a record with
 * a review already scheduled is not "due" (it is handled). Constant number of SQL statements.
 */
export function reviewWorklistEntries(youngPersonIds: readonly string[], today: string): ReviewWorklistEntry[] {
  return reviewWorklistEntriesOf(reviewStates(youngPersonIds, today), today);
}

/** The same from review states already read (the specialist's home reads them once for this and its rows). */
export function reviewWorklistEntriesOf(states: ReadonlyMap<string, ReviewState>, today: string): ReviewWorklistEntry[] {
  const entries: ReviewWorklistEntry[] = [];
  for (const [youngPersonId, state] of states) {
    if (state.requestedOn) entries.push({ youngPersonId, kind: "requested", date: state.requestedOn, days: daysBetween(state.requestedOn, today) });
    const due = state.due;
    if (due.kind === "overdue") entries.push({ youngPersonId, kind: "overdue", date: due.on, days: due.days });
    else if (due.kind === "due" && due.days <= REVIEW_DUE_SOON_DAYS) entries.push({ youngPersonId, kind: "due", date: due.on, days: due.days });
  }
  const order = { requested: 0, overdue: 1, due: 2 } as const;
  return entries.sort(
    (a, b) => order[a.kind] - order[b.kind] || (a.kind === "due" ? a.days - b.days : b.days - a.days) || a.youngPersonId.localeCompare(b.youngPersonId),
  );
}

/** The organisation's cadence setting. */
export function reviewCadence(organisationId: string): ReviewCadence {
  const row = getDb()
    .select({ preparationMonths: organisations.reviewMonthsPreparation, transitionMonths: organisations.reviewMonthsTransition })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return row ?? { preparationMonths: DEFAULT_REVIEW_MONTHS.preparation, transitionMonths: DEFAULT_REVIEW_MONTHS.transition };
}

export function setReviewCadence(organisationId: string, cadence: ReviewCadence): void {
  getDb()
    .update(organisations)
    .set({ reviewMonthsPreparation: cadence.preparationMonths, reviewMonthsTransition: cadence.transitionMonths })
    .where(eq(organisations.id, organisationId))
    .run();
}

// ------------------------------------------------------------------------------------------ requests

/** "Ask for a review": one open request at a time (a second tap is the same request). */
export function requestReview(youngPersonId: string, actorId: string, today: IsoDate): "ok" | "already" {
  const plan = ensurePlan(youngPersonId);
  return getDb().transaction((tx) => {
    const inserted = tx
      .insert(reviewRequests)
      .values({ id: randomUUID(), youngPersonId, requestedOn: today })
      .onConflictDoNothing()
      .returning({ id: reviewRequests.id })
      .all();
    if (inserted.length === 0) return "already" as const;
    recordEvent(tx, { planId: plan.id, actorId, kind: "review.requested", entityId: inserted[0]!.id, after: { requestedOn: today } });
    return "ok" as const;
  });
}

// ------------------------------------------------------------------------------------------- people

export interface PlanPerson {
  userId: string;
  kind: Exclude<ParticipantKind, "other">;
  displayName: string;
}

/** The people on the plan who can be invited: the young person, the specialist, active mentors, current carers. */
export function planPeople(youngPersonId: string): PlanPerson[] {
  const db = getDb();
  const record = db
    .select({ userId: youngPeople.userId, specialistId: youngPeople.specialistId })
    .from(youngPeople)
    .where(eq(youngPeople.id, youngPersonId))
    .get();
  if (!record) return [];
  const rows = db
    .select({ id: users.id, displayName: users.displayName, role: users.role, disabled: users.disabledAt })
    .from(users)
    .where(
      sql`${users.id} IN (
        SELECT ${youngPeople.userId} FROM ${youngPeople} WHERE ${youngPeople.id} = ${youngPersonId}
        UNION SELECT ${youngPeople.specialistId} FROM ${youngPeople} WHERE ${youngPeople.id} = ${youngPersonId}
        UNION SELECT ${mentorships.mentorId} FROM ${mentorships} WHERE ${mentorships.youngPersonId} = ${youngPersonId} AND ${mentorships.status} = 'active'
        UNION SELECT ${carerLinks.carerId} FROM ${carerLinks} WHERE ${carerLinks.youngPersonId} = ${youngPersonId} AND ${carerLinks.endedOn} IS NULL)`,
    )
    .all();
  const kindOf = (row: { id: string; role: string }): PlanPerson["kind"] | null => {
    if (row.id === record.userId) return "youth";
    if (row.id === record.specialistId) return "specialist";
    if (row.role === "mentor") return "mentor";
    if (row.role === "carer") return "carer";
    return null;
  };
  const order = { youth: 0, specialist: 1, mentor: 2, carer: 3 } as const;
  return rows
    .filter((r) => !r.disabled)
    .flatMap((r) => {
      const kind = kindOf(r);
      return kind ? [{ userId: r.id, kind, displayName: r.displayName }] : [];
    })
    .sort((a, b) => order[a.kind] - order[b.kind] || a.displayName.localeCompare(b.displayName));
}

// ---------------------------------------------------------------------------------------- scheduling

export interface ScheduleInput {
  date: IsoDate;
  time: string;
  place?: string;
  videoLink?: string;
  participantIds: readonly string[];
  /** Others by name, one per line. */
  others: readonly string[];
  clientToken?: string;
}

export type ScheduleResult = { status: "ok"; id: string } | { status: "problems"; problems: FieldProblem[] };

/** Schedules a review: not in the past, only people on the plan (anyone else is invited by name). */
export function scheduleReview(youngPersonId: string, actorId: string, input: ScheduleInput, nowMs = now().getTime()): ScheduleResult {
  const problems: FieldProblem[] = [];
  const startsAt = rigaMs(input.date, input.time);
  if (startsAt <= nowMs) problems.push({ field: "date", error: "reviews.errors.inPast" });
  const people = new Map(planPeople(youngPersonId).map((p) => [p.userId, p]));
  const unknown = input.participantIds.filter((id) => !people.has(id));
  if (unknown.length) problems.push({ field: "participants", error: "reviews.errors.notOnPlan" });
  if (!input.place && !input.videoLink) problems.push({ field: "place", error: "reviews.errors.placeOrLink" });
  if (problems.length) return { status: "problems", problems };
  const db = getDb();
  if (input.clientToken) {
    const existing = db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.youngPersonId, youngPersonId), eq(reviews.clientToken, input.clientToken)))
      .get();
    if (existing) return { status: "ok", id: existing.id };
  }
  const plan = ensurePlan(youngPersonId);
  const id = randomUUID();
  const youth = [...people.values()].find((p) => p.kind === "youth");
  // The young person is always at their own review.
  const invited = new Set(input.participantIds);
  if (youth) invited.add(youth.userId);
  db.transaction((tx) => {
    tx.insert(reviews)
      .values({
        id,
        youngPersonId,
        startsAt,
        heldOn: input.date,
        place: input.place || null,
        videoLink: input.videoLink || null,
        createdBy: actorId,
        clientToken: input.clientToken ?? null,
      })
      .run();
    const participantRows = [
      ...[...invited].map((userId) => ({ id: randomUUID(), reviewId: id, kind: people.get(userId)!.kind as ParticipantKind, userId, name: null })),
      ...input.others.map((name) => ({ id: randomUUID(), reviewId: id, kind: "other" as const, userId: null, name })),
    ];
    if (participantRows.length) tx.insert(reviewParticipants).values(participantRows).run();
    // The request is answered by this review.
    tx.update(reviewRequests)
      .set({ reviewId: id })
      .where(and(eq(reviewRequests.youngPersonId, youngPersonId), isNull(reviewRequests.reviewId)))
      .run();
    recordEvent(tx, { planId: plan.id, actorId, kind: "review.scheduled", entityId: id, after: { heldOn: input.date, participants: participantRows.length } });
  });
  return { status: "ok", id };
}

// ----------------------------------------------------------------------------------------------- reads

export interface ReviewSummary {
  id: string;
  status: ReviewStatus;
  heldOn: IsoDate;
  startsAt: number;
  time: string;
}

/** The reviews of a record, newest first; a mentor or carer sees only the ones they are invited to. */
export function reviewsOf(youngPersonId: string, viewer: Viewer): ReviewSummary[] {
  const invitedOnly = viewer.relation === "mentorInWindow" || viewer.relation === "carer";
  const rows = getDb()
    .select({ id: reviews.id, status: reviews.status, heldOn: reviews.heldOn, startsAt: reviews.startsAt })
    .from(reviews)
    .where(
      and(
        eq(reviews.youngPersonId, youngPersonId),
        invitedOnly
          ? sql`${reviews.id} IN (SELECT ${reviewParticipants.reviewId} FROM ${reviewParticipants} WHERE ${reviewParticipants.userId} = ${viewer.actor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(reviews.startsAt))
    .all();
  return rows.map((r) => ({ ...r, time: rigaClock(r.startsAt) }));
}

export interface ParticipantView {
  id: string;
  kind: ParticipantKind;
  userId: string | null;
  name: string;
  attended: boolean | null;
}

export interface StatementView {
  wentWell: string;
  worries: string;
  talkAbout: string;
  notWanted: string;
  /** People on the plan the young person does not want there (ids; only the young person and managers see them). */
  notWantedIds: string[];
  domains: Domain[];
  updatedAt: number;
}

export interface ReviewDetail extends ReviewSummary {
  youngPersonId: string;
  place: string | null;
  videoLink: string | null;
  focusDomains: string[] | null;
  nextReviewOn: IsoDate | null;
  version: number;
  recordedAt: number | null;
  participants: ParticipantView[];
  statement: StatementView | null;
  decisions: Array<{ domain: Domain; decision: string }>;
  agreedGoals: Array<{ id: string; domain: Domain; title: string; owner: Owner; dueDate: string | null; status: string; change: "agreed" | "changed" }>;
  feltHeard: { answer: FeltHeard; comment: string | null } | null;
  /** The review before this one (the pack counts from it). */
  previousOn: IsoDate | null;
  statementOpen: boolean;
  feltHeardOpen: boolean;
}

/**
 * One review with its people, statement, decisions, agreed goals and feedback (seven statements), or
 * null when it is not this record's or the viewer (a mentor or carer) is not invited.
 */
export function reviewDetail(
  youngPersonId: string,
  reviewId: string,
  viewer: Viewer,
  nowMs = now().getTime(),
  options: { cancelled?: boolean } = {},
): ReviewDetail | null {
  const db = getDb();
  const row = db
    .select()
    .from(reviews)
    .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId), options.cancelled ? undefined : ne(reviews.status, "cancelled")))
    .get();
  if (!row) return null;
  const participants = db
    .select({
      id: reviewParticipants.id,
      kind: reviewParticipants.kind,
      userId: reviewParticipants.userId,
      name: reviewParticipants.name,
      displayName: users.displayName,
      attended: reviewParticipants.attended,
    })
    .from(reviewParticipants)
    .leftJoin(users, eq(users.id, reviewParticipants.userId))
    .where(eq(reviewParticipants.reviewId, reviewId))
    .all();
  const invitedOnly = viewer.relation === "mentorInWindow" || viewer.relation === "carer";
  if (invitedOnly && !participants.some((p) => p.userId === viewer.actor.id)) return null;
  const statement = db.select().from(reviewStatements).where(eq(reviewStatements.reviewId, reviewId)).get();
  const decisions = db
    .select({ domain: reviewDecisions.domain, decision: reviewDecisions.decision })
    .from(reviewDecisions)
    .where(eq(reviewDecisions.reviewId, reviewId))
    .all()
    .sort((a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain));
  const agreedGoals = db
    .select({
      id: goals.id,
      domain: goals.domain,
      title: goals.title,
      owner: goals.owner,
      dueDate: goals.dueDate,
      status: goals.status,
      change: reviewGoals.change,
    })
    .from(reviewGoals)
    .innerJoin(goals, eq(goals.id, reviewGoals.goalId))
    .where(eq(reviewGoals.reviewId, reviewId))
    .orderBy(asc(goals.domain), asc(goals.position))
    .all()
    .filter((g) => viewer.sections.has(g.domain));
  const feedback =
    db.select({ answer: reviewFeedback.answer, comment: reviewFeedback.comment }).from(reviewFeedback).where(eq(reviewFeedback.reviewId, reviewId)).get() ??
    null;
  const previous = db
    .select({ heldOn: max(reviews.heldOn) })
    .from(reviews)
    .where(and(eq(reviews.youngPersonId, youngPersonId), eq(reviews.status, "recorded"), lt(reviews.heldOn, row.heldOn)))
    .get();
  const order = { youth: 0, specialist: 1, mentor: 2, carer: 3, other: 4 } as const;
  return {
    id: row.id,
    youngPersonId,
    status: row.status,
    heldOn: row.heldOn,
    startsAt: row.startsAt,
    time: rigaClock(row.startsAt),
    place: row.place,
    videoLink: row.videoLink,
    focusDomains: row.focusDomains ?? null,
    nextReviewOn: row.nextReviewOn,
    version: row.version,
    recordedAt: row.recordedAt,
    participants: participants
      .map((p) => ({ id: p.id, kind: p.kind, userId: p.userId, name: p.name ?? p.displayName ?? "", attended: p.attended }))
      .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name)),
    statement: statement
      ? {
          wentWell: statement.wentWell ?? "",
          worries: statement.worries ?? "",
          talkAbout: statement.talkAbout ?? "",
          // "Who I don't want there" is for the young person and whoever plans the meeting, never the other participants.
          notWanted: seesNotWanted(viewer) ? (statement.notWanted ?? "") : "",
          notWantedIds: seesNotWanted(viewer) ? statement.notWantedIds : [],
          domains: statement.domains.filter((d): d is Domain => (DOMAINS as readonly string[]).includes(d)),
          updatedAt: statement.updatedAt,
        }
      : null,
    decisions,
    agreedGoals,
    feltHeard: viewer.relation === "self" ? feedback : null,
    previousOn: previous?.heldOn ?? null,
    statementOpen: statementOpen(row, nowMs),
    feltHeardOpen: feltHeardOpen(row, Boolean(feedback)),
  };
}

/** Who sees "who I don't want there": the young person, and the people who plan the meeting. */
export function seesNotWanted(viewer: Viewer): boolean {
  return viewer.relation === "self" || viewer.actions.has("review.manage");
}

// The reviews that agreed or changed some goals, oldest first (the newest wins in the map below). Prepared once.
const reviewsOfGoalRows = prepared(`
  SELECT rg.goal_id AS goalId, r.id AS reviewId, r.held_on AS heldOn, rg.change AS change
  FROM review_goals rg JOIN reviews r ON r.id = rg.review_id
  WHERE rg.goal_id IN (SELECT value FROM json_each(?)) ORDER BY r.held_on`);

/**
 * "Agreed in the review of 4 March" / "changed in the review of 4 March": the latest review each of these
 * goals was agreed or changed in (one statement).
 */
export function reviewsOfGoals(goalIds: readonly string[]): Map<string, { reviewId: string; heldOn: IsoDate; change: "agreed" | "changed" }> {
  if (goalIds.length === 0) return new Map();
  const rows = reviewsOfGoalRows().all(JSON.stringify(goalIds)) as Array<{ goalId: string; reviewId: string; heldOn: IsoDate; change: "agreed" | "changed" }>;
  return new Map(rows.map((r) => [r.goalId, { reviewId: r.reviewId, heldOn: r.heldOn, change: r.change }]));
}

// ------------------------------------------------------------------------------------------ statement

export interface StatementInput {
  wentWell?: string;
  worries?: string;
  talkAbout?: string;
  notWanted?: string;
  /** People on the plan the young person does not want there. */
  notWantedIds?: readonly string[];
  domains: readonly Domain[];
}

/**
 * Saves the young person's statement; "closed" once the meeting has started, "notOnPlan" when a person
 * chosen as not wanted is not on the plan (the young person cannot leave themselves out).
 */
export function saveStatement(
  youngPersonId: string,
  reviewId: string,
  input: StatementInput,
  nowMs = now().getTime(),
): "ok" | "closed" | "notFound" | "notOnPlan" {
  const db = getDb();
  const notWantedIds = [...new Set(input.notWantedIds ?? [])];
  if (notWantedIds.length) {
    const others = new Set(
      planPeople(youngPersonId)
        .filter((p) => p.kind !== "youth")
        .map((p) => p.userId),
    );
    if (notWantedIds.some((id) => !others.has(id))) return "notOnPlan";
  }
  return db.transaction((tx) => {
    const row = tx
      .select({ status: reviews.status, startsAt: reviews.startsAt })
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId)))
      .get();
    if (!row || row.status === "cancelled") return "notFound" as const;
    if (!statementOpen(row, nowMs)) return "closed" as const;
    const values = {
      wentWell: input.wentWell || null,
      worries: input.worries || null,
      talkAbout: input.talkAbout || null,
      notWanted: input.notWanted || null,
      notWantedIds,
      domains: [...new Set(input.domains)],
      updatedAt: nowMs,
    };
    tx.insert(reviewStatements)
      .values({ reviewId, ...values })
      .onConflictDoUpdate({ target: reviewStatements.reviewId, set: values })
      .run();
    return "ok" as const;
  });
}

// ---------------------------------------------------------------------------------------------- focus

export function setFocusDomains(youngPersonId: string, reviewId: string, domains: readonly Domain[]): boolean {
  const result = getDb()
    .update(reviews)
    .set({ focusDomains: [...new Set(domains)] })
    .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId), eq(reviews.status, "scheduled")))
    .run();
  return result.changes > 0;
}

// ----------------------------------------------------------------------------------------- recording

export interface RecordInput {
  version: number;
  decisions: ReadonlyArray<{ domain: Domain; decision: string }>;
  attendedIds: readonly string[];
  nextReviewOn?: IsoDate;
  newGoals: ReadonlyArray<{ domain: Domain; title: string; owner: Owner; dueDate?: IsoDate }>;
  /** Existing goals changed in the meeting (a stalled goal dropped or re-timed); a field left out stays as it is. */
  changedGoals?: ReadonlyArray<GoalChange>;
}

export interface GoalChange {
  goalId: string;
  status?: GoalStatus;
  title?: string;
  owner?: Owner;
  dueDate?: IsoDate;
}

export type RecordResult = "ok" | "already" | "stale" | "notFound" | "notStarted" | "goalNotFound";

/**
 * Records the meeting in one transaction: decisions, who attended, the next review date, and the new
 * goals, created in the plan and linked to the review. The version makes a second, simultaneous
 * recording a no-op ("already"), so nothing doubles.
 */
export function recordReview(youngPersonId: string, reviewId: string, actorId: string, input: RecordInput, nowMs = now().getTime()): RecordResult {
  const db = getDb();
  const plan = ensurePlan(youngPersonId);
  try {
    return db.transaction((tx) => {
      const row = tx
        .select({ status: reviews.status, version: reviews.version, heldOn: reviews.heldOn, startsAt: reviews.startsAt })
        .from(reviews)
        .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId)))
        .get();
      if (!row || row.status === "cancelled") return "notFound" as const;
      if (row.status === "recorded") return "already" as const;
      if (row.version !== input.version) return "stale" as const;
      // A review is recorded during or after the meeting, on its day at the earliest.
      if (todayInRiga(new Date(nowMs)) < row.heldOn) return "notStarted" as const;
      const claimed = tx
        .update(reviews)
        .set({ status: "recorded", version: row.version + 1, recordedAt: nowMs, recordedBy: actorId, nextReviewOn: input.nextReviewOn || null })
        .where(and(eq(reviews.id, reviewId), eq(reviews.version, input.version), eq(reviews.status, "scheduled")))
        .run();
      if (claimed.changes === 0) return "already" as const;
      if (!changeGoals(tx, plan.id, reviewId, actorId, input.changedGoals ?? [], nowMs)) {
        // A goal of another plan (or one deleted meanwhile): nothing of this recording is kept.
        tx.rollback();
      }
      const decisions = input.decisions.filter((d) => d.decision.trim());
      if (decisions.length)
        tx.insert(reviewDecisions)
          .values(decisions.map((d) => ({ id: randomUUID(), reviewId, domain: d.domain, decision: d.decision })))
          .run();
      const attended = new Set(input.attendedIds);
      const participants = tx.select({ id: reviewParticipants.id }).from(reviewParticipants).where(eq(reviewParticipants.reviewId, reviewId)).all();
      for (const p of participants)
        tx.update(reviewParticipants)
          .set({ attended: attended.has(p.id) })
          .where(eq(reviewParticipants.id, p.id))
          .run();
      const positions = new Map(
        tx
          .select({ domain: goals.domain, position: max(goals.position) })
          .from(goals)
          .where(eq(goals.planId, plan.id))
          .groupBy(goals.domain)
          .all()
          .map((r) => [r.domain, r.position ?? -1]),
      );
      for (const goal of input.newGoals) {
        const id = randomUUID();
        const position = (positions.get(goal.domain) ?? -1) + 1;
        positions.set(goal.domain, position);
        tx.insert(goals)
          .values({
            id,
            planId: plan.id,
            domain: goal.domain,
            title: goal.title,
            owner: goal.owner,
            dueDate: goal.dueDate || null,
            status: "planned",
            position,
            createdBy: actorId,
            createdAt: nowMs,
          })
          .run();
        tx.insert(reviewGoals).values({ reviewId, goalId: id }).run();
        recordEvent(tx, {
          planId: plan.id,
          actorId,
          kind: "goal.created",
          entityId: id,
          domain: goal.domain,
          after: { owner: goal.owner, dueDate: goal.dueDate || null },
        });
      }
      recordEvent(tx, {
        planId: plan.id,
        actorId,
        kind: "review.recorded",
        entityId: reviewId,
        after: {
          heldOn: row.heldOn,
          decisions: decisions.length,
          goals: input.newGoals.length,
          changedGoals: input.changedGoals?.length ?? 0,
          nextReviewOn: input.nextReviewOn || null,
        },
      });
      return "ok" as const;
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError) return "goalNotFound";
    throw error;
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/**
 * Changes existing goals of the plan inside the recording's transaction: one read of the goals, then per
 * goal an update, the same history events the goal page writes (status by its own kind, the other fields
 * as "goal.updated" with ids and field names only) and a "changed" link to the review. False when a goal
 * is not this plan's.
 */
function changeGoals(tx: Tx, planId: string, reviewId: string, actorId: string, changes: readonly GoalChange[], nowMs: number): boolean {
  if (changes.length === 0) return true;
  const current = new Map(
    tx
      .select({ id: goals.id, domain: goals.domain, title: goals.title, owner: goals.owner, dueDate: goals.dueDate, status: goals.status })
      .from(goals)
      .where(and(eq(goals.planId, planId), inArray(goals.id, [...new Set(changes.map((c) => c.goalId))])))
      .all()
      .map((g) => [g.id, g]),
  );
  for (const change of changes) {
    const before = current.get(change.goalId);
    if (!before) return false;
    const after = {
      title: change.title ?? before.title,
      owner: change.owner ?? before.owner,
      dueDate: change.dueDate ?? before.dueDate,
      status: change.status ?? before.status,
    };
    const fields = (["title", "owner", "dueDate"] as const).filter((k) => before[k] !== after[k]);
    const statusChanged = after.status !== before.status;
    if (fields.length === 0 && !statusChanged) continue;
    tx.update(goals)
      .set({ ...after, updatedAt: nowMs })
      .where(eq(goals.id, before.id))
      .run();
    if (fields.length)
      recordEvent(tx, { planId, actorId, kind: "goal.updated", entityId: before.id, domain: before.domain, ...factChanges([...fields], before, after) });
    if (statusChanged)
      recordEvent(tx, {
        planId,
        actorId,
        kind: GOAL_STATUS_EVENTS[after.status],
        entityId: before.id,
        domain: before.domain,
        before: { status: before.status },
        after: { status: after.status },
      });
    current.set(before.id, { ...before, ...after });
    tx.insert(reviewGoals).values({ reviewId, goalId: before.id, change: "changed" }).onConflictDoNothing().run();
  }
  return true;
}

/** Of these goal ids, the open goals of this record in domains the viewer sees (one statement). */
export function changeableGoalIds(youngPersonId: string, goalIds: readonly string[], viewer: Viewer): Set<string> {
  const domains = DOMAINS.filter((d) => viewer.sections.has(d));
  if (goalIds.length === 0 || domains.length === 0) return new Set();
  const plan = ensurePlan(youngPersonId);
  const rows = getDb()
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.planId, plan.id), inArray(goals.id, [...goalIds]), inArray(goals.domain, domains), inArray(goals.status, ["planned", "in_progress"])))
    .all();
  return new Set(rows.map((r) => r.id));
}

// ------------------------------------------------------------------------------ reschedule and cancel

export interface RescheduleInput {
  date: IsoDate;
  time: string;
  place?: string;
  videoLink?: string;
}

export type MoveResult = { status: "ok" } | { status: "problems"; problems: FieldProblem[] } | { status: "recorded" } | { status: "notFound" };

/**
 * Moves a scheduled review (date, time, place or link). The row's `updated_at` moves with it, so every
 * participant's feed and .ics keep the same UID with a higher SEQUENCE, and the reminders follow the new
 * day (docs/decisions/025-review-changes.md). A recorded review cannot be moved.
 */
export function rescheduleReview(youngPersonId: string, reviewId: string, actorId: string, input: RescheduleInput, nowMs = now().getTime()): MoveResult {
  const startsAt = rigaMs(input.date, input.time);
  const problems: FieldProblem[] = [];
  if (startsAt <= nowMs) problems.push({ field: "date", error: "reviews.errors.inPast" });
  if (!input.place && !input.videoLink) problems.push({ field: "place", error: "reviews.errors.placeOrLink" });
  const plan = ensurePlan(youngPersonId);
  return getDb().transaction((tx): MoveResult => {
    const row = tx
      .select({ status: reviews.status, heldOn: reviews.heldOn, version: reviews.version })
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId)))
      .get();
    if (!row || row.status === "cancelled") return { status: "notFound" };
    if (row.status === "recorded") return { status: "recorded" };
    if (problems.length) return { status: "problems", problems };
    const moved = tx
      .update(reviews)
      .set({
        startsAt,
        heldOn: input.date,
        place: input.place || null,
        videoLink: input.videoLink || null,
        version: row.version + 1,
        updatedAt: Math.max(nowMs, 1),
      })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "scheduled")))
      .run();
    if (moved.changes === 0) return { status: "recorded" };
    recordEvent(tx, {
      planId: plan.id,
      actorId,
      kind: "review.rescheduled",
      entityId: reviewId,
      before: { heldOn: row.heldOn },
      after: { heldOn: input.date },
    });
    return { status: "ok" };
  });
}

/**
 * Cancels a scheduled review: it leaves every feed (a feed is what is planned now, decision 008) and the
 * reminders, stays in the list as "cancelled", and a request it answered is open again. Not once recorded.
 */
export function cancelReview(youngPersonId: string, reviewId: string, actorId: string, nowMs = now().getTime()): "ok" | "recorded" | "notFound" {
  const plan = ensurePlan(youngPersonId);
  return getDb().transaction((tx) => {
    const row = tx
      .select({ status: reviews.status, heldOn: reviews.heldOn, version: reviews.version })
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId)))
      .get();
    if (!row || row.status === "cancelled") return "notFound" as const;
    if (row.status === "recorded") return "recorded" as const;
    const cancelled = tx
      .update(reviews)
      .set({ status: "cancelled", version: row.version + 1, updatedAt: nowMs })
      .where(and(eq(reviews.id, reviewId), eq(reviews.status, "scheduled")))
      .run();
    if (cancelled.changes === 0) return "recorded" as const;
    // The young person's request is theirs again, unless they have asked anew since.
    tx.update(reviewRequests)
      .set({ reviewId: null })
      .where(
        and(
          eq(reviewRequests.reviewId, reviewId),
          sql`NOT EXISTS (SELECT 1 FROM review_requests o WHERE o.young_person_id = ${youngPersonId} AND o.review_id IS NULL)`,
        ),
      )
      .run();
    recordEvent(tx, { planId: plan.id, actorId, kind: "review.cancelled", entityId: reviewId, after: { heldOn: row.heldOn } });
    return "ok" as const;
  });
}

// ------------------------------------------------------------------------------- who must not be there

/**
 * "Who I don't want there" from the young person's newest statement (of any review), for the specialist
 * planning the next meeting: one statement. Never given to anyone who does not plan meetings.
 */
export function notWantedForScheduling(youngPersonId: string): { ids: string[]; words: string } {
  const row = getDb()
    .select({ ids: reviewStatements.notWantedIds, words: reviewStatements.notWanted })
    .from(reviewStatements)
    .innerJoin(reviews, eq(reviews.id, reviewStatements.reviewId))
    .where(eq(reviews.youngPersonId, youngPersonId))
    .orderBy(desc(reviewStatements.updatedAt))
    .limit(1)
    .get();
  return { ids: row?.ids ?? [], words: row?.words ?? "" };
}

// ------------------------------------------------------------------------------- requests waiting

/**
 * Open "ask for a review" requests of the records this specialist has (the header's badge adds them; the
 * notifications page lists them). A request clears when a review is scheduled. One statement each.
 */
const requestsWaitingCount = prepared(`
  SELECT count(*) FROM review_requests q JOIN young_people y ON y.id = q.young_person_id
  WHERE q.review_id IS NULL AND y.specialist_id = ?`);
export function reviewRequestsWaitingCount(specialistId: string): number {
  return requestsWaitingCount().pluck().get(specialistId) as number;
}
const requestsWaitingList = prepared(`
  SELECT q.id, q.young_person_id AS youngPersonId, y.display_name AS displayName, q.requested_on AS requestedOn
  FROM review_requests q JOIN young_people y ON y.id = q.young_person_id
  WHERE q.review_id IS NULL AND y.specialist_id = ?
  ORDER BY q.requested_on, q.id LIMIT 50`);
export function reviewRequestsWaiting(specialistId: string): Array<{ id: string; youngPersonId: string; displayName: string; requestedOn: IsoDate }> {
  return requestsWaitingList().all(specialistId) as Array<{ id: string; youngPersonId: string; displayName: string; requestedOn: IsoDate }>;
}

// ------------------------------------------------------------------------------------------ felt heard

export type FeltHeardResult = "ok" | "already" | "notOpen" | "notFound";

/** Once per review, after it is recorded; the primary key keeps a second answer out even when two race. */
export function answerFeltHeard(youngPersonId: string, reviewId: string, answer: FeltHeard, comment: string | undefined): FeltHeardResult {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .select({ status: reviews.status })
      .from(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.youngPersonId, youngPersonId)))
      .get();
    if (!row || row.status === "cancelled") return "notFound" as const;
    if (row.status !== "recorded") return "notOpen" as const;
    const inserted = tx
      .insert(reviewFeedback)
      .values({ reviewId, answer, comment: comment || null })
      .onConflictDoNothing()
      .returning({ reviewId: reviewFeedback.reviewId })
      .all();
    return inserted.length ? ("ok" as const) : ("already" as const);
  });
}

/** The organisation's answers to "did you feel heard?", counted (no names): one statement. */
export function feltHeardCounts(organisationId: string): Partial<Record<FeltHeard, number>> {
  const rows = getDb()
    .select({ answer: reviewFeedback.answer, n: sql<number>`count(*)` })
    .from(reviewFeedback)
    .innerJoin(reviews, eq(reviews.id, reviewFeedback.reviewId))
    .innerJoin(youngPeople, eq(youngPeople.id, reviews.youngPersonId))
    .where(eq(youngPeople.organisationId, organisationId))
    .groupBy(reviewFeedback.answer)
    .all();
  return Object.fromEntries(rows.map((r) => [r.answer, r.n]));
}

// ----------------------------------------------------------------------------------------------- pack

export type WellbeingTrend = { kind: "noData" } | { kind: "trend"; points: Array<{ on: IsoDate; value: number }> };

/**
 * The well-being trend since the last review: the monthly "how are you doing?" answers (1–5, skips left
 * out; app/models/wellbeing.server.ts) on the day each was given. One statement.
 */
const wellbeingSince = prepared(
  "SELECT answered_on AS on_day, score AS value FROM wellbeing_checks WHERE young_person_id = ? AND answered_on >= ? AND score IS NOT NULL ORDER BY month",
);
export function wellbeingTrend(youngPersonId: string, since: IsoDate): WellbeingTrend {
  const rows = wellbeingSince().all(youngPersonId, since) as Array<{ on_day: string; value: number }>;
  return rows.length ? { kind: "trend", points: rows.map((r) => ({ on: r.on_day, value: r.value })) } : { kind: "noData" };
}

export interface ReviewPack {
  since: IsoDate;
  draft: PackDraft;
  /** The focus the specialist chose (or the suggestion) */
  focus: Domain[];
  suggested: FocusSuggestion[];
  readiness: { changes: ReturnType<typeof readinessChanges>; gaps: RatingGap[] } | null;
  contacts: { made: number; tried: number; lastOn: IsoDate | null; rhythmDays: number } | null;
  wellbeing: WellbeingTrend | null;
  documents: ChecklistEntry[] | null;
  budget: { savedCents: number; spentCents: number; incomeCents: number } | null;
  /** The open goals of the domains the viewer sees: what the recording can change. */
  openGoals: Array<{ id: string; domain: Domain; title: string; owner: Owner; status: GoalStatus; dueDate: string | null }>;
}

/**
 * The review pack, drafted from everything since the last review (or the last 6 months when there was
 * none). Each part is read only when the viewer sees its section; goals and steps of hidden domains are
 * left out. A fixed number of statements whatever the size of the plan (tests/integration/reviews.test.ts).
 */
export function reviewPack(youngPersonId: string, review: ReviewDetail, viewer: Viewer, today: IsoDate): ReviewPack {
  const db = getDb();
  const plan = ensurePlan(youngPersonId);
  const since = review.previousOn ?? addDays(review.heldOn, -183);
  const sinceMs = Date.parse(`${since}T00:00:00Z`);
  const sees = (s: Parameters<Viewer["sections"]["has"]>[0]) => viewer.sections.has(s);
  const domains = DOMAINS.filter((d) => sees(d));
  const stepProgress = db
    .select({ goalId: steps.goalId, last: sql<number | null>`max(coalesce(${steps.doneAt}, 0), coalesce(${steps.updatedAt}, 0), ${steps.createdAt})` })
    .from(steps)
    .innerJoin(goals, eq(goals.id, steps.goalId))
    .where(eq(goals.planId, plan.id))
    .groupBy(steps.goalId)
    .all();
  const progressOf = new Map(stepProgress.map((s) => [s.goalId, s.last ?? 0]));
  const goalRows = domains.length
    ? db
        .select({
          id: goals.id,
          domain: goals.domain,
          title: goals.title,
          owner: goals.owner,
          status: goals.status,
          dueDate: goals.dueDate,
          createdAt: goals.createdAt,
          updatedAt: goals.updatedAt,
        })
        .from(goals)
        .where(and(eq(goals.planId, plan.id), inArray(goals.domain, domains)))
        .orderBy(asc(goals.domain), asc(goals.position))
        .all()
    : [];
  const events = db
    .select({ entityId: planEvents.entityId, action: planEvents.action })
    .from(planEvents)
    .where(
      and(
        eq(planEvents.planId, plan.id),
        eq(planEvents.entity, "goal"),
        inArray(planEvents.action, ["created", "completed", "dropped"]),
        gte(planEvents.createdAt, sinceMs),
      ),
    )
    .all();
  const idsOf = (action: string) => new Set(events.filter((e) => e.action === action && e.entityId).map((e) => e.entityId!));
  const overdue = domains.length
    ? db
        .select({ id: steps.id, goalId: steps.goalId, domain: goals.domain, title: steps.title, owner: steps.owner, dueDate: sql<string>`${steps.dueDate}` })
        .from(steps)
        .innerJoin(goals, eq(goals.id, steps.goalId))
        .where(
          and(
            eq(goals.planId, plan.id),
            inArray(goals.domain, domains),
            isNull(steps.doneAt),
            lt(steps.dueDate, today),
            inArray(goals.status, ["planned", "in_progress"]),
          ),
        )
        .orderBy(asc(steps.dueDate))
        .all()
    : [];
  const ratings = sees("readiness")
    ? db
        .select({
          domain: readinessRatings.domain,
          raterKind: readinessRatings.raterKind,
          value: readinessRatings.value,
          ratedOn: readinessRatings.ratedOn,
          createdAt: readinessRatings.createdAt,
          raterId: readinessRatings.raterId,
        })
        .from(readinessRatings)
        .where(eq(readinessRatings.planId, plan.id))
        .all()
    : null;
  const gaps = ratings ? suggestedTopics(latestRatings(ratings.map((r) => ({ ...r })))) : [];
  const toDay = (ms: number) => todayInRiga(new Date(ms));
  const draft = draftPack({
    since,
    today,
    goals: goalRows.map((g) => ({
      id: g.id,
      domain: g.domain,
      title: g.title,
      owner: g.owner,
      status: g.status,
      dueDate: g.dueDate,
      lastProgressOn: toDay(Math.max(g.createdAt, g.updatedAt ?? 0, progressOf.get(g.id) ?? 0)),
    })),
    completedIds: idsOf("completed"),
    droppedIds: idsOf("dropped"),
    createdIds: idsOf("created"),
    overdueSteps: overdue,
    statementDomains: (review.statement?.domains ?? []).filter((d) => sees(d)),
    gaps: gaps.filter((g) => sees(g.domain)),
  });
  const focus = chosenFocus(review.focusDomains, draft.focus).filter((d) => sees(d));

  let contacts: ReviewPack["contacts"] = null;
  if (sees("contacts")) {
    const c = db
      .select({
        made: sql<number>`coalesce(sum(case when ${mentorContacts.made} = 1 then 1 else 0 end), 0)`,
        tried: sql<number>`coalesce(sum(case when ${mentorContacts.made} = 0 then 1 else 0 end), 0)`,
        lastOn: sql<string | null>`max(case when ${mentorContacts.made} = 1 then ${mentorContacts.contactOn} end)`,
        rhythmDays: sql<number>`(SELECT o.mentor_contact_rhythm_days FROM organisations o JOIN young_people y ON y.organisation_id = o.id WHERE y.id = ${youngPersonId})`,
      })
      .from(mentorContacts)
      .where(and(eq(mentorContacts.youngPersonId, youngPersonId), gte(mentorContacts.contactOn, since)))
      .get();
    contacts = { made: c?.made ?? 0, tried: c?.tried ?? 0, lastOn: c?.lastOn ?? null, rhythmDays: c?.rhythmDays ?? 30 };
  }
  const documents = sees("documents")
    ? expiringDocuments(
        db
          .select({
            id: planDocuments.id,
            kind: planDocuments.kind,
            label: planDocuments.label,
            status: planDocuments.status,
            expiresOn: planDocuments.expiresOn,
          })
          .from(planDocuments)
          .where(eq(planDocuments.planId, plan.id))
          .all(),
        today,
      )
    : null;
  let budget: ReviewPack["budget"] = null;
  if (sees("budget")) {
    const b = db
      .select({
        spent: sql<number>`coalesce(sum(case when ${budgetTransactions.kind} = 'expense' and ${budgetTransactions.on} >= ${since} then ${budgetTransactions.amountCents} else 0 end), 0)`,
        income: sql<number>`coalesce(sum(case when ${budgetTransactions.kind} = 'income' and ${budgetTransactions.on} >= ${since} then ${budgetTransactions.amountCents} else 0 end), 0)`,
      })
      .from(budgetTransactions)
      .where(and(eq(budgetTransactions.youngPersonId, youngPersonId), isNull(budgetTransactions.deletedAt)))
      .get();
    budget = { savedCents: savingsTotal(youngPersonId), spentCents: b?.spent ?? 0, incomeCents: b?.income ?? 0 };
  }
  return {
    since,
    draft,
    focus,
    suggested: draft.focus,
    readiness: ratings ? { changes: readinessChanges(ratings, since).filter((c) => sees(c.domain)), gaps: gaps.filter((g) => sees(g.domain)) } : null,
    contacts,
    wellbeing: sees("wellbeing") ? wellbeingTrend(youngPersonId, since) : null,
    documents,
    budget,
    openGoals: goalRows
      .filter((g) => g.status === "planned" || g.status === "in_progress")
      .map((g) => ({ id: g.id, domain: g.domain, title: g.title, owner: g.owner, status: g.status, dueDate: g.dueDate })),
  };
}

/** The plan's language: the young person's own (their account's), or null before they have an account. */
export function planLocale(youngPersonId: string): Locale | null {
  const row = getDb()
    .select({ locale: users.locale })
    .from(youngPeople)
    .innerJoin(users, eq(users.id, youngPeople.userId))
    .where(eq(youngPeople.id, youngPersonId))
    .get();
  return row?.locale ?? null;
}

export interface YouthReviewCardData {
  next: { id: string; heldOn: IsoDate; time: string; statementWritten: boolean } | null;
  requestedOn: IsoDate | null;
  /** The last recorded review, when "did you feel heard?" is still unanswered. */
  feltHeardReviewId: string | null;
}

// The young person's review card, prepared once (their home asks on every view, decision 042).
const nextScheduledReview = prepared(`
  SELECT r.id AS id, r.held_on AS heldOn, r.starts_at AS startsAt, st.review_id AS statement
  FROM reviews r LEFT JOIN review_statements st ON st.review_id = r.id
  WHERE r.young_person_id = @youngPersonId AND r.status = 'scheduled' AND r.held_on >= @today
  ORDER BY r.starts_at LIMIT 1`);
const openReviewRequestOf = prepared(`SELECT requested_on FROM review_requests WHERE young_person_id = ? AND review_id IS NULL LIMIT 1`);
const reviewWithoutFeedback = prepared(`
  SELECT r.id FROM reviews r LEFT JOIN review_feedback f ON f.review_id = r.id
  WHERE r.young_person_id = @youngPersonId AND r.status = 'recorded' AND f.review_id IS NULL AND r.held_on >= @since
  ORDER BY r.held_on DESC LIMIT 1`);

/** The young person's home card (components/reviews.tsx YouthReviewCard): three statements. */
export function youthReviewCard(youngPersonId: string, today: IsoDate): YouthReviewCardData {
  const next = nextScheduledReview().get({ youngPersonId, today }) as { id: string; heldOn: string; startsAt: number; statement: string | null } | undefined;
  const requestedOn = (openReviewRequestOf().pluck().get(youngPersonId) as string | undefined) ?? null;
  const unanswered = reviewWithoutFeedback()
    .pluck()
    .get({ youngPersonId, since: addDays(today, -60) }) as string | undefined;
  return {
    next: next ? { id: next.id, heldOn: next.heldOn, time: rigaClock(next.startsAt), statementWritten: Boolean(next.statement) } : null,
    requestedOn,
    feltHeardReviewId: unanswered ?? null,
  };
}

/** "Review overdue by N days" for the rows of a caseload (reviewStates, four statements). */
export function reviewDueOf(youngPersonIds: readonly string[], today: IsoDate): Record<string, ReviewDue> {
  return reviewDueOfStates(reviewStates(youngPersonIds, today));
}

/** The same from review states already read (the specialist's home reads them once for this and its worklist). */
export function reviewDueOfStates(states: ReadonlyMap<string, ReviewState>): Record<string, ReviewDue> {
  return Object.fromEntries([...states].map(([id, state]) => [id, state.due]));
}

/**
 * "Download everything about me": all of one young person's data, as the young person may see it —
 * their record and account, the plan with its goals, steps, comments, ratings, plan B, skills and
 * documents, the history, the mentoring they see (private notes for the specialist stay out), their
 * calendar settings, their sharing switches and receipts, and who looked at their record. Nothing of
 * anyone else: no other young person, no password hash, no token, no session.
 * A fixed number of queries whatever the size of the plan.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  auditLog,
  calendarFeeds,
  carerLinks,
  goalComments,
  goals,
  notificationReads,
  planDomains,
  readinessRatings,
  sharingSwitches,
  steps,
  users,
  youngPeople,
} from "../../db/schema";
import type { Viewer } from "~/domain/policy";
import type { IsoDate } from "~/domain/dates";
import { getDb } from "~/utils/db.server";
import { planDocumentRows } from "./documents.server";
import { mentoringOverview } from "./mentorships.server";
import { ensurePlan, planHistory } from "./plans.server";
import { BUDGET_TABLES, REVIEW_TABLES, scopeCondition } from "./personal-data.server";
import { receiptsOf } from "./sharing.server";
import { skillChecklist } from "./skills.server";

export const MY_DATA_FORMAT = "tilts-my-data/1";

export function myData(youngPersonId: string, viewer: Viewer, today: IsoDate) {
  const db = getDb();
  const record = db.select().from(youngPeople).where(eq(youngPeople.id, youngPersonId)).get();
  if (!record) return null;
  const plan = ensurePlan(youngPersonId);
  const account = record.userId
    ? (db
        .select({
          email: users.email,
          displayName: users.displayName,
          locale: users.locale,
          createdAt: users.createdAt,
          passwordChangedAt: users.passwordChangedAt,
        })
        .from(users)
        .where(eq(users.id, record.userId))
        .get() ?? null)
    : null;
  const author = alias(users, "author");
  const rater = alias(users, "rater");
  const goalRows = db
    .select({
      id: goals.id,
      domain: goals.domain,
      title: goals.title,
      why: goals.why,
      owner: goals.owner,
      dueDate: goals.dueDate,
      status: goals.status,
      createdAt: goals.createdAt,
      updatedAt: goals.updatedAt,
    })
    .from(goals)
    .where(eq(goals.planId, plan.id))
    .orderBy(asc(goals.domain), asc(goals.position), asc(goals.createdAt))
    .all();
  const stepRows = db
    .select({
      id: steps.id,
      goalId: steps.goalId,
      title: steps.title,
      owner: steps.owner,
      dueDate: steps.dueDate,
      doneAt: steps.doneAt,
      createdAt: steps.createdAt,
    })
    .from(steps)
    .innerJoin(goals, eq(goals.id, steps.goalId))
    .where(eq(goals.planId, plan.id))
    .orderBy(asc(steps.position), asc(steps.createdAt))
    .all();
  const commentRows = db
    .select({
      id: goalComments.id,
      goalId: goalComments.goalId,
      body: goalComments.body,
      createdAt: goalComments.createdAt,
      author: author.displayName,
      authorRole: author.role,
    })
    .from(goalComments)
    .innerJoin(goals, eq(goals.id, goalComments.goalId))
    .innerJoin(author, eq(author.id, goalComments.authorId))
    .where(eq(goals.planId, plan.id))
    .orderBy(asc(goalComments.createdAt))
    .all();
  const ratings = db
    .select({
      id: readinessRatings.id,
      domain: readinessRatings.domain,
      value: readinessRatings.value,
      raterKind: readinessRatings.raterKind,
      ratedOn: readinessRatings.ratedOn,
      rater: rater.displayName,
    })
    .from(readinessRatings)
    .innerJoin(rater, eq(rater.id, readinessRatings.raterId))
    .where(eq(readinessRatings.planId, plan.id))
    .orderBy(asc(readinessRatings.ratedOn), asc(readinessRatings.createdAt))
    .all();
  const planBs = db
    .select({ domain: planDomains.domain, planB: planDomains.planB })
    .from(planDomains)
    .where(eq(planDomains.planId, plan.id))
    .all()
    .filter((p) => p.planB);
  const stepsOf = new Map<string, typeof stepRows>();
  for (const s of stepRows) stepsOf.set(s.goalId, [...(stepsOf.get(s.goalId) ?? []), s]);
  const commentsOf = new Map<string, typeof commentRows>();
  for (const c of commentRows) commentsOf.set(c.goalId, [...(commentsOf.get(c.goalId) ?? []), c]);
  const mentoring = mentoringOverview(youngPersonId, viewer, today);
  const feeds = record.userId
    ? db
        .select({
          id: calendarFeeds.id,
          kind: calendarFeeds.kind,
          fullTitles: calendarFeeds.fullTitles,
          createdAt: calendarFeeds.createdAt,
          revokedAt: calendarFeeds.revokedAt,
          lastFetchedAt: calendarFeeds.lastFetchedAt,
        })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, record.userId))
        .orderBy(asc(calendarFeeds.createdAt))
        .all()
    : [];
  const readMarks = record.userId
    ? db
        .select({ key: notificationReads.key, readAt: notificationReads.readAt })
        .from(notificationReads)
        .where(eq(notificationReads.userId, record.userId))
        .all()
    : [];
  const actor = alias(users, "audit_actor");
  const accessLog = db
    .select({ seq: auditLog.seq, at: auditLog.at, kind: auditLog.kind, part: auditLog.part, who: actor.displayName, role: auditLog.actorRole })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(and(eq(auditLog.youngPersonId, youngPersonId)))
    .orderBy(desc(auditLog.seq))
    .limit(10_000)
    .all();
  return {
    format: MY_DATA_FORMAT,
    exportedOn: today,
    record: {
      id: record.id,
      displayName: record.displayName,
      dateOfBirth: record.dateOfBirth,
      careForm: record.careForm,
      municipality: record.municipality,
      plannedCareEndDate: record.plannedCareEndDate,
      actualCareEndDate: record.actualCareEndDate,
      createdAt: record.createdAt,
    },
    account,
    plan: {
      id: plan.id,
      goals: goalRows.map((g) => ({ ...g, steps: stepsOf.get(g.id) ?? [], comments: commentsOf.get(g.id) ?? [] })),
      planB: planBs,
      readinessRatings: ratings,
      skills: skillChecklist(plan.id, record.organisationId)
        .filter((s) => s.state !== "not_yet" || s.confirmedAt !== null)
        .map(({ key, domain, state, confirmedAt, confirmedBy, customTitle }) => ({ key, domain, state, confirmedAt, confirmedBy, customTitle })),
      documents: planDocumentRows(plan.id),
      history: planHistory(plan.id, viewer, { limit: 100_000 }),
    },
    mentoring: mentoring
      ? {
          open: mentoring.open
            ? { id: mentoring.open.id, mentor: mentoring.open.mentor.displayName, status: mentoring.open.status, startedOn: mentoring.open.startedOn }
            : null,
          earlier: mentoring.earlier.map((m) => ({
            id: m.id,
            mentor: m.mentor.displayName,
            startedOn: m.startedOn,
            closedOn: m.closedOn,
            handoverNote: m.handoverNote,
            youthNote: m.youthNote,
          })),
          contacts: mentoring.contacts.map((c) => ({
            id: c.id,
            contactOn: c.contactOn,
            made: c.made,
            channel: c.channel,
            durationMinutes: c.durationMinutes,
            topics: c.topics,
            note: c.note,
            notePrivate: c.notePrivate,
            nextMeetingOn: c.nextMeetingOn,
            nextMeetingTime: c.nextMeetingTime,
            author: c.authorName,
          })),
        }
      : null,
    carers: db
      .select({ id: carerLinks.id, carer: users.displayName, startedOn: carerLinks.startedOn, endedOn: carerLinks.endedOn })
      .from(carerLinks)
      .innerJoin(users, eq(users.id, carerLinks.carerId))
      .where(eq(carerLinks.youngPersonId, youngPersonId))
      .all(),
    calendar: { feeds, notificationsRead: readMarks },
    sharing: {
      switches: db
        .select({ audience: sharingSwitches.audience, section: sharingSwitches.section, shared: sharingSwitches.shared, changedAt: sharingSwitches.changedAt })
        .from(sharingSwitches)
        .where(eq(sharingSwitches.youngPersonId, youngPersonId))
        .all(),
      receipts: receiptsOf(youngPersonId, 100_000),
    },
    // Every row of the budget, as stored (amounts in cents; deleted transactions are kept and marked).
    budget: Object.fromEntries(
      BUDGET_TABLES.map((table) => [
        table.replace(/^budget_/, ""),
        db.$client.prepare(`SELECT * FROM "${table}" WHERE ${scopeCondition(table)}`).all(youngPersonId),
      ]),
    ),
    // "I need help" and the monthly well-being answers (issue 11), as stored.
    helpRequests: db.$client.prepare(`SELECT * FROM help_requests WHERE ${scopeCondition("help_requests")}`).all(youngPersonId),
    wellbeingChecks: db.$client.prepare(`SELECT * FROM wellbeing_checks WHERE ${scopeCondition("wellbeing_checks")}`).all(youngPersonId),
    // Review meetings: every row as stored, the statement and "did you feel heard?" included.
    reviews: Object.fromEntries(
      REVIEW_TABLES.map((table) => [table, db.$client.prepare(`SELECT * FROM "${table}" WHERE ${scopeCondition(table)}`).all(youngPersonId)]),
    ),
    accessLog,
  };
}

export type MyData = NonNullable<ReturnType<typeof myData>>;

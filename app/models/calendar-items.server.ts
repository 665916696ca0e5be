/**
 * The dated items of the plans a user is linked to — deadlines, document expiries, meetings and care-end
 * milestones — for calendar feeds, single-event downloads and in-app notifications. Two queries whatever
 * the number of plans or items: the linked records, then one UNION of goals, steps, documents and meetings.
 */
import { and, eq, gt, inArray, isNotNull, isNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias, unionAll, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { TiltsDatabase } from "../../db/connection";
import {
  budgetDuties,
  budgetPots,
  budgetSettings,
  carerLinks,
  goals,
  mentorContacts,
  mentorships,
  planDocuments,
  plans,
  reviews,
  steps,
  users,
  youngPeople,
} from "../../db/schema";
import { periodOf, RHYTHMS, type Rhythm } from "~/domain/budget";
import { careMilestones, isMeetingTime, PAY_DAYS_AHEAD, type CalendarItem } from "~/domain/calendar";
import { addDays, rigaClock } from "~/domain/dates";
import type { IsoDate } from "~/domain/dates";
import { viewerOf, type Actor } from "~/domain/policy";
import type { Section } from "~/domain/sharing";
import type { DocumentKind, Domain, Owner } from "~/domain/vocabulary";
import { getDb } from "~/utils/db.server";
import { caseSubjectsOf } from "./young-people.server";

export interface LinkedRecord {
  id: string;
  displayName: string;
  careEnd: IsoDate;
  dateOfBirth: IsoDate;
  createdAt: number;
  /** The sections of this record the actor sees today (the young person's sharing switches). */
  sections: ReadonlySet<Section>;
  /** Whether the actor confirms this record's pocket-money duties (a carer's part, whatever the switches). */
  confirmsDuties: boolean;
}

/**
 * The records the actor is linked to by a link of their own — their own record, their caseload, their
 * active mentorships, the young people they care for — that the policy lets them see ("plan.view")
 * today, with the sections they see. The policy's view comes from the one loader (caseSubjectsOf).
 */
export function linkedRecords(actor: Actor, today: IsoDate): LinkedRecord[] {
  const db = getDb();
  const base = db.select({ youngPerson: youngPeople }).from(youngPeople);
  const rows =
    actor.role === "youth"
      ? base.where(eq(youngPeople.userId, actor.id)).all()
      : actor.role === "specialist"
        ? base.where(eq(youngPeople.specialistId, actor.id)).all()
        : actor.role === "mentor"
          ? base
              .innerJoin(mentorships, and(eq(mentorships.youngPersonId, youngPeople.id), eq(mentorships.mentorId, actor.id), eq(mentorships.status, "active")))
              .all()
          : actor.role === "carer"
            ? base.innerJoin(carerLinks, and(eq(carerLinks.youngPersonId, youngPeople.id), eq(carerLinks.carerId, actor.id), isNull(carerLinks.endedOn))).all()
            : [];
  const unique = [...new Map(rows.map((r) => [r.youngPerson.id, r.youngPerson])).values()];
  const subjects = caseSubjectsOf(unique);
  return unique.flatMap((row) => {
    const viewer = viewerOf(actor, subjects.get(row.id)!, today);
    if (!viewer.actions.has("plan.view")) return [];
    return [
      {
        id: row.id,
        displayName: row.displayName,
        careEnd: row.actualCareEndDate ?? row.plannedCareEndDate,
        dateOfBirth: row.dateOfBirth,
        createdAt: row.createdAt,
        sections: viewer.sections,
        confirmsDuties: viewer.actions.has("budget.confirmDuties"),
      },
    ];
  });
}

/**
 * Does the record's viewer see this item? Goals and steps need their domain, documents the documents,
 * meetings the contact log, the budget's dates the budget; duties to confirm need the right to confirm them.
 */
function visibleItem(item: CalendarItem, record: LinkedRecord | undefined): boolean {
  if (!record) return false;
  const sections = record.sections;
  switch (item.type) {
    case "goal":
    case "step":
      return sections.has(item.domain);
    case "document":
      return sections.has("documents") && sections.has("legal");
    case "meeting":
      return sections.has("contacts");
    case "payDay":
    case "savingsGoal":
      return sections.has("budget");
    case "duties":
      return record.confirmsDuties;
    default:
      return true;
  }
}

export interface ItemWindow {
  /** Items before this day are left out (none when absent). */
  from?: IsoDate;
  /** Items after this day are left out (none when absent). */
  to?: IsoDate;
}

type ItemType = "goal" | "step" | "document" | "meeting" | "savingsGoal" | "payDay" | "duties" | "review";

/** One row of the UNION, as an array in the order of itemColumns (read without drizzle's row mapping). */
type ItemRow = [
  type: ItemType,
  id: string,
  youngPersonId: string,
  domain: string | null,
  title: string | null,
  detail: string | null,
  owner: string | null,
  ref: string | null,
  on: string,
  time: string | null,
  version: number,
];

/**
 * The columns of one part of the UNION, always in the same order (SQLite matches UNION columns by
 * position); what a part does not have is NULL.
 */
function itemColumns(
  type: ItemType,
  c: {
    id: SQLiteColumn;
    youngPersonId: SQLiteColumn;
    on: SQLiteColumn | SQL;
    version: SQL<number>;
    domain?: SQLiteColumn;
    title?: SQLiteColumn | SQL;
    detail?: SQLiteColumn;
    owner?: SQLiteColumn | SQL;
    ref?: SQLiteColumn;
    time?: SQLiteColumn;
  },
) {
  const text = (column?: SQLiteColumn | SQL) => (column ? sql<string | null>`${column}` : sql<string | null>`NULL`);
  return {
    type: sql<ItemType>`${sql.raw(`'${type}'`)}`,
    id: sql<string>`${c.id}`,
    youngPersonId: sql<string>`${c.youngPersonId}`,
    domain: text(c.domain),
    title: text(c.title),
    detail: text(c.detail),
    owner: text(c.owner),
    ref: text(c.ref),
    on: sql<string>`${c.on}`,
    time: text(c.time),
    version: c.version,
  };
}

/** The query's parameters: the record ids (a JSON array), the window's ends (or null), today. */
const param = {
  ids: sql.placeholder("ids"),
  from: sql.placeholder("from"),
  to: sql.placeholder("to"),
  today: sql.placeholder("today"),
};

const ofRecords = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${param.ids}))`;

function within(column: SQLiteColumn): SQL {
  return sql`${column} is not null and (${param.from} is null or ${column} >= ${param.from}) and (${param.to} is null or ${column} <= ${param.to})`;
}

/**
 * The UNION of goals, steps, documents and meetings, built and prepared once per connection: building
 * it with drizzle took ten times longer than running it (a feed of 1,000 events: ~12 ms against ~2 ms).
 */
function buildItemsQuery(db: TiltsDatabase) {
  const openGoal = inArray(goals.status, ["planned", "in_progress"]);
  const goalVersion = sql<number>`coalesce(${goals.updatedAt}, ${goals.createdAt})`;
  const newer = alias(mentorContacts, "newer_contact");

  const goalRows = db
    .select(
      itemColumns("goal", {
        id: goals.id,
        youngPersonId: plans.youngPersonId,
        domain: goals.domain,
        title: goals.title,
        owner: goals.owner,
        on: goals.dueDate,
        version: goalVersion,
      }),
    )
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(and(ofRecords(plans.youngPersonId), openGoal, within(goals.dueDate)));

  const stepRows = db
    .select(
      itemColumns("step", {
        id: steps.id,
        youngPersonId: plans.youngPersonId,
        domain: goals.domain,
        title: steps.title,
        detail: goals.title,
        owner: steps.owner,
        ref: steps.goalId,
        on: steps.dueDate,
        // A renamed goal changes its steps' events too.
        version: sql<number>`max(coalesce(${steps.updatedAt}, ${steps.createdAt}), ${goalVersion})`,
      }),
    )
    .from(steps)
    .innerJoin(goals, eq(goals.id, steps.goalId))
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(and(ofRecords(plans.youngPersonId), openGoal, isNull(steps.doneAt), within(steps.dueDate)));

  const documentRows = db
    .select(
      itemColumns("document", {
        id: planDocuments.id,
        youngPersonId: plans.youngPersonId,
        title: planDocuments.label,
        detail: planDocuments.kind,
        on: planDocuments.expiresOn,
        version: sql<number>`coalesce(${planDocuments.updatedAt}, ${planDocuments.createdAt})`,
      }),
    )
    .from(planDocuments)
    .innerJoin(plans, eq(plans.id, planDocuments.planId))
    .where(and(ofRecords(plans.youngPersonId), eq(planDocuments.status, "have"), within(planDocuments.expiresOn)));

  // The newest contact of each active mentorship that agreed a meeting (by contact day, then entry time,
  // then id) sets the upcoming meeting, if that day is today or later — the same rule as the mentoring
  // page (upcomingMeeting in app/domain/mentoring.ts): a later unanswered message does not cancel it.
  const newerContact = db
    .select({ one: sql`1` })
    .from(newer)
    .where(
      and(
        eq(newer.mentorshipId, mentorContacts.mentorshipId),
        isNotNull(newer.nextMeetingOn),
        or(
          gt(newer.contactOn, mentorContacts.contactOn),
          and(eq(newer.contactOn, mentorContacts.contactOn), gt(newer.createdAt, mentorContacts.createdAt)),
          and(eq(newer.contactOn, mentorContacts.contactOn), eq(newer.createdAt, mentorContacts.createdAt), gt(newer.id, mentorContacts.id)),
        ),
      ),
    );
  const meetingRows = db
    .select(
      itemColumns("meeting", {
        id: mentorships.id,
        youngPersonId: mentorContacts.youngPersonId,
        detail: users.displayName,
        ref: mentorships.mentorId,
        on: mentorContacts.nextMeetingOn,
        time: mentorContacts.nextMeetingTime,
        version: sql<number>`${mentorContacts.createdAt}`,
      }),
    )
    .from(mentorContacts)
    .innerJoin(mentorships, eq(mentorships.id, mentorContacts.mentorshipId))
    .innerJoin(users, eq(users.id, mentorships.mentorId))
    .where(
      and(
        ofRecords(mentorContacts.youngPersonId),
        eq(mentorships.status, "active"),
        notExists(newerContact),
        sql`${mentorContacts.nextMeetingOn} >= ${param.today}`,
        within(mentorContacts.nextMeetingOn),
      ),
    );

  // The budget (docs/decisions/012-budget.md): savings goals with a target date, and each record's
  // pocket-money rhythm (rhythm in "detail", pay day in "owner"), whose pay days are counted out below.
  const savingsRows = db
    .select(
      itemColumns("savingsGoal", {
        id: budgetPots.id,
        youngPersonId: budgetPots.youngPersonId,
        title: budgetPots.title,
        on: budgetPots.targetDate,
        version: sql<number>`${budgetPots.createdAt}`,
      }),
    )
    .from(budgetPots)
    .where(and(ofRecords(budgetPots.youngPersonId), eq(budgetPots.kind, "goal"), isNull(budgetPots.archivedAt), within(budgetPots.targetDate)));
  const payRows = db
    .select(
      itemColumns("payDay", {
        id: budgetSettings.youngPersonId,
        youngPersonId: budgetSettings.youngPersonId,
        detail: budgetSettings.rhythm,
        owner: sql`cast(${budgetSettings.payDay} as text)`,
        on: sql`${param.today}`,
        version: sql<number>`${budgetSettings.updatedAt}`,
      }),
    )
    .from(budgetSettings)
    .where(and(ofRecords(budgetSettings.youngPersonId), gt(budgetSettings.amountCents, 0)));
  // The duties to confirm each period (the carer's feed): records with pocket money and duties not
  // archived; the number of duties in "title", and the version follows added and archived duties too.
  const dutyOf = sql`${budgetDuties.youngPersonId} = ${budgetSettings.youngPersonId}`;
  const dutyCount = sql`(select count(*) from ${budgetDuties} where ${dutyOf} and ${budgetDuties.archivedAt} is null)`;
  const dutyRows = db
    .select(
      itemColumns("duties", {
        id: budgetSettings.youngPersonId,
        youngPersonId: budgetSettings.youngPersonId,
        title: sql`cast(${dutyCount} as text)`,
        detail: budgetSettings.rhythm,
        owner: sql`cast(${budgetSettings.payDay} as text)`,
        on: sql`${param.today}`,
        version: sql<number>`max(${budgetSettings.updatedAt}, coalesce((select max(max(${budgetDuties.createdAt}, coalesce(${budgetDuties.archivedAt}, 0))) from ${budgetDuties} where ${dutyOf}), 0))`,
      }),
    )
    .from(budgetSettings)
    .where(and(ofRecords(budgetSettings.youngPersonId), sql`${dutyCount} > 0`));

  // Review meetings (docs/decisions/017-review-meetings.md): the start (Unix ms) in "title", the invited
  // people's ids (a JSON array) in "detail", whether the statement is written in "owner".
  const reviewRows = db
    .select(
      itemColumns("review", {
        id: reviews.id,
        youngPersonId: reviews.youngPersonId,
        title: sql`cast(${reviews.startsAt} as text)`,
        detail:
          sql`(select json_group_array(rp.user_id) from review_participants rp where rp.review_id = ${reviews.id} and rp.user_id is not null)` as unknown as SQLiteColumn,
        owner: sql`(select case when count(*) > 0 then 'yes' else 'no' end from review_statements rs where rs.review_id = ${reviews.id})`,
        on: reviews.heldOn,
        // Moving a review sets updated_at: same UID, a higher SEQUENCE (decision 025).
        version: sql<number>`max(${reviews.createdAt}, coalesce(${reviews.updatedAt}, 0)) + ${reviews.version}`,
      }),
    )
    .from(reviews)
    .where(and(ofRecords(reviews.youngPersonId), eq(reviews.status, "scheduled"), sql`${reviews.heldOn} >= ${param.today}`, within(reviews.heldOn)));

  return unionAll(goalRows, stepRows, documentRows, meetingRows, savingsRows, payRows, dutyRows, reviewRows).prepare();
}

const preparedItems = new WeakMap<TiltsDatabase, ReturnType<typeof buildItemsQuery>>();

/**
 * The open, dated items of these records in the window (plus their care-end milestones): open goals
 * with a due date, open steps of open goals, documents the young person has with an expiry date, and
 * each active mentorship's upcoming meeting.
 */
export function recordItems(records: readonly LinkedRecord[], window: ItemWindow, today: IsoDate): CalendarItem[] {
  if (records.length === 0) return [];
  const db = getDb();
  let query = preparedItems.get(db);
  if (!query) {
    query = buildItemsQuery(db);
    preparedItems.set(db, query);
  }
  // Rows as arrays: drizzle's mapping of 1,000 rows into objects took twice as long as the query.
  // (better-sqlite3 is synchronous; drizzle types a prepared set operation's result as sync or async.)
  const rows = query.values({ ids: JSON.stringify(records.map((r) => r.id)), from: window.from ?? null, to: window.to ?? null, today }) as unknown as ItemRow[];
  const recordOf = new Map(records.map((r) => [r.id, r]));
  const items: CalendarItem[] = [];
  for (const row of rows) {
    if (row[0] === "payDay" || row[0] === "duties") items.push(...payDays(row, window, today));
    else items.push(itemOf(row));
  }

  const shown = items.filter((item) => visibleItem(item, recordOf.get(item.youngPersonId)));
  for (const record of records) {
    for (const milestone of careMilestones({ youngPersonId: record.id, careEnd: record.careEnd, dateOfBirth: record.dateOfBirth, version: record.createdAt })) {
      if ((!window.from || milestone.on >= window.from) && (!window.to || milestone.on <= window.to)) shown.push(milestone);
    }
  }
  return shown;
}

/**
 * The pay days from today up to PAY_DAYS_AHEAD days on (and inside the window) of one record's pocket
 * money: as pay days, or as the days the period's duties are to be confirmed by (the same days).
 */
function payDays([type, , youngPersonId, , title, detail, owner, , , , version]: ItemRow, window: ItemWindow, today: IsoDate): CalendarItem[] {
  if (!(RHYTHMS as readonly string[]).includes(detail ?? "")) return [];
  const settings = { rhythm: detail as Rhythm, payDay: Number(owner) };
  const last = window.to && window.to < addDays(today, PAY_DAYS_AHEAD) ? window.to : addDays(today, PAY_DAYS_AHEAD);
  const days: CalendarItem[] = [];
  for (let day = today; day <= last;) {
    const period = periodOf(settings, day);
    if (period.payOn >= day && period.payOn <= last && (!window.from || period.payOn >= window.from))
      days.push(
        type === "duties"
          ? { type, youngPersonId, on: period.payOn, version, duties: Number(title) }
          : { type: "payDay", youngPersonId, on: period.payOn, version },
      );
    day = addDays(period.end, 1);
  }
  return days;
}

function itemOf([type, id, youngPersonId, domain, title, detail, owner, ref, on, time, version]: ItemRow): CalendarItem {
  switch (type) {
    case "goal":
      return { type, id, youngPersonId, on, version, domain: domain as Domain, title: title ?? "", owner: owner as Owner };
    case "step":
      return {
        type,
        id,
        youngPersonId,
        on,
        version,
        goalId: ref ?? "",
        domain: domain as Domain,
        title: title ?? "",
        goalTitle: detail ?? "",
        owner: owner as Owner,
      };
    case "document":
      return { type, id, youngPersonId, on, version, kind: detail as DocumentKind, label: title };
    case "savingsGoal":
      return { type, id, youngPersonId, on, version, title: title ?? "" };
    case "review":
      return { type, id, youngPersonId, on, version, time: rigaClock(Number(title)), participantIds: parseIds(detail), statementWritten: owner === "yes" };
    default:
      return {
        type: "meeting",
        mentorshipId: id,
        youngPersonId,
        on,
        version,
        mentorId: ref ?? "",
        mentorName: detail ?? "",
        time: isMeetingTime(time) ? time : null,
      };
  }
}

function parseIds(json: string | null): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

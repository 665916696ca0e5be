/**
 * The calendar (SPEC.md, "Calendar"; docs/decisions/008-calendar-feeds.md): which plan items become
 * events in whose feed, and what each event says. Pure: app/models/calendar-items.server.ts loads the
 * items, app/utils/ics.server.ts writes the iCalendar text. Texts are messages (translation keys with
 * values), translated by the caller in the reader's language.
 */
import { addDays, type IsoDate } from "./dates";
import { mentoringWindow } from "./phase";
import type { DocumentKind, Domain, Owner, Role } from "./vocabulary";
import { downloadPath } from "./download-path";
export { downloadPath };

/** One feed per role that has dated items of its own; leads and administrators have none. */
export const FEED_KINDS = ["youth", "mentor", "specialist", "carer"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export function feedKindFor(role: Role): FeedKind | null {
  return (FEED_KINDS as readonly string[]).includes(role) ? (role as FeedKind) : null;
}

/** What event titles show: "Tilts: housing deadline" (the default) or the plan's own words. */
export const TITLE_CHOICES = ["generic", "full"] as const;

/** Deadlines further back than this are left out of feeds (a year of overdue items is plenty). */
export const FEED_PAST_DAYS = 365;
/** How often calendar apps are asked to fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;
/** A meeting without an end of its own lasts an hour. */
export const MEETING_MINUTES = 60;
/** Reminders: a timed meeting an hour before; an all-day deadline at 09:00 the day before (15 h before midnight). */
export const MEETING_REMINDER_MINUTES = 60;
export const DEADLINE_REMINDER_MINUTES = 15 * 60;

// ------------------------------------------------------------------------------------------------ items

interface ItemBase {
  youngPersonId: string;
  /** The day of the deadline, expiry, meeting or milestone. */
  on: IsoDate;
  /** When the row last changed (Unix ms): the event's DTSTAMP, and its SEQUENCE. */
  version: number;
}

export interface GoalItem extends ItemBase {
  type: "goal";
  id: string;
  domain: Domain;
  title: string;
  owner: Owner;
}

export interface StepItem extends ItemBase {
  type: "step";
  id: string;
  goalId: string;
  domain: Domain;
  title: string;
  goalTitle: string;
  owner: Owner;
}

export interface DocumentItem extends ItemBase {
  type: "document";
  id: string;
  kind: DocumentKind;
  label: string | null;
}

/** The upcoming meeting of a mentorship: the one agreed at the newest contact that agreed one, when it is today or later. */
export interface MeetingItem extends ItemBase {
  type: "meeting";
  mentorshipId: string;
  mentorId: string;
  mentorName: string;
  /** "HH:MM" in Europe/Riga, or null for a day without a set time. */
  time: string | null;
}

export const MILESTONES = ["transitionStarts", "careEnds", "aftercareEnds"] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface MilestoneItem extends ItemBase {
  type: "milestone";
  milestone: Milestone;
}

/** A pocket-money pay day (docs/decisions/012-budget.md): in the young person's feed and reminders only. */
export interface PayDayItem extends ItemBase {
  type: "payDay";
}

/** A budget savings goal's target date: in the young person's feed and reminders only. */
export interface SavingsGoalItem extends ItemBase {
  type: "savingsGoal";
  id: string;
  title: string;
}

/**
 * The pocket-money duties a carer is to confirm for one pay period: an event on the period's pay day,
 * because paying (allowed from the pay day on) counts only the duties confirmed by then
 * (docs/decisions/012-budget.md). In the carer's feed only.
 */
export interface DutiesItem extends ItemBase {
  type: "duties";
  /** How many duties (not archived) the young person has. */
  duties: number;
}

/** How far ahead pay days are written into feeds (weekly: the next five). */
export const PAY_DAYS_AHEAD = 35;

/** A review meeting (docs/decisions/017-review-meetings.md): in the young person's feed and every invited participant's. */
export interface ReviewItem extends ItemBase {
  type: "review";
  id: string;
  /** "HH:MM" in Europe/Riga. */
  time: string;
  /** The invited people's user ids. */
  participantIds: string[];
  /** Has the young person written their statement? ("write your statement" until they have.) */
  statementWritten: boolean;
}

/** A review meeting lasts 90 minutes in calendars. */
export const REVIEW_MINUTES = 90;

export type CalendarItem = GoalItem | StepItem | DocumentItem | MeetingItem | MilestoneItem | PayDayItem | SavingsGoalItem | DutiesItem | ReviewItem;

/** The three care-end milestones of a record: transition starts, care ends, aftercare (and mentoring) ends. */
export function careMilestones(record: { youngPersonId: string; careEnd: IsoDate; dateOfBirth?: IsoDate; version: number }): MilestoneItem[] {
  const window = mentoringWindow(record.careEnd, record.dateOfBirth);
  const days: Record<Milestone, IsoDate> = {
    transitionStarts: window.start,
    careEnds: record.careEnd,
    aftercareEnds: window.end,
  };
  return MILESTONES.map((milestone) => ({
    type: "milestone",
    milestone,
    youngPersonId: record.youngPersonId,
    on: days[milestone],
    version: record.version,
  }));
}

/** The first day a feed still shows. */
export function feedStart(today: IsoDate): IsoDate {
  return addDays(today, -FEED_PAST_DAYS);
}

/**
 * What each feed shows, of the plans its owner may see today (the policy decided that already):
 * - the young person: everything in their plan — goals, steps, documents, milestones, meetings;
 * - a mentor: their mentees' goals, the steps a mentor owns, their own meetings, the care end day;
 * - a specialist: their caseload's goals, the steps a specialist owns, document expiries, milestones;
 * - a carer: the steps a carer owns and the pocket-money duties to confirm, of the young people they care for.
 */
export function inFeed(kind: FeedKind, viewerId: string, item: CalendarItem): boolean {
  switch (item.type) {
    case "goal":
      return kind !== "carer";
    case "step":
      return kind === "youth" || item.owner === kind;
    case "document":
      return kind === "youth" || kind === "specialist";
    case "meeting":
      return kind === "youth" || (kind === "mentor" && item.mentorId === viewerId);
    case "milestone":
      return kind === "youth" || kind === "specialist" || (kind === "mentor" && item.milestone === "careEnds");
    case "payDay":
    case "savingsGoal":
      return kind === "youth";
    case "duties":
      return kind === "carer";
    case "review":
      return kind === "youth" || item.participantIds.includes(viewerId);
  }
}

// ----------------------------------------------------------------------------------------------- events

/** A text to translate: a key of app/locales/<lng>/calendar.json (or another file) and its values. */
export interface Message {
  key: string;
  values?: Record<string, string | number | Message>;
}

export interface CalendarEventSpec {
  /** Stable across fetches and edits, so calendar apps replace an event instead of adding it again. */
  uid: string;
  sequence: number;
  /** DTSTAMP (Unix ms): the item's version, not "now", so the same data gives the same bytes (ETag). */
  stamp: number;
  date: IsoDate;
  /** "HH:MM" in Europe/Riga, or null for an all-day event. */
  time: string | null;
  durationMinutes: number;
  reminderMinutesBefore: number;
  summary: Message;
  description: Message[];
  /** The item's page in Tilts, from the site's root. */
  path: string;
}

/** Whose plan the reader looks at: their own ("own") or someone else's ("about", named in full titles). */
export type Perspective = "own" | "about";

export interface EventContext {
  perspective: Perspective;
  fullTitles: boolean;
  /** Young people's names by record id, for full titles in someone else's calendar. */
  names: ReadonlyMap<string, string>;
  /** The calendar owner's role: their own steps say "Who: me", not their role word (issue 14). */
  ownerRole?: string;
}

/** SEQUENCE from a version timestamp: seconds since 2024, so every later edit gives a larger number. */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);
export function sequenceOf(version: number): number {
  return Math.max(0, Math.floor((version - SEQUENCE_EPOCH_MS) / 1000));
}

export function eventUid(item: CalendarItem): string {
  switch (item.type) {
    case "meeting":
      return `meeting-${item.mentorshipId}@tilts`;
    case "milestone":
      // The day is part of the id: a moved care end date is a different milestone, not an edit.
      return `milestone-${item.milestone}-${item.youngPersonId}-${item.on}@tilts`;
    case "payDay":
      return `payday-${item.youngPersonId}-${item.on}@tilts`;
    case "duties":
      return `duties-${item.youngPersonId}-${item.on}@tilts`;
    default:
      return `${item.type}-${item.id}@tilts`;
  }
}

/** The item's page in Tilts. */
export function itemPath(item: CalendarItem): string {
  const plan = `/plan/${item.youngPersonId}`;
  switch (item.type) {
    case "goal":
      return `${plan}/goals/${item.id}`;
    case "step":
      return `${plan}/goals/${item.goalId}#steps`;
    case "document":
      return `${plan}/documents`;
    case "payDay":
    case "duties":
      return `${plan}/budget/pocket-money`;
    case "savingsGoal":
      return `${plan}/budget#goals-heading`;
    case "review":
      return `${plan}/reviews/${item.id}`;
    default:
      return plan;
  }
}

/** Where a goal, step or meeting can be downloaded as an .ics file (app/routes/plan.$youngPersonId.$itemType.$itemId.event[.]ics.ts). */

export function itemDownloadPath(item: CalendarItem): string | null {
  switch (item.type) {
    case "goal":
    case "step":
      return downloadPath(item.youngPersonId, item.type, item.id);
    case "meeting":
      return downloadPath(item.youngPersonId, "meeting", item.mentorshipId);
    case "review":
      return downloadPath(item.youngPersonId, "review", item.id);
    default:
      return null;
  }
}

const documentName = (item: DocumentItem): string | Message => (item.label ? item.label : { key: `documents.kinds.${item.kind}` });

/** The title without any name: generic ("Tilts: housing deadline") or the item's own words. */
function ownTitle(item: CalendarItem, full: boolean, perspective: Perspective): Message {
  switch (item.type) {
    case "goal":
      return full ? { key: "calendar.event.full.goal", values: { title: item.title } } : { key: `calendar.event.deadline.${item.domain}` };
    case "step":
      return full ? { key: "calendar.event.full.step", values: { title: item.title } } : { key: `calendar.event.deadline.${item.domain}` };
    case "document":
      return full ? { key: "calendar.event.full.documentExpires", values: { document: documentName(item) } } : { key: "calendar.event.documentExpires" };
    case "meeting":
      if (perspective === "about") return { key: full ? "calendar.event.full.mentoringMeeting" : "calendar.event.mentoringMeeting" };
      return full ? { key: "calendar.event.full.meetingWithMentor", values: { mentor: item.mentorName } } : { key: "calendar.event.meetingWithMentor" };
    case "milestone":
      return { key: full ? `calendar.event.full.milestone.${item.milestone}` : `calendar.event.milestone.${item.milestone}` };
    case "payDay":
      return { key: "budget.calendar.payDay" };
    case "duties":
      return { key: full ? "calendar.event.full.duties" : "calendar.event.duties" };
    case "savingsGoal":
      return full ? { key: "budget.calendar.fullSavingsGoal", values: { title: item.title } } : { key: "budget.calendar.savingsGoal" };
    case "review":
      return { key: perspective === "own" ? "reviews.calendar.own" : "reviews.calendar.about" };
  }
}

function summaryOf(item: CalendarItem, context: EventContext): Message {
  const title = ownTitle(item, context.fullTitles, context.perspective);
  const name = context.names.get(item.youngPersonId);
  // Someone else's calendar names the young person only when its owner chose full titles.
  if (context.fullTitles && context.perspective === "about" && name) {
    return { key: "calendar.event.full.about", values: { name, text: title } };
  }
  return title;
}

/**
 * "Who: …" in a description (only with full titles, which may name people): "me" for the calendar
 * owner's own goals and steps, the young person's name in someone else's calendar, else the role word
 * ("Mentor" in the young person's calendar).
 */
function whoDoesIt(item: CalendarItem & { owner: string }, context: EventContext): Message {
  const own = item.owner === context.ownerRole || (item.owner === "youth" && context.perspective === "own");
  const name = item.owner === "youth" && !own ? context.names.get(item.youngPersonId) : undefined;
  const owner: string | Message = own ? { key: "plan.owner.youth_own" } : (name ?? { key: `plan.owner.${item.owner}` });
  return { key: "calendar.event.owner", values: { owner } };
}

function descriptionOf(item: CalendarItem, context: EventContext): Message[] {
  const details: Message = { key: "calendar.event.details" };
  if (!context.fullTitles) return [details];
  switch (item.type) {
    case "goal":
      return [whoDoesIt(item, context), details];
    case "step":
      return [{ key: "calendar.event.goal", values: { goal: item.goalTitle } }, whoDoesIt(item, context), details];
    case "meeting": {
      // The mentor's own calendar names the young person they meet, not the mentor (themselves).
      const name = context.names.get(item.youngPersonId);
      if (context.perspective === "about" && name) return [{ key: "weekly.calendar.with", values: { name } }, details];
      return [{ key: "calendar.event.mentor", values: { mentor: item.mentorName } }, details];
    }
    case "duties":
      return [{ key: "calendar.event.dutyCount", values: { count: item.duties } }, details];
    default:
      return [details];
  }
}

export function calendarEvent(item: CalendarItem, context: EventContext): CalendarEventSpec {
  const timed = (item.type === "meeting" && item.time !== null) || item.type === "review";
  return {
    uid: eventUid(item),
    sequence: sequenceOf(item.version),
    stamp: item.version,
    date: item.on,
    time: item.type === "meeting" || item.type === "review" ? item.time : null,
    durationMinutes: item.type === "review" ? REVIEW_MINUTES : timed ? MEETING_MINUTES : 0,
    reminderMinutesBefore: timed ? MEETING_REMINDER_MINUTES : DEADLINE_REMINDER_MINUTES,
    summary: summaryOf(item, context),
    description: descriptionOf(item, context),
    path: itemPath(item),
  };
}

/** A feed's events, by day and then id, so the same data always gives the same feed. */
export function feedEvents(kind: FeedKind, viewerId: string, items: readonly CalendarItem[], context: EventContext): CalendarEventSpec[] {
  return items
    .filter((item) => inFeed(kind, viewerId, item))
    .map((item) => calendarEvent(item, context))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** The name a calendar app shows for the subscription (X-WR-CALNAME). */
export function feedName(kind: FeedKind): Message {
  return { key: `calendar.feed.name.${kind}` };
}

/** Valid "HH:MM" (00:00–23:59), as the contact log stores a meeting time. */
export function isMeetingTime(value: unknown): value is string {
  return typeof value === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * In-app reminders (SPEC.md, "Calendar": calendar apps often ignore a feed's alarms). Computed from the
 * plan on every request, never stored; only "read" marks are (app/models/notifications.server.ts).
 * Each notification belongs to the people who own the item: a step or goal to its owner's role,
 * a document to the young person and the specialist, a meeting to the young person and that mentor.
 */
import type { CalendarItem } from "./calendar";
import { daysBetween, type IsoDate } from "./dates";
import type { Role } from "./vocabulary";

export const NOTIFICATION_KINDS = [
  "overdue",
  "dueToday",
  "dueTomorrow",
  "dueSoon",
  "meetingTomorrow",
  "documentExpiring",
  "reviewSoon",
  "writeStatement",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** "Due in 7 days": a deadline this close is announced. */
export const DUE_SOON_DAYS = 7;
/** "Expires in 30 days": time to book an appointment and renew a document. */
export const DOCUMENT_NOTICE_DAYS = 30;

/** The stage of a deadline `on` seen from `today`, or null when it is too far away to mention. */
export function deadlineNotice(on: IsoDate, today: IsoDate): NotificationKind | null {
  const days = daysBetween(today, on);
  if (days < 0) return "overdue";
  if (days === 0) return "dueToday";
  if (days === 1) return "dueTomorrow";
  if (days <= DUE_SOON_DAYS) return "dueSoon";
  return null;
}

export function documentNotice(expiresOn: IsoDate, today: IsoDate): NotificationKind | null {
  const days = daysBetween(today, expiresOn);
  return days >= 0 && days <= DOCUMENT_NOTICE_DAYS ? "documentExpiring" : null;
}

export function meetingNotice(on: IsoDate, today: IsoDate): NotificationKind | null {
  return daysBetween(today, on) === 1 ? "meetingTomorrow" : null;
}

export interface Viewer {
  id: string;
  role: Role;
}

/** Does this item's reminder belong to the viewer? (The policy already decided they may see the plan.) */
export function ownsReminder(viewer: Viewer, item: CalendarItem): boolean {
  switch (item.type) {
    case "goal":
    case "step":
      return item.owner === viewer.role;
    case "document":
      return viewer.role === "youth" || viewer.role === "specialist";
    case "meeting":
      return viewer.role === "youth" || (viewer.role === "mentor" && item.mentorId === viewer.id);
    case "milestone":
      return false;
    case "payDay":
    case "savingsGoal":
      return viewer.role === "youth";
    case "duties":
      // The carer's home lists the duties to confirm this period already.
      return false;
    case "review":
      return viewer.role === "youth" || item.participantIds.includes(viewer.id);
  }
}

export interface Notification {
  /** Stable per item, stage and date: a moved deadline or a new stage is a new (unread) notification. */
  key: string;
  kind: NotificationKind;
  /** The deadline, expiry or meeting day. */
  on: IsoDate;
  /** Days from today to `on` (negative when overdue). */
  days: number;
  item: CalendarItem;
}

function noticeOf(item: CalendarItem, today: IsoDate): NotificationKind | null {
  switch (item.type) {
    case "goal":
    case "step":
      return deadlineNotice(item.on, today);
    case "document":
      return documentNotice(item.on, today);
    case "meeting":
      return meetingNotice(item.on, today);
    case "milestone":
    case "duties":
      return null;
    case "payDay": {
      const days = daysBetween(today, item.on);
      return days === 0 ? "dueToday" : days === 1 ? "dueTomorrow" : null;
    }
    case "savingsGoal":
      return deadlineNotice(item.on, today);
    case "review":
      return null;
  }
}

/** "Review in 7 days" for everyone invited; "write your statement" for the young person until they have. */
function reviewNotice(viewer: Viewer, item: CalendarItem, today: IsoDate): NotificationKind | null {
  if (item.type !== "review") return noticeOf(item, today);
  const days = daysBetween(today, item.on);
  if (days < 0) return null;
  if (viewer.role === "youth" && !item.statementWritten && days <= REVIEW_STATEMENT_DAYS) return "writeStatement";
  return days <= DUE_SOON_DAYS ? "reviewSoon" : null;
}

/** The young person is reminded to write their statement two weeks before the meeting. */
export const REVIEW_STATEMENT_DAYS = 14;

function itemKey(item: CalendarItem): string {
  if (item.type === "payDay" || item.type === "duties") return `${item.type}:${item.youngPersonId}`;
  if (item.type === "review") return `review:${item.id}`;
  return item.type === "meeting"
    ? `meeting:${item.mentorshipId}`
    : item.type === "milestone"
      ? `milestone:${item.youngPersonId}:${item.milestone}`
      : `${item.type}:${item.id}`;
}

/** The viewer's notifications today, most urgent (earliest) first. */
export function notificationsFor(viewer: Viewer, items: readonly CalendarItem[], today: IsoDate): Notification[] {
  const notifications: Notification[] = [];
  for (const item of items) {
    if (!ownsReminder(viewer, item)) continue;
    const kind = reviewNotice(viewer, item, today);
    if (!kind) continue;
    notifications.push({ key: `${itemKey(item)}:${kind}:${item.on}`, kind, on: item.on, days: daysBetween(today, item.on), item });
  }
  return notifications.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The furthest day ahead any reminder looks: what the model needs to load. */
export const NOTICE_HORIZON_DAYS = Math.max(DUE_SOON_DAYS, DOCUMENT_NOTICE_DAYS, REVIEW_STATEMENT_DAYS, 1);

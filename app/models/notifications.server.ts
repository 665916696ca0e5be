/**
 * In-app notifications: computed from the plans the user is linked to (app/domain/notifications.ts),
 * with the user's "read" marks. The header's unread count is kept per user (never shared between
 * users) while nothing in the database has changed: one tiny statement per page instead of the linked
 * records, their items and the read marks (docs/decisions/009-fast-pages.md).
 */
import { and, eq, inArray } from "drizzle-orm";
import { notificationReads } from "../../db/schema";
import { addDays, type IsoDate } from "~/domain/dates";
import { NOTICE_HORIZON_DAYS, notificationsFor, type Notification } from "~/domain/notifications";
import type { Actor } from "~/domain/policy";
import type { Role } from "~/domain/vocabulary";
import { feedKindFor } from "~/domain/calendar";
import { today } from "~/utils/clock.server";
import type { TiltsDatabase } from "../../db/connection";
import { getDb } from "~/utils/db.server";
import { linkedRecords, recordItems } from "./calendar-items.server";
import { helpWaitingCount, youthHelpLink, type YouthHelpLink } from "./help.server";
import { reviewRequestsWaitingCount } from "./reviews.server";

/** Roles that own plan items, and so get reminders; leads and administrators own none. */
const NOTIFIED_ROLES: readonly Role[] = ["youth", "mentor", "specialist", "carer"];

export function hasNotifications(role: Role): boolean {
  return NOTIFIED_ROLES.includes(role);
}

export interface UserNotification extends Notification {
  read: boolean;
  /** The young person's name, for everyone but the young person. */
  youngPersonName: string | null;
}

export function userNotifications(actor: Actor, today: IsoDate): UserNotification[] {
  if (!hasNotifications(actor.role)) return [];
  const records = linkedRecords(actor, today);
  const items = recordItems(records, { to: addDays(today, NOTICE_HORIZON_DAYS) }, today);
  const notifications = notificationsFor(actor, items, today);
  if (notifications.length === 0) return [];
  const read = new Set(
    getDb()
      .select({ key: notificationReads.key })
      .from(notificationReads)
      .where(
        and(
          eq(notificationReads.userId, actor.id),
          inArray(
            notificationReads.key,
            notifications.map((n) => n.key),
          ),
        ),
      )
      .all()
      .map((r) => r.key),
  );
  const names = new Map(records.map((r) => [r.id, r.displayName]));
  return notifications.map((n) => ({
    ...n,
    read: read.has(n.key),
    youngPersonName: actor.role === "youth" ? null : (names.get(n.item.youngPersonId) ?? null),
  }));
}

/** The header's badge: how many of today's notifications the user has not marked as read. */
export function unreadCount(actor: Actor, today: IsoDate): number {
  // Open "I need help" requests count until someone acknowledges them (issue 11).
  const help = actor.role === "specialist" || actor.role === "mentor" ? helpWaitingCount(actor.id) : 0;
  // So do the young people's "ask for a review" until a review is scheduled (decision 025).
  const reviewRequests = actor.role === "specialist" ? reviewRequestsWaitingCount(actor.id) : 0;
  return userNotifications(actor, today).filter((n) => !n.read).length + help + reviewRequests;
}

/**
 * "Has anything been written since?": this connection's row changes (every write of this server's pages
 * goes through its one connection). Not SQLite's data_version: the audit log appends every read on a
 * connection of its own (decision 011), which would bump it on every page and empty the cache. Writes
 * from other processes (a script) are picked up when an entry ages out (BADGE_MAX_AGE_MS). Cheap: no table
 * is read.
 */
const stampStatements = new WeakMap<TiltsDatabase, { get(): unknown }>();
function databaseStamp(): string {
  const db = getDb();
  let statement = stampStatements.get(db);
  if (!statement) {
    statement = db.$client.prepare("SELECT total_changes() AS changes").raw();
    stampStatements.set(db, statement);
  }
  return (statement.get() as unknown[]).join(":");
}

/** Per user: the badge and what it was computed from. Bounded; the oldest entries go first. */
const BADGE_CACHE_SIZE = 10_000;
const badgeCache = new Map<string, { from: string; count: number; at: number }>();
const BADGE_MAX_AGE_MS = 60_000;

/** The unread count, reused for the same user, role, day and database state; computed anew otherwise. */
export function cachedUnreadCount(actor: Actor, today: IsoDate): number {
  const from = `${actor.role}:${actor.organisationId}:${today}:${databaseStamp()}`;
  const cached = badgeCache.get(actor.id);
  const nowMs = Date.now();
  if (cached && cached.from === from && nowMs - cached.at < BADGE_MAX_AGE_MS) return cached.count;
  const count = unreadCount(actor, today);
  badgeCache.delete(actor.id);
  badgeCache.set(actor.id, { from, count, at: nowMs });
  if (badgeCache.size > BADGE_CACHE_SIZE) badgeCache.delete(badgeCache.keys().next().value!);
  return count;
}

/**
 * What the header shows a logged-in user: the unread count (null for roles without notifications) and
 * whether there is a calendar page for them. Kept here so the root route imports one server module.
 */
export function headerLinks(user: Actor): { unreadNotifications: number | null; hasCalendar: boolean; help: YouthHelpLink | null } {
  return {
    unreadNotifications: hasNotifications(user.role) ? cachedUnreadCount(user, today()) : null,
    hasCalendar: feedKindFor(user.role) !== null,
    // "I need help" on every screen of a young person (issue 11): one small statement, only for them.
    help: user.role === "youth" ? youthHelpLink(user.id, today()) : null,
  };
}

/** Marks today's notifications as read (the ones the user saw on the page; new ones stay unread). */
export function markRead(userId: string, keys: readonly string[], nowMs: number): void {
  if (keys.length === 0) return;
  getDb()
    .insert(notificationReads)
    .values(keys.map((key) => ({ userId, key, readAt: nowMs })))
    .onConflictDoNothing()
    .run();
}

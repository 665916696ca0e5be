/**
 * Deletes the sessions that the lifetimes of decision 002 have ended (idle, or past their absolute
 * lifetime, by role), so ended sessions do not pile up in the database. app/server.ts runs it at start
 * and every hour on a connection of its own, outside any request.
 */
import { and, inArray, lte, or } from "drizzle-orm";
import { PERSONAL_SESSION, STAFF_SESSION } from "../app/domain/session-policy";
import { STAFF_ROLES } from "../app/domain/vocabulary";
import type { TiltsDatabase } from "./connection";
import { sessions, users } from "./schema";

export const SESSION_PURGE_INTERVAL_MS = 60 * 60_000;

/** Returns how many sessions were deleted. */
export function purgeEndedSessions(db: TiltsDatabase, nowMs: number): number {
  // Our own lifetimes decide (lucia's expires_at is only their outer bound).
  const personal = db
    .delete(sessions)
    .where(or(lte(sessions.createdAt, nowMs - PERSONAL_SESSION.absoluteMs), lte(sessions.lastSeenAt, nowMs - PERSONAL_SESSION.idleMs)))
    .run();
  const staff = db
    .delete(sessions)
    .where(
      and(
        or(lte(sessions.createdAt, nowMs - STAFF_SESSION.absoluteMs), lte(sessions.lastSeenAt, nowMs - STAFF_SESSION.idleMs)),
        inArray(
          sessions.userId,
          db
            .select({ id: users.id })
            .from(users)
            .where(inArray(users.role, [...STAFF_ROLES])),
        ),
      ),
    )
    .run();
  return personal.changes + staff.changes;
}

/**
 * How long a session lives, per role (docs/decisions/002-session-lifetimes.md). Staff see many young
 * people's records on shared laptops, so their sessions are short; a young person or carer uses their
 * own phone every week, so theirs are longer — but never endless.
 */
import { STAFF_ROLES, type Role } from "./vocabulary";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionLifetime {
  /** Ends after this long without a request. */
  idleMs: number;
  /** Ends this long after login, however active. */
  absoluteMs: number;
}

export const STAFF_SESSION: SessionLifetime = { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR };
export const PERSONAL_SESSION: SessionLifetime = { idleMs: 14 * DAY, absoluteMs: 30 * DAY };

/** The longest idle time of any role: lucia's own sliding expiry, the outer bound. */
export const LONGEST_IDLE_MS = Math.max(STAFF_SESSION.idleMs, PERSONAL_SESSION.idleMs);

/** Last-seen is written at most this often, so a busy page does not write on every request. */
export const TOUCH_INTERVAL_MS = MINUTE;

export function sessionLifetime(role: Role): SessionLifetime {
  return STAFF_ROLES.includes(role) ? STAFF_SESSION : PERSONAL_SESSION;
}

export type SessionVerdict = "valid" | "idle" | "expired";

export function sessionVerdict(role: Role, session: { createdAt: number; lastSeenAt: number }, nowMs: number): SessionVerdict {
  const lifetime = sessionLifetime(role);
  if (nowMs - session.createdAt >= lifetime.absoluteMs) return "expired";
  if (nowMs - session.lastSeenAt >= lifetime.idleMs) return "idle";
  return "valid";
}

export function shouldTouchSession(session: { lastSeenAt: number }, nowMs: number): boolean {
  return nowMs - session.lastSeenAt >= TOUCH_INTERVAL_MS;
}

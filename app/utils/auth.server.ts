/**
 * Accounts and sessions, behind this one module (lucia 3 + argon2id). Session lifetimes per role come
 * from app/domain/session-policy.ts and are enforced here, on every request.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema";
import { LONGEST_IDLE_MS, sessionLifetime, sessionVerdict, shouldTouchSession } from "~/domain/session-policy";
import type { Locale, Role } from "~/domain/vocabulary";
import { now } from "./clock.server";
import { getDb } from "./db.server";
import { prepared } from "./statements.server";
import { secureCookies } from "./env.server";
import { isLocale } from "~/domain/vocabulary";
import { hashPassword, verifyPassword } from "./password.server";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, clearFailures, recordFailure, retryAfterMs, type LimitRule } from "./rate-limit.server";
import { deviceCookie, trustedDeviceOf } from "./trusted-device.server";
import { assertSameOrigin, clientAddress } from "./security.server";

export const SESSION_COOKIE = "tilts_session";

export interface SessionUser {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
}

let luciaInstance: ReturnType<typeof createLucia> | undefined;
let luciaDb: unknown;

function createLucia() {
  const db = getDb();
  // The adapter's table types predate drizzle 0.45; the columns match (DESIGN.md pitfalls).
  const adapter = new DrizzleSQLiteAdapter(db as never, sessions as never, users as never);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(Math.ceil(LONGEST_IDLE_MS / 1000), "s"),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { secure: secureCookies(), sameSite: "lax", path: "/" },
    },
    getUserAttributes: (attributes) => ({
      organisationId: attributes.organisationId,
      email: attributes.email,
      displayName: attributes.displayName,
      role: attributes.role,
      locale: attributes.locale,
      disabledAt: attributes.disabledAt,
    }),
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.createdAt,
      lastSeenAt: attributes.lastSeenAt,
    }),
  });
}

/** The lucia instance (exported for tests/integration/session-fast-path.test.ts, which compares with it). */
export function lucia() {
  const db = getDb();
  if (!luciaInstance || luciaDb !== db) {
    luciaInstance = createLucia();
    luciaDb = db;
  }
  return luciaInstance;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: typeof users.$inferSelect;
    DatabaseSessionAttributes: { createdAt: number; lastSeenAt: number };
  }
}

/** A Set-Cookie value for a new session, persistent for the role's absolute lifetime. */
function sessionCookie(sessionId: string, role: Role): string {
  const cookie = lucia().createSessionCookie(sessionId);
  cookie.attributes.maxAge = Math.floor(sessionLifetime(role).absoluteMs / 1000);
  return cookie.serialize();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}

export type SessionState = { user: SessionUser; sessionId: string } | { user: null; ended: boolean };

const perRequest = new WeakMap<Request, Promise<SessionState>>();

/**
 * Our session id from the Cookie header. Not lucia's readSessionCookie: it percent-decodes every cookie
 * and throws on a malformed one (e.g. `x=%ff`), which made every page a 500 for that browser.
 */
function sessionIdFrom(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * lucia's validateSession (lucia 3.2, core.js) on one statement prepared once: its adapter builds two
 * drizzle queries per request (a tenth of a small page's CPU). The same rules: no session or no user ->
 * none (the orphan session deleted); past its idle expiry (Unix seconds, lucia's clock) -> deleted and
 * none; past half of it -> extended by the whole expiry. tests/integration/session-fast-path.test.ts
 * compares it with lucia's.
 */
const sessionAndUser = prepared(`
  SELECT s.id, s.expires_at AS expiresAt, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
         u.id AS userId, u.organisation_id AS organisationId, u.email, u.display_name AS displayName, u.role, u.locale,
         u.disabled_at AS disabledAt
  FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = ?`);
const deleteSession = prepared("DELETE FROM sessions WHERE id = ?");
const extendSession = prepared("UPDATE sessions SET expires_at = ? WHERE id = ?");
const SESSION_EXPIRES_IN_MS = Math.ceil(LONGEST_IDLE_MS / 1000) * 1000;

interface SessionJoinRow {
  id: string;
  expiresAt: number;
  createdAt: number;
  lastSeenAt: number;
  userId: string | null;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  disabledAt: number | null;
}

export function validateSession(
  sessionId: string,
): { session: { id: string; createdAt: number; lastSeenAt: number; expiresAt: Date }; user: SessionUser & { disabledAt: number | null } } | null {
  const row = sessionAndUser().get(sessionId) as SessionJoinRow | undefined;
  if (!row) return null;
  if (row.userId === null) {
    deleteSession().run(row.id);
    return null;
  }
  let expiresAtMs = row.expiresAt * 1000;
  if (Date.now() >= expiresAtMs) {
    deleteSession().run(row.id);
    return null;
  }
  if (Date.now() >= expiresAtMs - SESSION_EXPIRES_IN_MS / 2) {
    expiresAtMs = Date.now() + SESSION_EXPIRES_IN_MS;
    extendSession().run(Math.floor(expiresAtMs / 1000), row.id);
  }
  return {
    session: { id: row.id, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: new Date(expiresAtMs) },
    user: {
      id: row.userId,
      organisationId: row.organisationId,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      locale: row.locale,
      disabledAt: row.disabledAt,
    },
  };
}

async function readSession(request: Request): Promise<SessionState> {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return { user: null, ended: false };
  const found = validateSession(sessionId);
  if (!found) return { user: null, ended: true };
  const { session, user } = found;
  const nowMs = now().getTime();
  if (user.disabledAt || sessionVerdict(user.role, session, nowMs) !== "valid") {
    await lucia().invalidateSession(session.id);
    return { user: null, ended: true };
  }
  if (shouldTouchSession(session, nowMs)) {
    getDb().update(sessions).set({ lastSeenAt: nowMs }).where(eq(sessions.id, session.id)).run();
  }
  const { disabledAt: _disabled, ...sessionUser } = user;
  return { user: sessionUser, sessionId: session.id };
}

/** The logged-in user, or null. Validated once per request. */
export function getSessionState(request: Request): Promise<SessionState> {
  let state = perRequest.get(request);
  if (!state) {
    state = readSession(request);
    perRequest.set(request, state);
  }
  return state;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSessionState(request)).user;
}

function loginRedirect(request: Request, ended: boolean): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const back = url.pathname + url.search;
  if (back !== "/") params.set("redirectTo", back);
  if (ended) params.set("ended", "1");
  // The language asked for (?lng=) stays on the login page too (issue 14).
  const lng = url.searchParams.get("lng");
  if (isLocale(lng)) params.set("lng", lng);
  const query = params.toString();
  return redirect(`/login${query ? `?${query}` : ""}`, {
    headers: ended ? { "Set-Cookie": blankSessionCookie() } : undefined,
  });
}

/**
 * The logged-in user, or a redirect to /login (with "your session ended" when it had). For non-GET
 * requests it first refuses cross-site requests.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const state = await getSessionState(request);
  if (!state.user) throw loginRedirect(request, state.ended);
  return state.user;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type LoginResult =
  /** `setCookie`: the session cookie, then the device cookie (docs/decisions/015-login-lockouts.md). */
  { ok: true; user: SessionUser; setCookie: string[] } | { ok: false; reason: "invalid" } | { ok: false; reason: "rateLimited"; retryAfterMinutes: number };

/** Checks e-mail and password with the same answer and the same work for unknown e-mail and wrong password. */
export async function login(request: Request, email: string, password: string, context?: { clientAddress?: string | null }): Promise<LoginResult> {
  const nowMs = now().getTime();
  const db = getDb();
  const row = db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  // A browser that has logged in to this account before is limited on its own failures only, so that
  // nobody can lock the account's owner out by guessing, nor everyone behind a shared address.
  const device = row ? trustedDeviceOf(request, row, nowMs) : null;
  const address = clientAddress(request, context);
  const keys: Array<[string, LimitRule]> = device
    ? [[`device:${device}`, ACCOUNT_LIMIT]]
    : [[`account:${normaliseEmail(email)}`, ACCOUNT_LIMIT], ...(address ? [[`address:${address}`, ADDRESS_LIMIT] as [string, LimitRule]] : [])];
  const wait = Math.max(...keys.map(([key, rule]) => retryAfterMs(key, rule)));
  if (wait > 0) return { ok: false, reason: "rateLimited", retryAfterMinutes: Math.ceil(wait / 60_000) };

  const passwordOk = await verifyPassword(row?.passwordHash, password);
  if (!row || !passwordOk || row.disabledAt) {
    for (const [key] of keys) recordFailure(key);
    return { ok: false, reason: "invalid" };
  }
  clearFailures(keys[0]![0]);
  db.update(users).set({ lastLoginAt: nowMs }).where(eq(users.id, row.id)).run();
  const session = await lucia().createSession(row.id, { createdAt: nowMs, lastSeenAt: nowMs });
  return {
    ok: true,
    user: {
      id: row.id,
      organisationId: row.organisationId,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      locale: row.locale,
    },
    setCookie: [sessionCookie(session.id, row.role), deviceCookie(row, nowMs)],
  };
}

export async function logout(request: Request): Promise<string> {
  const state = await getSessionState(request);
  if (state.user) await lucia().invalidateSession(state.sessionId);
  return blankSessionCookie();
}

/**
 * Changes the password after checking the current one; ends every other session of the user and
 * returns a cookie for a fresh session on this device.
 */
export async function changePassword(
  user: SessionUser,
  currentPassword: string,
  newPassword: string,
): Promise<{ ok: true; setCookie: string } | { ok: false; reason: "wrongPassword" | "rateLimited" }> {
  // Guesses of the current password from a logged-in session are limited like logins.
  const guessKey = `password-check:${user.id}`;
  if (retryAfterMs(guessKey, ACCOUNT_LIMIT) > 0) return { ok: false, reason: "rateLimited" };
  const db = getDb();
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    recordFailure(guessKey);
    return { ok: false, reason: "wrongPassword" };
  }
  clearFailures(guessKey);
  const passwordHash = await hashPassword(newPassword);
  const nowMs = now().getTime();
  db.update(users).set({ passwordHash, passwordChangedAt: nowMs }).where(eq(users.id, user.id)).run();
  await lucia().invalidateUserSessions(user.id);
  const session = await lucia().createSession(user.id, { createdAt: nowMs, lastSeenAt: nowMs });
  return { ok: true, setCookie: sessionCookie(session.id, user.role) };
}

/** Ends every session of a user (disabled, role changed, password reset): takes effect on their next request. */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

/** A fresh session for a user who just set their password (invitation or reset); its Set-Cookie value. */
export async function startSession(userId: string, role: Role): Promise<string> {
  const nowMs = now().getTime();
  getDb().update(users).set({ lastLoginAt: nowMs }).where(eq(users.id, userId)).run();
  const session = await lucia().createSession(userId, { createdAt: nowMs, lastSeenAt: nowMs });
  return sessionCookie(session.id, role);
}

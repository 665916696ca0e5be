/**
 * Integration-test helpers: a fresh real SQLite file with the real migrations (and the demo
 * organisation), sessions written straight into the database, and requests as a browser sends them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { DEMO_PASSWORD, seedDemo } from "../../db/seed";
import { organisations, sessions, users, youngPeople } from "../../db/schema";
import { addMonths, todayInRiga } from "~/domain/dates";
import { hashPassword } from "~/utils/password.server";
import { SESSION_COOKIE } from "~/utils/auth.server";
import { closeDb, getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";

export const BASE_URL = "http://localhost:3000";

/**
 * Template databases of this test process, by what they hold: migrated once (and seeded once per demo
 * day), then copied for each test, which is a file copy instead of 80 migrations and a seed.
 */
const templates = new Map<string, string>();

async function templateFor(seed: boolean, today: string, organisation: boolean): Promise<string> {
  const key = seed ? `demo-${today}-${organisation ? "with" : "without"}-org-records` : "empty";
  const known = templates.get(key);
  if (known) return known;
  const path = join(mkdtempSync(join(tmpdir(), "tilts-template-")), "template.sqlite");
  process.env.DATABASE_PATH = path;
  const db = getDb();
  if (seed) await seedDemo(db, today, { organisation });
  // Everything into the main file, so a plain copy of it is the whole database.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  closeDb();
  templates.set(key, path);
  return path;
}

/** Points the app at a new database file, migrated and (by default) seeded with the demo organisation. */
/** `organisation: true` adds db/seed-org.ts (40 more records and a pending invitation) to the demo. */
export async function freshDatabase(options: { seed?: boolean; today?: string; organisation?: boolean } = {}) {
  closeDb();
  resetRateLimits();
  const template = await templateFor(options.seed !== false, options.today ?? todayInRiga(), options.organisation ?? false);
  const path = join(mkdtempSync(join(tmpdir(), "tilts-test-")), "test.sqlite");
  copyFileSync(template, path);
  process.env.DATABASE_PATH = path;
  return getDb();
}

export function userByEmail(email: string) {
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

/** A session for `email`, written straight into the database; returns the Cookie header value. */
export function sessionCookieFor(email: string, options: { createdAt?: number; lastSeenAt?: number } = {}): string {
  const user = userByEmail(email);
  const id = randomBytes(20).toString("hex");
  const nowMs = Date.now();
  getDb()
    .insert(sessions)
    .values({
      id,
      userId: user.id,
      expiresAt: Math.floor(nowMs / 1000) + 30 * 24 * 3600,
      createdAt: options.createdAt ?? nowMs,
      lastSeenAt: options.lastSeenAt ?? nowMs,
    })
    .run();
  return `${SESSION_COOKIE}=${id}`;
}

/** A Request as a same-origin browser would send it; pass `form` for a POST. */
export function browserRequest(
  path: string,
  options: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; method?: string } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  const method = options.method ?? (options.form ? "POST" : "GET");
  if (method !== "GET" && !headers.has("Sec-Fetch-Site") && !headers.has("Origin")) {
    headers.set("Sec-Fetch-Site", "same-origin");
    headers.set("Origin", BASE_URL);
  }
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(new URL(path, BASE_URL), { method, headers, body });
}

// ——— Added for tests/integration ———

/** The arguments Remix passes to a loader or action. */
export function routeArgs(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: {} };
}

/**
 * Runs a loader or action and gives back its Response, whether it was returned or thrown (guards throw
 * redirects and 404s). `thrown` says which. Anything thrown that is not a Response is re-thrown.
 */
export async function settle(run: () => unknown): Promise<{ response: Response; thrown: boolean }> {
  try {
    const value = await run();
    if (!(value instanceof Response)) throw new Error(`Expected a Response, got ${typeof value}`);
    return { response: value, thrown: false };
  } catch (error) {
    if (error instanceof Response) return { response: error, thrown: true };
    throw error;
  }
}

/**
 * Runs a guard such as requireUser (which returns a value or throws a Response). `thrown` says whether
 * it threw; `response` is the thrown Response (reading it when the guard passed fails the test).
 */
export async function guard<T>(run: () => T | Promise<T>): Promise<{ thrown: boolean; value: T | undefined; response: Response }> {
  try {
    const value = await run();
    return {
      thrown: false,
      value,
      get response(): Response {
        throw new Error("The guard passed: there is no thrown Response");
      },
    };
  } catch (error) {
    if (error instanceof Response) return { thrown: true, value: undefined, response: error };
    throw error;
  }
}

/** The Set-Cookie header of a response (one cookie), or null. */
export function setCookieOf(response: Response): string | null {
  return response.headers.get("Set-Cookie");
}

/** "name=value" of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!.trim();
}

/** The session id in a Cookie or Set-Cookie value of the session cookie. */
export function sessionIdOf(cookie: string): string {
  const pair = cookiePair(cookie);
  if (!pair.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`Not a session cookie: ${cookie}`);
  return pair.slice(SESSION_COOKIE.length + 1);
}

export function sessionRow(sessionId: string) {
  return getDb().select().from(sessions).where(eq(sessions.id, sessionId)).get() ?? null;
}

export function sessionRowsOf(email: string) {
  const user = userByEmail(email);
  return getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all();
}

export function allSessionCount(): number {
  return getDb().select().from(sessions).all().length;
}

/** The young person's record linked to the account `email`. */
export function youngPersonOf(email: string) {
  const user = userByEmail(email);
  const row = getDb().select().from(youngPeople).where(eq(youngPeople.userId, user.id)).get();
  if (!row) throw new Error(`No young person for ${email}`);
  return row;
}

/**
 * A second organisation with a specialist and one young person of theirs, written straight into the
 * database. Returns the ids and the specialist's e-mail.
 */
export async function insertOtherOrganisation(today = todayInRiga()) {
  const db = getDb();
  const organisationId = randomUUID();
  const specialistId = randomUUID();
  const youthUserId = randomUUID();
  const youngPersonId = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    tx.insert(organisations).values({ id: organisationId, name: "Otra organizācija" }).run();
    tx.insert(users)
      .values([
        {
          id: specialistId,
          organisationId,
          email: "specialist@other.test",
          passwordHash,
          displayName: "Otra Speciāliste",
          role: "specialist" as const,
        },
        {
          id: youthUserId,
          organisationId,
          email: "youth@other.test",
          passwordHash,
          displayName: "Ēriks Citādais",
          role: "youth" as const,
        },
      ])
      .run();
    tx.insert(youngPeople)
      .values({
        id: youngPersonId,
        organisationId,
        userId: youthUserId,
        displayName: "Ēriks Citādais",
        dateOfBirth: addMonths(today, -(17 * 12 + 6)),
        careForm: "residential",
        municipality: "Liepāja",
        plannedCareEndDate: addMonths(today, 6),
        specialistId,
      })
      .run();
  });
  return {
    organisationId,
    specialistId,
    youthUserId,
    youngPersonId,
    specialistEmail: "specialist@other.test",
    youthEmail: "youth@other.test",
  };
}

// ——— Added for tests/integration/plan-*.test.ts ———

/**
 * Runs `run` and counts the SQL statements it runs on the app's connection, whether drizzle prepared
 * them just now or the model prepared them once and reuses them (app/utils/statements.server.ts), by
 * watching better-sqlite3's Statement methods meanwhile. Gives back the result, the count and the SQL.
 */
export async function countStatements<T>(run: () => T | Promise<T>): Promise<{ result: T; count: number; sql: string[] }> {
  type Method = (this: { source: string }, ...args: unknown[]) => unknown;
  const proto = Object.getPrototypeOf(getDb().$client.prepare("SELECT 1")) as Record<string, Method>;
  const methods = ["all", "get", "run", "iterate"];
  const originals = methods.map((m) => proto[m]!);
  const sql: string[] = [];
  methods.forEach((m, i) => {
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      sql.push(this.source);
      return originals[i]!.apply(this, args);
    };
  });
  try {
    const result = await run();
    return { result, count: sql.length, sql };
  } finally {
    methods.forEach((m, i) => {
      proto[m] = originals[i]!;
    });
  }
}

// ——— Added for the calendar tests and bench

/**
 * Runs `run` and counts the SQL statements it executes, whether prepared just now or once and reused
 * (countStatements sees only new ones), by watching better-sqlite3's Statement methods meanwhile.
 */
export async function countExecutions<T>(run: () => T | Promise<T>): Promise<{ result: T; count: number }> {
  type Method = (...args: unknown[]) => unknown;
  const proto = Object.getPrototypeOf(getDb().$client.prepare("SELECT 1")) as Record<string, Method>;
  const methods = ["all", "get", "run", "iterate"];
  const originals = methods.map((m) => proto[m]!);
  let count = 0;
  methods.forEach((m, i) => {
    proto[m] = function (this: unknown, ...args: unknown[]) {
      count++;
      return originals[i]!.apply(this, args);
    };
  });
  try {
    return { result: await run(), count };
  } finally {
    methods.forEach((m, i) => {
      proto[m] = originals[i]!;
    });
  }
}

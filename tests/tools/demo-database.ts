/** A demo database of a run's own, and sessions written straight into it (as the tests do). */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { todayInRiga } from "../../app/domain/dates";
import { openDatabase, type TiltsDatabase } from "../../db/connection";
import { calendarFeeds, goals, plans, sessions, steps, users, youngPeople } from "../../db/schema";
import { seedDemo } from "../../db/seed";

export async function demoDatabase(prefix: string): Promise<{ path: string; db: TiltsDatabase }> {
  const path = join(mkdtempSync(join(tmpdir(), `tilts-${prefix}-`)), "data.sqlite");
  const db = openDatabase(path);
  await seedDemo(db, todayInRiga());
  return { path, db };
}

/** A Cookie header value for a new session of `email` (one per simulated device). */
export function sessionCookie(db: TiltsDatabase, email: string): string {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  const id = randomBytes(20).toString("hex");
  const nowMs = Date.now();
  db.insert(sessions)
    .values({ id, userId: user.id, expiresAt: Math.floor(nowMs / 1000) + 30 * 86_400, createdAt: nowMs, lastSeenAt: nowMs })
    .run();
  return `tilts_session=${id}`;
}

/** The young person's record id and their goals, in order. */
export function planOf(db: TiltsDatabase, email: string): { youngPersonId: string; goalIds: string[] } {
  const row = db
    .select({ youngPersonId: youngPeople.id, planId: plans.id })
    .from(youngPeople)
    .innerJoin(users, eq(users.id, youngPeople.userId))
    .innerJoin(plans, eq(plans.youngPersonId, youngPeople.id))
    .where(and(eq(users.email, email)))
    .get();
  if (!row) throw new Error(`no plan for ${email}`);
  const goalIds = db
    .select({ id: goals.id })
    .from(goals)
    .where(eq(goals.planId, row.planId))
    .orderBy(asc(goals.position))
    .all()
    .map((g) => g.id);
  return { youngPersonId: row.youngPersonId, goalIds };
}

/** A live calendar feed of `email` and its secret token (as /calendar makes one). */
export function feedToken(db: TiltsDatabase, email: string, kind: "youth" | "mentor" | "specialist"): string {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  const token = randomBytes(24).toString("base64url");
  const tokenHash = createHash("sha256").update(token).digest("hex");
  db.insert(calendarFeeds).values({ id: randomUUID(), userId: user.id, kind, tokenHash, fullTitles: false, createdAt: Date.now() }).run();
  return token;
}

/** The young person's own open steps (id and goal), which a tick may change. */
export function ownStepsOf(db: TiltsDatabase, email: string): Array<{ id: string; goalId: string }> {
  const { goalIds } = planOf(db, email);
  return db
    .select({ id: steps.id, goalId: steps.goalId, owner: steps.owner })
    .from(steps)
    .all()
    .filter((s) => goalIds.includes(s.goalId) && s.owner === "youth");
}

export { randomUUID };

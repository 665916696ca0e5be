/**
 * For the benchmarks: a fresh demo database in a temporary folder (DATABASE_PATH points at it), with the
 * transition young person's account, record and plan, ready to be made large.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/connection";
import { plans, users, youngPeople } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { todayInRiga } from "~/domain/dates";

export async function demoDatabase(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `tilts-bench-${name}-`));
  const path = join(dir, `${name}.sqlite`);
  process.env.DATABASE_PATH = path;
  const db = openDatabase(path);
  const today = todayInRiga();
  await seedDemo(db, today);
  const youth = db.select().from(users).where(eq(users.email, "youth.transition@demo.test")).get()!;
  const record = db.select().from(youngPeople).where(eq(youngPeople.userId, youth.id)).get()!;
  const plan = db.select().from(plans).where(eq(plans.youngPersonId, record.id)).get()!;
  return { path, db, today, youth, record, plan };
}

/**
 * Counts the SQL statements the app's own connection (DATABASE_PATH) prepares while `fn` runs: what a
 * loader's model costs, counted in this process.
 */
export async function statementCounter(): Promise<(fn: () => unknown) => number> {
  const { getDb } = await import("~/utils/db.server");
  const client = getDb().$client;
  const originalPrepare = client.prepare.bind(client);
  let statements = 0;
  client.prepare = ((source: string) => {
    statements++;
    return originalPrepare(source);
  }) as typeof client.prepare;
  return (fn) => {
    statements = 0;
    fn();
    return statements;
  };
}

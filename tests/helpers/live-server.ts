/**
 * The built server (build/index.js + build/server.js, what `npm run serve` runs) on a database of the
 * test's own, for the route matrix and the form fuzzing (tests/integration/route-matrix.test.ts,
 * tests/integration/fuzz-forms.test.ts): the whole stack answers (Express, body limits, the origin check,
 * the loaders and actions, rendering and the error boundaries), not a route module called by hand.
 *
 * The test process keeps its own connection to the same SQLite file (WAL: readers and one writer live
 * side by side) to write sessions and to look at what the server stored.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { budgetTransactions, goals, mentorships, plans, steps, youngPeople } from "../../db/schema";
import { startServer, ROOT, type ServerProcess } from "../tools/built-server";
import { freshDatabase, insertOtherOrganisation, sessionCookieFor, userByEmail, youngPersonOf } from "./db";
import { getDb } from "~/utils/db.server";

export function built(): boolean {
  return existsSync(join(ROOT, "build/index.js")) && existsSync(join(ROOT, "build/server.js"));
}

/** A free TCP port on this machine, picked by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The people of the matrix: every demo role, the people who must not see Jānis's record, and nobody. */
export const PEOPLE = {
  anonymous: null,
  youth: "youth.transition@demo.test",
  otherYouth: "youth.preparation@demo.test",
  mentor: "mentor@demo.test",
  otherMentor: "mentor2@demo.test",
  carer: "carer@demo.test",
  specialist: "specialist@demo.test",
  otherOrgSpecialist: "specialist@other.test",
  lead: "lead@demo.test",
  admin: "admin@demo.test",
} as const;
export type Person = keyof typeof PEOPLE;

export interface Fixture {
  server: ServerProcess;
  databasePath: string;
  /** Jānis's record (mentor, carer, specialist, budget) and its parts. */
  janis: {
    id: string;
    planId: string;
    goalId: string;
    goalDomain: string;
    goalTitle: string;
    stepId: string;
    stepDomain: string;
    mentorshipId: string;
    transactionId: string;
    /** His review meeting (the demo has past ones and one in ten days). */
    reviewId: string;
    /** His last recorded review (its one-page summary exists). */
    recordedReviewId: string;
  };
  /** A record of another organisation. */
  otherRecordId: string;
  /** Marta: Pēteris mentors her in the window, Laura's mentorship of her is closed. */
  martaId: string;
  /** Kristaps: Laura is linked to him before his window opens (a mentor outside the window). */
  kristapsId: string;
  cookies: Record<Exclude<Person, "anonymous">, string>;
  stop: () => Promise<void>;
}

export async function liveServer(): Promise<Fixture> {
  await freshDatabase({ organisation: true });
  const databasePath = process.env.DATABASE_PATH!;
  const other = await insertOtherOrganisation();
  const db = getDb();
  const janisRecord = youngPersonOf(PEOPLE.youth);
  const plan = db.select().from(plans).where(eq(plans.youngPersonId, janisRecord.id)).get()!;
  const goal = db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(asc(goals.position)).get()!;
  const planGoals = db.select().from(goals).where(eq(goals.planId, plan.id)).all();
  const step = db
    .select()
    .from(steps)
    .all()
    .find((s) => s.owner === "youth" && planGoals.some((g) => g.id === s.goalId))!;
  const stepDomain = planGoals.find((g) => g.id === step.goalId)!.domain;
  const mentorship = db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.youngPersonId, janisRecord.id), eq(mentorships.status, "active")))
    .get()!;
  const transaction = db.select().from(budgetTransactions).where(eq(budgetTransactions.youngPersonId, janisRecord.id)).get();
  const cookies = Object.fromEntries(
    Object.entries(PEOPLE)
      .filter(([, email]) => email !== null)
      .map(([who, email]) => {
        userByEmail(email!);
        return [who, sessionCookieFor(email!)];
      }),
  ) as Fixture["cookies"];
  db.$client.pragma("wal_checkpoint(PASSIVE)");
  const port = await freePort();
  const server = await startServer({ port, databasePath, env: { TILTS_LOG_REQUESTS: "0" } });
  return {
    server,
    databasePath,
    janis: {
      id: janisRecord.id,
      planId: plan.id,
      goalId: goal.id,
      goalDomain: goal.domain,
      goalTitle: goal.title,
      stepId: step.id,
      stepDomain,
      mentorshipId: mentorship.id,
      transactionId: transaction?.id ?? randomUUID(),
      reviewId:
        (db.$client.prepare("SELECT id FROM reviews WHERE young_person_id = ? ORDER BY starts_at DESC LIMIT 1").pluck().get(janisRecord.id) as
          string | undefined) ?? randomUUID(),
      recordedReviewId:
        (db.$client
          .prepare("SELECT id FROM reviews WHERE young_person_id = ? AND recorded_at IS NOT NULL ORDER BY starts_at DESC LIMIT 1")
          .pluck()
          .get(janisRecord.id) as string | undefined) ?? randomUUID(),
    },
    otherRecordId: other.youngPersonId,
    martaId: youngPersonOf("youth.aftercare@demo.test").id,
    kristapsId: db.select().from(youngPeople).where(eq(youngPeople.displayName, "Kristaps Lācis")).get()!.id,
    cookies,
    stop: async () => {
      server.child.kill("SIGTERM");
      await server.exited;
    },
  };
}

/** A request as a same-origin browser sends it (the server refuses cross-site posts). */
export async function send(
  fixture: Fixture,
  who: Person,
  path: string,
  options: { method?: string; form?: URLSearchParams | Record<string, string>; body?: string; contentType?: string } = {},
): Promise<{ status: number; location: string | null; text: string; contentType: string }> {
  // Uncompressed: the tests read every body, and gzip on both sides was CPU spent on nothing checked.
  const headers = new Headers({ "Sec-Fetch-Site": "same-origin", "Accept-Encoding": "identity" });
  if (who !== "anonymous") headers.set("Cookie", fixture.cookies[who]);
  let body: string | undefined = options.body;
  if (options.form) {
    body = (options.form instanceof URLSearchParams ? options.form : new URLSearchParams(options.form)).toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  } else if (options.contentType) headers.set("Content-Type", options.contentType);
  const method = options.method ?? (body !== undefined ? "POST" : "GET");
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(fixture.server.baseUrl + path, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
      const text = await response.text();
      return { status: response.status, location: response.headers.get("Location"), text, contentType: response.headers.get("Content-Type") ?? "" };
    } catch (error) {
      // A reset connection on a loaded machine is retried once; a second failure is the test's failure.
      if (attempt >= 1) throw error;
    }
  }
}

/** Runs `tasks` with at most `width` at a time (two cores: a few requests in flight keep the server busy). */
export async function inParallel<T>(width: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

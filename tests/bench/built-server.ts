/**
 * For the scripts that run the built server by hand (profile-page.ts, cpu-per-request.ts,
 * same-html.ts): plain HTTP requests on loopback, waiting for /healthz, logging in, and the page
 * benchmark's database with Jānis's and Marta's plans made large; for those that call the build in
 * process (page-loaders.ts, page-renders.ts), a session cookie written straight into that database.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { eq } from "drizzle-orm";
import { plans, sessions, users, youngPeople } from "../../db/schema";
import { demoDatabase } from "./demo";
import { makePlanLarge } from "./large-plans";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function request(port: number, pathname: string, options: http.RequestOptions = {}, body?: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const r = http.request({ host: "127.0.0.1", port, path: pathname, ...options }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    r.on("error", fail);
    r.end(body);
  });
}

export async function untilHealthy(port: number, what = "the server"): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if ((await request(port, "/healthz")).status === 200) return;
    } catch {
      if (i > 300) throw new Error(`${what} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Logs in with the demo password; the Cookie header value of the new session. */
export async function loginCookie(port: number, email: string, agent?: http.Agent): Promise<string> {
  const body = new URLSearchParams({ email, password: "tilts-demo-parole", redirectTo: "/" }).toString();
  const reply = await request(
    port,
    "/login",
    {
      method: "POST",
      agent,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: `http://localhost:${port}`,
        Host: `localhost:${port}`,
        "Sec-Fetch-Site": "same-origin",
        "Content-Length": Buffer.byteLength(body),
      },
    },
    body,
  );
  const cookies = reply.headers["set-cookie"];
  if (!cookies) throw new Error(`login failed for ${email}: ${reply.status}`);
  return cookies.map((c) => c.split(";")[0]).join("; ");
}

/** The page benchmark's database: the demo, with Jānis's (200 history entries, 10 comments) and Marta's plans large. */
export async function largePlansDatabase(name: string) {
  const { path, db, today, youth, plan, record } = await demoDatabase(name);
  const { firstGoalId } = makePlanLarge(db, plan.id, youth.id, today, { events: 200, comments: 10 });
  const marta = db.select().from(users).where(eq(users.email, "youth.aftercare@demo.test")).get()!;
  const martaRecord = db.select().from(youngPeople).where(eq(youngPeople.userId, marta.id)).get()!;
  const martaPlan = db.select().from(plans).where(eq(plans.youngPersonId, martaRecord.id)).get()!;
  makePlanLarge(db, martaPlan.id, marta.id, today);
  db.$client.close();
  return { path, youth, record, firstGoalId, martaRecord, today, planId: plan.id };
}

/**
 * The page benchmark's pages of the large plan (name, path, cookie), in its order; the Russian overview
 * is last because it leaves Russian chosen in the young person's profile.
 */
export function benchPages(planId: string, firstGoalId: string, cookies: { youth: string; mentor: string; specialist: string }) {
  const pages: Array<[string, string, string | undefined]> = [
    ["bare Remix page", "/bench-bare", undefined],
    ["/healthz", "/healthz", undefined],
    ["plan overview", `/plan/${planId}`, cookies.youth],
    ["domain page (housing)", `/plan/${planId}/housing`, cookies.youth],
    ["goal page", `/plan/${planId}/goals/${firstGoalId}`, cookies.youth],
    ["young person's home", "/", cookies.youth],
    ["mentor's home (2 large)", "/", cookies.mentor],
    ["specialist's home", "/", cookies.specialist],
    ["plan overview (ru)", `/plan/${planId}?lng=ru`, cookies.youth],
  ];
  return pages;
}

/**
 * A session cookie for a demo account, its session written through the app's own connection (call it
 * after largePlansDatabase, which points the app at the benchmark's database).
 */
export async function inProcessCookie(email: string): Promise<string> {
  const { SESSION_COOKIE } = await import("~/utils/auth.server");
  const { getDb } = await import("~/utils/db.server");
  const user = getDb().select().from(users).where(eq(users.email, email)).get()!;
  const id = randomBytes(20).toString("hex");
  const nowMs = Date.now();
  getDb()
    .insert(sessions)
    .values({ id, userId: user.id, expiresAt: Math.floor(nowMs / 1000) + 7 * 24 * 3600, createdAt: nowMs, lastSeenAt: nowMs })
    .run();
  return `${SESSION_COOKIE}=${id}`;
}

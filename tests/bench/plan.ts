/**
 * Benchmark (not a test) for the plan page with a large plan: 7 domains × 20 goals × 10 steps plus
 * 200 extra history entries. Prints the SQL statements per page (must not grow with the plan) and
 * the server time of the plan pages over HTTP (median, p95) from one client, next to a bare route.
 * Run `npm run build` first.
 */
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { goals, planEvents, steps } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { DOMAINS } from "~/domain/vocabulary";
import { demoDatabase } from "./demo";

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const BASE = `http://localhost:${PORT}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const { path, db, today, youth, record, plan } = await demoDatabase("plan");

db.transaction((tx) => {
  for (const domain of DOMAINS) {
    for (let g = 0; g < 20; g++) {
      const goalId = randomUUID();
      tx.insert(goals)
        .values({ id: goalId, planId: plan.id, domain, title: `Mērķis ${domain} ${g + 1}`, why: "Tāpēc, ka tas man ir svarīgi.", owner: "youth", dueDate: addDays(today, g * 7 - 30), status: g % 5 === 0 ? "done" : "in_progress", position: 100 + g, createdBy: youth.id })
        .run();
      for (let s = 0; s < 10; s++) {
        tx.insert(steps)
          .values({ id: randomUUID(), goalId, title: `Solis ${s + 1}`, owner: s % 3 === 0 ? "mentor" : "youth", dueDate: addDays(today, s * 3 - 10), doneAt: s < 4 ? Date.now() : null, position: s, createdBy: youth.id })
          .run();
      }
    }
  }
  for (let e = 0; e < 200; e++) {
    tx.insert(planEvents).values({ id: randomUUID(), planId: plan.id, actorId: youth.id, entity: "step", entityId: null, domain: "housing", action: "completed", after: { title: `Solis ${e}` }, createdAt: Date.now() - e * 60_000 }).run();
  }
});
const counts = {
  goals: db.select({ id: goals.id }).from(goals).where(eq(goals.planId, plan.id)).all().length,
  events: db.select({ id: planEvents.id }).from(planEvents).where(eq(planEvents.planId, plan.id)).all().length,
};
db.$client.close();

// SQL statements per page, counted in this process on the same database (what the loaders run).
const { getDb } = await import("~/utils/db.server");
const db2 = () => getDb().$client;
const plansModel = await import("~/models/plans.server");
const { getCaseSubject } = await import("~/models/young-people.server");
const { viewerOf } = await import("~/domain/policy");
const viewer = viewerOf({ id: youth.id, role: youth.role, organisationId: youth.organisationId }, getCaseSubject(record.id)!, today);
const client = getDb().$client;
const originalPrepare = client.prepare.bind(client);
let statements = 0;
client.prepare = ((source: string) => {
  statements++;
  return originalPrepare(source);
}) as typeof client.prepare;
const countStatements = (fn: () => unknown) => {
  statements = 0;
  fn();
  return statements;
};
const queryCounts = {
  overview: countStatements(() => plansModel.planOverview(plan.id, today)),
  domain: countStatements(() => plansModel.domainDetail(plan.id, "housing")),
  history: countStatements(() => plansModel.planHistory(plan.id, viewer, { limit: 300 })),
};

async function waitForServer(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/**
 * Times a page on both servers in one run, request by request in turn (so load on the shared machine
 * falls on both alike): with the audit append on every read, and without it (AUDIT_READS=off).
 */
async function timeBoth(pathname: string, cookies: { audited?: string; plain?: string }) {
  const once = async (base: string, cookie: string | undefined) => {
    const start = performance.now();
    const response = await fetch(`${base}${pathname}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Encoding": "gzip" } });
    if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
    await response.arrayBuffer();
    return performance.now() - start;
  };
  const audited: number[] = [];
  const plain: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    audited.length = 0;
    plain.length = 0;
    for (let i = 0; i < ROUNDS; i++) {
      audited.push(await once(BASE, cookies.audited));
      plain.push(await once(PLAIN_BASE, cookies.plain));
    }
  }
  const stats = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return { median: at(0.5), p95: at(0.95) };
  };
  return { audited: stats(audited), plain: stats(plain) };
}

const PLAIN_BASE = `http://localhost:${PORT + 1}`;
const server = spawn("npm", ["run", "serve"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0" },
  stdio: "ignore",
  detached: true,
});
const plainServer = spawn("npm", ["run", "serve"], {
  env: { ...process.env, PORT: String(PORT + 1), DATABASE_PATH: path, SEED_DEMO: "0", AUDIT_READS: "off" },
  stdio: "ignore",
  detached: true,
});
async function logIn(base: string) {
  const login = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: "youth.transition@demo.test", password: "tilts-demo-parole" }),
  });
  return login.headers.get("set-cookie")!.split(";")[0]!;
}
try {
  await waitForServer(BASE);
  await waitForServer(PLAIN_BASE);
  const cookies = { audited: await logIn(BASE), plain: await logIn(PLAIN_BASE) };
  console.log(`plan: ${counts.goals} goals, ${counts.goals * 10 - 0} steps (+ demo), ${counts.events} history entries`);
  console.log(`SQL statements: overview ${queryCounts.overview}, domain page ${queryCounts.domain}, history ${queryCounts.history}`);
  console.log("page                         with audit append: median ms  p95 ms | without: median ms  p95 ms");
  for (const [name, pathname, withCookie] of [
    ["bare route (/healthz)", "/healthz", false],
    ["plan overview", `/plan/${record.id}`, true],
    ["domain page (housing)", `/plan/${record.id}/housing`, true],
    ["history (300 newest)", `/plan/${record.id}/history`, true],
    ["young person's home", "/", true],
  ] as const) {
    const t = await timeBoth(pathname, withCookie ? cookies : {});
    console.log(
      `${name.padEnd(28)} ${t.audited.median.toFixed(2).padStart(26)} ${t.audited.p95.toFixed(2).padStart(7)} | ${t.plain.median.toFixed(2).padStart(17)} ${t.plain.p95.toFixed(2).padStart(7)}`,
    );
  }
  const audited = db2().prepare("SELECT count(*) AS n FROM audit_log WHERE kind = 'read'").get() as { n: number };
  console.log(`(${ROUNDS} requests per page and server after a warm-up, one client, gzip, times include HTTP on loopback; ${audited.n} reads logged)`);
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  if (plainServer.pid) process.kill(-plainServer.pid, "SIGTERM");
}

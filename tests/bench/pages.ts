/**
 * The page benchmark (not a test; docs/benchmarks.md): one run against the built server
 * (`scripts/serve.sh`, one node process, as in production) on a demo database whose two mentored plans
 * (Jānis and Marta) are large: 7 domains × 20 goals × 10 steps each. For every page of issue 9's table,
 * next to `/healthz` and a bare Remix page of the same build (/bench-bare, served only with
 * TILTS_BENCH_BARE=1), all requests gzip-compressed over keep-alive connections on loopback:
 *  - one client: median and p95 of sequential requests after a warm-up;
 *  - 20 clients: requests per second;
 *  - ratios to the bare page (budget: median ≤ 2×, p95 ≤ 3×, req/s ≥ 0.5×);
 *  - bytes: the compressed HTML on the wire, HTML + CSS gzip (≤ 30 KB), JS gzip (≤ 120 KB), NUL bytes;
 *  - the server's RSS at idle, under the 20 clients (peak) and idle again afterwards.
 * Run `npm run build` first. BENCH_ROUNDS, BENCH_SECONDS and BENCH_PORT tune it.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { goals, plans, users, youngPeople } from "../../db/schema";
import { benchPages } from "./built-server";
import { demoDatabase } from "./demo";
import { makePlanLarge } from "./large-plans";

const PORT = Number(process.env.BENCH_PORT ?? 3213);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CLIENTS = 20;

const { path, db, today, youth, plan, record } = await demoDatabase("pages");
const { firstGoalId } = makePlanLarge(db, plan.id, youth.id, today, { events: 200, comments: 10 });
const marta = db.select().from(users).where(eq(users.email, "youth.aftercare@demo.test")).get()!;
const martaRecord = db.select().from(youngPeople).where(eq(youngPeople.userId, marta.id)).get()!;
const martaPlan = db.select().from(plans).where(eq(plans.youngPersonId, martaRecord.id)).get()!;
makePlanLarge(db, martaPlan.id, marta.id, today);
const goalCount = db.select({ id: goals.id }).from(goals).all().length;
db.$client.close();

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

interface Reply {
  status: number;
  wire: number;
  body: Buffer;
  encoding: string | undefined;
}

function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: PORT, path: pathname, agent, headers: { "Accept-Encoding": "gzip", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        resolve({ status: response.statusCode ?? 0, wire: raw.length, body: encoding === "gzip" ? gunzipSync(raw) : raw, encoding });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

async function login(email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: "tilts-demo-parole", redirectTo: "/" }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/login",
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: `http://localhost:${PORT}`,
          Host: `localhost:${PORT}`,
          "Sec-Fetch-Site": "same-origin",
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        const cookie = response.headers["set-cookie"]?.find((c) => c.startsWith("tilts_session") || c.includes("session"))?.split(";")[0];
        response.on("end", () => (cookie ? resolve(cookie) : reject(new Error(`login failed for ${email}: ${response.statusCode}`))));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** The server process's CPU time so far (user + system), ms: what a request costs whatever the machine's load. */
function serverCpuMs(): number {
  const fields = readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

async function oneClient(pathname: string, cookie?: string) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  for (let i = 0; i < 30; i++) await get(pathname, headers);
  const cpuStart = serverCpuMs();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const reply = await get(pathname, headers);
    times.push(performance.now() - start);
    if (reply.status !== 200) throw new Error(`${pathname}: ${reply.status}`);
  }
  const cpu = (serverCpuMs() - cpuStart) / ROUNDS;
  times.sort((a, b) => a - b);
  return { median: at(times, 0.5), p95: at(times, 0.95), cpu };
}

let peakRss = 0;
let serverPid = 0;
function rssMb(): number {
  const status = readFileSync(`/proc/${serverPid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function twentyClients(pathname: string, cookie?: string) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 100);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const reply = await get(pathname, headers);
        if (reply.status !== 200) throw new Error(`${pathname}: ${reply.status}`);
        done++;
      }
    }),
  );
  clearInterval(sampler);
  return done / ((performance.now() - start) / 1000);
}

const gz = (data: Buffer | string) => gzipSync(data).length;
const assetCache = new Map<string, number>();
async function assetGzip(href: string): Promise<number> {
  if (!assetCache.has(href)) assetCache.set(href, gz((await get(href, { "Accept-Encoding": "identity" })).body));
  return assetCache.get(href)!;
}

async function weight(pathname: string, cookie?: string) {
  const reply = await get(pathname, cookie ? { Cookie: cookie } : undefined);
  const html = reply.body.toString("utf8");
  const scripts = new Set([...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((m) => m[1]!));
  const styles = new Set([...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!));
  let js = 0;
  for (const src of scripts) js += await assetGzip(src);
  let css = 0;
  for (const href of styles) css += await assetGzip(href);
  return { status: reply.status, wire: reply.wire, encoding: reply.encoding ?? "none", htmlGzip: gz(reply.body), css, js, nul: reply.body.includes(0) };
}

console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (${cpus().length} cores)`,
);
console.log(`database: ${goalCount} goals; Jānis's and Marta's plans 7 × 20 goals × 10 steps each`);

const server = spawn("sh", ["scripts/serve.sh"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0", TILTS_BENCH_BARE: "1", COOKIE_SECURE: "0" },
  stdio: "ignore",
});
serverPid = server.pid!;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await get("/healthz")).status === 200) break;
    } catch {
      if (i > 240) throw new Error("server did not start");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const rssStart = rssMb();
  const youthCookie = await login("youth.transition@demo.test");
  const mentorCookie = await login("mentor@demo.test");
  const specialistCookie = await login("specialist@demo.test");
  const leadCookie = await login("lead@demo.test");
  const pages = benchPages(record.id, firstGoalId, { youth: youthCookie, mentor: mentorCookie, specialist: specialistCookie });
  // Russian chosen above stays in the profile; switch back so the other pages are Latvian.
  const results = [];
  for (const [name, pathname, cookie] of pages) {
    const w = await weight(pathname, cookie);
    const one = await oneClient(pathname, cookie);
    const rps = await twentyClients(pathname, cookie);
    results.push({ name, ...w, ...one, rps });
  }
  await get(`/plan/${record.id}?lng=lv`, { Cookie: youthCookie });
  const rssLoaded = peakRss;
  await new Promise((r) => setTimeout(r, 5000));
  const rssIdle = rssMb();
  const bare = results[0]!;
  const healthz = results[1]!;
  const rule = "-".repeat(168);
  console.log(rule);
  console.log(
    "page                        median ms  p95 ms  req/s@20  cpu ms/req | ×bare med  ×bare p95  ×bare req/s  ×bare cpu  ×healthz req/s | wire B (enc)   HTML+CSS gz  JS gz   NUL",
  );
  console.log(rule);
  for (const r of results) {
    const ok = (v: number, limit: number, higher = false) => ((higher ? v >= limit : v <= limit) ? " " : "!");
    console.log(
      `${r.name.padEnd(27)} ${r.median.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(7)} ${r.rps.toFixed(0).padStart(9)} ${r.cpu.toFixed(2).padStart(11)} | ` +
        `${(r.median / bare.median).toFixed(2).padStart(8)}${ok(r.median / bare.median, 2)} ${(r.p95 / bare.p95).toFixed(2).padStart(9)}${ok(r.p95 / bare.p95, 3)} ` +
        `${(r.rps / bare.rps).toFixed(2).padStart(11)}${ok(r.rps / bare.rps, 0.5, true)} ${(r.cpu / bare.cpu).toFixed(2).padStart(9)}  ${(r.rps / healthz.rps).toFixed(2).padStart(14)} | ` +
        `${`${r.wire} (${r.encoding})`.padStart(13)} ${(r.htmlGzip + r.css).toString().padStart(12)}${ok(r.htmlGzip + r.css, 30_000)} ${r.js.toString().padStart(6)}${ok(r.js, 120_000)} ${r.nul ? "yes!" : "no"}`,
    );
  }
  console.log(rule);
  console.log(
    `("!" marks a budget missed; cpu ms/req is the server's user+system time over the one-client run, 10 ms ticks.) ${ROUNDS} sequential requests per page after 30 warm-up; ${CLIENTS} clients for ${SECONDS} s each; gzip, keep-alive, loopback.`,
  );
  // Every other page's weight (the JS budget is per page: 120 KB gzip).
  const mentoringContact = `/plan/${record.id}/mentoring/contact`;
  const others: Array<[string, string, string | undefined]> = [
    ["login", "/login", undefined],
    ["calendar", "/calendar", youthCookie],
    ["notifications", "/notifications", youthCookie],
    ["mentoring", `/plan/${record.id}/mentoring`, youthCookie],
    ["log a contact (mentor)", mentoringContact, mentorCookie],
    ["readiness", `/plan/${record.id}/readiness`, youthCookie],
    ["skills", `/plan/${record.id}/skills`, youthCookie],
    ["documents", `/plan/${record.id}/documents`, youthCookie],
    ["history", `/plan/${record.id}/history`, youthCookie],
    ["account", "/account", youthCookie],
    ["organisation: settings (lead)", "/organisation/settings", leadCookie],
    ["organisation: skills (lead)", "/organisation/skills", leadCookie],
    ["organisation: people (lead)", "/organisation/people", leadCookie],
    ["organisation: statistics", "/organisation/statistics", leadCookie],
  ];
  console.log(`${"other pages".padEnd(30)} ${"HTML+CSS gz".padStart(12)} ${"JS gz".padStart(8)}  NUL`);
  for (const [name, pathname, cookie] of others) {
    const w = await weight(pathname, cookie);
    console.log(
      `${name.padEnd(30)} ${String(w.htmlGzip + w.css).padStart(12)} ${String(w.js).padStart(8)}${w.js > 120_000 ? "!" : " "} ${w.nul ? "yes!" : "no"}${w.status === 200 ? "" : ` (answered ${w.status})`}`,
    );
  }
  console.log(
    `server RSS: ${rssStart.toFixed(0)} MB after start, ${rssLoaded.toFixed(0)} MB peak under ${CLIENTS} clients, ${rssIdle.toFixed(0)} MB idle 5 s later (MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "2 (scripts/serve.sh)"}; budget 200 MB)`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
} finally {
  server.kill("SIGTERM");
  agent.destroy();
}

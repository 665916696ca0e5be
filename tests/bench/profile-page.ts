/**
 * A CPU profile of one page under 20 clients (not a test; for finding where a page's time goes):
 * `npx tsx tests/bench/profile-page.ts [path]` builds the large-plan demo database of the page
 * benchmark, starts the built server with `--cpu-prof`, sends BENCH_REQUESTS requests (default 2,000)
 * from 20 clients as the transition young person (or as BENCH_AS, e.g. `BENCH_AS=mentor@demo.test` for
 * the mentor's home: then Marta's plan is made large too, as in the page benchmark), stops the server
 * and prints the functions with the most self time (CALLERS=<regexp>: which of the app's functions pay
 * for the matching ones). Run `npm run build` first.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { plans, users, youngPeople } from "../../db/schema";
import { demoDatabase } from "./demo";
import { makePlanLarge } from "./large-plans";

const PORT = Number(process.env.BENCH_PORT ?? 3219);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const { path, db, today, youth, plan, record } = await demoDatabase("profile");
const { firstGoalId } = makePlanLarge(db, plan.id, youth.id, today, { events: 200, comments: 10 });
const AS = process.env.BENCH_AS ?? youth.email;
if (process.env.BENCH_AS) {
  // The mentor's second mentee, large as well (tests/bench/pages.ts does the same).
  const marta = db.select().from(users).where(eq(users.email, "youth.aftercare@demo.test")).get()!;
  const martaRecord = db.select().from(youngPeople).where(eq(youngPeople.userId, marta.id)).get()!;
  const martaPlan = db.select().from(plans).where(eq(plans.youngPersonId, martaRecord.id)).get()!;
  makePlanLarge(db, martaPlan.id, marta.id, today);
}
db.$client.close();
const page = (process.argv[2] ?? "/plan/:id").replace(":id", record.id).replace(":goal", firstGoalId);
const dir = mkdtempSync(join(tmpdir(), "tilts-prof-"));
const server = spawn("node", ["--cpu-prof", `--cpu-prof-dir=${dir}`, "build/server.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0", COOKIE_SECURE: "0" },
  stdio: ["ignore", "ignore", "inherit"],
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
function request(pathname: string, options: http.RequestOptions = {}, body?: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port: PORT, path: pathname, agent, ...options }, (response) => {
      response.resume();
      response.on("end", () => resolve(response));
    });
    r.on("error", reject);
    r.end(body);
  });
}
for (let i = 0; ; i++) {
  try {
    if ((await request("/healthz")).statusCode === 200) break;
  } catch {
    if (i > 300) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}
const body = new URLSearchParams({ email: AS, password: "tilts-demo-parole", redirectTo: "/" }).toString();
const login = await request(
  "/login",
  {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: `http://localhost:${PORT}`,
      Host: `localhost:${PORT}`,
      "Sec-Fetch-Site": "same-origin",
      "Content-Length": Buffer.byteLength(body),
    },
  },
  body,
);
const cookie = login.headers["set-cookie"]!.map((c) => c.split(";")[0]).join("; ");
let sent = 0;
const started = Date.now();
await Promise.all(
  Array.from({ length: 20 }, async () => {
    while (sent++ < REQUESTS) {
      const r = await request(page, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } });
      if (r.statusCode !== 200) throw new Error(`${page}: ${r.statusCode}`);
    }
  }),
);
const seconds = (Date.now() - started) / 1000;
server.kill("SIGTERM");
await new Promise((r) => server.on("exit", r));
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[]; samples: number[] };
const self = new Map<string, number>();
const total = profile.samples.length;
for (const node of profile.nodes) {
  const f = node.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules\/)?/, "")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
}
console.log(`${page}: ${REQUESTS} requests in ${seconds.toFixed(1)} s (${(REQUESTS / seconds).toFixed(0)} req/s); ${total} samples`);
for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
  console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
// CALLERS=<regexp>: for the samples whose own function (name and full file URL) matches, the nearest frame in the
// app's code (build/index.js or build/server.js) above them: which of our functions pays for e.g. drizzle.
if (process.env.CALLERS) {
  const pattern = new RegExp(process.env.CALLERS);
  const parent = new Map<number, Node>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const label = (n: Node) =>
    `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(node_modules\/)?/, "")}:${n.callFrame.lineNumber + 1}`;
  const callers = new Map<string, number>();
  let matched = 0;
  for (const node of profile.nodes) {
    if (!node.hitCount || !pattern.test(`${node.callFrame.functionName} ${node.callFrame.url}`)) continue;
    matched += node.hitCount;
    let up = parent.get(node.id);
    while (up && !/build\/(index|server)\.js$/.test(up.callFrame.url)) up = parent.get(up.id);
    const key = up ? label(up) : "(no app frame)";
    callers.set(key, (callers.get(key) ?? 0) + node.hitCount);
  }
  console.log(`\n${((100 * matched) / total).toFixed(1)}% of samples match ${pattern}; their nearest app frames:`);
  for (const [key, n] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
}
// INCLUSIVE=1: the functions with the most samples anywhere on their stack (each sample counted once per
// function): where a page's time goes, not only which leaf spends it.
if (process.env.INCLUSIVE) {
  const parent = new Map<number, Node>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: Node) =>
    `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(node_modules\/)?/, "")}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  for (const id of profile.samples) {
    const seen = new Set<string>();
    for (let n = byId.get(id); n; n = parent.get(n.id)) seen.add(label(n));
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
  }
  console.log("\ninclusive:");
  for (const [key, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCLUSIVE_TOP ?? 60)))
    console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
}
console.log(`profile: ${join(dir, file)}`);

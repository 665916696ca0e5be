/**
 * What each of decision 029's changes saves per call, in this process (not a test; less moved by the
 * machine's load than timing pages over HTTP): `npx tsx tests/bench/hot-paths.ts`.
 *  - the session check: lucia's validateSession (its drizzle adapter) against the prepared one;
 *  - t(): the header's and overview's kind of calls through a plain i18next instance and through the
 *    server's remembering one;
 *  - createStaticRouter with the build's routes, converted per call (unpatched) and once (patched);
 *  - decision 036: a document's loader data from json()'s text or its bytes, route matching and link
 *    resolution kept or done anew, the document as one Buffer or a stream read by the Express adapter.
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { demoDatabase } from "./demo";

const { youth } = await demoDatabase("hot-paths");
const { lucia, validateSession } = await import("~/utils/auth.server");
const { getDb } = await import("~/utils/db.server");
const { createI18n, i18nFor } = await import("~/utils/i18n");
const { resourcesFor } = await import("~/utils/i18n.server");

function time(label: string, n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(200, n); i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs CPU per call`);
  return us;
}
async function timeAsync(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs CPU per call`);
  return us;
}

console.log(`load average ${loadavg()[0]!.toFixed(1)} (${cpus().length} cores)`);
const sessionId = randomBytes(20).toString("hex");
const nowMs = Date.now();
getDb()
  .$client.prepare("INSERT INTO sessions (id, user_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
  .run(sessionId, youth.id, Math.floor(nowMs / 1000) + 7 * 24 * 3600, nowMs, nowMs);
await timeAsync("session: lucia validateSession (drizzle adapter)", 3000, () => lucia().validateSession(sessionId));
time("session: validateSession (one prepared statement)", 3000, () => validateSession(sessionId));

// The kind of calls a page's header and overview make: plain keys, counted ones, one with a name.
const calls: Array<[string, Record<string, unknown>?]> = [
  ["nav.home"],
  ["nav.calendar"],
  ["app.name"],
  ["notifications.navLabel"],
  ["language.label"],
  ["domains.housing.name"],
  ["domains.money.name"],
  ["domains.health.name"],
  ["plan.readiness.short"],
  ["plan.next"],
  ["plan.overdueCount", { count: 3 }],
  ["plan.goalsDone", { done: 2, count: 20 }],
  ["notifications.unread", { count: 4 }],
];
const plain = createI18n("lv", resourcesFor("lv")).getFixedT("lv", "common");
const remembering = i18nFor("lv").getFixedT("lv", "common");
time(`t(): ${calls.length} calls, plain i18next`, 5000, () => calls.forEach(([k, o]) => plain(k, o)));
time(`t(): ${calls.length} calls, the server's remembering t()`, 5000, () => calls.forEach(([k, o]) => remembering(k, o)));

const require = createRequire(import.meta.url);
const build = require("../../build/index.js") as { routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> };
const { UNSAFE_convertRoutesToDataRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
const { UNSAFE_mapRouteProperties } = require("react-router") as { UNSAFE_mapRouteProperties: never };
type R = { id: string; path?: string; index?: boolean; children?: R[] };
const tree = (parentId?: string): R[] =>
  Object.values(build.routes)
    .filter((r) => r.parentId === parentId)
    .map((r) => ({ id: r.id, path: r.path, index: r.index, children: r.index ? undefined : tree(r.id) }) as R);
const routes = tree(undefined);
console.log(`(${Object.keys(build.routes).length} routes in the build)`);
time("data routes: converted on every render (unpatched)", 2000, () =>
  UNSAFE_convertRoutesToDataRoutes(routes as never, UNSAFE_mapRouteProperties, undefined, {}),
);
const once = new WeakMap<object, unknown>();
time("data routes: kept per routes array (patched)", 2000, () => once.get(routes) ?? once.set(routes, {}));

// Decision 036: what every document pays in the framework, patched against the same work unpatched.
const router = require("@remix-run/router") as typeof import("@remix-run/router") & {
  resolveTo: (to: string, routePathnames: string[], locationPathname: string) => unknown;
};
const { randomUUID } = await import("node:crypto");
const { documentResponse } = await import("~/utils/document-body.server");
const { sendRemixResponse } = require("@remix-run/express/dist/server.js") as typeof import("@remix-run/express/dist/server.js");
const { Writable } = await import("node:stream");
// The server's fetch classes (app/server.ts installs them), not Node's own.
(await import("@remix-run/node")).installGlobals();
console.log("\ndecision 036:");
// A domain page's loader data: 20 goals of 10 steps (about 40 KB of JSON, Latvian titles).
const loaderData = {
  goals: Array.from({ length: 20 }, (_, g) => ({
    id: randomUUID(),
    title: `Mērķis ${g}: atrast dzīvokli un sarunāt īres līgumu`,
    steps: Array.from({ length: 10 }, (_, s) => ({ id: randomUUID(), title: `Solis ${s}: piezvanīt saimniekam`, dueDate: "2026-12-24", done: s % 2 === 0 })),
  })),
};
const jsonHeaders = { "Content-Type": "application/json; charset=utf-8" };
const handlerOf = (loader: () => Response) => router.createStaticHandler([{ id: "root", path: "/", loader }]);
const viaText = handlerOf(() => router.json(loaderData));
const viaBytes = handlerOf(() => new Response(JSON.stringify(loaderData), { headers: jsonHeaders }));
const documentRequest = new Request("http://localhost/");
await timeAsync("loader data: json() read back as bytes (unpatched)", 2000, () => viaBytes.query(documentRequest));
await timeAsync("loader data: json()'s kept text parsed (patched)", 2000, () => viaText.query(documentRequest));
const pagePath = `/plan/${randomUUID()}/housing`;
time("route matching: a new pathname each time (unpatched work)", 5000, () => router.matchRoutes(routes as never, `/plan/${randomUUID()}/housing`));
time("route matching: the same pathname again (kept matches)", 5000, () => router.matchRoutes(routes as never, pagePath));
const links = Array.from({ length: 30 }, () => `/plan/${randomUUID()}/goals/${randomUUID()}`);
let round = 0;
time("30 absolute links resolved, each new (unpatched work)", 2000, () => {
  round++;
  for (const link of links) router.resolveTo(`${link}?r=${round}`, ["/", "/plan/x"], "/plan/x");
});
time("30 absolute links resolved again (kept)", 2000, () => {
  for (const link of links) router.resolveTo(link, ["/", "/plan/x"], "/plan/x");
});
// A 170 KB document (Latvian text) handed to a writable the way the Express adapter does, and as one Buffer.
const html = `<!DOCTYPE html><html lang="lv"><body>${"<li>Solis: piezvanīt saimniekam un sarunāt īri</li>".repeat(3400)}</body></html>`;
const sink = () =>
  Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
    status: () => undefined,
    append: (_name: string, _value: string) => undefined,
    statusMessage: "",
  });
await timeAsync("document: string Response, stream read, write + flush (unpatched)", 1000, () =>
  sendRemixResponse(sink() as never, new Response(html, { headers: { "Content-Type": "text/html" } })),
);
await timeAsync("document: one Buffer, one end() (decision 036)", 1000, async () => {
  const response = documentResponse(html, { headers: { "Content-Type": "text/html" } });
  const out = sink();
  for (const [key, value] of response.headers.entries()) out.append(key, value);
  out.end((response as unknown as Record<symbol, Buffer>)[Symbol.for("tilts.documentBody")]);
});

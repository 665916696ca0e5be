/**
 * Profile (not a test): times each statement the statistics page runs, on an existing database
 * (`DATABASE_PATH=/tmp/…/scale.sqlite npx tsx tests/bench/statistics-statements.ts`, e.g. the one
 * `npm run bench:scale` leaves in /tmp), so a slow one can be told from load.
 */
import { loadavg } from "node:os";
const { installGlobals } = await import("@remix-run/node");
installGlobals();
const helpers = await import("../helpers/db");
const statistics = await import("~/routes/organisation.statistics");
const { getDb } = await import("~/utils/db.server");

const cookie = helpers.sessionCookieFor("lead@demo.test");
const run = () => statistics.loader(helpers.routeArgs(helpers.browserRequest(process.env.STATS_PATH ?? "/organisation/statistics", { cookie })));
const captured: Array<{ sql: string; args: unknown[] }> = [];
const client = getDb().$client;
const proto = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
const methods = ["all", "get", "run"] as const;
const originals = methods.map((m) => proto[m]!);
methods.forEach((m, i) => {
  proto[m] = function (this: { source: string }, ...args: unknown[]) {
    captured.push({ sql: this.source, args });
    return originals[i]!.apply(this, args);
  };
});
await run();
methods.forEach((m, i) => (proto[m] = originals[i]!));
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
for (const { sql, args } of captured) {
  const statement = client.prepare(sql);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    if (statement.reader) statement.all(...args);
    else continue;
    times.push(performance.now() - t0);
  }
  if (!times.length) continue;
  times.sort((a, b) => a - b);
  console.log(`${times[Math.floor(times.length / 2)]!.toFixed(2).padStart(8)} ms  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
  for (const row of client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>) console.log(`             ${row.detail}`);
}
process.exit(0);

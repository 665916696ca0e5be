/**
 * Benchmark (not a test): the statistics page, one care form and the CSV through the real loaders on an
 * existing database (`DATABASE_PATH=/tmp/…/scale.sqlite npx tsx tests/bench/statistics-page.ts`, e.g. the
 * one `npm run bench:scale` leaves in /tmp), so the same national-scale file can be measured before and
 * after a change (docs/proofs.md). Opening it applies pending migrations first (timed).
 */
import { loadavg } from "node:os";
const { installGlobals } = await import("@remix-run/node");
installGlobals();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const t0 = performance.now();
const { getDb } = await import("~/utils/db.server");
getDb();
const opened = performance.now() - t0;
const helpers = await import("../helpers/db");
const statistics = await import("~/routes/organisation.statistics");
const csv = await import("~/routes/organisation.statistics[.]csv");

const cookie = helpers.sessionCookieFor("lead@demo.test");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(`opened (and migrated) in ${(opened / 1000).toFixed(1)} s; load ${load()}`);
async function measure(name: string, run: () => Promise<unknown>) {
  const once = async () => {
    const value = await run().catch((e: unknown) => e);
    if (value instanceof Response) await value.text();
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(`  ${name.padEnd(34)} median ${at(0.5).toFixed(1).padStart(7)} ms, p95 ${at(0.95).toFixed(1).padStart(7)} ms (${ROUNDS} rounds)`);
}
const get = (path: string) => helpers.routeArgs(helpers.browserRequest(path, { cookie }));
await measure("statistics (whole organisation)", () => statistics.loader(get("/organisation/statistics")));
await measure("statistics (one care form)", () => statistics.loader(get("/organisation/statistics?careForm=residential")));
await measure("statistics CSV", () => csv.loader(get("/organisation/statistics.csv")));
console.log(`load ${load()}`);
process.exit(0);

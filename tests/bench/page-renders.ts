/**
 * What each benchmarked page costs as a whole document in this process (not a test; it prints numbers):
 * `npx tsx tests/bench/page-renders.ts`. The production build's request handler (build/index.js, as
 * app/server.ts runs it) answers a document request for each page of the page benchmark: loaders,
 * rendering and the hydration data, without HTTP or compression. What a change to a component saves,
 * with less of the machine's noise than timing pages over HTTP. BENCH_ONLY=<regexp> times only the
 * matching pages (for a CPU profile: `node --cpu-prof --import tsx tests/bench/page-renders.ts`).
 */
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";
import { benchPages, inProcessCookie, largePlansDatabase } from "./built-server";

// React's production build, as the server runs it (React picks its build when first imported, below).
process.env.NODE_ENV = "production";
const { record, firstGoalId } = await largePlansDatabase("page-renders");

const N = Number(process.env.BENCH_CALLS ?? 700);
const WARM = Number(process.env.BENCH_WARM ?? 200);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
process.env.TILTS_BENCH_BARE = "1";
const build = (await import(pathToFileURL(join(process.cwd(), "build/index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, "production");

async function page(path: string, cookie: string | undefined): Promise<number> {
  const headers: Record<string, string> = { "Accept-Language": "lv" };
  if (cookie) headers.Cookie = cookie;
  const response = await handle(new Request(new URL(path, "http://localhost:3000"), { headers }));
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

console.log(`load average ${loadavg()[0]!.toFixed(1)} (${cpus().length} cores); ${N} document requests each, in process, no HTTP, no compression`);
const cookies = {
  youth: await inProcessCookie("youth.transition@demo.test"),
  mentor: await inProcessCookie("mentor@demo.test"),
  specialist: await inProcessCookie("specialist@demo.test"),
};
// Each page's requests come in rounds spread over the run (every page once per round, in turn), and the
// page's cost is its median round: the machine's other work falls on a few rounds, not on one page.
const pages = benchPages(record.id, firstGoalId, cookies).filter(([name, path]) => path !== "/healthz" && (!only || only.test(name)));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const perRound = Math.max(1, Math.round(N / ROUNDS));
const rounds = new Map<string, number[]>();
const bytes = new Map<string, number>();
for (const [name, path, cookie] of pages) for (let i = 0; i < WARM; i++) bytes.set(name, await page(path, cookie));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, path, cookie] of pages) {
    const start = process.cpuUsage();
    for (let i = 0; i < perRound; i++) await page(path, cookie);
    const used = process.cpuUsage(start);
    rounds.set(name, [...(rounds.get(name) ?? []), (used.user + used.system) / perRound]);
  }
}
if (process.env.BENCH_VERBOSE) for (const [name, values] of rounds) console.log(name, values.map((v) => v.toFixed(0)).join(" "));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bare = rounds.has("bare Remix page") ? median(rounds.get("bare Remix page")!) : 0;
for (const [name] of pages) {
  const us = median(rounds.get(name)!);
  const spread = `${Math.min(...rounds.get(name)!).toFixed(0)}–${Math.max(...rounds.get(name)!).toFixed(0)}`;
  console.log(
    `${name.padEnd(28)} ${us.toFixed(0).padStart(6)} µs CPU per page (rounds ${spread.padStart(11)})${bare ? `${(us / bare).toFixed(2).padStart(6)}× bare` : ""}  ${((bytes.get(name) ?? 0) / 1024).toFixed(1).padStart(6)} KB`,
  );
}
const kept = (globalThis as Record<symbol, { kept: number; rendered: number; notKept: number } | undefined>)[Symbol.for("tilts.keptPage")];
if (kept) console.log(`pages: kept ${kept.kept} times, rendered ${kept.rendered} (not kept: ${kept.notKept}); TILTS_KEPT_PAGE=0 renders every page`);

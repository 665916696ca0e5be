/**
 * Server CPU per request of a few pages under node flags of your choice (not a test; for A/B runs of
 * the server's settings, decision 029): `npx tsx tests/bench/cpu-per-request.ts [node flags...]`.
 * Builds the page benchmark's large-plan database, starts `node <flags> build/server.js` like
 * scripts/serve.sh (MALLOC_ARENA_MAX=2), and for each page sends BENCH_REQUESTS (default 600) requests
 * from 4 clients after a warm-up, printing the server process's user + system CPU per request (from
 * /proc, so what other processes on the machine do barely moves it) and its peak RSS. Run
 * `npm run build` first.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { loadavg } from "node:os";
import { largePlansDatabase, loginCookie, request, untilHealthy } from "./built-server";

const PORT = Number(process.env.BENCH_PORT ?? 3215);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const { path, youth, record, firstGoalId } = await largePlansDatabase("cpu");
const flags = process.argv.slice(2);
const server = spawn("node", [...flags, "build/server.js"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    MALLOC_ARENA_MAX: "2",
    PORT: String(PORT),
    DATABASE_PATH: path,
    SEED_DEMO: "0",
    COOKIE_SECURE: "0",
    TILTS_BENCH_BARE: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const get = (pathname: string, options: http.RequestOptions = {}) => request(PORT, pathname, { agent, ...options });
const cpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;
try {
  await untilHealthy(PORT);
  const cookie = await loginCookie(PORT, youth.email, agent);
  const pages = ["/bench-bare", `/plan/${record.id}`, `/plan/${record.id}/housing`, `/plan/${record.id}/goals/${firstGoalId}`, "/"];
  let peak = 0;
  console.log(`flags: ${flags.join(" ") || "(none)"}; load average ${loadavg()[0]!.toFixed(1)}`);
  for (const page of pages) {
    const run = async (n: number) => {
      let sent = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (sent++ < n) {
            const r = await get(page, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } });
            if (r.status !== 200) throw new Error(`${page}: ${r.status}`);
            peak = Math.max(peak, rssMb());
          }
        }),
      );
    };
    await run(100);
    const before = cpuMs();
    await run(REQUESTS);
    console.log(`${page.replace(record.id, ":id").replace(firstGoalId, ":goal").padEnd(24)} ${((cpuMs() - before) / REQUESTS).toFixed(2)} ms CPU/request`);
  }
  console.log(`peak RSS ${peak.toFixed(0)} MB; load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  server.kill("SIGTERM");
}

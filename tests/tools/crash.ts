/**
 * `npm run crash`: crash safety of the real server (issue 15). A write load (comments on Jānis's goals
 * from several simulated phones) runs against the built server, which is killed with SIGKILL at a random
 * moment, again and again (CRASH_KILLS, default 100). After every kill: `PRAGMA integrity_check` and
 * `foreign_key_check` on the database, and every write the server acknowledged (answered 302) must be
 * there. Prints kills, acknowledged writes and losses; exits 1 on any loss or damage.
 */
import Database from "better-sqlite3";
import { assertBuilt, startServer } from "./built-server";
import { demoDatabase, planOf, randomUUID, sessionCookie } from "./demo-database";

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 6);
const PORT = Number(process.env.CRASH_PORT ?? 3190);

assertBuilt();
const { path, db } = await demoDatabase("crash");
const janis = planOf(db, "youth.transition@demo.test");
const cookies = Array.from({ length: WRITERS }, () => sessionCookie(db, "youth.transition@demo.test"));
db.$client.close();

const acknowledged: string[] = [];
let attempted = 0;
let lost = 0;
let damaged = 0;
const started = Date.now();

async function writer(baseUrl: string, cookie: string, tag: string, stop: { now: boolean }) {
  for (let n = 0; !stop.now; n++) {
    const body = `crash ${tag}-${n} ${randomUUID()}`;
    const goalId = janis.goalIds[n % janis.goalIds.length]!;
    attempted++;
    try {
      const response = await fetch(`${baseUrl}/plan/${janis.youngPersonId}/goals/${goalId}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "comment", body, clientToken: randomUUID() }),
      });
      await response.arrayBuffer();
      if (response.status === 302) acknowledged.push(body);
      else if (response.status >= 500) throw new Error(`HTTP ${response.status} before the kill`);
    } catch (error) {
      // A refused or reset connection is the kill arriving: that write was never acknowledged.
      if (error instanceof Error && error.message.startsWith("HTTP ")) throw error;
      if (stop.now) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

for (let kill = 1; kill <= KILLS; kill++) {
  const server = await startServer({ port: PORT, databasePath: path });
  const stop = { now: false };
  const writers = cookies.map((cookie, i) => writer(server.baseUrl, cookie, `${kill}.${i}`, stop));
  await new Promise((r) => setTimeout(r, 100 + Math.random() * 900));
  process.kill(server.pid, "SIGKILL");
  await server.exited;
  stop.now = true;
  await Promise.all(writers);

  const check = new Database(path);
  try {
    const integrity = (check.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const foreign = check.pragma("foreign_key_check") as unknown[];
    if (integrity.join() !== "ok" || foreign.length > 0) {
      damaged++;
      console.error(`kill ${kill}: integrity ${integrity.join("; ")}, ${foreign.length} broken foreign keys`);
    }
    const stored = new Set((check.prepare("SELECT body FROM goal_comments WHERE body LIKE 'crash %'").all() as Array<{ body: string }>).map((r) => r.body));
    const missing = acknowledged.filter((body) => !stored.has(body));
    if (missing.length > lost) console.error(`kill ${kill}: ${missing.length - lost} acknowledged writes lost, e.g. ${missing.at(-1)}`);
    lost = missing.length;
  } finally {
    check.close();
  }
  if (kill % 10 === 0) console.log(`crash: ${kill} kills, ${acknowledged.length} acknowledged writes, ${lost} lost`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `crash: ${KILLS} SIGKILLs during a write load of ${WRITERS} clients; ${attempted} writes sent, ${acknowledged.length} acknowledged, ${lost} acknowledged writes lost, ${damaged} integrity failures (${seconds} s)`,
);
process.exit(lost > 0 || damaged > 0 ? 1 : 0);

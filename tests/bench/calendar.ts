/**
 * Benchmark (not a test) for a calendar feed of 1,000 events (DESIGN.md budget: ≤ 20 ms). The demo young
 * person's plan gets 140 more goals with 6 steps each (plus the demo's own items and a timed meeting),
 * then the feed is generated in this process many times — token lookup, items, events, iCalendar text,
 * hash; written anew, and unchanged since the last fetch (cached text) — and fetched over HTTP from the
 * built server. Prints median and p95 ms, the SQL statements per
 * feed, and the size (plain and gzip). Run `npm run build` first (for the HTTP part).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { Agent } from "node:http";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import ical, { ICalAlarmType } from "ical-generator";
import { goals, mentorContacts, mentorships, steps } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { DOMAINS } from "~/domain/vocabulary";
import { request } from "./built-server";
import { demoDatabase } from "./demo";

const PORT = Number(process.env.BENCH_CALENDAR_PORT ?? 3215);
const BASE = `http://localhost:${PORT}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const { path, db: setup, today, youth, record, plan } = await demoDatabase("calendar");
const mentorship = setup.select().from(mentorships).where(eq(mentorships.youngPersonId, record.id)).get()!;
setup.transaction((tx) => {
  for (const domain of DOMAINS) {
    for (let g = 0; g < 20; g++) {
      const goalId = randomUUID();
      tx.insert(goals)
        .values({
          id: goalId,
          planId: plan.id,
          domain,
          title: `Mērķis ${domain} ${g + 1}: sarunāt, uzzināt un izdarīt`,
          owner: "youth",
          dueDate: addDays(today, g * 9 - 60),
          status: "in_progress",
          position: 100 + g,
          createdBy: youth.id,
        })
        .run();
      for (let s = 0; s < 6; s++) {
        tx.insert(steps)
          .values({
            id: randomUUID(),
            goalId,
            title: `Solis ${s + 1}: piezvanīt, aiziet, aizpildīt iesniegumu`,
            owner: s % 3 === 0 ? "mentor" : "youth",
            dueDate: addDays(today, g * 9 + s * 2 - 60),
            position: s,
            createdBy: youth.id,
          })
          .run();
      }
    }
  }
  tx.insert(mentorContacts)
    .values({
      id: randomUUID(),
      mentorshipId: mentorship.id,
      youngPersonId: record.id,
      authorId: mentorship.mentorId,
      contactOn: today,
      made: true,
      channel: "phone",
      topics: ["housing"],
      nextMeetingOn: addDays(today, 10),
      nextMeetingTime: "17:30",
    })
    .run();
});
setup.$client.close();

const feeds = await import("~/models/calendar-feeds.server");
const items = await import("~/models/calendar-items.server");
const calendar = await import("~/domain/calendar");

const { countExecutions } = await import("../helpers/db");

const { token } = feeds.newFeedToken(youth.id, "youth", Date.now());

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Wall-clock median and p95, and the median CPU time of this process (less sensitive to a busy machine). */
function measure(fn: () => unknown, rounds = ROUNDS) {
  for (let i = 0; i < 30; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...stats(times), cpu: stats(cpu).median };
}

const origin = "https://tilts.example";
const line = (name: string, t: { median: number; p95: number; cpu?: number }, extra = "") =>
  console.log(
    `${name.padEnd(44)} ${t.median.toFixed(2).padStart(8)} ${t.p95.toFixed(2).padStart(8)} ${t.cpu === undefined ? "" : t.cpu.toFixed(2).padStart(8)}  ${extra}`,
  );

console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (${cpus().length} cores)`,
);
for (const fullTitles of [false, true]) {
  feeds.setFullTitles(youth.id, "youth", fullTitles);
  const { result: text, count } = await countExecutions(() => feeds.feedText(feeds.feedByToken(token)!, origin, today));
  const bytes = Buffer.byteLength(text.body);
  const gzip = gzipSync(text.body).length;
  console.log(
    `\nfeed of ${text.events} events, ${fullTitles ? "full" : "generic"} titles: ${bytes.toLocaleString("en")} bytes (${gzip.toLocaleString("en")} gzip), ${count} SQL statements + a write at most once a minute`,
  );
  console.log(`${"".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"cpu med".padStart(8)}  (ms, ${ROUNDS} runs after a warm-up)`);
  // A different address each run, so every run writes the text anew (the feed cache keys on it).
  let run = 0;
  line(
    "whole feed, written anew each time",
    measure(() => feeds.feedText(feeds.feedByToken(token)!, `https://r${run++}.tilts.example`, today)),
  );
  line(
    "whole feed, unchanged since the last fetch",
    measure(() => feeds.feedText(feeds.feedByToken(token)!, origin, today)),
  );
  const owner = feeds.feedByToken(token)!.owner;
  const records = items.linkedRecords(owner, today);
  line(
    "  of which: the two item queries",
    measure(() => items.recordItems(items.linkedRecords(owner, today), { from: calendar.feedStart(today) }, today)),
  );
  const loaded = items.recordItems(records, { from: calendar.feedStart(today) }, today);
  const context = { perspective: "own" as const, fullTitles, names: new Map(records.map((r) => [r.id, r.displayName])) };
  line(
    "  of which: choosing events (pure)",
    measure(() => calendar.feedEvents("youth", owner.id, loaded, context)),
  );
}

// What ical-generator 10's own calendar.toString() costs for the same number of events (decision 008).
const naive = () => {
  const cal = ical({ name: "Tilts — mans plāns", ttl: 3600 });
  for (let i = 0; i < 1000; i++) {
    const event = cal.createEvent({
      id: `step-${i}@tilts`,
      stamp: new Date(1_700_000_000_000),
      start: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      allDay: true,
      summary: "Tilts: mājokļa termiņš",
      url: `${origin}/plan/${record.id}/goals/${record.id}`,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 54_000 });
  }
  return cal.toString();
};
line("\nical-generator's own toString(), 1,000 events", measure(naive, 10), "(10 runs: why we fold lines ourselves)");

if (!existsSync("build/index.js")) {
  console.log("\n(no build/: run `npm run build` for the HTTP numbers)");
} else {
  const server = spawn("sh", ["scripts/serve.sh"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path, SEED_DEMO: "0" },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${BASE}/healthz`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const url = `${BASE}/feeds/${token}/tilts.ics`;
    // node:http on a keep-alive connection, the bytes as they come (as tests/bench/pages.ts does): the
    // server's time and the wire's, not the client's gunzip of 600 KB (fetch decodes the body).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = async (headers: Record<string, string> = {}) => {
      const times: number[] = [];
      for (let round = 0; round < 2; round++) {
        times.length = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const start = performance.now();
          const reply = await request(PORT, `/feeds/${token}/tilts.ics`, { agent, headers });
          if (reply.status !== 200 && reply.status !== 304) throw new Error(`feed: ${reply.status}`);
          times.push(performance.now() - start);
        }
      }
      return stats(times);
    };
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    // fetch takes gzip and decodes it: the feed gzipped once (decision 042), not twice.
    const firstText = await first.text();
    if (first.headers.get("content-encoding") !== "gzip" || !firstText.startsWith("BEGIN:VCALENDAR")) throw new Error("the feed did not come gzipped once");
    console.log(`\nover HTTP (built server, loopback, one client)  ${"median".padStart(8)} ${"p95".padStart(8)}`);
    line("GET feed (gzip)", await http({ "Accept-Encoding": "gzip" }));
    line("GET feed with If-None-Match (304)", await http({ "If-None-Match": etag }));
    line(
      "bare route (/healthz)",
      await (async () => {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const start = performance.now();
          await request(PORT, "/healthz", { agent });
          times.push(performance.now() - start);
        }
        return stats(times);
      })(),
    );
  } finally {
    server.kill("SIGTERM");
  }
}
console.log(
  `\nload average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);

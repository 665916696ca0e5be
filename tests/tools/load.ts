/**
 * `npm run load`: 50 simulated people on mixed journeys for 60 s against the built server (issue 15):
 * young people open their home, plan and a domain, tick steps and comment; mentors open their dashboard
 * and a mentee's mentoring page and log contacts; specialists and the lead read caseloads and plans;
 * calendar apps poll feeds with If-None-Match. Every answer must be what a browser expects (no 5xx, no
 * unexpected status). Prints requests, errors, latency percentiles per journey step and the server's
 * RSS (idle, peak under load, and after). LOAD_USERS and LOAD_SECONDS change the size.
 */
import { assertBuilt, percentile, rssMb, startServer } from "./built-server";
import { demoDatabase, feedToken, ownStepsOf, planOf, randomUUID, sessionCookie } from "./demo-database";

const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3191);

assertBuilt();
const { path, db } = await demoDatabase("load");
const youth = ["youth.transition@demo.test", "youth.aftercare@demo.test", "youth.preparation@demo.test"].map((email) => ({
  email,
  ...planOf(db, email),
  steps: ownStepsOf(db, email),
}));
const marta = youth[1]!;
const janis = youth[0]!;
const feeds = [feedToken(db, janis.email, "youth"), feedToken(db, "mentor@demo.test", "mentor"), feedToken(db, "specialist@demo.test", "specialist")];

type Kind = "youth" | "mentor" | "specialist" | "calendar";
const KINDS: Kind[] = ["youth", "youth", "youth", "youth", "mentor", "mentor", "specialist", "specialist", "calendar", "calendar"];
const people = Array.from({ length: USERS }, (_, i) => {
  const kind = KINDS[i % KINDS.length]!;
  const email =
    kind === "youth" ? youth[i % youth.length]!.email : kind === "mentor" ? "mentor@demo.test" : i % 4 === 0 ? "lead@demo.test" : "specialist@demo.test";
  return { kind, email, cookie: kind === "calendar" ? "" : sessionCookie(db, email), index: i };
});
db.$client.close();

const server = await startServer({ port: PORT, databasePath: path, env: { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" } });
const base = server.baseUrl;
const timings = new Map<string, number[]>();
const errors: string[] = [];
let requests = 0;
let peakRss = 0;

async function call(step: string, url: string, init: RequestInit & { expect: number[]; cookie?: string }) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.method === "POST") {
    headers.set("Origin", base);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  headers.set("Accept-Encoding", "gzip");
  const started = performance.now();
  try {
    const response = await fetch(`${base}${url}`, { ...init, headers, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    requests++;
    (timings.get(step) ?? timings.set(step, []).get(step)!).push(ms);
    if (!init.expect.includes(response.status)) errors.push(`${step} ${url}: HTTP ${response.status} ${body.slice(0, 120)}`);
    return response;
  } catch (error) {
    requests++;
    errors.push(`${step} ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms * (0.5 + Math.random())));

async function journey(person: (typeof people)[number], until: number) {
  let n = 0;
  const etags = new Map<string, string>();
  while (Date.now() < until) {
    n++;
    const cookie = person.cookie;
    if (person.kind === "youth") {
      const mine = youth.find((y) => y.email === person.email)!;
      await call("youth: home", "/", { expect: [200], cookie });
      await call("youth: plan", `/plan/${mine.youngPersonId}`, { expect: [200], cookie });
      await call("youth: domain", `/plan/${mine.youngPersonId}/housing`, { expect: [200], cookie });
      const step = mine.steps[(person.index + n) % Math.max(1, mine.steps.length)];
      if (step) {
        await call("youth: tick", `/plan/${mine.youngPersonId}/step`, {
          method: "POST",
          cookie,
          expect: [302],
          body: new URLSearchParams({ stepId: step.id, done: n % 2 ? "1" : "0", returnTo: `/plan/${mine.youngPersonId}` }),
        });
      }
      const goalId = mine.goalIds[n % mine.goalIds.length];
      if (goalId && n % 3 === 0) {
        await call("youth: comment", `/plan/${mine.youngPersonId}/goals/${goalId}`, {
          method: "POST",
          cookie,
          expect: [302],
          body: new URLSearchParams({ intent: "comment", body: `Slodzes komentārs ${n}`, clientToken: randomUUID() }),
        });
      }
    } else if (person.kind === "mentor") {
      await call("mentor: dashboard", "/", { expect: [200], cookie });
      const mentee = n % 2 ? janis : marta;
      await call("mentor: mentoring page", `/plan/${mentee.youngPersonId}/mentoring`, { expect: [200], cookie });
      if (n % 2 === 0) {
        await call("mentor: log contact", `/plan/${mentee.youngPersonId}/mentoring/contact`, {
          method: "POST",
          cookie,
          expect: [302],
          body: new URLSearchParams({
            contactOn: new Date().toISOString().slice(0, 10),
            made: "yes",
            channel: "phone",
            durationMinutes: "15",
            note: `Zvans ${n}`,
          }),
        });
      }
    } else if (person.kind === "specialist") {
      await call("specialist: caseload", "/", { expect: [200], cookie });
      const record = youth[n % youth.length]!;
      await call("specialist: plan", `/plan/${record.youngPersonId}`, { expect: [200], cookie });
      await call("specialist: history", `/plan/${record.youngPersonId}/history`, { expect: [200], cookie });
    } else {
      const token = feeds[person.index % feeds.length]!;
      const url = `/feeds/${token}/tilts.ics`;
      const etag = etags.get(url);
      const response = await call("calendar: poll", url, { expect: [200, 304], headers: etag ? { "If-None-Match": etag } : {} });
      const next = response?.headers.get("ETag");
      if (next) etags.set(url, next);
    }
    await pause(person.kind === "calendar" ? 500 : 200);
  }
}

const idleRss = await rssMb(server.pid);
const sampler = setInterval(async () => (peakRss = Math.max(peakRss, await rssMb(server.pid))), 250);
const started = Date.now();
await Promise.all(people.map((person) => journey(person, started + SECONDS * 1000)));
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 5000));
const afterRss = await rssMb(server.pid);
process.kill(server.pid, "SIGTERM");
await server.exited;

console.log(
  `load: ${USERS} simulated people for ${elapsed.toFixed(0)} s: ${requests} requests (${(requests / elapsed).toFixed(0)}/s), ${errors.length} errors`,
);
console.log("step".padEnd(26) + "count".padStart(7) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "p99 ms".padStart(9) + "max ms".padStart(9));
for (const [step, values] of [...timings].sort()) {
  const sorted = [...values].sort((a, b) => a - b);
  const cells = [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.at(-1)!].map((v) => v.toFixed(1).padStart(9));
  console.log(step.padEnd(26) + String(values.length).padStart(7) + cells.join(""));
}
console.log(`server RSS: ${idleRss.toFixed(0)} MB idle before, ${peakRss.toFixed(0)} MB peak under load, ${afterRss.toFixed(0)} MB 5 s after`);
for (const error of errors.slice(0, 20)) console.error(`  error: ${error}`);
process.exit(errors.length > 0 ? 1 : 0);

/**
 * Benchmark (not a test) for the review pack (issue 11): a plan of 140 goals and 1,400 steps with a year
 * of history (plan events, readiness ratings, mentor contacts). Prints the pack's time in this process
 * (median and p95 of many runs) and its SQL statements with the demo's plan and the large one (must be
 * the same), the review page over HTTP next to a bare route, and the worklist's review entries for 60
 * young people. Run `npm run build` first.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { goals, mentorContacts, mentorships, planEvents, readinessRatings, reviews, steps, youngPeople } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { DOMAINS, OWNERS } from "~/domain/vocabulary";
import { demoDatabase } from "./demo";
import { benchServer } from "./http";

const PORT = Number(process.env.BENCH_PORT ?? 3212);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const GOALS = 140;
const STEPS_PER_GOAL = 10;

const { path, db, today, youth, record, plan } = await demoDatabase("reviews");

const { getDb } = await import("~/utils/db.server");
const { viewerOf } = await import("~/domain/policy");
const { getCaseSubject } = await import("~/models/young-people.server");
const model = await import("~/models/reviews.server");

/** Statements executed while `fn` runs (prepared now or reused), by watching better-sqlite3's Statement methods. */
function executions(fn: () => unknown): number {
  type Method = (...args: unknown[]) => unknown;
  const proto = Object.getPrototypeOf(getDb().$client.prepare("SELECT 1")) as Record<string, Method>;
  const names = ["all", "get", "run", "iterate"];
  const originals = names.map((m) => proto[m]!);
  let count = 0;
  names.forEach((m, i) => {
    proto[m] = function (this: unknown, ...args: unknown[]) {
      count++;
      return originals[i]!.apply(this, args);
    };
  });
  try {
    fn();
  } finally {
    names.forEach((m, i) => (proto[m] = originals[i]!));
  }
  return count;
}

const specialistId = record.specialistId!;
const upcoming = db
  .select()
  .from(reviews)
  .where(eq(reviews.youngPersonId, record.id))
  .all()
  .find((r) => r.status === "scheduled")!;
function draft() {
  const subject = getCaseSubject(record.id)!;
  const viewer = viewerOf({ id: specialistId, role: "specialist", organisationId: subject.organisationId }, subject, today);
  const detail = model.reviewDetail(record.id, upcoming.id, viewer)!;
  return model.reviewPack(record.id, detail, viewer, today);
}
const before = executions(draft);

// A large plan: 140 goals × 10 steps, a year of events, ratings every month, weekly contacts.
const mentorship = db
  .select()
  .from(mentorships)
  .where(eq(mentorships.youngPersonId, record.id))
  .all()
  .find((m) => m.status === "active")!;
const yearAgo = Date.now() - 365 * 86_400_000;
db.transaction((tx) => {
  for (let g = 0; g < GOALS; g++) {
    const goalId = randomUUID();
    const createdAt = yearAgo + g * 2 * 86_400_000;
    const domain = DOMAINS[g % DOMAINS.length]!;
    tx.insert(goals)
      .values({
        id: goalId,
        planId: plan.id,
        domain,
        title: `Mērķis ${g + 1}`,
        owner: OWNERS[g % OWNERS.length]!,
        status: g % 5 === 0 ? "done" : g % 11 === 0 ? "dropped" : "in_progress",
        dueDate: addDays(today, (g % 90) - 30),
        position: 100 + g,
        createdBy: youth.id,
        createdAt,
      })
      .run();
    tx.insert(planEvents)
      .values({
        id: randomUUID(),
        planId: plan.id,
        actorId: youth.id,
        entity: "goal",
        entityId: goalId,
        domain,
        action: "created",
        after: { owner: "youth", dueDate: null },
        createdAt,
      })
      .run();
    if (g % 5 === 0)
      tx.insert(planEvents)
        .values({
          id: randomUUID(),
          planId: plan.id,
          actorId: youth.id,
          entity: "goal",
          entityId: goalId,
          domain,
          action: "completed",
          before: { status: "in_progress" },
          after: { status: "done" },
          createdAt: createdAt + 40 * 86_400_000,
        })
        .run();
    for (let s = 0; s < STEPS_PER_GOAL; s++) {
      const stepId = randomUUID();
      const done = s < 4;
      const stepAt = createdAt + s * 86_400_000;
      tx.insert(steps)
        .values({
          id: stepId,
          goalId,
          title: `Solis ${s + 1}`,
          owner: OWNERS[s % OWNERS.length]!,
          dueDate: addDays(today, s * 7 - 35),
          doneAt: done ? stepAt + 86_400_000 : null,
          position: s,
          createdBy: youth.id,
          createdAt: stepAt,
        })
        .run();
      tx.insert(planEvents)
        .values({
          id: randomUUID(),
          planId: plan.id,
          actorId: youth.id,
          entity: "step",
          entityId: stepId,
          domain,
          action: done ? "completed" : "created",
          after: { goalId },
          createdAt: stepAt,
        })
        .run();
    }
  }
  for (let m = 0; m < 12; m++) {
    for (const domain of DOMAINS) {
      for (const raterKind of ["youth", "adult"] as const) {
        tx.insert(readinessRatings)
          .values({
            id: randomUUID(),
            planId: plan.id,
            domain,
            raterId: raterKind === "youth" ? youth.id : specialistId,
            raterKind,
            value: 1 + ((m + domain.length + (raterKind === "adult" ? 3 : 0)) % 10),
            ratedOn: addDays(today, -30 * (12 - m)),
            createdAt: yearAgo + m * 30 * 86_400_000,
          })
          .run();
      }
    }
  }
  for (let w = 0; w < 52; w++) {
    tx.insert(mentorContacts)
      .values({
        id: randomUUID(),
        mentorshipId: mentorship.id,
        youngPersonId: record.id,
        authorId: mentorship.mentorId,
        contactOn: addDays(today, -7 * w),
        made: w % 6 !== 0,
        channel: "phone",
        durationMinutes: 30,
        topics: ["housing"],
      })
      .run();
  }
});
const size = {
  goals: db.select({ id: goals.id }).from(goals).where(eq(goals.planId, plan.id)).all().length,
  events: db.select({ id: planEvents.id }).from(planEvents).where(eq(planEvents.planId, plan.id)).all().length,
};
const after = executions(draft);

const times: number[] = [];
for (let i = 0; i < 20; i++) draft();
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  draft();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;

// The worklist's review entries for a caseload of 60.
const sixty = db
  .select({ id: youngPeople.id })
  .from(youngPeople)
  .limit(60)
  .all()
  .map((r) => r.id);
const worklistStatements = executions(() => model.reviewWorklistEntries(sixty, today));
const worklistTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  model.reviewWorklistEntries(sixty, today);
  worklistTimes.push(performance.now() - start);
}
worklistTimes.sort((a, b) => a - b);
db.$client.close();

console.log(`review pack: ${size.goals} goals, ${GOALS * STEPS_PER_GOAL}+ steps, ${size.events} plan events over a year`);
console.log(`SQL statements of the pack (review + pack): ${before} with the demo's plan, ${after} with the large plan`);
console.log(`pack in process: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (${ROUNDS} runs)`);
console.log(
  `worklist review entries for ${sixty.length} young people: ${worklistStatements} statements, median ${worklistTimes[Math.floor(ROUNDS / 2)]!.toFixed(2)} ms, p95 ${worklistTimes[Math.floor(ROUNDS * 0.95)]!.toFixed(2)} ms`,
);

const server = benchServer(PORT, path);
try {
  await server.ready();
  const cookie = await server.login("specialist@demo.test");
  console.log("page                         median ms   p95 ms");
  for (const [name, pathname, withCookie] of [
    ["bare route (/healthz)", "/healthz", false],
    ["plan overview (for scale)", `/plan/${record.id}`, true],
    ["review page with the pack", `/plan/${record.id}/reviews/${upcoming.id}`, true],
  ] as const) {
    const t = await server.time(pathname, ROUNDS, withCookie ? cookie : undefined);
    console.log(`${name.padEnd(28)} ${t.median.toFixed(2).padStart(9)} ${t.p95.toFixed(2).padStart(8)}`);
  }
  console.log(`(${ROUNDS} sequential requests per page after a warm-up, one client, times include HTTP on loopback)`);
} finally {
  server.stop();
}

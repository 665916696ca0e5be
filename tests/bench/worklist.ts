/**
 * Benchmark (not a test) for the specialist's home as a worklist (issue 11 item 9): the demo specialist
 * with 60 young people (54 added), each with a plan of 10 goals and 40 steps (some overdue, adult-owned),
 * documents, a help request for every third, well-being answers, mentors for half. Each round runs the
 * real home loader with the specialist's session in this process. Prints median and p95 ms and the SQL
 * statements (constant: tests/integration/help.test.ts checks 6 against 60).
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { eq } from "drizzle-orm";
import { goals, helpRequests, mentorships, planDocuments, plans, steps, users, wellbeingChecks, youngPeople } from "../../db/schema";
import { addDays, addMonths } from "~/domain/dates";
import { monthOf } from "~/domain/wellbeing";
import { DOMAINS, OWNERS } from "~/domain/vocabulary";
import { demoDatabase } from "./demo";

const ADDED = Number(process.env.BENCH_PEOPLE ?? 54);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

const { db, today } = await demoDatabase("worklist");
const specialist = db.select().from(users).where(eq(users.email, "specialist@demo.test")).get()!;
const mentorId = db.select().from(users).where(eq(users.email, "mentor@demo.test")).get()!.id;
db.transaction((tx) => {
  for (let i = 0; i < ADDED; i++) {
    const id = randomUUID();
    tx.insert(youngPeople)
      .values({
        id,
        organisationId: specialist.organisationId,
        displayName: `Bench ${i}`,
        dateOfBirth: addMonths(today, -(16 * 12 + (i % 30))),
        careForm: "foster_family",
        municipality: "Rīga",
        plannedCareEndDate: addMonths(today, (i % 24) - 4),
        specialistId: specialist.id,
      })
      .run();
    const planId = randomUUID();
    tx.insert(plans).values({ id: planId, youngPersonId: id }).run();
    for (let g = 0; g < 10; g++) {
      const goalId = randomUUID();
      tx.insert(goals)
        .values({ id: goalId, planId, domain: DOMAINS[g % DOMAINS.length]!, title: "Mērķis", status: "in_progress", position: g })
        .run();
      for (let s = 0; s < 4; s++) {
        tx.insert(steps)
          .values({ id: randomUUID(), goalId, title: "Solis", owner: OWNERS[(g + s) % OWNERS.length]!, dueDate: addDays(today, (s - 2) * 9), position: s })
          .run();
      }
    }
    tx.insert(planDocuments)
      .values({ id: randomUUID(), planId, kind: "passport", status: "have", expiresOn: addDays(today, (i % 120) - 20) })
      .run();
    if (i % 3 === 0)
      tx.insert(helpRequests)
        .values({ id: randomUUID(), youngPersonId: id, recipientId: specialist.id, message: `Palīdzi ${i}` })
        .run();
    for (let m = 0; m < 4; m++) {
      tx.insert(wellbeingChecks)
        .values({ id: randomUUID(), youngPersonId: id, month: monthOf(addMonths(today, -m)), score: 1 + ((i + m) % 5), answeredOn: addMonths(today, -m) })
        .run();
    }
    if (i % 2)
      tx.insert(mentorships)
        .values({ id: randomUUID(), youngPersonId: id, mentorId, startedOn: addMonths(today, -3) })
        .run();
  }
});
db.$client.close();

const { installGlobals } = await import("@remix-run/node");
installGlobals();
const helpers = await import("../helpers/db");
const { loader } = await import("~/routes/_index");
const cookie = helpers.sessionCookieFor("specialist@demo.test");

const call = async () => {
  const response = await loader(helpers.routeArgs(helpers.browserRequest("/", { cookie })) as never);
  const text = await response.text();
  return text;
};
const first = JSON.parse(await call()) as { home: { caseload: unknown[] } };
const counted = await helpers.countExecutions(call);
const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const t0 = performance.now();
  await call();
  times.push(performance.now() - t0);
}
const sorted = [...times].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
console.log(
  `Worklist bench: the specialist's home with ${first.home.caseload.length} young people (${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}; ${ROUNDS} rounds)`,
);
console.log(`  specialist's home (worklist)        median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, ${counted.count} SQL statements`);
process.exit(0);

/**
 * Benchmark (not a test) for the statistics page and its CSV on a national-scale organisation (DESIGN.md
 * budget: ≤ 200 ms): 10,000 young people, 1,000 active mentorships and 200,000 goals (a fifth done)
 * added to the demo organisation. Each round runs the real loader with a lead's session, in this
 * process (the same code the built server runs). Prints median and p95 ms and the SQL statements.
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { eq } from "drizzle-orm";
import { erasures, goals, mentorships, plans, users, youngPeople } from "../../db/schema";
import { addDays, addMonths } from "~/domain/dates";
import { CARE_FORMS, DOMAINS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES } from "~/domain/vocabulary";
import { demoDatabase } from "./demo";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
/** Records erased after their retention, counted from what `erasures` keeps. */
const ERASED = Number(process.env.BENCH_ERASED ?? 2_000);
const GOALS_PER_PERSON = Number(process.env.BENCH_GOALS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const MUNICIPALITIES = [
  "Rīga",
  "Daugavpils",
  "Liepāja",
  "Jelgava",
  "Jūrmala",
  "Ventspils",
  "Rēzekne",
  "Valmieras novads",
  "Cēsu novads",
  "Ogres novads",
  "Tukuma novads",
  "Talsu novads",
  "Ludzas novads",
  "Alūksnes novads",
  "Balvu novads",
];

const { db, today } = await demoDatabase("statistics");
const organisationId = db.select().from(users).where(eq(users.email, "lead@demo.test")).get()!.organisationId;
const mentorId = db.select().from(users).where(eq(users.email, "mentor2@demo.test")).get()!.id;
const started = Date.now();
db.transaction((tx) => {
  for (let i = 0; i < PEOPLE; i++) {
    const id = randomUUID();
    // Birthdays spread over ten years, day by day (about 3,600 distinct dates, as in real data).
    const dateOfBirth = addDays(today, -(15 * 365 + ((i * 37) % 3600)));
    const careEnd = addMonths(dateOfBirth, 18 * 12 + (i % 4) * 6);
    tx.insert(youngPeople)
      .values({
        id,
        organisationId,
        displayName: `Bench ${i}`,
        dateOfBirth,
        careForm: CARE_FORMS[i % CARE_FORMS.length]!,
        // A long tail: the last municipalities are small.
        municipality: MUNICIPALITIES[Math.min(MUNICIPALITIES.length - 1, Math.floor(Math.sqrt(i % 225)))]!,
        plannedCareEndDate: careEnd,
        actualCareEndDate: careEnd < today ? careEnd : null,
        educationStatus: i % 7 === 0 ? null : EDUCATION_STATUSES[i % EDUCATION_STATUSES.length]!,
        employmentStatus: i % 5 === 0 ? null : EMPLOYMENT_STATUSES[i % EMPLOYMENT_STATUSES.length]!,
        specialNeeds: i % 11 === 0 ? "yes" : i % 3 === 0 ? null : "no",
      })
      .run();
    const planId = randomUUID();
    tx.insert(plans).values({ id: planId, youngPersonId: id }).run();
    for (let g = 0; g < GOALS_PER_PERSON; g++) {
      tx.insert(goals)
        .values({ id: randomUUID(), planId, domain: DOMAINS[g % DOMAINS.length]!, title: "Mērķis", status: g % 5 === 0 ? "done" : "in_progress", position: g })
        .run();
    }
    if (i % 10 === 0) tx.insert(mentorships).values({ id: randomUUID(), youngPersonId: id, mentorId, status: "active", startedOn: today }).run();
  }
  for (let i = 0; i < ERASED; i++) {
    tx.insert(erasures)
      .values({
        id: randomUUID(),
        organisationId,
        mode: i % 3 === 0 ? "anonymise" : "erase",
        reason: "Glabāšanas termiņš beidzies",
        careForm: CARE_FORMS[i % CARE_FORMS.length]!,
        careEndYear: 2015 + (i % 6),
        municipality: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
        birthYear: 1997 + (i % 6),
        educationStatus: i % 4 === 0 ? null : EDUCATION_STATUSES[i % EDUCATION_STATUSES.length]!,
        stats: { [`goals.${DOMAINS[i % DOMAINS.length]}.done`]: 1 + (i % 3) },
      })
      .run();
  }
});
db.$client.close();
console.log(
  `Statistics bench: ${PEOPLE} young people, ${ERASED} erased records, ${PEOPLE * GOALS_PER_PERSON} goals, set up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const { installGlobals } = await import("@remix-run/node");
installGlobals();
const helpers = await import("../helpers/db");
const { loader: pageLoader } = await import("~/routes/organisation.statistics");
const { loader: csvLoader } = await import("~/routes/organisation.statistics[.]csv");
const cookie = helpers.sessionCookieFor("lead@demo.test");

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(name: string, path: string, run: (args: ReturnType<typeof helpers.routeArgs>) => Promise<Response>) {
  const call = async () => {
    const response = await run(helpers.routeArgs(helpers.browserRequest(path, { cookie })));
    await response.text();
    return response;
  };
  await call();
  const counted = await helpers.countExecutions(call);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  const { median, p95 } = stats(times);
  console.log(`  ${name.padEnd(34)} median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${counted.count} SQL statements (budget ≤ 200 ms)`);
}

console.log(
  `  (${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}; ${ROUNDS} rounds)`,
);
await measure("statistics page (whole organisation)", "/organisation/statistics", pageLoader as never);
await measure("statistics page (filter: Rīga)", "/organisation/statistics?municipality=R%C4%ABga", pageLoader as never);
await measure("statistics CSV", "/organisation/statistics.csv", csvLoader as never);
process.exit(0);

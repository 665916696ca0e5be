/**
 * Benchmark (not a test): a national-scale database (DESIGN.md: 10,000 young people, 500,000 goals,
 * 5 M audit rows) and the key pages on it, each through its real loader in this process (the code the
 * built server runs), with a session of the demo's people:
 *   specialist's caseload (budget p95 ≤ 50 ms), mentor's dashboard, lead's home, statistics (≤ 200 ms),
 *   a plan overview (Jānis's, and a generated record's with 50 goals), the mentor's calendar feed,
 *   notifications, and one access-log append (at the end of a 5 M row hash chain).
 *
 * The data is generated with SQL in a few transactions (recursive CTEs: no per-row JavaScript), so the
 * set-up takes seconds, not minutes. Added to the demo organisation: 400 specialists with 25 records
 * each (the demo specialist gets 25 more), 40 mentors, 1,000 active mentorships (10 more for the demo
 * mentor), 50 goals and 10 steps per record, 5 M audit rows spread over a year.
 *
 * BENCH_PEOPLE, BENCH_GOALS, BENCH_AUDIT and BENCH_ROUNDS scale it down (or up).
 */
import { cpus, loadavg } from "node:os";
import { statSync } from "node:fs";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { demoDatabase } from "./demo";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const GOALS_PER_PERSON = Number(process.env.BENCH_GOALS ?? 50);
const STEPS_PER_PERSON = 10;
const AUDIT_ROWS = Number(process.env.BENCH_AUDIT ?? 5_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SPECIALISTS = 400;
const MENTORS = 40;

const { db, today, path } = await demoDatabase("scale");
const id = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;
const organisationId = id("lead@demo.test").organisationId;
const demoSpecialist = id("specialist@demo.test").id;
const demoMentor = id("mentor@demo.test").id;
const janisUser = id("youth.transition@demo.test").id;
const client = db.$client;

function timed(label: string, run: () => void) {
  const t0 = performance.now();
  run();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

console.log(`Scale bench: ${PEOPLE} young people, ${PEOPLE * GOALS_PER_PERSON} goals, ${PEOPLE * STEPS_PER_PERSON} steps, ${AUDIT_ROWS} audit rows`);
console.log(
  `  (${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`,
);
const uuid = (prefix: string, expr: string) => `printf('%08x-0000-4000-${prefix}-%012x', ${expr}, ${expr})`;
const started = performance.now();
// A bench database: no rollback journal and no fsync while it is generated (WAL again afterwards).
client.pragma("journal_mode = OFF");
client.pragma("synchronous = OFF");
timed("people, records, plans, mentorships", () =>
  client.transaction(() => {
    client.exec(`CREATE TEMP TABLE n (i INTEGER PRIMARY KEY)`);
    client.exec(
      `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${Math.max(PEOPLE, GOALS_PER_PERSON, SPECIALISTS + MENTORS) - 1}) INSERT INTO n SELECT i FROM s`,
    );
    client
      .prepare(
        `INSERT INTO users (id, organisation_id, email, password_hash, display_name, role)
         SELECT 'bench-staff-' || i, ?, 'staff' || i || '@bench.test', 'x', 'Bench staff ' || i, CASE WHEN i < ${SPECIALISTS} THEN 'specialist' ELSE 'mentor' END
         FROM n WHERE i < ${SPECIALISTS + MENTORS}`,
      )
      .run(organisationId);
    client
      .prepare(
        `INSERT INTO young_people (id, organisation_id, display_name, date_of_birth, care_form, municipality, planned_care_end_date, actual_care_end_date, specialist_id, education_status, employment_status)
         SELECT ${uuid("a000", "i")}, @org, 'Bench ' || i,
                date(@today, '-' || (15 * 365 + (i * 37) % 3600) || ' days'),
                CASE i % 4 WHEN 0 THEN 'foster_family' WHEN 1 THEN 'guardianship' WHEN 2 THEN 'sos_family' ELSE 'residential' END,
                CASE i % 6 WHEN 0 THEN 'Rīga' WHEN 1 THEN 'Daugavpils' WHEN 2 THEN 'Liepāja' WHEN 3 THEN 'Jelgava' WHEN 4 THEN 'Cēsu novads' ELSE 'Ogres novads' END,
                date(@today, ((i % 60) - 24) || ' months'),
                CASE WHEN (i % 60) < 24 THEN date(@today, ((i % 60) - 24) || ' months') END,
                CASE WHEN i % ${SPECIALISTS} = 0 THEN @specialist ELSE 'bench-staff-' || (i % ${SPECIALISTS}) END,
                CASE WHEN i % 7 = 0 THEN NULL ELSE 'secondary_school' END,
                CASE WHEN i % 5 = 0 THEN NULL ELSE 'part_time' END
         FROM n WHERE i < @people`,
      )
      .run({ org: organisationId, today, specialist: demoSpecialist, people: PEOPLE });
    client.prepare(`INSERT INTO plans (id, young_person_id) SELECT ${uuid("b000", "i")}, ${uuid("a000", "i")} FROM n WHERE i < ?`).run(PEOPLE);
    client
      .prepare(
        `INSERT INTO mentorships (id, young_person_id, mentor_id, status, started_on)
         SELECT ${uuid("c000", "i")}, ${uuid("a000", "i")}, CASE WHEN i % 1000 = 0 THEN @mentor ELSE 'bench-staff-' || (${SPECIALISTS} + i % ${MENTORS}) END, 'active', date(@today, '-30 days')
         FROM n WHERE i < @people AND i % 10 = 0`,
      )
      .run({ mentor: demoMentor, today, people: PEOPLE });
  })(),
);
timed(`${PEOPLE * GOALS_PER_PERSON} goals, ${PEOPLE * STEPS_PER_PERSON} steps`, () =>
  client.transaction(() => {
    client
      .prepare(
        `INSERT INTO goals (id, plan_id, domain, title, owner, due_date, status, position)
         SELECT ${uuid("d000", `p.i * ${GOALS_PER_PERSON} + g.i`)}, ${uuid("b000", "p.i")},
                CASE g.i % 7 WHEN 0 THEN 'housing' WHEN 1 THEN 'education' WHEN 2 THEN 'employment' WHEN 3 THEN 'finances' WHEN 4 THEN 'health' WHEN 5 THEN 'relationships' ELSE 'legal' END,
                'Mērķis ' || g.i, 'youth', date(@today, ((g.i % 30) - 10) || ' days'),
                CASE WHEN g.i % 5 = 0 THEN 'done' ELSE 'in_progress' END, g.i
         FROM n AS p JOIN n AS g ON g.i < @goals WHERE p.i < @people`,
      )
      .run({ today, goals: GOALS_PER_PERSON, people: PEOPLE });
    client
      .prepare(
        `INSERT INTO steps (id, goal_id, title, owner, due_date, position)
         SELECT ${uuid("e000", `p.i * ${STEPS_PER_PERSON} + s.i`)}, ${uuid("d000", `p.i * ${GOALS_PER_PERSON} + s.i`)}, 'Solis ' || s.i,
                CASE WHEN s.i % 3 = 0 THEN 'mentor' ELSE 'youth' END, date(@today, ((s.i % 20) - 5) || ' days'), s.i
         FROM n AS p JOIN n AS s ON s.i < @steps WHERE p.i < @people`,
      )
      .run({ today, steps: Math.min(STEPS_PER_PERSON, GOALS_PER_PERSON), people: PEOPLE });
  })(),
);
const startMs = Date.now() - 365 * 86_400_000;
timed(`${AUDIT_ROWS} audit rows`, () => {
  // A bulk load: the log's indexes are dropped and built again afterwards (one sort instead of 5 M
  // random B-tree inserts: 360 s → seconds here), in transactions of a million rows.
  const indexes = client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL").all() as Array<{
    name: string;
    sql: string;
  }>;
  for (const index of indexes) client.exec(`DROP INDEX "${index.name}"`);
  for (let from = 0; from < AUDIT_ROWS; from += 1_000_000) {
    const count = Math.min(1_000_000, AUDIT_ROWS - from);
    client.transaction(() => {
      client
        .prepare(
          `WITH RECURSIVE s(k) AS (SELECT @from UNION ALL SELECT k + 1 FROM s WHERE k < @to)
           INSERT INTO audit_log (at, actor_id, actor_role, young_person_id, kind, part, prev_hash, hash)
           SELECT @start + k * @step, 'bench-staff-' || (k % ${SPECIALISTS}), 'specialist', ${uuid("a000", `k % ${PEOPLE}`)}, 'read', 'overview', '', printf('%064x', k)
           FROM s`,
        )
        .run({ from, to: from + count - 1, start: startMs, step: Math.max(1, Math.floor((365 * 86_400_000) / AUDIT_ROWS)) });
    })();
  }
  for (const index of indexes) client.exec(index.sql);
});
client.exec("DROP TABLE n");
client.pragma("journal_mode = WAL");
client.pragma("synchronous = NORMAL");
console.log(`  set up in ${((performance.now() - started) / 1000).toFixed(1)} s; database ${(statSync(path).size / 1e9).toFixed(2)} GB`);
client.close();

const { installGlobals } = await import("@remix-run/node");
installGlobals();
const helpers = await import("../helpers/db");
const { countStatements } = helpers;
const home = await import("~/routes/_index");
const overview = await import("~/routes/plan.$youngPersonId._index");
const statistics = await import("~/routes/organisation.statistics");
const statisticsCsv = await import("~/routes/organisation.statistics[.]csv");
const erasure = await import("~/routes/organisation.erasure");
const people = await import("~/routes/organisation.people");
const notifications = await import("~/routes/notifications");
const feed = await import("~/routes/feeds.$token.tilts[.]ics");
const { appendAudit } = await import("~/models/audit.server");
const { getDb } = await import("~/utils/db.server");
const { feedToken } = await import("../tools/demo-database");
const { youngPeople } = await import("../../db/schema");

const cookies = Object.fromEntries(
  ["specialist@demo.test", "mentor@demo.test", "lead@demo.test", "youth.transition@demo.test"].map((e) => [e, helpers.sessionCookieFor(e)]),
);
const janis = getDb().select().from(youngPeople).where(eq(youngPeople.userId, janisUser)).get()!.id;
/** The id the SQL above gives the i-th generated record. */
const recordId = (i: number) => `${i.toString(16).padStart(8, "0")}-0000-4000-a000-${i.toString(16).padStart(12, "0")}`;
const generated = recordId(7);
const token = feedToken(getDb(), "mentor@demo.test", "mentor");
const count = (sql: string, ...args: unknown[]) =>
  (
    getDb()
      .$client.prepare(sql)
      .get(...args) as { n: number }
  ).n;
const caseload = count("SELECT count(*) AS n FROM young_people WHERE specialist_id = ?", demoSpecialist);
const mentees = count("SELECT count(*) AS n FROM mentorships WHERE mentor_id = ? AND status = 'active'", demoMentor);
const records = count("SELECT count(*) AS n FROM young_people");

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(name: string, budget: string, run: () => Promise<unknown> | unknown) {
  const once = async () => {
    const value = await Promise.resolve()
      .then(run)
      .catch((e: unknown) => e);
    if (value instanceof Response) {
      if (value.status >= 400) throw new Error(`${name}: ${value.status}`);
      await value.text();
    }
  };
  await once();
  const { count } = await countStatements(once);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  const { median, p95 } = percentiles(times);
  console.log(
    `  ${name.padEnd(44)} median ${median.toFixed(2).padStart(7)} ms, p95 ${p95.toFixed(2).padStart(7)} ms, ${String(count).padStart(3)} SQL${budget ? ` (budget ${budget})` : ""}`,
  );
}

const get = (path: string, email: string | null) => helpers.browserRequest(path, email ? { cookie: cookies[email] } : {});
console.log(
  `  (${ROUNDS} rounds each; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`,
);
await measure(`specialist's caseload (${caseload} records)`, "p95 ≤ 50 ms", () => home.loader(helpers.routeArgs(get("/", "specialist@demo.test"))));
await measure(`mentor's dashboard (${mentees} mentorships)`, "", () => home.loader(helpers.routeArgs(get("/", "mentor@demo.test"))));
await measure(`lead's home (${records} records)`, "", () => home.loader(helpers.routeArgs(get("/", "lead@demo.test"))));
await measure(`lead's home, page 150 of the records`, "", () => home.loader(helpers.routeArgs(get("/?page=150&mentors=20", "lead@demo.test"))));
await measure(`lead's home, one phase (transition)`, "", () => home.loader(helpers.routeArgs(get("/?phase=transition", "lead@demo.test"))));
await measure("statistics (whole organisation)", "≤ 200 ms", () => statistics.loader(helpers.routeArgs(get("/organisation/statistics", "lead@demo.test"))));
await measure("statistics (one care form)", "≤ 200 ms", () =>
  statistics.loader(helpers.routeArgs(get("/organisation/statistics?careForm=residential", "lead@demo.test"))),
);
await measure("statistics CSV", "≤ 200 ms", () => statisticsCsv.loader(helpers.routeArgs(get("/organisation/statistics.csv", "lead@demo.test"))));
await measure("erasure page (closed records)", "", () => erasure.loader(helpers.routeArgs(get("/organisation/erasure", "lead@demo.test"))));
await measure("people (organisation's staff)", "", () => people.loader(helpers.routeArgs(get("/organisation/people", "lead@demo.test"))));
await measure("plan overview (Jānis, specialist)", "", () =>
  overview.loader(helpers.routeArgs(get(`/plan/${janis}`, "specialist@demo.test"), { youngPersonId: janis })),
);
await measure(`plan overview (${GOALS_PER_PERSON} goals, lead)`, "", () =>
  overview.loader(helpers.routeArgs(get(`/plan/${generated}`, "lead@demo.test"), { youngPersonId: generated })),
);
await measure("notifications (specialist)", "", () => notifications.loader(helpers.routeArgs(get("/notifications", "specialist@demo.test"))));
await measure("mentor's calendar feed", "≤ 20 ms", () => feed.loader(helpers.routeArgs(get(`/feeds/${token}/tilts.ics`, null), { token })));
await measure(`access-log append (after ${AUDIT_ROWS} rows)`, "", () =>
  appendAudit({ actorId: demoSpecialist, actorRole: "specialist", youngPersonId: janis, kind: "read", part: "overview" }),
);
process.exit(0);

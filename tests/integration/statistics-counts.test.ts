/**
 * The statistics' kept counts (statistics_goals_done, db/migrations/0016_statistics_kept_counts.sql)
 * equal a recount of the goals after every kind of write: a goal created, its status changed back and
 * forth, its domain or plan changed, a goal deleted, a record created, edited into another care form or
 * municipality, moved to another organisation, and a record erased or anonymised. The app's own model
 * functions make the writes where the app has them; plain SQL where only the triggers' other branches
 * can be reached. A fast-check property runs random sequences of them on the real demo database.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, test } from "vitest";
import { plans, youngPeople } from "../../db/schema";
import { todayInRiga } from "~/domain/dates";
import { CARE_FORMS, DOMAINS, GOAL_STATUSES, type Domain, type GoalStatus } from "~/domain/vocabulary";
import { eraseRecord } from "~/models/erasure.server";
import { createGoal, ensurePlan, setGoalStatus } from "~/models/plans.server";
import { createRecord, recordRow, updateRecord } from "~/models/records.server";
import { organisationStatistics } from "~/models/statistics.server";
import { getDb } from "~/utils/db.server";
import { freshDatabase, insertOtherOrganisation, userByEmail } from "../helpers/db";

type Counts = Record<string, number>;

/** What the triggers keep (rows at 0 left out). */
function kept(): Counts {
  const rows = getDb().$client.prepare("SELECT organisation_id, care_form, municipality, domain, n FROM statistics_goals_done WHERE n <> 0").all() as Array<{
    organisation_id: string;
    care_form: string;
    municipality: string;
    domain: string;
    n: number;
  }>;
  return Object.fromEntries(rows.map((r) => [`${r.organisation_id}|${r.care_form}|${r.municipality}|${r.domain}`, r.n]));
}

/** The same counts from the goals themselves. */
function recount(): Counts {
  const rows = getDb()
    .$client.prepare(
      `SELECT y.organisation_id, y.care_form, y.municipality, g.domain, count(*) AS n
         FROM goals g JOIN plans p ON p.id = g.plan_id JOIN young_people y ON y.id = p.young_person_id
        WHERE g.status = 'done' GROUP BY 1, 2, 3, 4`,
    )
    .all() as Array<{ organisation_id: string; care_form: string; municipality: string; domain: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [`${r.organisation_id}|${r.care_form}|${r.municipality}|${r.domain}`, r.n]));
}

const today = todayInRiga();
let lead: { id: string; role: "lead"; organisationId: string };
let specialist: { id: string; role: "specialist"; organisationId: string };

beforeEach(async () => {
  await freshDatabase({ organisation: true });
  const l = userByEmail("lead@demo.test");
  const s = userByEmail("specialist@demo.test");
  lead = { id: l.id, role: "lead", organisationId: l.organisationId! };
  specialist = { id: s.id, role: "specialist", organisationId: s.organisationId! };
});

/** A record's facts as the edit form posts them, with some changed. */
function recordInput(id: string, change: { careForm?: (typeof CARE_FORMS)[number]; municipality?: string }) {
  const row = recordRow(id)!;
  return {
    displayName: row.displayName,
    dateOfBirth: row.dateOfBirth,
    careForm: change.careForm ?? row.careForm,
    municipality: change.municipality ?? row.municipality,
    plannedCareEndDate: row.plannedCareEndDate,
    educationStatus: row.educationStatus ?? undefined,
    employmentStatus: row.employmentStatus ?? undefined,
    specialNeeds: row.specialNeeds ?? undefined,
  };
}

const planOf = (youngPersonId: string) => ensurePlan(youngPersonId).id;
const sqlClient = () => getDb().$client;

describe("kept counts of done goals", () => {
  test("the migration's backfill and the demo seed's writes agree with a recount, and the page reads them", () => {
    expect(Object.keys(kept()).length).toBeGreaterThan(0);
    expect(kept()).toEqual(recount());
    // The page's numbers are the recount's, whole and filtered (the existing SQL-vs-pure test checks the rest).
    const page = organisationStatistics(lead.organisationId, {}, today);
    const done = page.statistics.tables.find((t) => t.dimension === "goalsDone")!;
    expect(done).toBeDefined();
    {
      const byDomain = new Map<string, number>();
      for (const [key, n] of Object.entries(recount())) {
        const [org, , , domain] = key.split("|");
        if (org === lead.organisationId) byDomain.set(domain!, (byDomain.get(domain!) ?? 0) + n);
      }
      for (const cell of done.cells) if (!cell.suppressed) expect(cell.count, cell.key).toBe(byDomain.get(cell.key) ?? 0);
    }
  });

  test("each kind of write, one by one", async () => {
    const janis = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Jānis Bērziņš")).get();
    const record = janis ?? getDb().select().from(youngPeople).where(eq(youngPeople.organisationId, lead.organisationId)).get()!;
    const planId = planOf(record.id);
    const check = (what: string) => expect(kept(), what).toEqual(recount());

    const goal = createGoal(planId, specialist.id, { domain: "housing", title: "Atrast dzīvokli", owner: "youth" });
    check("goal created");
    setGoalStatus(planId, goal, specialist.id, "done");
    check("goal done");
    setGoalStatus(planId, goal, specialist.id, "in_progress");
    check("goal undone");
    setGoalStatus(planId, goal, specialist.id, "done");
    sqlClient().prepare("UPDATE goals SET domain = 'health' WHERE id = ?").run(goal);
    check("done goal moved to another domain");
    // A goal inserted done (as a seed or an import does).
    const inserted = randomUUID();
    sqlClient()
      .prepare("INSERT INTO goals (id, plan_id, domain, title, owner, status, position, created_at) VALUES (?, ?, 'legal', 'x', 'youth', 'done', 99, 0)")
      .run(inserted, planId);
    check("goal inserted done");
    expect(
      updateRecord(lead.id, record.id, recordInput(record.id, { careForm: record.careForm === "residential" ? "foster_family" : "residential" }), today),
    ).toEqual([]);
    check("record's care form changed");
    expect(updateRecord(lead.id, record.id, recordInput(record.id, { municipality: "Ventspils" }), today)).toEqual([]);
    check("record's municipality changed");
    const other = await insertOtherOrganisation();
    sqlClient().prepare("UPDATE young_people SET organisation_id = ? WHERE id = ?").run(other.organisationId, record.id);
    check("record moved to another organisation");
    sqlClient().prepare("UPDATE young_people SET organisation_id = ? WHERE id = ?").run(lead.organisationId, record.id);
    check("and back");
    // A plan given to another record (the app never does it; the trigger still keeps the counts).
    const orphan = randomUUID();
    sqlClient()
      .prepare(
        "INSERT INTO young_people (id, organisation_id, display_name, date_of_birth, care_form, municipality, planned_care_end_date, created_at) VALUES (?, ?, 'Tests', '2008-01-01', 'guardianship', 'Cēsis', '2026-06-01', 0)",
      )
      .run(orphan, other.organisationId);
    const movedPlan = randomUUID();
    sqlClient().prepare("INSERT INTO plans (id, young_person_id, created_at) VALUES (?, ?, 0)").run(movedPlan, other.youngPersonId);
    sqlClient()
      .prepare("INSERT INTO goals (id, plan_id, domain, title, owner, status, position, created_at) VALUES (?, ?, 'finances', 'y', 'youth', 'done', 0, 0)")
      .run(randomUUID(), movedPlan);
    check("a done goal in the other organisation");
    sqlClient().prepare("UPDATE plans SET young_person_id = ? WHERE id = ?").run(orphan, movedPlan);
    check("plan moved to another record");
    sqlClient().prepare("UPDATE goals SET plan_id = (SELECT id FROM plans WHERE young_person_id = ?) WHERE id = ?").run(record.id, inserted);
    expect(kept()).toEqual(recount());
    sqlClient().prepare("UPDATE goals SET plan_id = ? WHERE id = ?").run(movedPlan, inserted);
    check("done goal moved to another plan");
    sqlClient().prepare("DELETE FROM goals WHERE id = ?").run(inserted);
    check("done goal deleted");
  });

  for (const mode of ["erase", "anonymise"] as const) {
    test(`a record ${mode}d: its done goals leave the kept counts (the erasure keeps its own numbers)`, () => {
      const karlis = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Kārlis Egle")).get()!;
      const planId = planOf(karlis.id);
      const doneBefore = sqlClient().prepare("SELECT count(*) FROM goals WHERE plan_id = ? AND status = 'done'").pluck().get(planId) as number;
      expect(doneBefore).toBeGreaterThan(0);
      const before = organisationStatistics(lead.organisationId, {}, today).statistics;
      expect(eraseRecord(karlis.id, lead, { mode, reason: "Glabāšanas termiņš ir beidzies" }, today)).toEqual({ ok: true });
      expect(kept()).toEqual(recount());
      // The page counts them still, from the erasure's numbers instead of the goals.
      expect(organisationStatistics(lead.organisationId, {}, today).statistics).toEqual(before);
    });
  }

  test("property: after any sequence of writes the kept counts equal a recount", async () => {
    const domain = fc.constantFrom<Domain>(...DOMAINS);
    const status = fc.constantFrom<GoalStatus>(...GOAL_STATUSES);
    const pick = fc.nat({ max: 1_000 });
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("createGoal" as const), record: pick, domain, status }),
      fc.record({ kind: fc.constant("status" as const), goal: pick, status }),
      fc.record({ kind: fc.constant("domain" as const), goal: pick, domain }),
      fc.record({ kind: fc.constant("deleteGoal" as const), goal: pick }),
      fc.record({ kind: fc.constant("createRecord" as const), careForm: fc.constantFrom(...CARE_FORMS) }),
      fc.record({
        kind: fc.constant("editRecord" as const),
        record: pick,
        careForm: fc.option(fc.constantFrom(...CARE_FORMS)),
        municipality: fc.option(fc.constantFrom("Rīga", "Ventspils", "Cēsis", "Alūksnes novads")),
      }),
      fc.record({ kind: fc.constant("moveOrganisation" as const), record: pick }),
      fc.record({ kind: fc.constant("erase" as const), mode: fc.constantFrom("erase" as const, "anonymise" as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        if (run++ > 0) await freshDatabase({ organisation: true });
        const other = await insertOtherOrganisation();
        const records = () => sqlClient().prepare("SELECT id FROM young_people ORDER BY id").pluck().all() as string[];
        /** Goals the sequence created: no steps, comments or reviews hang on them, so they can be deleted. */
        const created: Array<{ id: string; planId: string }> = [];
        for (const op of operations) {
          const all = records();
          switch (op.kind) {
            case "createGoal": {
              const planId = planOf(all[op.record % all.length]!);
              const id = createGoal(planId, specialist.id, { domain: op.domain, title: "Mērķis", owner: "youth" });
              setGoalStatus(planId, id, specialist.id, op.status);
              created.push({ id, planId });
              break;
            }
            case "status": {
              const goals = sqlClient().prepare("SELECT id, plan_id FROM goals ORDER BY id").all() as Array<{ id: string; plan_id: string }>;
              const goal = goals[op.goal % goals.length]!;
              setGoalStatus(goal.plan_id, goal.id, specialist.id, op.status);
              break;
            }
            case "domain": {
              const ids = sqlClient().prepare("SELECT id FROM goals ORDER BY id").pluck().all() as string[];
              sqlClient()
                .prepare("UPDATE goals SET domain = ? WHERE id = ?")
                .run(op.domain, ids[op.goal % ids.length]);
              break;
            }
            case "deleteGoal": {
              if (!created.length) break;
              const [goal] = created.splice(op.goal % created.length, 1);
              sqlClient().prepare("DELETE FROM goals WHERE id = ?").run(goal!.id);
              break;
            }
            case "createRecord": {
              const result = createRecord(
                specialist,
                {
                  displayName: "Jauns Ieraksts",
                  dateOfBirth: "2009-03-04",
                  careForm: op.careForm,
                  municipality: "Rīga",
                  plannedCareEndDate: "2027-03-04",
                },
                today,
              );
              expect(result.ok).toBe(true);
              break;
            }
            case "editRecord": {
              const id = all[op.record % all.length]!;
              updateRecord(lead.id, id, recordInput(id, { careForm: op.careForm ?? undefined, municipality: op.municipality ?? undefined }), today);
              break;
            }
            case "moveOrganisation": {
              const id = all[op.record % all.length]!;
              const current = recordRow(id)!.organisationId;
              sqlClient()
                .prepare("UPDATE young_people SET organisation_id = ? WHERE id = ?")
                .run(current === other.organisationId ? lead.organisationId : other.organisationId, id);
              break;
            }
            case "erase": {
              const karlis = getDb().select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.displayName, "Kārlis Egle")).get();
              if (!karlis) break;
              const planId = getDb().select({ id: plans.id }).from(plans).where(eq(plans.youngPersonId, karlis.id)).get()?.id;
              for (let i = created.length - 1; i >= 0; i--) if (created[i]!.planId === planId) created.splice(i, 1);
              // Kārlis may have moved out of the lead's organisation or had his care end changed: then it is refused.
              eraseRecord(karlis.id, { id: lead.id, role: "lead" }, { mode: op.mode, reason: "Glabāšanas termiņš ir beidzies" }, today);
              break;
            }
          }
          expect(kept(), JSON.stringify(op)).toEqual(recount());
        }
      }),
      { numRuns: Number(process.env.STATISTICS_COUNT_RUNS ?? 25), seed: 20261202, endOnFailure: true },
    );
  }, 120_000);
});

/** Each statement in a trigger's body, with NEW.x and OLD.x as parameters. */
function triggerStatements(): Array<{ trigger: string; sql: string; parameters: number }> {
  const triggers = sqlClient().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'statistics_%' ORDER BY name").all() as Array<{
    name: string;
    sql: string;
  }>;
  return triggers.flatMap(({ name, sql }) =>
    sql
      .slice(sql.search(/\bBEGIN\b/) + "BEGIN".length, sql.lastIndexOf("END"))
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const parameters = (s.match(/\b(?:NEW|OLD)\.\w+/g) ?? []).length;
        return { trigger: name, sql: s.replace(/\b(?:NEW|OLD)\.\w+/g, "?"), parameters };
      }),
  );
}

describe("query plans of the kept counts", () => {
  const planOf = (sql: string, parameters: number) =>
    (
      sqlClient()
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: parameters }, () => null)) as Array<{ detail: string }>
    ).map((r) => r.detail);

  test("the page reads the kept counts by their key", () => {
    for (const filter of [{}, { careForm: "residential" as const }, { municipality: "Rīga" }, { careForm: "residential" as const, municipality: "Rīga" }]) {
      const conditions = ["organisation_id = ?", ...Object.keys(filter).map((k) => `${k === "careForm" ? "care_form" : k} = ?`)];
      const plan = planOf(`SELECT domain, sum(n) FROM statistics_goals_done WHERE ${conditions.join(" AND ")} GROUP BY domain`, conditions.length).join("\n");
      expect(plan).toMatch(/SEARCH statistics_goals_done USING INDEX sqlite_autoindex_statistics_goals_done_1 \(organisation_id=\?/);
      expect(plan).not.toMatch(/^SCAN/m);
    }
  });

  test("every statement of the triggers finds its rows through an index: no scan of goals, plans, records or counts", () => {
    const statements = triggerStatements();
    expect(new Set(statements.map((s) => s.trigger)).size).toBe(5);
    const scans: string[] = [];
    for (const { trigger, sql, parameters } of statements) {
      for (const detail of planOf(sql, parameters))
        if (/^SCAN /.test(detail) && !/^SCAN CONSTANT ROW/.test(detail)) scans.push(`${trigger}: ${detail}\n  ${sql}`);
    }
    expect(scans).toEqual([]);
  });
});

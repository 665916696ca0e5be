/**
 * Where a young person's data lives (docs/decisions/011-audit-export-erasure.md): one registry of every
 * table that holds it, how its rows are found from the record, and what export and erasure do with
 * them. "Download everything about me" and erasure both read this registry, and
 * tests/integration/personal-data.test.ts fails when a table that references a young person (directly
 * or through their plan, goals or account) is not in it.
 */
import type { TiltsDatabase } from "../../db/connection";

/** How a table's rows belong to a record. */
export type Scope =
  | "record" // young_people itself
  | "youngPerson" // a young_person_id column
  | "plan" // a plan_id column of the record's plan
  | "goal" // a goal_id column of a goal of the record's plan
  | "budgetTransaction" // a transaction_id column of a transaction of the record's budget
  | "review" // a review_id column of a review of the record
  | "account"; // a user_id column (or the id) of the young person's own account

export interface PersonalTable {
  scope: Scope;
  /** The column the scope is read through (for "account" on users itself: "id"). */
  column: string;
  /**
   * On erasure: delete the rows, or keep them because they hold only random ids and codes (the audit
   * log, whose hash chain must stay whole).
   */
  erase: "delete" | "keep";
  /**
   * A column whose value for every row of the record appears in "download everything about me" (the
   * test checks it), or null with the reason the rows are left out.
   */
  exported: { key: string } | { leftOut: string };
}

/**
 * Every table with a person's data. Order matters for erasure: children before parents (rows are
 * deleted top to bottom).
 */
export const PERSONAL_TABLES: Record<string, PersonalTable> = {
  // The budget (docs/decisions/012-budget.md): before goals, because a savings pot may name a plan goal.
  budget_allocations: { scope: "budgetTransaction", column: "transaction_id", erase: "delete", exported: { key: "transaction_id" } },
  budget_transactions: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_rollovers: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "envelope_id" } },
  budget_envelopes: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_duty_checks: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_duties: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_pots: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_scenarios: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  budget_settings: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "young_person_id" } },
  // Review meetings (docs/decisions/017-review-meetings.md): before goals (review_goals names them) and reviews.
  review_goals: { scope: "goal", column: "goal_id", erase: "delete", exported: { key: "review_id" } },
  review_participants: { scope: "review", column: "review_id", erase: "delete", exported: { key: "id" } },
  review_statements: { scope: "review", column: "review_id", erase: "delete", exported: { key: "review_id" } },
  review_decisions: { scope: "review", column: "review_id", erase: "delete", exported: { key: "id" } },
  review_feedback: { scope: "review", column: "review_id", erase: "delete", exported: { key: "review_id" } },
  review_requests: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  reviews: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  goal_comments: { scope: "goal", column: "goal_id", erase: "delete", exported: { key: "id" } },
  steps: { scope: "goal", column: "goal_id", erase: "delete", exported: { key: "id" } },
  goals: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "id" } },
  plan_domains: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "plan_b" } },
  readiness_ratings: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "id" } },
  skill_states: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "skill_key" } },
  plan_documents: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "id" } },
  plan_events: { scope: "plan", column: "plan_id", erase: "delete", exported: { key: "id" } },
  plans: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  mentor_contacts: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  mentorships: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  // Issue 11 (docs/decisions/018-help-wellbeing-worklist.md): "I need help" and the monthly well-being check.
  help_requests: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  wellbeing_checks: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  carer_links: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  sharing_switches: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "section" } },
  sharing_receipts: { scope: "youngPerson", column: "young_person_id", erase: "delete", exported: { key: "id" } },
  audit_log: { scope: "youngPerson", column: "young_person_id", erase: "keep", exported: { key: "seq" } },
  // Issue 13: one-time links. Only a hash of each token is kept; the rows say who was invited and when.
  invitations: {
    scope: "youngPerson",
    column: "young_person_id",
    erase: "delete",
    exported: { leftOut: "one-time invitation links: a token's hash, the e-mail and name of the record" },
  },
  password_resets: { scope: "account", column: "user_id", erase: "delete", exported: { leftOut: "one-time password links: security tokens" } },
  sessions: {
    scope: "account",
    column: "user_id",
    erase: "delete",
    exported: { leftOut: "login sessions: security tokens, nothing the person wrote or chose" },
  },
  calendar_feeds: { scope: "account", column: "user_id", erase: "delete", exported: { key: "id" } },
  notification_reads: { scope: "account", column: "user_id", erase: "delete", exported: { key: "key" } },
  young_people: { scope: "record", column: "id", erase: "delete", exported: { key: "id" } },
  users: { scope: "account", column: "id", erase: "delete", exported: { key: "email" } },
};

/**
 * Tables that hold no one's personal data, with the reason. Every table of the schema is in one of the
 * two lists (the test checks), so a new table has to be thought about once.
 */
export const OTHER_TABLES: Record<string, string> = {
  organisations: "the organisation's name and settings",
  organisation_skills: "the organisation's own checklist items",
  support_entries: "the organisation's catalogue of allowances and benefits",
  erasures: "what was erased, why and by whom; no identifier of the erased person",
  statistics_goals_done: "counts of done goals per organisation, care form, municipality and domain; no row of a person",
  __drizzle_migrations: "applied migrations",
};

/** The WHERE clause that selects a table's rows of one record (one parameter: the young person's id). */
export function scopeCondition(table: string): string {
  const entry = PERSONAL_TABLES[table];
  if (!entry) throw new Error(`${table} is not in PERSONAL_TABLES`);
  const column = `"${entry.column}"`;
  switch (entry.scope) {
    case "record":
      return `${column} = ?`;
    case "youngPerson":
      return `${column} = ?`;
    case "plan":
      return `${column} IN (SELECT id FROM plans WHERE young_person_id = ?)`;
    case "goal":
      return `${column} IN (SELECT g.id FROM goals g JOIN plans p ON p.id = g.plan_id WHERE p.young_person_id = ?)`;
    case "budgetTransaction":
      return `${column} IN (SELECT id FROM budget_transactions WHERE young_person_id = ?)`;
    case "review":
      return `${column} IN (SELECT id FROM reviews WHERE young_person_id = ?)`;
    case "account":
      return `${column} IN (SELECT user_id FROM young_people WHERE id = ? AND user_id IS NOT NULL)`;
  }
}

/** How many rows each registered table holds of this record (for the erasure's check and the tests). */
export function personalRowCounts(db: TiltsDatabase, youngPersonId: string): Record<string, number> {
  return Object.fromEntries(
    Object.keys(PERSONAL_TABLES).map((table) => [
      table,
      (db.$client.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${scopeCondition(table)}`).get(youngPersonId) as { n: number }).n,
    ]),
  );
}

/** The budget's tables, as they are exported (every row of the record, deleted transactions too). */
export const BUDGET_TABLES = Object.keys(PERSONAL_TABLES).filter((table) => table.startsWith("budget_"));

/** The review meetings' tables, exported as stored (docs/decisions/017-review-meetings.md). */
export const REVIEW_TABLES = Object.keys(PERSONAL_TABLES).filter((table) => table.startsWith("review"));

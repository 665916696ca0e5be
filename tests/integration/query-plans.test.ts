/**
 * Every statement the hot pages run uses an index: the specialist's caseload, the mentor's dashboard,
 * the lead's home (dashboard counts), the statistics, a plan, the calendar feed, notifications and the
 * access log's append. The statements are not listed by hand: they are captured while the real
 * loaders run (countStatements), then each is asked `EXPLAIN QUERY PLAN`; a full `SCAN` of a table that
 * grows with the number of young people fails, naming the statement.
 *
 * The app never runs ANALYZE, so SQLite plans from the schema alone and the plan on the demo is the
 * plan at national scale (tests/bench/scale.ts measures that database).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { browserRequest, countStatements, freshDatabase, routeArgs, settle } from "../helpers/db";
import { cookieOf, SPECIALIST, MENTOR, LEAD, YOUTH, youngPersonIdOf } from "./plan-support";
import { feedToken } from "../tools/demo-database";
import { getDb } from "~/utils/db.server";
import * as home from "~/routes/_index";
import * as overview from "~/routes/plan.$youngPersonId._index";
import * as statistics from "~/routes/organisation.statistics";
import * as notifications from "~/routes/notifications";
import * as feed from "~/routes/feeds.$token.tilts[.]ics";
import * as erasure from "~/routes/organisation.erasure";
import * as people from "~/routes/organisation.people";

/** Tables that stay small whatever the number of young people (one organisation's settings and catalogues). */
const SMALL_TABLES = new Set(["organisations", "organisation_skills", "support_entries", "__drizzle_migrations"]);

/** Statements a page may scan on purpose, with the reason. */
const ALLOWED_SCANS: Array<{ pattern: RegExp; why: string }> = [
  {
    // seq is the rowid: SQLite walks the table backwards from its end and stops at the first row (the
    // plan says SCAN, without a temporary B-tree); tests/bench/scale.ts times it at 5 million rows.
    pattern: /SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1/,
    why: "the chain's last hash: one row from the end of the rowid",
  },
];

interface Captured {
  page: string;
  sql: string;
}

async function capture(page: string, run: () => unknown): Promise<Captured[]> {
  const { sql, result } = await countStatements(async () => settle(run));
  expect((result as { response: Response }).response.status, page).toBeLessThan(400);
  return sql.map((s) => ({ page, sql: s }));
}

/** How many parameters a statement takes (drizzle writes `?`; hand-written ones may name them). */
function parameters(sql: string): { positional: number; named: string[] } {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  const positional = (code.match(/\?(?!\d)/g) ?? []).length + (code.match(/\?\d+/g) ?? []).length;
  const named = [...new Set([...code.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  return { positional, named };
}

function planOf(sql: string): string[] {
  const client = getDb().$client;
  const statement = client.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const { positional, named } = parameters(sql);
  const args: unknown[] = Array.from({ length: positional }, () => null);
  if (named.length) args.push(Object.fromEntries(named.map((n) => [n, null])));
  return (statement.all(...args) as Array<{ detail: string }>).map((r) => r.detail);
}

let statements: Captured[] = [];

beforeAll(async () => {
  await freshDatabase({ organisation: true });
  const db = getDb();
  const janis = youngPersonIdOf(YOUTH);
  const token = feedToken(db, MENTOR, "mentor");
  const get = (path: string, email: string | null) => browserRequest(path, email ? { cookie: cookieOf(email) } : {});
  statements = [
    ...(await capture("specialist's caseload", () => home.loader(routeArgs(get("/", SPECIALIST))))),
    ...(await capture("mentor's dashboard", () => home.loader(routeArgs(get("/", MENTOR))))),
    ...(await capture("lead's home", () => home.loader(routeArgs(get("/", LEAD))))),
    ...(await capture("lead's home, one phase, later pages", () => home.loader(routeArgs(get("/?phase=transition&page=2&mentors=2", LEAD))))),
    ...(await capture("erasure", () => erasure.loader(routeArgs(get("/organisation/erasure", LEAD))))),
    ...(await capture("people", () => people.loader(routeArgs(get("/organisation/people", LEAD))))),
    ...(await capture("statistics", () => statistics.loader(routeArgs(get("/organisation/statistics", LEAD))))),
    ...(await capture("plan overview (and the access log's append)", () =>
      overview.loader(routeArgs(get(`/plan/${janis}`, SPECIALIST), { youngPersonId: janis })),
    )),
    ...(await capture("notifications", () => notifications.loader(routeArgs(get("/notifications", YOUTH))))),
    ...(await capture("calendar feed", () => feed.loader(routeArgs(get(`/feeds/${token}/tilts.ics`, null), { token })))),
  ];
});

describe("query plans of the hot pages", () => {
  test("the pages were captured", () => {
    expect(statements.length).toBeGreaterThan(20);
    expect(new Set(statements.map((s) => s.page)).size).toBe(10);
    expect(statements.some((s) => /insert into "?audit_log/i.test(s.sql))).toBe(true);
  });

  test("the check sees a scan when there is one (a goal found by its title)", () => {
    expect(planOf("SELECT id FROM goals WHERE title = ?").some((d) => /^SCAN goals/.test(d))).toBe(true);
    expect(planOf("SELECT id FROM goals WHERE plan_id = ?").some((d) => /^SEARCH goals USING (COVERING )?INDEX/.test(d))).toBe(true);
  });

  test("the lead's home pages by the care-end index: no sort of the organisation's records", () => {
    const paged = [
      ...new Set(statements.filter((s) => s.page.startsWith("lead's home") && /^select .* from "young_people" where .* limit/is.test(s.sql)).map((s) => s.sql)),
    ];
    expect(paged.length).toBeGreaterThanOrEqual(2);
    for (const sql of paged) {
      const plan = planOf(sql);
      expect(plan.join("\n"), sql).toMatch(/young_people_care_end_idx/);
      expect(plan.join("\n"), sql).not.toMatch(/TEMP B-TREE/);
    }
  });

  test("no statement scans a table that grows with the young people", () => {
    const scans: string[] = [];
    const seen = new Set<string>();
    for (const { page, sql } of statements) {
      if (seen.has(sql)) continue;
      seen.add(sql);
      if (!/^\s*(select|with|update|delete|insert)/i.test(sql)) continue;
      for (const detail of planOf(sql)) {
        const scan = /^SCAN (?:TABLE )?("?)(\w+)\1/.exec(detail);
        if (!scan) continue;
        const table = scan[2]!;
        if (SMALL_TABLES.has(table)) continue;
        // A scan of a subquery's or CTE's own result, or of a VALUES list, is not a table.
        if (!isTable(table)) continue;
        if (ALLOWED_SCANS.some((a) => a.pattern.test(sql))) continue;
        scans.push(`${page}: ${detail}\n    ${sql.slice(0, 300)}`);
      }
    }
    expect(scans).toEqual([]);
  });
});

function isTable(name: string): boolean {
  return Boolean(getDb().$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

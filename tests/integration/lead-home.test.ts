/**
 * The lead's home at national scale (issue 15): counts in SQL agree with the domain's phase and
 * mentor-need rules record by record, the lists are pages in care-end order, filters and pages are GET
 * parameters, and the number of statements does not grow with the organisation.
 */
import { eq } from "drizzle-orm";
import { beforeEach, expect, test } from "vitest";
import { mentorships, youngPeople } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { mentorNeed } from "~/domain/mentoring";
import { PHASES, careEndDate, phaseOn, phaseSummary } from "~/domain/phase";
import { loader as homeLoader } from "~/routes/_index";
import { today } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { browserRequest, countStatements, freshDatabase, routeArgs, sessionCookieFor, settle, userByEmail } from "../helpers/db";

beforeEach(async () => {
  await freshDatabase();
});

type LeadHome = {
  role: "lead";
  cases: Array<{ id: string; summary: { careEnd: string; phase: string } }>;
  caseCount: number;
  listed: number;
  query: { phase: string | null; page: number; needsMentorPage: number };
  byPhase: Record<string, number>;
  needsMentor: Array<{ card: { id: string }; need: string }>;
  needsMentorCount: number;
};

async function leadHome(search = ""): Promise<LeadHome> {
  const { response } = await settle(() => homeLoader(routeArgs(browserRequest(`/${search}`, { cookie: sessionCookieFor("lead@demo.test") }))));
  expect((response as Response).status).toBe(200);
  return ((await (response as Response).json()) as { home: LeadHome }).home;
}

/** Records spread over every phase, month ends and the 25th birthday included; some with a mentor. */
function addRecords(count: number) {
  const lead = userByEmail("lead@demo.test");
  const mentor = userByEmail("mentor@demo.test");
  const specialist = userByEmail("specialist@demo.test");
  const now = today();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `scale-${String(i).padStart(4, "0")}`,
    organisationId: lead.organisationId,
    displayName: `Scale ${i}`,
    dateOfBirth: addDays(now, -(15 * 365 + ((i * 97) % (11 * 365)))),
    careForm: "residential" as const,
    municipality: "Rīga",
    plannedCareEndDate: addDays(now, ((i * 53) % (6 * 365)) - 3 * 365),
    specialistId: i % 2 === 0 ? specialist.id : null,
    actualCareEndDate: i % 3 === 0 ? addDays(now, ((i * 31) % (4 * 365)) - 3 * 365) : null,
  }));
  getDb().insert(youngPeople).values(rows).run();
  getDb()
    .insert(mentorships)
    .values(
      rows
        .filter((_, i) => i % 4 === 0)
        .map((r) => ({ id: `m-${r.id}`, youngPersonId: r.id, mentorId: mentor.id, status: "active" as const, startedOn: addDays(now, -10) })),
    )
    .run();
}

/** Every record of the organisation with its phase and need, by the domain's own functions. */
function expected() {
  const now = today();
  const lead = userByEmail("lead@demo.test");
  const rows = getDb().select().from(youngPeople).where(eq(youngPeople.organisationId, lead.organisationId)).all();
  const active = new Set(
    getDb()
      .select()
      .from(mentorships)
      .all()
      .filter((m) => m.status === "active")
      .map((m) => m.youngPersonId),
  );
  return rows
    .map((r) => ({
      id: r.id,
      careEnd: careEndDate(r),
      phase: phaseOn(r, now),
      need: mentorNeed(phaseSummary(r, now).mentoringWindow, active.has(r.id), now),
    }))
    .sort((a, b) => (a.careEnd < b.careEnd ? -1 : a.careEnd > b.careEnd ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

test("the counts agree with phaseOn and mentorNeed for every record", async () => {
  addRecords(400);
  const all = expected();
  const home = await leadHome();
  expect(home.caseCount).toBe(all.length);
  for (const phase of PHASES) expect(home.byPhase[phase], phase).toBe(all.filter((r) => r.phase === phase).length);
  expect(home.needsMentorCount).toBe(all.filter((r) => r.need).length);
  expect(home.needsMentorCount).toBeGreaterThan(10);
});

test("the records list is pages of 50 in care-end order; together the pages hold every record once", async () => {
  addRecords(130);
  const all = expected();
  const seen: string[] = [];
  for (let page = 1; page <= Math.ceil(all.length / 50); page++) {
    const home = await leadHome(page === 1 ? "" : `?page=${page}`);
    expect(home.query.page).toBe(page);
    expect(home.cases.length).toBe(Math.min(50, all.length - (page - 1) * 50));
    seen.push(...home.cases.map((c) => c.id));
  }
  expect(seen).toEqual(all.map((r) => r.id));
  // A page past the end shows the last one; nonsense reads as the first.
  const last = Math.ceil(all.length / 50);
  expect((await leadHome("?page=999")).query.page).toBe(last);
  expect((await leadHome("?page=abc&phase=%00&mentors=-3")).query).toEqual({ phase: null, page: 1, needsMentorPage: 1 });
});

test("a phase filter lists that phase only, paged, with the same counts above", async () => {
  addRecords(300);
  const all = expected();
  for (const phase of PHASES) {
    const ofPhase = all.filter((r) => r.phase === phase);
    const home = await leadHome(`?phase=${phase}`);
    expect(home.listed).toBe(ofPhase.length);
    expect(home.caseCount).toBe(all.length);
    expect(home.cases.map((c) => c.id)).toEqual(ofPhase.slice(0, 50).map((r) => r.id));
    expect(home.cases.every((c) => c.summary.phase === phase)).toBe(true);
    if (ofPhase.length > 50) {
      const second = await leadHome(`?phase=${phase}&page=2`);
      expect(second.cases.map((c) => c.id)).toEqual(ofPhase.slice(50, 100).map((r) => r.id));
    }
  }
});

test("who needs a mentor: pages of 10 in care-end order, with the need mentorNeed gives", async () => {
  addRecords(300);
  const needing = expected().filter((r) => r.need);
  const first = await leadHome();
  expect(first.needsMentor.map((e) => [e.card.id, e.need])).toEqual(needing.slice(0, 10).map((r) => [r.id, r.need]));
  const second = await leadHome("?mentors=2&page=2");
  expect(second.needsMentor.map((e) => [e.card.id, e.need])).toEqual(needing.slice(10, 20).map((r) => [r.id, r.need]));
  expect(second.query).toEqual({ phase: null, page: 2, needsMentorPage: 2 });
});

test("the lead's home asks the same number of statements for 47 records as for 547, none with the organisation's ids", async () => {
  const small = await countStatements(() => leadHome());
  addRecords(500);
  const big = await countStatements(() => leadHome("?page=3"));
  expect(big.result.caseCount).toBe(small.result.caseCount + 500);
  expect(big.count).toBe(small.count);
  // No statement carries an IN list longer than one page and its needs-a-mentor entries.
  for (const statement of big.sql) expect((statement.match(/\?/g) ?? []).length, statement).toBeLessThan(100);
});

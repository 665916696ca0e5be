/**
 * The hot reads moved off the query builder onto prepared SQL (issue 9, decision 029) give the rows the
 * query builder gave: the record row of every guard, its policy subject, a plan's ratings and documents.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { planDocuments, plans, readinessRatings, youngPeople } from "../../db/schema";
import { freshDatabase } from "../helpers/db";
import { planDocumentRows } from "~/models/documents.server";
import { planRatings } from "~/models/plans.server";
import { caseSubjectsByIds, getCaseSubject } from "~/models/young-people.server";
import { getDb } from "~/utils/db.server";
import { columnsAs } from "~/utils/statements.server";

beforeAll(async () => {
  await freshDatabase();
});

test("columnsAs gives every young_people row as drizzle's select() gives it", () => {
  const db = getDb();
  const viaDrizzle = db.select().from(youngPeople).orderBy(asc(youngPeople.id)).all();
  const raw = db.$client.prepare(`SELECT ${columnsAs(youngPeople, "y")} FROM young_people y ORDER BY y.id`).all();
  expect(viaDrizzle.length).toBeGreaterThan(5);
  expect(raw).toEqual(viaDrizzle);
  expect(Object.keys(raw[0] as object)).toEqual(Object.keys(viaDrizzle[0]!));
});

test("every record's policy subject from the one-statement guard equals the list loader's", () => {
  const ids = getDb()
    .select({ id: youngPeople.id })
    .from(youngPeople)
    .all()
    .map((r) => r.id);
  const listed = caseSubjectsByIds(ids);
  for (const id of ids) expect(getCaseSubject(id)).toEqual(listed.get(id)!.subject);
  expect(getCaseSubject("no-such-record")).toBeNull();
});

test("a plan's ratings and documents are the query builder's rows, in its order", () => {
  const db = getDb();
  const planIds = db
    .select({ id: plans.id })
    .from(plans)
    .all()
    .map((p) => p.id);
  let ratings = 0;
  let documents = 0;
  for (const planId of planIds) {
    const expectedRatings = db
      .select({
        domain: readinessRatings.domain,
        raterKind: readinessRatings.raterKind,
        value: readinessRatings.value,
        ratedOn: readinessRatings.ratedOn,
        createdAt: readinessRatings.createdAt,
      })
      .from(readinessRatings)
      .where(eq(readinessRatings.planId, planId))
      .orderBy(asc(readinessRatings.ratedOn), asc(readinessRatings.createdAt))
      .all();
    expect(planRatings(planId)).toEqual(expectedRatings);
    ratings += expectedRatings.length;
    const expectedDocuments = db
      .select({ id: planDocuments.id, kind: planDocuments.kind, label: planDocuments.label, status: planDocuments.status, expiresOn: planDocuments.expiresOn })
      .from(planDocuments)
      .where(eq(planDocuments.planId, planId))
      .orderBy(asc(planDocuments.createdAt))
      .all();
    expect(planDocumentRows(planId)).toEqual(expectedDocuments);
    documents += expectedDocuments.length;
  }
  // The demo has ratings and documents to compare.
  expect(ratings).toBeGreaterThan(0);
  expect(documents).toBeGreaterThan(0);
});

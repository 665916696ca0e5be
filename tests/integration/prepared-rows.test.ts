/**
 * The hot reads moved off the query builder onto prepared SQL (issue 9, decision 029) give the rows the
 * query builder gave: the record row of every guard, its policy subject, a plan's ratings and documents.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { beforeAll, expect, test } from "vitest";
import { carerLinks, mentorships, planDocuments, plans, readinessRatings, sharingSwitches, users, youngPeople } from "../../db/schema";
import { freshDatabase } from "../helpers/db";
import { planDocumentRows } from "~/models/documents.server";
import { planRatings } from "~/models/plans.server";
import { caseSubjectsByIds, getCaseSubject, loadRelations, youthRecordId } from "~/models/young-people.server";
import { groupBy } from "~/utils/group-by";
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

test("columnsAs with prefixes gives each mentorship and its record as drizzle's joined select() gives them (the mentor's dashboard)", async () => {
  const { splitRow } = await import("~/utils/statements.server");
  const db = getDb();
  const viaDrizzle = db
    .select({ mentorship: mentorships, youngPerson: youngPeople })
    .from(mentorships)
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .orderBy(asc(mentorships.id))
    .all();
  const raw = (
    db.$client
      .prepare(
        `SELECT ${columnsAs(mentorships, "m", "m.")}, ${columnsAs(youngPeople, "y", "y.")} FROM mentorships m JOIN young_people y ON y.id = m.young_person_id ORDER BY m.id`,
      )
      .all() as Array<Record<string, unknown>>
  ).map((row) => {
    const { a, b } = splitRow(row, "m.", "y.");
    return { mentorship: a, youngPerson: b };
  });
  expect(viaDrizzle.length).toBeGreaterThan(1);
  expect(raw).toEqual(viaDrizzle);
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

test("the policy's relations of many records (prepared, decision 036) are the query builder's rows", () => {
  const db = getDb();
  const ids = db
    .select({ id: youngPeople.id })
    .from(youngPeople)
    .all()
    .map((r) => r.id);
  // A switch turned off next to the demo's, so both values of `shared` are compared: on a record that has
  // none (the ids come in no particular order; the demo's switch is Jānis's, mentor and health).
  const switched = new Set(
    db
      .select({ id: sharingSwitches.youngPersonId })
      .from(sharingSwitches)
      .all()
      .map((r) => r.id),
  );
  const unswitched = ids.find((id) => !switched.has(id))!;
  db.insert(sharingSwitches).values({ youngPersonId: unswitched, audience: "mentor", section: "health", shared: false, changedAt: 1 }).run();
  const mentorUser = alias(users, "mentor_user");
  const expected = {
    mentorsOf: groupBy(
      db
        .select({ youngPersonId: mentorships.youngPersonId, mentorId: mentorships.mentorId, status: mentorships.status, mentorName: mentorUser.displayName })
        .from(mentorships)
        .innerJoin(mentorUser, eq(mentorUser.id, mentorships.mentorId))
        .where(inArray(mentorships.youngPersonId, ids))
        .all(),
      (m) => m.youngPersonId,
    ),
    carersOf: groupBy(
      db
        .select({ youngPersonId: carerLinks.youngPersonId, carerId: carerLinks.carerId, endedOn: carerLinks.endedOn })
        .from(carerLinks)
        .where(inArray(carerLinks.youngPersonId, ids))
        .all(),
      (c) => c.youngPersonId,
    ),
    switchesOf: groupBy(
      db
        .select({
          youngPersonId: sharingSwitches.youngPersonId,
          audience: sharingSwitches.audience,
          section: sharingSwitches.section,
          shared: sharingSwitches.shared,
        })
        .from(sharingSwitches)
        .where(inArray(sharingSwitches.youngPersonId, ids))
        .all(),
      (s) => s.youngPersonId,
    ),
  };
  const relations = loadRelations(ids);
  // The demo has each kind, and a switch turned off and one on.
  expect(expected.mentorsOf.size).toBeGreaterThan(0);
  expect(expected.carersOf.size).toBeGreaterThan(0);
  expect([...expected.switchesOf.values()].flat().map((s) => s.shared)).toEqual(expect.arrayContaining([true, false]));
  const byId = (map: Map<string, unknown>) => new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const kind of ["mentorsOf", "carersOf", "switchesOf"] as const) expect(byId(relations[kind])).toEqual(byId(expected[kind]));
  // A subset and none.
  expect(loadRelations(ids.slice(0, 2)).mentorsOf.size).toBeLessThanOrEqual(2);
  expect(loadRelations([]).mentorsOf.size).toBe(0);
});

test("records by ids and the young person's own record id are the query builder's", () => {
  const db = getDb();
  const all = db.select().from(youngPeople).all();
  const ids = all.map((r) => r.id);
  const expected = db.select().from(youngPeople).where(inArray(youngPeople.id, ids)).all();
  expect([...caseSubjectsByIds(ids).values()].map((r) => r.row)).toEqual(expected);
  expect([...caseSubjectsByIds([ids[1]!, ids[0]!, "no-such-record"]).keys()].sort()).toEqual([ids[0], ids[1]].sort());
  const linked = all.filter((r) => r.userId !== null);
  expect(linked.length).toBeGreaterThan(0);
  for (const row of linked) expect(youthRecordId({ id: row.userId!, role: "youth", organisationId: row.organisationId })).toBe(row.id);
  expect(youthRecordId({ id: "no-such-user", role: "youth", organisationId: all[0]!.organisationId })).toBeNull();
});

test("the plan's timeline (prepared, decision 042) is the query builder's rows, for every viewer and filter", async () => {
  const { and, desc, eq: is, inArray: among, isNull, notInArray, or, sql } = await import("drizzle-orm");
  const { goalComments, goals, planEvents, steps } = await import("../../db/schema");
  const { planHistory } = await import("~/models/plans.server");
  const { viewerOf } = await import("~/domain/policy");
  const { DOMAINS } = await import("~/domain/vocabulary");
  const { todayInRiga } = await import("~/domain/dates");
  const db = getDb();
  // The timeline as the query builder built it before (the oracle).
  const SECTIONS: Record<string, string> = {
    skill: "skills",
    document: "documents",
    rating: "readiness",
    contact: "contacts",
    mentorship: "contacts",
    helpRequest: "wellbeing",
  };
  type Options = { limit?: number; entityIds?: string[]; entities?: readonly string[]; domain?: (typeof DOMAINS)[number] | null };
  const viaBuilder = (planId: string, viewer: NonNullable<ReturnType<typeof viewerOf>>, options: Options) => {
    const visibleDomains = DOMAINS.filter((d) => viewer.sections.has(d));
    const hiddenEntities = Object.entries(SECTIONS)
      .filter(([, section]) => !viewer.sections.has(section as never))
      .map(([entity]) => entity);
    const goal = alias(goals, "event_goal");
    const step = alias(steps, "event_step");
    const stepGoal = alias(goals, "event_step_goal");
    const mentor = alias(users, "event_mentor");
    const comment = alias(goalComments, "event_comment");
    return db
      .select({
        id: planEvents.id,
        entity: planEvents.entity,
        action: planEvents.action,
        domain: planEvents.domain,
        before: planEvents.before,
        after: planEvents.after,
        createdAt: planEvents.createdAt,
        actorName: users.displayName,
        actorRole: users.role,
        title: sql<string | null>`coalesce(${goal.title}, ${step.title})`,
        goalTitle: stepGoal.title,
        mentorName: mentor.displayName,
        commentBody: comment.body,
        mine: sql<boolean>`${planEvents.actorId} IS ${viewer.actor.id}`.mapWith((value: unknown) => Boolean(value)),
      })
      .from(planEvents)
      .leftJoin(users, is(users.id, planEvents.actorId))
      .leftJoin(goal, and(is(goal.id, planEvents.entityId), among(planEvents.entity, ["goal", "comment"])))
      .leftJoin(step, and(is(step.id, planEvents.entityId), is(planEvents.entity, "step")))
      .leftJoin(stepGoal, is(stepGoal.id, step.goalId))
      .leftJoin(comment, and(is(planEvents.entity, "comment"), is(comment.id, sql`json_extract(${planEvents.after}, '$.commentId')`)))
      .leftJoin(
        mentor,
        or(
          and(is(planEvents.entity, "mentorship"), is(mentor.id, sql`json_extract(${planEvents.after}, '$.mentorId')`)),
          and(is(planEvents.entity, "record"), is(mentor.id, sql`json_extract(${planEvents.after}, '$.personId')`)),
        ),
      )
      .where(
        and(
          is(planEvents.planId, planId),
          options.entityIds ? among(planEvents.entityId, options.entityIds) : undefined,
          options.entities ? among(planEvents.entity, [...options.entities]) : undefined,
          options.domain ? is(planEvents.domain, options.domain) : undefined,
          or(isNull(planEvents.domain), among(planEvents.domain, visibleDomains)),
          hiddenEntities.length ? notInArray(planEvents.entity, hiddenEntities) : undefined,
        ),
      )
      .orderBy(desc(planEvents.createdAt))
      .limit(options.limit ?? 200)
      .all();
  };
  // Ties in time come in no particular order: compare in one.
  const sorted = <T extends { createdAt: number; id: string }>(rows: T[]) => [...rows].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const today = todayInRiga();
  // The demo's timelines have no mentoring or record events: one of each, naming the mentor.
  const { randomUUID } = await import("node:crypto");
  const janisPlan = db.select({ id: plans.id }).from(plans).all()[0]!.id;
  const mentorId = db.select().from(users).where(is(users.email, "mentor@demo.test")).get()!.id;
  for (const [entity, after] of [
    ["mentorship", { mentorId }],
    ["record", { personId: mentorId }],
  ] as const)
    db.insert(planEvents).values({ id: randomUUID(), planId: janisPlan, actorId: mentorId, entity, entityId: randomUUID(), action: "linked", after }).run();
  let compared = 0;
  const kinds = new Set<string>();
  for (const record of db.select({ id: youngPeople.id }).from(youngPeople).all()) {
    const plan = db.select({ id: plans.id }).from(plans).where(is(plans.youngPersonId, record.id)).get();
    if (!plan) continue;
    const goalIds = db
      .select({ id: goals.id })
      .from(goals)
      .where(is(goals.planId, plan.id))
      .all()
      .map((g) => g.id);
    for (const email of ["specialist@demo.test", "mentor@demo.test", "youth.transition@demo.test", "carer@demo.test", "lead@demo.test"]) {
      const user = db.select().from(users).where(is(users.email, email)).get()!;
      const subject = getCaseSubject(record.id)!;
      const viewer = viewerOf({ id: user.id, role: user.role, organisationId: user.organisationId }, subject, today);
      if (!viewer) continue;
      const cases: Options[] = [{}, { limit: 3 }, { entityIds: goalIds.slice(0, 2) }, { entities: ["goal", "step"] }, { domain: "housing" }, { entityIds: [] }];
      for (const options of cases) {
        const expected = viaBuilder(plan.id, viewer, { ...options, limit: options.limit === 3 ? 500 : options.limit });
        const actual = planHistory(plan.id, viewer, { ...options, limit: options.limit === 3 ? 500 : options.limit });
        expect(sorted(actual)).toEqual(sorted(expected));
        if (options.limit === 3) expect(planHistory(plan.id, viewer, options)).toHaveLength(Math.min(3, expected.length));
        for (const row of expected) kinds.add(row.entity);
        compared += expected.length;
      }
    }
  }
  // The demo's timelines have goals, steps, comments and mentoring in them.
  expect(compared).toBeGreaterThan(100);
  for (const kind of ["goal", "step", "comment", "rating", "mentorship", "record"]) expect(kinds).toContain(kind);
});

test("a goal page's goal, steps and comments (prepared, decision 042) are the query builder's rows", async () => {
  const { and, asc, eq: is } = await import("drizzle-orm");
  const { goalComments, goals, steps } = await import("../../db/schema");
  const { goalDetail, findGoal } = await import("~/models/plans.server");
  const db = getDb();
  let goalsCompared = 0;
  let stepsCompared = 0;
  let commentsCompared = 0;
  for (const goal of db.select().from(goals).all()) {
    const expectedGoal = db
      .select({
        id: goals.id,
        domain: goals.domain,
        title: goals.title,
        why: goals.why,
        status: goals.status,
        dueDate: goals.dueDate,
        position: goals.position,
        owner: goals.owner,
        planId: goals.planId,
      })
      .from(goals)
      .where(and(is(goals.id, goal.id), is(goals.planId, goal.planId)))
      .get();
    const expectedSteps = db
      .select({
        id: steps.id,
        goalId: steps.goalId,
        title: steps.title,
        dueDate: steps.dueDate,
        doneAt: steps.doneAt,
        owner: steps.owner,
        position: steps.position,
      })
      .from(steps)
      .where(is(steps.goalId, goal.id))
      .orderBy(asc(steps.position), asc(steps.createdAt))
      .all();
    const expectedComments = db
      .select({ id: goalComments.id, body: goalComments.body, createdAt: goalComments.createdAt, author: users.displayName, authorRole: users.role })
      .from(goalComments)
      .innerJoin(users, is(users.id, goalComments.authorId))
      .where(is(goalComments.goalId, goal.id))
      .orderBy(asc(goalComments.createdAt))
      .all();
    expect(goalDetail(goal.planId, goal.id)).toEqual({ goal: expectedGoal, steps: expectedSteps, comments: expectedComments });
    // A goal asked for through another plan is not found.
    expect(findGoal("another-plan", goal.id)).toBeNull();
    goalsCompared++;
    stepsCompared += expectedSteps.length;
    commentsCompared += expectedComments.length;
  }
  expect(goalsCompared).toBeGreaterThan(10);
  expect(stepsCompared).toBeGreaterThan(10);
  expect(commentsCompared).toBeGreaterThan(0);
});

test("the young person's review card (prepared, decision 042) is what the query builder gave, for every record and several days", async () => {
  const { and, asc, desc, eq: is, gte, isNull } = await import("drizzle-orm");
  const { reviewFeedback, reviewRequests, reviewStatements, reviews } = await import("../../db/schema");
  const { youthReviewCard } = await import("~/models/reviews.server");
  const { addDays, rigaClock, todayInRiga } = await import("~/domain/dates");
  const db = getDb();
  const viaBuilder = (youngPersonId: string, today: string) => {
    const next = db
      .select({ id: reviews.id, heldOn: reviews.heldOn, startsAt: reviews.startsAt, statement: reviewStatements.reviewId })
      .from(reviews)
      .leftJoin(reviewStatements, is(reviewStatements.reviewId, reviews.id))
      .where(and(is(reviews.youngPersonId, youngPersonId), is(reviews.status, "scheduled"), gte(reviews.heldOn, today)))
      .orderBy(asc(reviews.startsAt))
      .limit(1)
      .get();
    const request = db
      .select({ requestedOn: reviewRequests.requestedOn })
      .from(reviewRequests)
      .where(and(is(reviewRequests.youngPersonId, youngPersonId), isNull(reviewRequests.reviewId)))
      .get();
    const unanswered = db
      .select({ id: reviews.id })
      .from(reviews)
      .leftJoin(reviewFeedback, is(reviewFeedback.reviewId, reviews.id))
      .where(
        and(
          is(reviews.youngPersonId, youngPersonId),
          is(reviews.status, "recorded"),
          isNull(reviewFeedback.reviewId),
          gte(reviews.heldOn, addDays(today, -60)),
        ),
      )
      .orderBy(desc(reviews.heldOn))
      .limit(1)
      .get();
    return {
      next: next ? { id: next.id, heldOn: next.heldOn, time: rigaClock(next.startsAt), statementWritten: Boolean(next.statement) } : null,
      requestedOn: request?.requestedOn ?? null,
      feltHeardReviewId: unanswered?.id ?? null,
    };
  };
  let shown = 0;
  for (const { id } of db.select({ id: youngPeople.id }).from(youngPeople).all())
    for (const days of [-400, -30, 0, 30, 400]) {
      const today = addDays(todayInRiga(), days);
      const card = youthReviewCard(id, today);
      expect(card).toEqual(viaBuilder(id, today));
      if (card.next || card.requestedOn || card.feltHeardReviewId) shown++;
    }
  // The demo has scheduled and recorded reviews and a request: some cards show something.
  expect(shown).toBeGreaterThanOrEqual(3);
});

/**
 * Who may do what on a plan (app/domain/policy.ts through app/utils/plan-access.server.ts), through the
 * real routes: every refusal is a thrown 404 that changes nothing in the database.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { freshDatabase, insertOtherOrganisation, youngPersonOf } from "../helpers/db";
import {
  ADMIN,
  AFTERCARE,
  CARER,
  domainOf,
  expectNoChange,
  expectNotFound,
  expectRedirect,
  goalForm,
  goalIdFrom,
  goalOf,
  goalRow,
  goalRows,
  LEAD,
  MENTOR,
  openStepOwnedBy,
  overviewOf,
  pages,
  planIdOf,
  planTables,
  post,
  PREPARATION,
  SPECIALIST,
  stepRow,
  token,
  userIdOf,
  YOUTH,
  youngPersonIdOf,
  type Outcome,
} from "./plan-support";
import { addDays, addMonths, todayInRiga } from "~/domain/dates";
import { mentoringWindow } from "~/domain/phase";
import { carerLinks, mentorships, readinessRatings } from "../../db/schema";
import { and, eq, gte } from "drizzle-orm";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

afterEach(() => {
  setClock(null);
});

/** Ratings `email` gave on Jānis's plan during this test (the seed has older ones). */
function newRatingsBy(email: string, since: number) {
  return getDb()
    .select()
    .from(readinessRatings)
    .where(
      and(eq(readinessRatings.raterId, userIdOf(email)), eq(readinessRatings.planId, planIdOf(youngPersonIdOf(YOUTH))), gte(readinessRatings.createdAt, since)),
    )
    .all();
}

/** Noon in Riga on a calendar day. */
function noonOn(day: string): Date {
  return new Date(`${day}T10:00:00Z`);
}

/** The plan of Jānis: ids of a goal with siblings, a youth-owned and a mentor-owned open step. */
function janisPlan() {
  const id = youngPersonIdOf(YOUTH);
  const finances = goalRows(id).filter((g) => g.domain === "finances");
  expect(finances.length).toBeGreaterThanOrEqual(2);
  return {
    id,
    goal: finances[0]!,
    secondGoal: finances[1]!,
    youthStep: openStepOwnedBy(id, "youth"),
    mentorStep: openStepOwnedBy(id, "mentor"),
    carerStep: openStepOwnedBy(id, "carer"),
  };
}

type Plan = ReturnType<typeof janisPlan>;

/** Every change a plan page offers, as one user would post it. */
function writes(plan: Plan): Record<string, (email: string) => Promise<Outcome>> {
  const { id, goal, secondGoal } = plan;
  return {
    createGoal: (email) => post.domain(email, id, "finances", goalForm("finances", { title: "Jauns mērķis" })),
    editGoal: (email) =>
      post.goal(email, id, goal.id, { intent: "editGoal", title: "Pārdēvēts", why: goal.why ?? "", owner: goal.owner, dueDate: goal.dueDate ?? "" }),
    status: (email) => post.goal(email, id, secondGoal.id, { intent: "status", status: "done" }),
    addStep: (email) => post.goal(email, id, goal.id, { intent: "addStep", title: "Jauns solis", owner: "mentor", clientToken: token() }),
    planB: (email) => post.domain(email, id, "finances", { intent: "planB", domain: "finances", planB: "Cits plāns B" }),
    move: (email) => post.domain(email, id, "finances", { intent: "move", goalId: secondGoal.id, direction: "up" }),
    rate: (email) => post.domain(email, id, "finances", { intent: "rate", domain: "finances", value: "4" }),
    comment: (email) => post.goal(email, id, goal.id, { intent: "comment", body: "Komentārs", clientToken: token() }),
    tickYouthStep: (email) => post.step(email, id, { stepId: plan.youthStep.id, done: "1" }),
    tickMentorStep: (email) => post.step(email, id, { stepId: plan.mentorStep.id, done: "1" }),
    tickCarerStep: (email) => post.step(email, id, { stepId: plan.carerStep.id, done: "1" }),
  };
}

type Write = keyof ReturnType<typeof writes>;
const ALL_WRITES: Write[] = [
  "createGoal",
  "editGoal",
  "status",
  "addStep",
  "planB",
  "move",
  "rate",
  "comment",
  "tickYouthStep",
  "tickMentorStep",
  "tickCarerStep",
];

function readPages(plan: Plan): Record<string, (email: string) => Promise<Outcome>> {
  return {
    overview: (email) => pages.overview(email, plan.id),
    domain: (email) => pages.domain(email, plan.id, "finances"),
    goal: (email) => pages.goal(email, plan.id, plan.goal.id),
    history: (email) => pages.history(email, plan.id),
    readiness: (email) => pages.readiness(email, plan.id),
  };
}

/** Each allowed write redirects and changes something; each refused one is a 404 that changes nothing. */
async function expectWrites(email: string, allowed: Write[]) {
  const plan = janisPlan();
  const all = writes(plan);
  for (const name of ALL_WRITES) {
    if (allowed.includes(name)) continue;
    const outcome = await expectNoChange(() => all[name]!(email));
    expect({ write: name, status: outcome.status, thrown: outcome.thrown }).toEqual({ write: name, status: 404, thrown: true });
  }
  for (const name of allowed) {
    const before = planTables();
    const outcome = await all[name]!(email);
    expect({ write: name, status: outcome.status }).toEqual({ write: name, status: 302 });
    expect(planTables()).not.toEqual(before);
  }
}

async function expectPages(email: string, status: 200 | 404) {
  for (const [name, load] of Object.entries(readPages(janisPlan()))) {
    const outcome = await load(email);
    expect({ page: name, status: outcome.status }).toEqual({ page: name, status });
    if (status === 404) expect(outcome.thrown).toBe(true);
  }
}

describe("the young person", () => {
  test("sees and changes everything in their own plan", async () => {
    await expectPages(YOUTH, 200);
    const overview = await overviewOf(YOUTH, youngPersonIdOf(YOUTH));
    expect(overview.nextSteps.every((s) => s.canTick)).toBe(true);
    const domain = await domainOf(YOUTH, youngPersonIdOf(YOUTH), "finances");
    expect(domain.permissions).toMatchObject({ edit: true, rate: true, comment: true, editOwnSteps: false });
    expect(domain.raterKind).toBe("youth");
    expect(domain.goals.flatMap((g) => g.steps).every((s) => s.canTick)).toBe(true);
    const since = Date.now();
    await expectWrites(YOUTH, ALL_WRITES);
    // The rating is the young person's own view.
    expect(newRatingsBy(YOUTH, since)).toEqual([expect.objectContaining({ domain: "finances", value: 4, raterKind: "youth" })]);
  });

  test("gets 404 for another young person's plan, pages and forms alike", async () => {
    // Anna on Jānis's plan.
    await expectPages(PREPARATION, 404);
    await expectWrites(PREPARATION, []);
    // Jānis on Marta's plan, and on Anna's.
    for (const other of [AFTERCARE, PREPARATION]) {
      const otherId = youngPersonIdOf(other);
      expectNotFound(await pages.overview(YOUTH, otherId));
      expectNotFound(await pages.history(YOUTH, otherId));
      const goal = goalRows(otherId)[0]!;
      expectNotFound(await expectNoChange(() => post.goal(YOUTH, otherId, goal.id, { intent: "comment", body: "x", clientToken: token() })));
      expectNotFound(await expectNoChange(() => post.domain(YOUTH, otherId, goal.domain, goalForm(goal.domain, { title: "Svešs" }))));
    }
  });
});

test("the assigned specialist sees and changes everything, rating as an adult", async () => {
  await expectPages(SPECIALIST, 200);
  const domain = await domainOf(SPECIALIST, youngPersonIdOf(YOUTH), "finances");
  expect(domain.permissions).toMatchObject({ edit: true, rate: true, comment: true, editOwnSteps: false });
  expect(domain.raterKind).toBe("adult");
  const since = Date.now();
  await expectWrites(SPECIALIST, ALL_WRITES);
  expect(newRatingsBy(SPECIALIST, since)).toEqual([expect.objectContaining({ domain: "finances", value: 4, raterKind: "adult" })]);
  // And the specialist can create goals for the young person.
  const id = youngPersonIdOf(YOUTH);
  const goalId = goalIdFrom(expectRedirect(await post.domain(SPECIALIST, id, "health", goalForm("health", { title: "Zobārsts", owner: "specialist" }))));
  expect(goalRow(goalId)).toMatchObject({ title: "Zobārsts", owner: "specialist", createdBy: userIdOf(SPECIALIST) });
});

describe("the mentor (inside the mentoring window)", () => {
  test("sees the plan; may rate, comment and tick the mentor's own steps, nothing else", async () => {
    await expectPages(MENTOR, 200);
    const plan = janisPlan();
    const domain = await domainOf(MENTOR, plan.id, "housing");
    expect(domain.permissions).toMatchObject({ edit: false, rate: true, comment: true, editOwnSteps: true });
    expect(domain.raterKind).toBe("adult");
    for (const step of domain.goals.flatMap((g) => g.steps)) expect(step.canTick).toBe(step.owner === "mentor");
    const goalPage = await goalOf(MENTOR, plan.id, plan.goal.id);
    expect(goalPage.permissions.edit).toBe(false);

    const since = Date.now();
    await expectWrites(MENTOR, ["rate", "comment", "tickMentorStep"]);
    expect(stepRow(plan.mentorStep.id)).toMatchObject({ doneBy: userIdOf(MENTOR) });
    expect(stepRow(plan.youthStep.id)!.doneAt).toBeNull();
    expect(newRatingsBy(MENTOR, since)).toEqual([expect.objectContaining({ domain: "finances", value: 4, raterKind: "adult" })]);
    // And may untick the mentor's own step again.
    expectRedirect(await post.step(MENTOR, plan.id, { stepId: plan.mentorStep.id, done: "0" }));
    expect(stepRow(plan.mentorStep.id)!.doneAt).toBeNull();
  });

  test.each<Write>(["createGoal", "editGoal", "status", "addStep", "planB", "move", "tickYouthStep", "tickCarerStep"])(
    "may not %s: a 404 and nothing changes",
    async (name) => {
      const outcome = await expectNoChange(() => writes(janisPlan())[name]!(MENTOR));
      expectNotFound(outcome);
    },
  );

  test("cannot untick a done step that the young person owns", async () => {
    const plan = janisPlan();
    expectRedirect(await post.step(YOUTH, plan.id, { stepId: plan.youthStep.id, done: "1" }));
    const outcome = await expectNoChange(() => post.step(MENTOR, plan.id, { stepId: plan.youthStep.id, done: "0" }));
    expectNotFound(outcome);
    expect(stepRow(plan.youthStep.id)!.doneAt).not.toBeNull();
  });

  test("has no access to a young person they do not mentor", async () => {
    const anna = youngPersonIdOf(PREPARATION);
    expectNotFound(await pages.overview(MENTOR, anna));
    expectNotFound(await pages.readiness(MENTOR, anna));
    const goal = goalRows(anna)[0]!;
    expectNotFound(await pages.goal(MENTOR, anna, goal.id));
    expectNotFound(await expectNoChange(() => post.goal(MENTOR, anna, goal.id, { intent: "comment", body: "x", clientToken: token() })));
    expectNotFound(await expectNoChange(() => post.domain(MENTOR, anna, goal.domain, { intent: "rate", domain: goal.domain, value: "5" })));
  });
});

describe("the mentor before the mentoring window opens", () => {
  test("gets 404 on every page and form; the day the window opens, the plan appears", async () => {
    const janis = youngPersonOf(YOUTH);
    const opens = mentoringWindow(janis.plannedCareEndDate).start;
    expect(opens).toBe(addMonths(janis.plannedCareEndDate, -12));

    // More than 12 months before the care end.
    setClock(noonOn(addMonths(janis.plannedCareEndDate, -13)));
    await expectPages(MENTOR, 404);
    await expectWrites(MENTOR, []);
    // Marta's window (care ended before that day) is open, so it is the window that says no.
    const marta = youngPersonIdOf(AFTERCARE);
    expect((await pages.overview(MENTOR, marta)).status).toBe(200);
    // The young person still has their plan that day.
    expect((await pages.overview(YOUTH, janis.id)).status).toBe(200);

    setClock(noonOn(addDays(opens, -1)));
    expectNotFound(await pages.overview(MENTOR, janis.id));
    setClock(noonOn(opens));
    expect((await pages.overview(MENTOR, janis.id)).status).toBe(200);
  });
});

describe("the carer", () => {
  test("sees the plan and comments; may not rate, edit or tick any step", async () => {
    await expectPages(CARER, 200);
    const domain = await domainOf(CARER, youngPersonIdOf(YOUTH), "finances");
    expect(domain.permissions).toMatchObject({ edit: false, rate: false, comment: true, editOwnSteps: false });
    expect(domain.goals.flatMap((g) => g.steps).some((s) => s.canTick)).toBe(false);
    await expectWrites(CARER, ["comment"]);
  });
});

describe("the lead", () => {
  test("sees the plan; may not comment, rate or change anything", async () => {
    await expectPages(LEAD, 200);
    const plan = janisPlan();
    const domain = await domainOf(LEAD, plan.id, "finances");
    expect(domain.permissions).toMatchObject({ edit: false, rate: false, comment: false, editOwnSteps: false });
    const overview = await overviewOf(LEAD, plan.id);
    expect(overview.nextSteps.some((s) => s.canTick)).toBe(false);
    await expectWrites(LEAD, []);
  });
});

describe("the admin", () => {
  test("gets 404 on every plan page and form, for every young person", async () => {
    await expectPages(ADMIN, 404);
    await expectWrites(ADMIN, []);
    for (const email of [YOUTH, AFTERCARE, PREPARATION]) {
      const id = youngPersonIdOf(email);
      const goal = goalRows(id)[0]!;
      expectNotFound(await pages.overview(ADMIN, id));
      expectNotFound(await pages.domain(ADMIN, id, goal.domain));
      expectNotFound(await pages.goal(ADMIN, id, goal.id));
      expectNotFound(await pages.history(ADMIN, id));
      expectNotFound(await pages.readiness(ADMIN, id));
    }
  });
});

test("without a login every plan page redirects to the login page and no plan is created", async () => {
  const plan = janisPlan();
  const before = planTables();
  for (const outcome of [
    await pages.overview(null, plan.id),
    await pages.history(null, plan.id),
    await post.step(null, plan.id, { stepId: plan.youthStep.id, done: "1" }),
    await post.domain(null, plan.id, "finances", { intent: "rate", domain: "finances", value: "5" }),
  ]) {
    expect(outcome.thrown).toBe(true);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/login/);
  }
  expect(planTables()).toEqual(before);
});

describe("relations that have ended, and other organisations", () => {
  test("a paused or closed mentorship, or an ended carer link, is a 404 on the next request", async () => {
    const plan = janisPlan();
    getDb().update(mentorships).set({ status: "paused" }).where(eq(mentorships.youngPersonId, plan.id)).run();
    expectNotFound(await pages.overview(MENTOR, plan.id));
    expectNotFound(await expectNoChange(() => writes(plan).tickMentorStep!(MENTOR)));
    getDb().update(mentorships).set({ status: "closed" }).where(eq(mentorships.youngPersonId, plan.id)).run();
    expectNotFound(await expectNoChange(() => writes(plan).comment!(MENTOR)));

    expect((await pages.overview(CARER, plan.id)).status).toBe(200);
    getDb()
      .update(carerLinks)
      .set({ endedOn: addDays(todayInRiga(), -1) })
      .where(eq(carerLinks.youngPersonId, plan.id))
      .run();
    expectNotFound(await pages.overview(CARER, plan.id));
    expectNotFound(await expectNoChange(() => writes(plan).comment!(CARER)));
  });

  test("another organisation's specialist gets 404 on the demo plans, and the demo specialist on theirs", async () => {
    const other = await insertOtherOrganisation();
    await expectPages(other.specialistEmail, 404);
    await expectWrites(other.specialistEmail, []);
    expectNotFound(await pages.overview(SPECIALIST, other.youngPersonId));
    expect((await pages.overview(other.specialistEmail, other.youngPersonId)).status).toBe(200);
  });
});

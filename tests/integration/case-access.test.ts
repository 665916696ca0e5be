/**
 * requireCaseAccess (app/utils/authz.server.ts) against the real database: 404 for unknown records and
 * for records the user may not see (so ids cannot be probed), the policy's subject when allowed.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { mentorships } from "../../db/schema";
import { browserRequest, freshDatabase, guard, insertOtherOrganisation, sessionCookieFor, userByEmail, youngPersonOf } from "../helpers/db";
import { addDays, addMonths } from "~/domain/dates";
import type { CaseAction } from "~/domain/policy";
import { mentoringWindow } from "~/domain/phase";
import { requireUser, type SessionUser } from "~/utils/auth.server";
import { requireCaseAccess } from "~/utils/authz.server";
import { now, setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

/** The user as requireUser gives it to a loader, from a real session. */
async function sessionUser(email: string): Promise<SessionUser> {
  const at = now().getTime();
  return requireUser(browserRequest("/", { cookie: sessionCookieFor(email, { createdAt: at, lastSeenAt: at }) }));
}

async function expectNotFound(email: string, youngPersonId: string, action: CaseAction = "case.view") {
  const user = await sessionUser(email);
  const result = await guard(() => requireCaseAccess(user, youngPersonId, action));
  expect(result.thrown).toBe(true);
  expect(result.response.status).toBe(404);
  // The body says nothing about whether the record exists.
  expect(await result.response.text()).toBe("Not found");
}

async function expectAllowed(email: string, youngPersonId: string, action: CaseAction = "case.view") {
  const user = await sessionUser(email);
  const subject = requireCaseAccess(user, youngPersonId, action);
  expect(subject.kind).toBe("case");
  expect(subject.organisationId).toBe(user.organisationId);
  return subject;
}

const JANIS = "youth.transition@demo.test";
const MARTA = "youth.aftercare@demo.test";
const ANNA = "youth.preparation@demo.test";

beforeEach(async () => {
  await freshDatabase();
});

afterEach(() => {
  setClock(null);
});

describe("requireCaseAccess refuses with 404", () => {
  test("an unknown id", async () => {
    await expectNotFound("specialist@demo.test", "00000000-0000-0000-0000-000000000000");
    await expectNotFound("lead@demo.test", "");
    await expectNotFound("lead@demo.test", "' OR 1=1 --");
  });

  test("a record of another organisation, both ways", async () => {
    const other = await insertOtherOrganisation();
    await expectNotFound("specialist@demo.test", other.youngPersonId);
    await expectNotFound("lead@demo.test", other.youngPersonId);
    await expectNotFound(other.specialistEmail, youngPersonOf(JANIS).id);
    await expectNotFound(other.youthEmail, youngPersonOf(JANIS).id);
  });

  test("an unknown id and a forbidden one look the same", async () => {
    const other = await insertOtherOrganisation();
    const user = await sessionUser("specialist@demo.test");
    const forbidden = await guard(() => requireCaseAccess(user, other.youngPersonId, "case.view"));
    const unknown = await guard(() => requireCaseAccess(user, "no-such-id", "case.view"));
    expect(forbidden.response.status).toBe(unknown.response.status);
    expect([...forbidden.response.headers]).toEqual([...unknown.response.headers]);
    expect(await forbidden.response.text()).toBe(await unknown.response.text());
  });

  test("an admin, for every record of their own organisation", async () => {
    for (const email of [JANIS, MARTA, ANNA]) await expectNotFound("admin@demo.test", youngPersonOf(email).id);
  });

  test("a young person, for someone else's record", async () => {
    await expectNotFound(JANIS, youngPersonOf(MARTA).id);
    await expectNotFound(ANNA, youngPersonOf(JANIS).id);
  });

  test("a mentor, for a young person they do not mentor", async () => {
    await expectNotFound("mentor@demo.test", youngPersonOf(ANNA).id);
  });

  test("a mentor, the day before the mentoring window opens", async () => {
    const janis = youngPersonOf(JANIS);
    const opens = mentoringWindow(janis.plannedCareEndDate).start;
    setClock(new Date(`${addDays(opens, -1)}T10:00:00Z`));
    await expectNotFound("mentor@demo.test", janis.id);
    setClock(new Date(`${opens}T10:00:00Z`));
    await expectAllowed("mentor@demo.test", janis.id);
  });

  test("a mentor, more than 12 months before the care end", async () => {
    const janis = youngPersonOf(JANIS);
    setClock(new Date(`${addMonths(janis.plannedCareEndDate, -13)}T10:00:00Z`));
    await expectNotFound("mentor@demo.test", janis.id);
  });

  test("a mentor whose mentorship is closed", async () => {
    const janis = youngPersonOf(JANIS);
    await expectAllowed("mentor@demo.test", janis.id);
    getDb().update(mentorships).set({ status: "closed" }).where(eq(mentorships.youngPersonId, janis.id)).run();
    await expectNotFound("mentor@demo.test", janis.id);
  });

  test("a carer, for a young person not in their care", async () => {
    await expectNotFound("carer@demo.test", youngPersonOf(MARTA).id);
  });

  test("actions beyond the role: a lead may view but not edit the plan; a carer may not rate", async () => {
    await expectAllowed("lead@demo.test", youngPersonOf(JANIS).id, "case.view");
    await expectNotFound("lead@demo.test", youngPersonOf(JANIS).id, "plan.edit");
    await expectNotFound("carer@demo.test", youngPersonOf(JANIS).id, "plan.rate");
    await expectNotFound(JANIS, youngPersonOf(JANIS).id, "case.editRecord");
    await expectNotFound("mentor@demo.test", youngPersonOf(JANIS).id, "plan.edit");
  });
});

describe("requireCaseAccess returns the subject", () => {
  test("to the young person, for their own record", async () => {
    const janis = youngPersonOf(JANIS);
    const subject = await expectAllowed(JANIS, janis.id, "plan.edit");
    expect(subject.youthUserId).toBe(userByEmail(JANIS).id);
    expect(subject.careEndDate).toBe(janis.plannedCareEndDate);
  });

  test("to the assigned specialist, with the relations the policy used", async () => {
    const janis = youngPersonOf(JANIS);
    const subject = await expectAllowed("specialist@demo.test", janis.id, "mentorship.manage");
    expect(subject.specialistId).toBe(userByEmail("specialist@demo.test").id);
    expect(subject.mentorships).toEqual([{ mentorId: userByEmail("mentor@demo.test").id, status: "active" }]);
    expect(subject.carerLinks).toEqual([{ carerId: userByEmail("carer@demo.test").id, ended: false }]);
  });

  test("to a mentor inside the window, a carer and a lead", async () => {
    await expectAllowed("mentor@demo.test", youngPersonOf(JANIS).id, "plan.comment");
    await expectAllowed("mentor@demo.test", youngPersonOf(MARTA).id);
    await expectAllowed("carer@demo.test", youngPersonOf(JANIS).id, "plan.view");
    for (const email of [JANIS, MARTA, ANNA]) await expectAllowed("lead@demo.test", youngPersonOf(email).id);
  });

  test("to the other organisation's specialist, for their own young person", async () => {
    const other = await insertOtherOrganisation();
    const subject = await expectAllowed(other.specialistEmail, other.youngPersonId);
    expect(subject.organisationId).toBe(other.organisationId);
  });
});

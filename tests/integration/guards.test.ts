/**
 * The access guards themselves (app/utils/authz.server.ts, app/utils/plan-access.server.ts) on the real
 * demo database: what each refusal looks like, which sections and intents they let through, and which
 * requests count as a read in the access log. Written from the guards' mutation run (docs/proofs.md).
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { auditLog } from "../../db/schema";
import { browserRequest, freshDatabase, guard, sessionCookieFor, youngPersonOf } from "../helpers/db";
import { requireUser, type SessionUser } from "~/utils/auth.server";
import { notFound, requireOrganisationAccess, requireSections, requireViewer } from "~/utils/authz.server";
import { now, setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { recordPart, requireIntent, requirePlan } from "~/utils/plan-access.server";

const JANIS = "youth.transition@demo.test";
const MENTOR = "mentor@demo.test";
const CARER = "carer@demo.test";
const SPECIALIST = "specialist@demo.test";
const LEAD = "lead@demo.test";

function cookieOf(email: string) {
  const at = now().getTime();
  return sessionCookieFor(email, { createdAt: at, lastSeenAt: at });
}

async function sessionUser(email: string): Promise<SessionUser> {
  return requireUser(browserRequest("/", { cookie: cookieOf(email) }));
}

async function expectPlainRefusal(run: () => unknown, status: number, body: string) {
  const result = await guard(run);
  expect(result.thrown).toBe(true);
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
  expect(await result.response.text()).toBe(body);
}

function readsOf(youngPersonId: string, actorId: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.youngPersonId, youngPersonId), eq(auditLog.actorId, actorId)))
    .all();
}

let janis: string;

beforeEach(async () => {
  await freshDatabase();
  janis = youngPersonOf(JANIS).id;
});

afterEach(() => {
  setClock(null);
});

describe("the refusals", () => {
  test("a record's 404 is plain text that says nothing more", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Not found");
  });

  test("an organisation action the role lacks is a plain 403; one it has passes", async () => {
    const mentor = await sessionUser(MENTOR);
    await expectPlainRefusal(() => requireOrganisationAccess(mentor, "organisation.viewStatistics"), 403, "Forbidden");
    await expectPlainRefusal(() => requireOrganisationAccess(mentor, "organisation.viewAllCases"), 403, "Forbidden");
    const lead = await sessionUser(LEAD);
    expect(requireOrganisationAccess(lead, "organisation.viewStatistics")).toBeUndefined();
    expect(requireOrganisationAccess(mentor, "organisation.view")).toBeUndefined();
  });
});

describe("sections", () => {
  test("every section asked for must be seen, not just one of them", async () => {
    const { viewer } = requireViewer(await sessionUser(MENTOR), janis, "plan.view");
    expect(viewer.sections.has("housing")).toBe(true);
    expect(viewer.sections.has("wellbeing")).toBe(false);
    expect(requireSections(viewer, "housing")).toBeUndefined();
    expect(requireSections(viewer)).toBeUndefined();
    await expectPlainRefusal(() => requireSections(viewer, "wellbeing"), 404, "Not found");
    await expectPlainRefusal(() => requireSections(viewer, "housing", "wellbeing"), 404, "Not found");
  });

  test("a plan page that needs a section the viewer does not see is a 404, with the guard's own check too", async () => {
    const request = () => browserRequest(`/plan/${janis}`, { cookie: cookieOf(MENTOR) });
    await expectPlainRefusal(() => requirePlan(request(), janis, "plan.view", { sections: ["wellbeing"] }), 404, "Not found");
    const access = await requirePlan(request(), janis, "plan.view", { sections: ["housing"] });
    expect(access.requireSections("housing")).toBeUndefined();
    await expectPlainRefusal(() => access.requireSections("wellbeing"), 404, "Not found");
  });

  test("no record id is a plain 404", async () => {
    await expectPlainRefusal(() => requirePlan(browserRequest("/plan/", { cookie: cookieOf(SPECIALIST) }), undefined, "plan.view"), 404, "Not found");
  });
});

describe("what a plan page may offer", () => {
  test("life skills are confirmed by whoever edits or rates the plan", async () => {
    const confirm = async (email: string) => (await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(email) }), janis, "plan.view")).permissions;
    expect(await confirm(JANIS)).toMatchObject({ edit: true, confirmSkills: true });
    expect(await confirm(SPECIALIST)).toMatchObject({ edit: true, rate: true, confirmSkills: true });
    // The mentor rates but does not edit; the carer does neither.
    expect(await confirm(MENTOR)).toMatchObject({ edit: false, rate: true, confirmSkills: true });
    expect(await confirm(CARER)).toMatchObject({ edit: false, rate: false, confirmSkills: false });
  });

  test("requirePermission refuses with a plain 404 what the viewer may not do", async () => {
    const access = await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(MENTOR) }), janis, "plan.view");
    expect(access.requirePermission("rate")).toBeUndefined();
    await expectPlainRefusal(() => access.requirePermission("edit"), 404, "Not found");
  });
});

describe("intents", () => {
  const table = {
    edit: { action: "plan.edit" },
    rate: { action: "plan.rate", sections: ["housing"] },
    feel: { action: "plan.rate", sections: ["wellbeing"] },
  } as const;

  test("an unknown or missing intent is a plain 400, an inherited property name too", async () => {
    const access = await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(MENTOR) }), janis, "plan.view");
    for (const intent of [null, "", "nope", "toString", "__proto__", "constructor", "hasOwnProperty"]) {
      await expectPlainRefusal(() => requireIntent(access, intent, table), 400, "Bad request");
    }
  });

  test("an intent the policy refuses, or whose section is not seen, is a plain 404; an allowed one is returned", async () => {
    const access = await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(MENTOR) }), janis, "plan.view");
    await expectPlainRefusal(() => requireIntent(access, "edit", table), 404, "Not found");
    await expectPlainRefusal(() => requireIntent(access, "feel", table), 404, "Not found");
    expect(requireIntent(access, "rate", table)).toBe("rate");
    const specialist = await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(SPECIALIST) }), janis, "plan.view");
    expect(requireIntent(specialist, "edit", table)).toBe("edit");
    expect(requireIntent(specialist, "feel", table)).toBe("feel");
  });
});

describe("the access log", () => {
  test("opening a page (GET or HEAD) is one read of that part; a form post is not a read", async () => {
    const specialist = await sessionUser(SPECIALIST);
    const before = readsOf(janis, specialist.id).length;
    await requirePlan(browserRequest(`/plan/${janis}/goals/g-1`, { cookie: cookieOf(SPECIALIST) }), janis, "plan.view");
    await requirePlan(browserRequest(`/plan/${janis}/history`, { cookie: cookieOf(SPECIALIST), method: "HEAD" }), janis, "plan.view");
    await requirePlan(browserRequest(`/plan/${janis}`, { cookie: cookieOf(SPECIALIST) }), janis, "plan.view", { part: "budget" });
    await requirePlan(browserRequest(`/plan/${janis}/goals`, { cookie: cookieOf(SPECIALIST), form: { intent: "x" } }), janis, "plan.view");
    const reads = readsOf(janis, specialist.id).slice(before);
    expect(reads.map((r) => [r.kind, r.part, r.actorRole])).toEqual([
      ["read", "goals", "specialist"],
      ["read", "history", "specialist"],
      ["read", "budget", "specialist"],
    ]);
  });

  test("the part of a record a path names: the segment after the id, or the overview", () => {
    const part = (path: string) => recordPart(new Request(new URL(path, "http://localhost")));
    const id = "0b6c1f9e-6a43-4b53-9a55-3c5d1f0e2a71";
    expect(part(`/plan/${id}`)).toBe("overview");
    expect(part(`/plan/${id}/`)).toBe("overview");
    expect(part(`/plan/${id}/goals`)).toBe("goals");
    expect(part(`/plan/${id}/goals/g-1/steps`)).toBe("goals");
    expect(part(`/plan//${id}//first-month`)).toBe("first-month");
    expect(part(`/plan/${id}/a`)).toBe("a");
    expect(part(`/plan/${id}/${"a".repeat(31)}`)).toBe("a".repeat(31));
    // Anything else is logged as the overview: not a letter first, a digit or sign later, too long.
    expect(part(`/plan/${id}/${"a".repeat(32)}`)).toBe("overview");
    expect(part(`/plan/${id}/1goals`)).toBe("overview");
    expect(part(`/plan/${id}/-goals`)).toBe("overview");
    expect(part(`/plan/${id}/goals1`)).toBe("overview");
    expect(part(`/plan/${id}/go%20als`)).toBe("overview");
  });
});

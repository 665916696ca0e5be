/**
 * Running an organisation (issue 13) through the real routes on a real SQLite database: invitations,
 * accounts, records, password resets and statistics, with the bad input the issue lists.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { goals, invitations, mentorships, passwordResets, planEvents, plans, users, youngPeople } from "../../db/schema";
import { addDays, todayInRiga } from "~/domain/dates";
import { buildStatistics, type StatisticsRow } from "~/domain/statistics";
import { CARE_FORMS, DOMAINS, EDUCATION_STATUSES, EMPLOYMENT_STATUSES, type Domain } from "~/domain/vocabulary";
import {
  browserRequest,
  cookiePair,
  countStatements,
  freshDatabase,
  insertOtherOrganisation,
  routeArgs,
  sessionCookieFor,
  sessionRowsOf,
  settle,
  userByEmail,
} from "../helpers/db";
import { action as peopleAction, loader as peopleLoader } from "~/routes/organisation.people";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite._index";
import { loader as inviteLinkLoader } from "~/routes/invite.$token";
import { action as resetAction, loader as resetLoader } from "~/routes/reset._index";
import { action as newRecordAction } from "~/routes/records.new";
import { action as recordAction, loader as recordLoader } from "~/routes/plan.$youngPersonId.record";
import { loader as statisticsLoader } from "~/routes/organisation.statistics";
import { loader as csvLoader } from "~/routes/organisation.statistics[.]csv";
import { loader as homeLoader } from "~/routes/_index";
import { organisationStatistics } from "~/models/statistics.server";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { redactSecrets } from "~/utils/security.server";
import { followShownOnce } from "../helpers/shown-once";

const GOOD_PASSWORD = "zaļš kalns pie upes 77";

function recordNamed(displayName: string) {
  return getDb().select().from(youngPeople).where(eq(youngPeople.displayName, displayName)).get()!;
}

beforeEach(async () => {
  await freshDatabase({ organisation: true });
});
afterEach(() => setClock(null));

/**
 * The session of `email` (if any) and, for the invitation and reset pages, the link's token in the cookie
 * that GET /invite/<token> (or /reset/<token>) sets: `{ token }` stands for that cookie.
 */
function cookiesFor(path: string, email: string | null, params: Record<string, string>): string | undefined {
  const parts = [email ? sessionCookieFor(email) : null, params.token ? `${path.startsWith("/reset") ? "tilts_reset" : "tilts_invite"}=${params.token}` : null];
  return parts.filter(Boolean).join("; ") || undefined;
}

async function post(
  run: (args: ReturnType<typeof routeArgs>) => unknown,
  path: string,
  email: string | null,
  form: Record<string, string>,
  params: Record<string, string> = {},
) {
  const cookie = cookiesFor(path, email, params);
  return settle(() => run(routeArgs(browserRequest(path, { cookie, form }), params)));
}

async function get(run: (args: ReturnType<typeof routeArgs>) => unknown, path: string, email: string | null, params: Record<string, string> = {}) {
  const cookie = cookiesFor(path, email, params);
  return settle(() => run(routeArgs(browserRequest(path, { cookie }), params)));
}

/** The token at the end of a handed link's URL. */
function tokenOf(url: string): string {
  return url.split("/").pop()!;
}

/** Invites staff; a good invitation redirects and the page shows the link once (post/redirect/get). */
async function inviteStaff(by: string, form: Record<string, string>) {
  const { response } = await post(peopleAction, "/organisation/people", by, { intent: "invite", ...form });
  if (response.status !== 302) return { response, body: (await response.json()) as { link?: null; result: { error?: Record<string, string[]> } } };
  const { link } = await followShownOnce(response, peopleLoader, sessionCookieFor(by));
  return { response, body: { link, result: {} as { error?: Record<string, string[]> } } };
}

/** The link a record page or the people page shows once after the action that made it. */
async function shownLink(
  made: { response: Response },
  loader: (args: ReturnType<typeof routeArgs>) => unknown,
  email: string,
  params: Record<string, string> = {},
) {
  const { link } = await followShownOnce(made.response, loader, sessionCookieFor(email), params);
  expect(link).not.toBeNull();
  return link!;
}

describe("invitations", () => {
  test("the admin invites a lead: a QR code and a link; only the token's hash is stored; the invitee sets a password and is logged in", async () => {
    const { response, body } = await inviteStaff("admin@demo.test", { email: " Vaditaja@Example.LV ", displayName: "Jauna Vadītāja", role: "lead" });
    expect(response.status).toBe(302);
    expect(body.link!.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{32}$/);
    expect(body.link!.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body.link!.qrSvg).not.toMatch(/<script|href=/i);
    expect(body.link!.emailed).toBe(false);
    const token = tokenOf(body.link!.url);
    const row = getDb().select().from(invitations).where(eq(invitations.email, "vaditaja@example.lv")).get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt - row.createdAt).toBe(7 * 24 * 3600 * 1000);

    // The link moves the token into a cookie for /invite and leaves the URL at once.
    const hop = await get(inviteLinkLoader, `/invite/${token}?lng=ru`, null, { token });
    expect(hop.response.status).toBe(302);
    expect(hop.response.headers.get("Location")).toBe("/invite?lng=ru");
    expect(hop.response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(hop.response.headers.get("Set-Cookie")).toMatch(new RegExp(`^tilts_invite=${token}; Path=/invite; Max-Age=3600; HttpOnly; SameSite=Lax`));
    const page = await get(inviteLoader, "/invite", null, { token });
    const pageData = await page.response.json();
    expect(pageData.state).toBe("valid");
    expect(pageData.invitation.role).toBe("lead");

    const weak = await post(inviteAction, "/invite", null, { newPassword: "password123", confirmPassword: "password123" }, { token });
    expect(weak.response.status).toBe(400);
    const accepted = await post(inviteAction, "/invite?lng=en", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token });
    expect(accepted.response.status).toBe(302);
    expect(accepted.response.headers.get("Location")).toBe("/?welcome=1");
    const setCookies = accepted.response.headers.get("Set-Cookie")!.split(/, (?=[a-z_]+=)/);
    expect(setCookies.some((c) => c.startsWith("tilts_invite=; Path=/invite; Max-Age=0"))).toBe(true);
    const cookie = cookiePair(setCookies.find((c) => c.startsWith("tilts_session="))!);
    const home = await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie }))));
    const homeData = await home.response.json();
    expect(homeData.home.role).toBe("lead");
    const user = userByEmail("vaditaja@example.lv");
    expect(user.locale).toBe("en");
    expect(user.lastLoginAt).not.toBeNull();

    // Used: it says so, and a second try opens nothing.
    const again = await post(inviteAction, "/invite", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token });
    expect(again.response.status).toBe(410);
    expect((await (await get(inviteLoader, "/invite", null, { token })).response.json()).state).toBe("used");
  });

  test("expired, revoked and unknown links say so; a new invitation revokes the older one", async () => {
    const first = tokenOf((await inviteStaff("admin@demo.test", { email: "a@example.lv", displayName: "A", role: "mentor" })).body.link!.url);
    const second = tokenOf((await inviteStaff("admin@demo.test", { email: "a@example.lv", displayName: "A", role: "mentor" })).body.link!.url);
    const stateOf = async (token: string) => (await (await get(inviteLoader, "/invite", null, { token })).response.json()).state;
    expect(await stateOf(first)).toBe("revoked");
    expect(await stateOf(second)).toBe("valid");
    expect(await stateOf("x".repeat(32))).toBe("unknown");
    expect(await stateOf("not-a-token")).toBe("unknown");
    setClock(new Date(Date.now() + 7 * 24 * 3600 * 1000 + 1000));
    expect(await stateOf(second)).toBe("expired");
    const late = await post(inviteAction, "/invite", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token: second });
    expect(late.response.status).toBe(410);
    expect(getDb().select().from(users).where(eq(users.email, "a@example.lv")).get()).toBeUndefined();
  });

  test("an e-mail that already has an account is refused next to the field", async () => {
    const { response, body } = await inviteStaff("admin@demo.test", { email: "MENTOR@demo.test", displayName: "X", role: "mentor" });
    expect(response.status).toBe(400);
    expect(body.result.error?.email).toEqual(["org.errors.emailHasAccount"]);
    expect(body.link).toBeUndefined();
  });

  test("a lead invites specialists, mentors and carers, not leads or admins; an unknown role is refused; a specialist may not invite", async () => {
    expect((await inviteStaff("lead@demo.test", { email: "m@example.lv", displayName: "M", role: "mentor" })).response.status).toBe(302);
    const admin = await inviteStaff("lead@demo.test", { email: "b@example.lv", displayName: "B", role: "admin" });
    expect(admin.response.status).toBe(400);
    expect(admin.body.result.error?.role).toEqual(["org.errors.roleNotAllowed"]);
    const unknown = await inviteStaff("lead@demo.test", { email: "c@example.lv", displayName: "C", role: "overlord" });
    expect(unknown.body.result.error?.role).toEqual(["org.errors.roleUnknown"]);
    const specialist = await post(peopleAction, "/organisation/people", "specialist@demo.test", {
      intent: "invite",
      email: "d@example.lv",
      displayName: "D",
      role: "mentor",
    });
    expect(specialist.response.status).toBe(403);
  });

  test("the demo admin has a pending invitation", async () => {
    const { response } = await get(peopleLoader, "/organisation/people", "admin@demo.test");
    const data = await response.json();
    expect(data.invitations.map((i: { email: string; state: string }) => [i.email, i.state])).toEqual([["new.specialist@demo.test", "valid"]]);
  });
});

describe("accounts", () => {
  test("disabling ends the account's sessions at once; re-enabling lets them log in again; search and filters", async () => {
    const mentorCookie = sessionCookieFor("mentor@demo.test");
    const mentor = userByEmail("mentor@demo.test");
    const off = await post(peopleAction, "/organisation/people?role=mentor", "admin@demo.test", { intent: "disable", userId: mentor.id });
    expect(off.response.status).toBe(302);
    expect(off.response.headers.get("Location")).toBe("/organisation/people?role=mentor");
    expect(sessionRowsOf("mentor@demo.test")).toHaveLength(0);
    const next = await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie: mentorCookie }))));
    expect(next.response.status).toBe(302);
    expect(next.response.headers.get("Location")).toContain("/login");

    const list = async (query: string) =>
      (
        (await (await get(peopleLoader, `/organisation/people${query}`, "admin@demo.test")).response.json()).people as Array<{
          email: string;
          disabled: boolean;
          lastLoginAt: number | null;
        }>
      ).map((p) => p.email);
    expect(await list("?state=disabled")).toEqual(["mentor@demo.test"]);
    expect(await list("?q=Bērz")).toEqual(["mentor@demo.test"]);
    expect(await list("?q=%25")).toEqual([]);
    expect((await list("?role=mentor")).sort()).toEqual(["mentor2@demo.test", "mentor@demo.test"]);

    await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "enable", userId: mentor.id });
    expect(userByEmail("mentor@demo.test").disabledAt).toBeNull();
  });

  test("a role change takes effect on the next request; only roles the actor may give; the lead cannot touch a lead or an admin", async () => {
    const cookie = sessionCookieFor("mentor2@demo.test");
    const target = userByEmail("mentor2@demo.test");
    const changed = await post(peopleAction, "/organisation/people", "lead@demo.test", { intent: "role", userId: target.id, role: "specialist" });
    expect(changed.response.status).toBe(302);
    expect(userByEmail("mentor2@demo.test").role).toBe("specialist");
    expect((await settle(() => homeLoader(routeArgs(browserRequest("/", { cookie }))))).response.status).toBe(302);

    const toAdmin = await post(peopleAction, "/organisation/people", "lead@demo.test", { intent: "role", userId: target.id, role: "admin" });
    expect(toAdmin.response.status).toBe(403);
    const unknown = await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "role", userId: target.id, role: "king" });
    expect(unknown.response.status).toBe(400);
    const admin = userByEmail("admin@demo.test");
    const onAdmin = await post(peopleAction, "/organisation/people", "lead@demo.test", { intent: "disable", userId: admin.id });
    expect(onAdmin.response.status).toBe(403);
    expect(userByEmail("admin@demo.test").disabledAt).toBeNull();
    const self = await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "disable", userId: admin.id });
    expect(self.response.status).toBe(403);
    const youth = userByEmail("youth.transition@demo.test");
    const youthRole = await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "role", userId: youth.id, role: "mentor" });
    expect(youthRole.response.status).toBe(403);
  });

  test("another organisation's account cannot be touched, and specialists, mentors and carers cannot open the page", async () => {
    const other = await insertOtherOrganisation();
    const outcome = await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "disable", userId: other.specialistId });
    expect(outcome.response.status).toBe(403);
    const reset = await post(peopleAction, "/organisation/people", "admin@demo.test", { intent: "reset", userId: other.specialistId });
    expect(reset.response.status).toBe(403);
    expect(getDb().select().from(passwordResets).all()).toHaveLength(0);
    for (const email of ["specialist@demo.test", "mentor@demo.test", "carer@demo.test", "youth.transition@demo.test"]) {
      expect((await get(peopleLoader, "/organisation/people", email)).response.status).toBe(403);
    }
  });

  test("the admin's list shows no case content", async () => {
    const { response } = await get(peopleLoader, "/organisation/people", "admin@demo.test");
    const text = await response.text();
    expect(text).not.toMatch(/Bauskas|plannedCareEndDate|dateOfBirth/);
  });
});

describe("records", () => {
  const record = {
    intent: "save",
    displayName: "Rūta Jauna",
    dateOfBirth: "2010-05-04",
    careForm: "sos_family",
    municipality: "Rēzekne",
    plannedCareEndDate: "2028-05-04",
    educationStatus: "basic_school",
    employmentStatus: "",
    specialNeeds: "",
  };

  test("a specialist creates a record (theirs), edits it, and every change is in the history", async () => {
    const created = await post(newRecordAction, "/records/new", "specialist@demo.test", record);
    expect(created.response.status).toBe(302);
    const id = created.response.headers.get("Location")!.split("/")[2]!;
    const row = getDb().select().from(youngPeople).where(eq(youngPeople.id, id)).get()!;
    expect(row.specialistId).toBe(userByEmail("specialist@demo.test").id);
    expect(row.educationStatus).toBe("basic_school");
    expect(row.employmentStatus).toBeNull();
    const edited = await post(
      recordAction,
      `/plan/${id}/record`,
      "specialist@demo.test",
      { ...record, municipality: "Rēzeknes novads", specialNeeds: "no" },
      { youngPersonId: id },
    );
    expect(edited.response.status).toBe(302);
    const plan = getDb().select().from(plans).where(eq(plans.youngPersonId, id)).get()!;
    const events = getDb().select().from(planEvents).where(eq(planEvents.planId, plan.id)).all();
    expect(events.map((e) => `${e.entity}.${e.action}`)).toEqual(["record.created", "record.updated"]);
    expect(events[1]!.before).toEqual({ municipality: "Rēzekne", specialNeeds: null });
    expect(events[1]!.after).toEqual({ municipality: "Rēzeknes novads", specialNeeds: "no", fields: ["municipality", "specialNeeds"] });
  });

  test("care end before the date of birth, a birth in the future and an unknown care form are refused next to the field, keeping what was typed", async () => {
    const bad = await post(newRecordAction, "/records/new", "specialist@demo.test", { ...record, plannedCareEndDate: "2009-01-01" });
    expect(bad.response.status).toBe(400);
    const body = await bad.response.json();
    expect(body.result.error.plannedCareEndDate).toEqual(["org.errors.careEndBeforeBirth"]);
    expect(body.result.initialValue.displayName).toBe("Rūta Jauna");
    const future = await post(newRecordAction, "/records/new", "specialist@demo.test", {
      ...record,
      dateOfBirth: "2090-01-01",
      plannedCareEndDate: "2099-01-01",
    });
    expect((await future.response.json()).result.error.dateOfBirth).toEqual(["org.errors.bornInFuture"]);
    const form = await post(newRecordAction, "/records/new", "specialist@demo.test", { ...record, careForm: "castle" });
    expect((await form.response.json()).result.error.careForm).toBeTruthy();
    expect(getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Rūta Jauna")).all()).toHaveLength(0);
  });

  test("only the lead assigns the specialist and a carer; a carer of the record sees it from then on", async () => {
    const roberts = recordNamed("Roberts Kalns");
    const carer = userByEmail("carer@demo.test");
    const bySpecialist = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "specialist@demo.test",
      { intent: "carer", carerId: carer.id },
      { youngPersonId: roberts.id },
    );
    expect(bySpecialist.response.status).toBe(404);
    const byLead = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "lead@demo.test",
      { intent: "carer", carerId: carer.id },
      { youngPersonId: roberts.id },
    );
    expect(byLead.response.status).toBe(302);
    const notASpecialist = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "lead@demo.test",
      { intent: "specialist", specialistId: carer.id },
      { youngPersonId: roberts.id },
    );
    expect(notASpecialist.response.status).toBe(400);
    const none = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "lead@demo.test",
      { intent: "specialist", specialistId: "" },
      { youngPersonId: roberts.id },
    );
    expect(none.response.status).toBe(302);
    expect(recordNamed("Roberts Kalns").specialistId).toBeNull();
    const { response } = await get(recordLoader, `/plan/${roberts.id}/record`, "lead@demo.test", { youngPersonId: roberts.id });
    const data = await response.json();
    expect(data.people.carers.map((c: { displayName: string }) => c.displayName)).toEqual(["Inese Ozola"]);
  });

  test("the admin, mentors and other organisations do not see the record page (404)", async () => {
    const janis = recordNamed("Jānis Ozols");
    const other = await insertOtherOrganisation();
    for (const email of ["admin@demo.test", "mentor@demo.test", "carer@demo.test", other.specialistEmail]) {
      expect((await get(recordLoader, `/plan/${janis.id}/record`, email, { youngPersonId: janis.id })).response.status).toBe(404);
    }
  });
});

describe("young person's invitation and reset", () => {
  test("the specialist invites the young person of a record; they open their own plan", async () => {
    const roberts = recordNamed("Roberts Kalns");
    const invited = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "specialist@demo.test",
      { intent: "invite", email: "roberts@example.lv" },
      { youngPersonId: roberts.id },
    );
    const token = tokenOf((await shownLink(invited, recordLoader, "specialist@demo.test", { youngPersonId: roberts.id })).url);
    const done = await post(inviteAction, "/invite", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token });
    expect(done.response.status).toBe(302);
    const user = userByEmail("roberts@example.lv");
    expect(user.role).toBe("youth");
    expect(recordNamed("Roberts Kalns").userId).toBe(user.id);
    const again = await post(
      recordAction,
      `/plan/${roberts.id}/record`,
      "specialist@demo.test",
      { intent: "invite", email: "roberts2@example.lv" },
      { youngPersonId: roberts.id },
    );
    expect((await again.response.json()).result.error.email).toEqual(["org.errors.recordHasAccount"]);
  });

  test("a reset link from the specialist: 1 hour, once, and it ends every old session", async () => {
    const janis = recordNamed("Jānis Ozols");
    sessionCookieFor("youth.transition@demo.test");
    sessionCookieFor("youth.transition@demo.test");
    const issued = await post(recordAction, `/plan/${janis.id}/record`, "specialist@demo.test", { intent: "reset" }, { youngPersonId: janis.id });
    const link = await shownLink(issued, recordLoader, "specialist@demo.test", { youngPersonId: janis.id });
    expect(link.kind).toBe("reset");
    const token = tokenOf(link.url);
    expect((await (await get(resetLoader, "/reset", null, { token })).response.json()).state).toBe("valid");
    const done = await post(resetAction, "/reset", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token });
    expect(done.response.status).toBe(302);
    // The two old sessions are gone; only the new one is left.
    expect(sessionRowsOf("youth.transition@demo.test")).toHaveLength(1);
    const twice = await post(resetAction, "/reset", null, { newPassword: GOOD_PASSWORD + "x", confirmPassword: GOOD_PASSWORD + "x" }, { token });
    expect(twice.response.status).toBe(410);

    const late = tokenOf(
      (
        await shownLink(
          await post(recordAction, `/plan/${janis.id}/record`, "specialist@demo.test", { intent: "reset" }, { youngPersonId: janis.id }),
          recordLoader,
          "specialist@demo.test",
          { youngPersonId: janis.id },
        )
      ).url,
    );
    setClock(new Date(Date.now() + 3600 * 1000 + 1000));
    expect((await (await get(resetLoader, "/reset", null, { token: late })).response.json()).state).toBe("expired");
    expect((await post(resetAction, "/reset", null, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, { token: late })).response.status).toBe(
      410,
    );
  });

  test("a reset for another organisation's young person, or by the mentor, is refused", async () => {
    const other = await insertOtherOrganisation();
    const mine = await post(
      recordAction,
      `/plan/${other.youngPersonId}/record`,
      "specialist@demo.test",
      { intent: "reset" },
      { youngPersonId: other.youngPersonId },
    );
    expect(mine.response.status).toBe(404);
    const janis = recordNamed("Jānis Ozols");
    expect((await post(recordAction, `/plan/${janis.id}/record`, "mentor@demo.test", { intent: "reset" }, { youngPersonId: janis.id })).response.status).toBe(
      404,
    );
    expect(getDb().select().from(passwordResets).all()).toHaveLength(0);
  });

  test("the lead issues a reset link for staff from the people page", async () => {
    const mentor = userByEmail("mentor@demo.test");
    const made = await post(peopleAction, "/organisation/people", "lead@demo.test", { intent: "reset", userId: mentor.id });
    const token = tokenOf((await shownLink(made, peopleLoader, "lead@demo.test")).url);
    const row = getDb()
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, mentor.id)))
      .get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.issuedBy).toBe(userByEmail("lead@demo.test").id);
  });
});

describe("a handed link is shown once (post/redirect/get)", () => {
  test("the people page: the redirect's page shows the link and clears its cookie; a refresh makes no new link and shows none", async () => {
    const made = await post(peopleAction, "/organisation/people?q=x", "admin@demo.test", {
      intent: "invite",
      email: "once@example.lv",
      displayName: "Once",
      role: "mentor",
    });
    expect(made.response.headers.get("Location")).toBe("/organisation/people?q=x#handed-link-invitation-heading");
    expect(made.response.headers.get("Set-Cookie")).toMatch(
      /^tilts_handed_link=invitation\.[A-Za-z0-9_-]{32}\.0; Path=\/organisation\/people; Max-Age=120; HttpOnly; SameSite=Lax/,
    );
    const count = () => getDb().select().from(invitations).where(eq(invitations.email, "once@example.lv")).all().length;
    expect(count()).toBe(1);
    const shown = await followShownOnce(made.response, peopleLoader, sessionCookieFor("admin@demo.test"));
    expect(shown.link).toMatchObject({ kind: "invitation", forName: "Once", emailed: false, mailConfigured: false });
    expect(shown.setCookie).toMatch(/^tilts_handed_link=; Path=\/organisation\/people; Max-Age=0/);
    // The refresh (a GET, the cookie gone): no link, and still one invitation.
    const refresh = await get(peopleLoader, "/organisation/people", "admin@demo.test");
    expect((await refresh.response.json()).link).toBeNull();
    expect(count()).toBe(1);
    // The cookie replayed by someone else of the organisation shows nothing.
    const replayed = await settle(() =>
      peopleLoader(routeArgs(browserRequest("/organisation/people", { cookie: `${sessionCookieFor("lead@demo.test")}; ${shown.kept}` }))),
    );
    expect((await replayed.response.json()).link).toBeNull();
  });

  test("the record page: a reset link replaced by a newer one, or for another record, is not shown", async () => {
    const janis = recordNamed("Jānis Ozols");
    const roberts = recordNamed("Roberts Kalns");
    const first = await post(recordAction, `/plan/${janis.id}/record`, "specialist@demo.test", { intent: "reset" }, { youngPersonId: janis.id });
    expect(first.response.headers.get("Location")).toBe(`/plan/${janis.id}/record#handed-link-reset-heading`);
    const second = await post(recordAction, `/plan/${janis.id}/record`, "specialist@demo.test", { intent: "reset" }, { youngPersonId: janis.id });
    expect((await followShownOnce(first.response, recordLoader, sessionCookieFor("specialist@demo.test"), { youngPersonId: janis.id })).link).toBeNull();
    expect((await followShownOnce(second.response, recordLoader, sessionCookieFor("specialist@demo.test"), { youngPersonId: janis.id })).link?.kind).toBe(
      "reset",
    );
    const kept = cookiePair(second.response.headers.get("Set-Cookie")!);
    const elsewhere = await settle(() =>
      recordLoader(
        routeArgs(browserRequest(`/plan/${roberts.id}/record`, { cookie: `${sessionCookieFor("specialist@demo.test")}; ${kept}` }), {
          youngPersonId: roberts.id,
        }),
      ),
    );
    expect((await elsewhere.response.json()).link).toBeNull();
    expect(getDb().select().from(passwordResets).all()).toHaveLength(2);
  });
});

describe("statistics", () => {
  test("the lead and the admin see them; small cells are hidden, totals do not give them back", async () => {
    for (const email of ["lead@demo.test", "admin@demo.test"]) {
      const { response } = await get(statisticsLoader, "/organisation/statistics", email);
      expect(response.status).toBe(200);
      const data = await response.json();
      // 7 demo records (one closed past its retention, decision 011) and the 40 of db/seed-org.ts.
      expect(data.statistics.population).toBe(47);
      const municipality = data.statistics.tables.find((t: { dimension: string }) => t.dimension === "municipality");
      const names = municipality.cells.map((c: { key: string }) => c.key);
      // Municipalities under 5 are not even named.
      expect(names).not.toContain("Alūksnes novads");
      expect(names).toContain("other");
      for (const table of data.statistics.tables as Array<{ cells: Array<{ count: number | null; suppressed: boolean }>; total: number | null }>) {
        const shown = table.cells.filter((c) => !c.suppressed).reduce((a, c) => a + c.count!, 0);
        for (const c of table.cells) if (!c.suppressed) expect(c.count === 0 || c.count! >= 5).toBe(true);
        if (table.total !== null) expect(table.total - shown === 0 || table.total - shown >= 5).toBe(true);
      }
      // The demo shows hidden cells as well as shown ones (the mentor table below).
      expect((data.statistics.tables as Array<{ cells: Array<{ suppressed: boolean }> }>).some((t) => t.cells.some((c) => c.suppressed))).toBe(true);
      // Three of 47 have a mentor now: hidden, and so is the other cell, or 47 − 44 would say 3.
      const mentor = data.statistics.tables.find((t: { dimension: string }) => t.dimension === "activeMentor");
      expect(mentor.cells).toEqual([
        { key: "yes", count: null, suppressed: true },
        { key: "no", count: null, suppressed: true },
      ]);
      expect(mentor.total).toBe(47);
      expect(municipality.cells.some((c: { suppressed: boolean; count: number }) => !c.suppressed && c.count >= 5)).toBe(true);
    }
    for (const email of ["specialist@demo.test", "mentor@demo.test", "youth.transition@demo.test", "carer@demo.test"]) {
      expect((await get(statisticsLoader, "/organisation/statistics", email)).response.status).toBe(403);
      expect((await get(csvLoader, "/organisation/statistics.csv", email)).response.status).toBe(403);
    }
  });

  test("a filter that would single someone out is refused next to the field; a wide one applies", async () => {
    const narrow = await (await get(statisticsLoader, "/organisation/statistics?municipality=Alūksnes%20novads", "lead@demo.test")).response.json();
    expect(narrow.filterError).toEqual({ field: "municipality", error: "org.statistics.errors.tooFew" });
    expect(narrow.statistics.population).toBe(47);
    const wide = await (await get(statisticsLoader, "/organisation/statistics?municipality=R%C4%ABga", "lead@demo.test")).response.json();
    expect(wide.filterError).toBeNull();
    expect(wide.statistics.population).toBe(16);
    const nonsense = await get(statisticsLoader, "/organisation/statistics?careForm=castle&municipality=" + "x".repeat(500), "lead@demo.test");
    expect(nonsense.response.status).toBe(200);
  });

  test("the CSV is written by a CSV library with the same suppression", async () => {
    const { response } = await get(csvLoader, "/organisation/statistics.csv?lng=lv", "lead@demo.test");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="tilts-statistics-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Tabula,Grupa,Skaits");
    const page = organisationStatistics(userByEmail("lead@demo.test").organisationId, {}, new Date().toISOString().slice(0, 10));
    const cells = page.statistics.tables.reduce((n, t) => n + t.cells.length + 1, 0);
    expect(lines).toHaveLength(cells + 1);
    expect(lines.some((line) => line.startsWith("Pašvaldība,Citas pašvaldības (katrā mazāk nekā 5),"))).toBe(true);
    expect(lines.filter((line) => line.endsWith(",paslēpts")).length).toBeGreaterThan(0);
    expect(text).not.toContain("Alūksnes");
  });

  test("the counts made in SQL are the counts of the pure code over one row per young person, whole and filtered", async () => {
    const db = getDb();
    const lead = userByEmail("lead@demo.test");
    const mentor = userByEmail("mentor2@demo.test");
    const today = todayInRiga();
    // 300 more records over every age and phase boundary, with and without actual care ends and mentors.
    const extra = Array.from({ length: 300 }, (_, i) => {
      const dateOfBirth = addDays(today, -(14 * 365 + i * 13));
      const plannedCareEndDate = addDays(today, -900 + i * 7);
      return {
        id: `sql-${i}`,
        organisationId: lead.organisationId,
        displayName: `SQL ${i}`,
        dateOfBirth,
        careForm: CARE_FORMS[i % CARE_FORMS.length]!,
        municipality: ["Rīga", "Cēsis", "Valka", "Ludza"][i % 4 === 3 ? 3 : i % 3]!,
        plannedCareEndDate,
        actualCareEndDate: i % 4 === 0 ? addDays(plannedCareEndDate, -30) : null,
        educationStatus: i % 5 === 0 ? null : EDUCATION_STATUSES[i % EDUCATION_STATUSES.length]!,
        employmentStatus: i % 6 === 0 ? null : EMPLOYMENT_STATUSES[i % EMPLOYMENT_STATUSES.length]!,
        specialNeeds: i % 7 === 0 ? ("yes" as const) : i % 2 === 0 ? null : ("no" as const),
      };
    });
    db.insert(youngPeople).values(extra).run();
    db.insert(mentorships)
      .values(
        extra
          .filter((_, i) => i % 9 === 0)
          .map((r, i) => ({
            id: `sql-m-${i}`,
            youngPersonId: r.id,
            mentorId: mentor.id,
            status: i % 2 ? ("active" as const) : ("paused" as const),
            startedOn: today,
          })),
      )
      .run();
    const rows: Array<StatisticsRow & { id: string }> = db
      .select()
      .from(youngPeople)
      .where(eq(youngPeople.organisationId, lead.organisationId))
      .all()
      .map((r) => ({
        ...r,
        hasActiveMentor:
          db
            .select()
            .from(mentorships)
            .where(and(eq(mentorships.youngPersonId, r.id), eq(mentorships.status, "active")))
            .all().length > 0,
      }));
    const doneGoals = (ids: Set<string>) => {
      const counts = new Map<Domain, number>();
      for (const g of db
        .select({ domain: goals.domain, status: goals.status, youngPersonId: plans.youngPersonId })
        .from(goals)
        .innerJoin(plans, eq(plans.id, goals.planId))
        .all()) {
        if (g.status === "done" && ids.has(g.youngPersonId)) counts.set(g.domain, (counts.get(g.domain) ?? 0) + 1);
      }
      return counts;
    };
    expect(DOMAINS.length).toBeGreaterThan(0);
    for (const filter of [{}, { municipality: "Cēsis" }, { careForm: CARE_FORMS[1]! }]) {
      const selected = rows.filter(
        (r) => (!("municipality" in filter) || r.municipality === filter.municipality) && (!("careForm" in filter) || r.careForm === filter.careForm),
      );
      const page = organisationStatistics(lead.organisationId, filter, today);
      expect(page.filterError).toBeNull();
      expect(page.statistics).toEqual(buildStatistics(selected, doneGoals(new Set(selected.map((r) => r.id))), today));
    }
  });

  test("the statistics page reads with a constant number of statements", async () => {
    const lead = "lead@demo.test";
    const small = await countStatements(async () => (await get(statisticsLoader, "/organisation/statistics", lead)).response);
    const organisationId = userByEmail(lead).organisationId;
    const extra = Array.from({ length: 60 }, (_, i) => ({
      id: `bulk-${i}`,
      organisationId,
      displayName: `Bulk ${i}`,
      dateOfBirth: "2009-01-01",
      careForm: "residential" as const,
      municipality: "Rīga",
      plannedCareEndDate: "2027-01-01",
    }));
    getDb().insert(youngPeople).values(extra).run();
    const big = await countStatements(async () => (await get(statisticsLoader, "/organisation/statistics", lead)).response);
    expect(big.count).toBe(small.count);
  });
});

test("the lead's home stays bounded with many records: the 50 soonest, a count, and the rest page by page", async () => {
  const organisationId = userByEmail("lead@demo.test").organisationId;
  getDb()
    .insert(youngPeople)
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        id: `many-${i}`,
        organisationId,
        displayName: `Many ${i}`,
        dateOfBirth: "2010-01-01",
        careForm: "residential" as const,
        municipality: "Rīga",
        plannedCareEndDate: "2028-01-01",
      })),
    )
    .run();
  const bounded = (await (await get(homeLoader, "/", "lead@demo.test")).response.json()).home;
  expect(bounded.cases).toHaveLength(50);
  expect(bounded.caseCount).toBe(107);
  expect(bounded.byPhase.preparation + bounded.byPhase.transition + bounded.byPhase.aftercare + bounded.byPhase.closed).toBe(107);
  expect(bounded.needsMentor.length).toBeLessThanOrEqual(10);
  const next = (await (await get(homeLoader, "/?page=3", "lead@demo.test")).response.json()).home;
  expect(next.cases).toHaveLength(7);
});

test("secrets in links are blanked out of the request log", () => {
  expect(redactSecrets("/invite/abcDEF123_-abcDEF123_-abcDEF123_-ab?lng=lv")).toBe("/invite/[secret]?lng=lv");
  expect(redactSecrets("/__manifest?p=%2Freset%2Fabc&version=1")).toBe("/__manifest?p=%2Freset%2F[secret]&version=1");
  expect(redactSecrets("/plan/123/record")).toBe("/plan/123/record");
});

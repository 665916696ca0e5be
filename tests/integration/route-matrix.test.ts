/**
 * Every route as every role, against the real built server (tests/helpers/live-server.ts).
 *
 * The routes are discovered from app/routes: a route file that is not in ROUTES below fails the test,
 * so a new page cannot be forgotten. Each entry says which guard the route asks (public, logged in, an
 * organisation action, or a record action with the sections it needs), and the expected status of each
 * request is derived from the policy (app/domain/policy.ts) for that person and that record: 200 when
 * the policy allows, 404 for a record it refuses (ids cannot be probed), 403 for an organisation action,
 * 302 to the login page for nobody. Record routes are asked with Jānis's record, a record of another
 * organisation, an id that does not exist, Marta's (whose former mentor Laura's mentorship is closed)
 * Kristaps's (Laura is linked before his window opens) and Roberts's (in his window; the test pauses Pēteris's
 * mentorship of him, so a paused mentor is asked too); sub-ids (goal, step, meeting, transaction) are always
 * Jānis's, so another record with Jānis's goal is a 404 too. A refused answer never carries Jānis's words.
 */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mentorships, youngPeople } from "../../db/schema";
import { can, viewerOf, type Action, type CaseAction, type OrganisationAction } from "~/domain/policy";
import type { Section } from "~/domain/sharing";
import { addDays, todayInRiga } from "~/domain/dates";
import { feedKindFor } from "~/domain/calendar";
import type { Role } from "~/domain/vocabulary";
import { getCaseSubject } from "~/models/young-people.server";
import { getDb } from "~/utils/db.server";
import { built, inParallel, liveServer, PEOPLE, send, type Fixture, type Person } from "../helpers/live-server";
import { userByEmail } from "../helpers/db";

/** Which of Jānis's sub-records a path names (the record itself when absent). */
type Part = "goal" | "step" | "meeting" | "transaction" | "review";

type Guard =
  /** Answers everyone the same (or as `status` says per person). */
  | { kind: "public"; status: (who: Person) => number }
  /** Anyone logged in (and, when `refuse` says so for their role, a 403). */
  | { kind: "user"; refuse?: (role: Role) => boolean }
  | { kind: "organisation"; actions: OrganisationAction[] }
  /** A record: every action allowed and every section seen (sections may name Jānis's goal's or step's domain). */
  | {
      kind: "record";
      actions: CaseAction[];
      /** At least one of these too (e.g. confirming a life skill: whoever edits or rates the plan). */
      anyOf?: CaseAction[];
      sections?: Array<Section | "goalDomain" | "stepDomain">;
      part?: Part;
      /** The form is checked before the item is looked up: another record's item id with an empty form is a 400 (nothing of the item in it). */
      formBeforeItem?: boolean;
    };

interface RouteCase {
  /** The path; record routes get the record's id. */
  path: (f: Fixture, recordId: string) => string;
  get?: Guard;
  post?: { guard: Guard; form: (f: Fixture) => Record<string, string> };
}

const loggedInPublic = (loggedIn: number, anonymous: number) => (who: Person) => (who === "anonymous" ? anonymous : loggedIn);
const always = (status: number) => () => status;
const plan =
  (rest = "") =>
  (_f: Fixture, id: string) =>
    `/plan/${id}${rest}`;

/** Every file in app/routes, with its guard. */
const ROUTES: Record<string, RouteCase> = {
  // Any address no route has: the app's own "not found" page, for everyone.
  "$.tsx": { path: () => "/no-such-page-anywhere", get: { kind: "public", status: always(404) } },
  "plan.$youngPersonId.help.tsx": {
    path: plan("/help"),
    get: { kind: "record", actions: ["help.view"] },
    post: { guard: { kind: "record", actions: ["help.view", "help.create"] }, form: () => ({ intent: "create", message: "" }) },
  },
  "plan.$youngPersonId.print.tsx": { path: plan("/print"), get: { kind: "record", actions: ["plan.view"] } },
  "plan.$youngPersonId.reviews._index.tsx": {
    path: plan("/reviews"),
    get: { kind: "record", actions: ["review.view"] },
    post: { guard: { kind: "record", actions: ["review.view", "review.manage"] }, form: () => ({ intent: "schedule" }) },
  },
  "plan.$youngPersonId.reviews.$reviewId._index.tsx": {
    path: (f, id) => `/plan/${id}/reviews/${f.janis.reviewId}`,
    get: { kind: "record", actions: ["review.view"], part: "review" },
    post: { guard: { kind: "record", actions: ["review.view", "review.manage"], part: "review" }, form: () => ({ intent: "focus" }) },
  },
  "plan.$youngPersonId.reviews.$reviewId.summary.tsx": {
    path: (f, id) => `/plan/${id}/reviews/${f.janis.recordedReviewId}/summary`,
    get: { kind: "record", actions: ["review.view"], part: "review" },
  },
  "plan.$youngPersonId.wellbeing.tsx": {
    path: plan("/wellbeing"),
    get: { kind: "record", actions: ["wellbeing.view"], sections: ["wellbeing"] },
    post: { guard: { kind: "record", actions: ["wellbeing.view", "wellbeing.check"], sections: ["wellbeing"] }, form: () => ({ intent: "answer" }) },
  },
  "_index.tsx": { path: () => "/", get: { kind: "user" } },
  "account.tsx": { path: () => "/account", get: { kind: "user" }, post: { guard: { kind: "user" }, form: () => ({ currentPassword: "" }) } },
  "bench-bare.tsx": { path: () => "/bench-bare", get: { kind: "public", status: always(404) } },
  "calendar.tsx": {
    path: () => "/calendar",
    get: { kind: "user" },
    post: { guard: { kind: "user", refuse: (role) => !feedKindFor(role) }, form: () => ({ intent: "titles" }) },
  },
  "feeds.$token.tilts[.]ics.ts": { path: () => "/feeds/not-a-real-token-000000000000000000000000/tilts.ics", get: { kind: "public", status: always(404) } },
  "forgot-password.tsx": {
    path: () => "/forgot-password",
    get: { kind: "public", status: always(200) },
    post: { guard: { kind: "public", status: always(400) }, form: () => ({ email: "" }) },
  },
  "healthz.ts": { path: () => "/healthz", get: { kind: "public", status: always(200) } },
  "i18n.$locale.$file.ts": { path: () => "/i18n/lv/root.000000000000.json", get: { kind: "public", status: always(200) } },
  "invite.$token.tsx": { path: () => "/invite/some-token", get: { kind: "public", status: always(302) } },
  // Without the invitation's cookie (set by /invite/<token>) there is no invitation: 404, and a post 410.
  "invite._index.tsx": {
    path: () => "/invite",
    get: { kind: "public", status: always(404) },
    post: { guard: { kind: "public", status: always(410) }, form: () => ({ newPassword: "" }) },
  },
  "language.tsx": {
    path: () => "/language",
    get: { kind: "public", status: always(302) },
    post: { guard: { kind: "public", status: always(302) }, form: () => ({ lng: "xx" }) },
  },
  "login.tsx": {
    path: () => "/login",
    get: { kind: "public", status: loggedInPublic(302, 200) },
    post: { guard: { kind: "public", status: loggedInPublic(302, 400) }, form: () => ({ email: "", password: "" }) },
  },
  "logout.tsx": {
    path: () => "/logout",
    get: { kind: "public", status: always(302) },
    post: { guard: { kind: "public", status: always(302) }, form: () => ({}) },
  },
  "notifications.tsx": { path: () => "/notifications", get: { kind: "user" }, post: { guard: { kind: "user" }, form: () => ({ key: "" }) } },
  "organisation.erasure.tsx": {
    path: () => "/organisation/erasure",
    get: { kind: "organisation", actions: ["organisation.viewAllCases"] },
    post: { guard: { kind: "organisation", actions: ["organisation.viewAllCases", "organisation.manageSettings"] }, form: () => ({ intent: "retention" }) },
  },
  "organisation.people.tsx": {
    path: () => "/organisation/people",
    get: { kind: "organisation", actions: ["organisation.manageUsers"] },
    post: { guard: { kind: "organisation", actions: ["organisation.manageUsers"] }, form: () => ({ intent: "disable" }) },
  },
  "organisation.settings.tsx": {
    path: () => "/organisation/settings",
    get: { kind: "organisation", actions: ["organisation.manageSettings"] },
    post: { guard: { kind: "organisation", actions: ["organisation.manageSettings"] }, form: () => ({ contactRhythmDays: "" }) },
  },
  "organisation.skills.tsx": {
    path: () => "/organisation/skills",
    get: { kind: "organisation", actions: ["organisation.manageSkills"] },
    post: { guard: { kind: "organisation", actions: ["organisation.manageSkills"] }, form: () => ({ intent: "add" }) },
  },
  "organisation.statistics.tsx": { path: () => "/organisation/statistics", get: { kind: "organisation", actions: ["organisation.viewStatistics"] } },
  "organisation.statistics[.]csv.ts": { path: () => "/organisation/statistics.csv", get: { kind: "organisation", actions: ["organisation.viewStatistics"] } },
  "organisation.support.tsx": {
    path: () => "/organisation/support",
    get: { kind: "organisation", actions: ["organisation.manageSupport"] },
    post: { guard: { kind: "organisation", actions: ["organisation.manageSupport"] }, form: () => ({ intent: "add" }) },
  },
  "plan.$youngPersonId.$domain.tsx": {
    path: (f, id) => `/plan/${id}/${f.janis.goalDomain}`,
    get: { kind: "record", actions: ["plan.view"], sections: ["goalDomain"] },
    post: { guard: { kind: "record", actions: ["plan.view", "plan.edit"], sections: ["goalDomain"] }, form: () => ({ intent: "createGoal" }) },
  },
  "plan.$youngPersonId.$itemType.$itemId.event[.]ics.ts": {
    path: (f, id) => `/plan/${id}/meetings/${f.janis.mentorshipId}/event.ics`,
    get: { kind: "record", actions: ["mentorship.view"], part: "meeting" },
  },
  "plan.$youngPersonId._index.tsx": { path: plan(), get: { kind: "record", actions: ["plan.view"] } },
  "plan.$youngPersonId.access.tsx": { path: plan("/access"), get: { kind: "record", actions: ["audit.viewOwn"] } },
  "plan.$youngPersonId.budget._index.tsx": {
    path: plan("/budget"),
    get: { kind: "record", actions: ["budget.view"] },
    post: { guard: { kind: "record", actions: ["budget.edit"] }, form: () => ({ intent: "expense" }) },
  },
  "plan.$youngPersonId.budget.first-month.tsx": {
    path: plan("/budget/first-month"),
    get: { kind: "record", actions: ["budget.view"] },
    post: { guard: { kind: "record", actions: ["budget.view"] }, form: () => ({ intent: "calculate", rent: "x" }) },
  },
  "plan.$youngPersonId.budget.pocket-money.tsx": {
    path: plan("/budget/pocket-money"),
    get: { kind: "record", actions: ["budget.viewPocketMoney"] },
    post: { guard: { kind: "record", actions: ["budget.setPocketMoney"] }, form: () => ({ intent: "settings", amount: "" }) },
  },
  "plan.$youngPersonId.budget.setup.tsx": {
    path: plan("/budget/setup"),
    get: { kind: "record", actions: ["budget.edit"] },
    post: { guard: { kind: "record", actions: ["budget.edit"] }, form: () => ({ intent: "addEnvelope", name: "" }) },
  },
  "plan.$youngPersonId.budget.transactions.$transactionId.tsx": {
    path: (f, id) => `/plan/${id}/budget/transactions/${f.janis.transactionId}`,
    get: { kind: "record", actions: ["budget.edit"], part: "transaction" },
    post: { guard: { kind: "record", actions: ["budget.edit"], part: "transaction", formBeforeItem: true }, form: () => ({ amount: "" }) },
  },
  "plan.$youngPersonId.documents.tsx": {
    path: plan("/documents"),
    get: { kind: "record", actions: ["plan.view"], sections: ["documents", "legal"] },
    post: { guard: { kind: "record", actions: ["plan.edit"], sections: ["documents", "legal"] }, form: () => ({ formId: "" }) },
  },
  "plan.$youngPersonId.export.tsx": { path: plan("/export"), get: { kind: "record", actions: ["record.export"] } },
  "plan.$youngPersonId.export[.]json.ts": { path: plan("/export.json"), get: { kind: "record", actions: ["record.export"] } },
  "plan.$youngPersonId.goals.$goalId.tsx": {
    path: (f, id) => `/plan/${id}/goals/${f.janis.goalId}`,
    get: { kind: "record", actions: ["plan.view"], sections: ["goalDomain"], part: "goal" },
    post: {
      guard: { kind: "record", actions: ["plan.view", "plan.comment"], sections: ["goalDomain"], part: "goal" },
      form: () => ({ intent: "comment", body: "" }),
    },
  },
  "plan.$youngPersonId.history.tsx": { path: plan("/history"), get: { kind: "record", actions: ["plan.view"] } },
  "plan.$youngPersonId.mentoring._index.tsx": {
    path: plan("/mentoring"),
    get: { kind: "record", actions: ["mentorship.view"] },
    post: { guard: { kind: "record", actions: ["mentorship.view", "mentorship.manage"] }, form: () => ({ intent: "status" }) },
  },
  "plan.$youngPersonId.mentoring.contact.tsx": {
    path: plan("/mentoring/contact"),
    get: { kind: "record", actions: ["mentorship.logContact"] },
    post: { guard: { kind: "record", actions: ["mentorship.logContact"] }, form: () => ({ on: "" }) },
  },
  "plan.$youngPersonId.readiness.tsx": { path: plan("/readiness"), get: { kind: "record", actions: ["plan.view"], sections: ["readiness"] } },
  "plan.$youngPersonId.record.tsx": {
    path: plan("/record"),
    get: { kind: "record", actions: ["case.editRecord"] },
    post: { guard: { kind: "record", actions: ["case.editRecord"] }, form: () => ({ intent: "save" }) },
  },
  "plan.$youngPersonId.sharing.tsx": {
    path: plan("/sharing"),
    get: { kind: "record", actions: ["sharing.view"] },
    post: { guard: { kind: "record", actions: ["sharing.view", "sharing.manage"] }, form: () => ({ intent: "switch" }) },
  },
  "plan.$youngPersonId.skills.tsx": {
    path: plan("/skills"),
    get: { kind: "record", actions: ["plan.view"], sections: ["skills"] },
    // Confirming a skill: whoever edits the plan or rates it (requirePlan's confirmSkills).
    post: { guard: { kind: "record", actions: ["plan.view"], anyOf: ["plan.edit", "plan.rate"], sections: ["skills"] }, form: () => ({ skillKey: "" }) },
  },
  "plan.$youngPersonId.step.tsx": {
    path: plan("/step"),
    get: { kind: "public", status: always(302) },
    // Jānis's own step: the whole plan's editors may tick it, a mentor only the mentor's own.
    post: {
      guard: { kind: "record", actions: ["plan.view", "plan.edit"], sections: ["stepDomain"], part: "step" },
      form: (f) => ({ stepId: f.janis.stepId, done: "1" }),
    },
  },
  "records.new.tsx": {
    path: () => "/records/new",
    get: { kind: "organisation", actions: ["organisation.createRecord"] },
    post: { guard: { kind: "organisation", actions: ["organisation.createRecord"] }, form: () => ({ displayName: "" }) },
  },
  "reset.$token.tsx": { path: () => "/reset/some-token", get: { kind: "public", status: always(302) } },
  "reset._index.tsx": {
    path: () => "/reset",
    get: { kind: "public", status: always(404) },
    post: { guard: { kind: "public", status: always(410) }, form: () => ({ newPassword: "" }) },
  },
};

const PERSONS = Object.keys(PEOPLE) as Person[];
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const today = todayInRiga();

function actorOf(who: Person) {
  const email = PEOPLE[who];
  if (!email) return null;
  const user = userByEmail(email);
  return { id: user.id, role: user.role, organisationId: user.organisationId, disabled: user.disabledAt != null };
}

/** The status the policy expects for `who` asking `guard` (on `recordId` for record routes). */
function expected(f: Fixture, guard: Guard, who: Person, recordId: string, method: "GET" | "POST"): number {
  if (guard.kind === "public") return guard.status(who);
  const actor = actorOf(who);
  if (!actor) return 302;
  if (guard.kind === "user") return guard.refuse?.(actor.role) ? 403 : method === "GET" ? 200 : -1;
  if (guard.kind === "organisation") {
    const allowed = guard.actions.every((a) => can(actor, a as Action, { kind: "organisation", organisationId: actor.organisationId }, today));
    return allowed ? (method === "GET" ? 200 : -1) : 403;
  }
  const subject = getCaseSubject(recordId);
  if (!subject) return 404;
  const viewer = viewerOf(actor, subject, today);
  const sections = (guard.sections ?? []).map((s) => (s === "goalDomain" ? f.janis.goalDomain : s === "stepDomain" ? f.janis.stepDomain : s)) as Section[];
  const permitted = guard.actions.every((a) => viewer.actions.has(a)) && (!guard.anyOf || guard.anyOf.some((a) => viewer.actions.has(a)));
  const seen = sections.every((s) => viewer.sections.has(s));
  if (permitted && seen && guard.part && recordId !== f.janis.id && method === "POST" && guard.formBeforeItem) return 400;
  const allowed = permitted && seen && (!guard.part || recordId === f.janis.id);
  // An allowed post with an empty form is a field error or a redirect, never a refusal: -1 checks that below.
  return allowed ? (method === "GET" ? 200 : -1) : 404;
}

const files = readdirSync(join(process.cwd(), "app/routes")).filter((name) => /\.(tsx?|jsx?)$/.test(name));

describe("route discovery", () => {
  test("every route file in app/routes is in the matrix, and the matrix names no file that is gone", () => {
    expect(
      files.filter((name) => !(name in ROUTES)),
      "routes missing from ROUTES in this test",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((name) => !files.includes(name)),
      "ROUTES entries without a file",
    ).toEqual([]);
    expect(files.length).toBeGreaterThan(40);
  });
});

describe.skipIf(!built())("every route as every role (built server)", () => {
  let f: Fixture;
  let robertsId: string;
  beforeAll(async () => {
    f = await liveServer();
    // A paused mentor: Pēteris mentored Roberts (inside his window) and the mentorship is paused.
    robertsId = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Roberts Kalns")).get()!.id;
    const mentor = userByEmail(PEOPLE.mentor);
    getDb()
      .insert(mentorships)
      .values({
        id: randomUUID(),
        youngPersonId: robertsId,
        mentorId: mentor.id,
        status: "paused",
        startedOn: addDays(today, -40),
        pausedOn: addDays(today, -5),
        linkedBy: userByEmail(PEOPLE.specialist).id,
      })
      .run();
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  test("statuses follow the policy; refusals carry none of Jānis's words", async () => {
    // Pages on all five records; forms (which render the page again) on Jānis's and the other organisation's.
    const records = (method: "GET" | "POST", guard: Guard) =>
      guard.kind !== "record"
        ? [f.janis.id]
        : method === "GET"
          ? [f.janis.id, f.otherRecordId, UNKNOWN, f.martaId, f.kristapsId, robertsId]
          : [f.janis.id, f.otherRecordId];
    type Row = {
      route: string;
      method: "GET" | "POST";
      who: Person;
      record: string;
      expect: number;
      got: number;
      location: string | null;
      leaked: boolean;
      toLogin: boolean;
    };
    const tasks: Array<() => Promise<Row>> = [];
    const last = new Set<() => Promise<Row>>();
    for (const [name, route] of Object.entries(ROUTES)) {
      for (const [method, guard] of [
        ["GET", route.get],
        ["POST", route.post?.guard],
      ] as const) {
        if (!guard) continue;
        for (const recordId of records(method, guard)) {
          for (const who of PERSONS) {
            const task = async (): Promise<Row> => {
              const want = expected(f, guard, who, recordId, method);
              const path = route.path(f, recordId);
              const response = await send(f, who, path, method === "POST" ? { form: route.post!.form(f) } : {});
              // A refusal (or any answer where the policy refuses) never carries Jānis's words.
              const refused = response.status === 403 || response.status === 404 || want === 403 || want === 404 || want === 400;
              return {
                route: name,
                method,
                who,
                record: {
                  [f.janis.id]: "janis",
                  [f.otherRecordId]: "other-org",
                  [UNKNOWN]: "unknown",
                  [f.martaId]: "marta",
                  [f.kristapsId]: "kristaps",
                  [robertsId]: "roberts",
                }[recordId]!,
                expect: want,
                got: response.status,
                location: response.location?.replace(f.server.baseUrl, "") ?? null,
                leaked: refused && response.text.includes(f.janis.goalTitle),
                toLogin: guard.kind !== "public" && who === "anonymous",
              };
            };
            tasks.push(task);
            if (name === "logout.tsx" && method === "POST") last.add(task);
          }
        }
      }
    }
    // Logging out ends the person's session, so those posts go last.
    const rows = [
      ...(await inParallel(
        3,
        tasks.filter((t) => !last.has(t)),
      )),
      ...(await inParallel(3, [...last])),
    ];
    const wrong = rows.filter((r) => {
      if (r.leaked) return true;
      if (r.expect === -1) return r.got >= 500 || r.got === 403 || r.got === 404;
      if (r.toLogin) return r.got !== 302 || !/^\/login(\?|$)/.test(r.location ?? "");
      return r.got !== r.expect;
    });
    const lines = wrong.map(
      (r) =>
        `${r.method} ${r.route} as ${r.who} on ${r.record}: expected ${r.expect === -1 ? "no refusal" : r.expect}, got ${r.got}${r.location ? ` → ${r.location}` : ""}${r.leaked ? " (Jānis's words in a refusal)" : ""}`,
    );
    expect(lines, `${rows.length} requests; these differ from the policy`).toEqual([]);
    expect(rows.filter((r) => r.got >= 500)).toEqual([]);
    // Enough of the matrix is real: people are let in and kept out on Jānis's record.
    expect(rows.filter((r) => r.record === "janis" && r.got === 200).length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.got === 404).length).toBeGreaterThan(200);
    // The mentor outside the window and the mentor of a closed mentorship are among those kept out.
    expect(rows.some((r) => r.who === "otherMentor" && r.record === "kristaps" && r.got === 404)).toBe(true);
    expect(rows.some((r) => r.who === "otherMentor" && r.record === "marta" && r.got === 404)).toBe(true);
    expect(rows.some((r) => r.who === "mentor" && r.record === "marta" && r.got === 200)).toBe(true);
    // A paused mentorship gives its mentor nothing; the record's specialist still sees it.
    expect(rows.filter((r) => r.who === "mentor" && r.record === "roberts" && r.got !== 404)).toEqual([]);
    expect(rows.some((r) => r.who === "specialist" && r.record === "roberts" && r.got === 200)).toBe(true);
    console.log(
      `route matrix: ${Object.keys(ROUTES).length} routes, ${PERSONS.length} people, ${rows.length} requests, ${rows.filter((r) => r.got >= 500).length} 5xx`,
    );
  }, 300_000);
});

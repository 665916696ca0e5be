/**
 * "Who sees my plan": the young person's switches take effect on the next request everywhere — pages,
 * `?_data=` requests, the mentor's dashboard, notifications, calendar feeds and single-item downloads —
 * with a receipt for every change; bad input is refused without writing anything.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { auditLog, sharingReceipts, sharingSwitches } from "../../db/schema";
import { addDays, todayInRiga } from "~/domain/dates";
import { createGoal, createStep, ensurePlan } from "~/models/plans.server";
import { userNotifications } from "~/models/notifications.server";
import { getDb } from "~/utils/db.server";
import { freshDatabase, userByEmail } from "../helpers/db";
import { downloadItem, feedOf, logContact, newLink, parseCalendar } from "./calendar-support";
import { accessLog, sharing, type SharingData } from "./keys-support";
import { fetchPage, homeOf, mentoring, only } from "./mentoring-support";
import {
  CARER,
  MENTOR,
  SPECIALIST,
  YOUTH,
  domainOf,
  expectNotFound,
  expectRedirect,
  goalOf,
  historyOf,
  jsonOf,
  nameOf,
  overviewOf,
  pages,
  readinessOf,
  youngPersonIdOf,
} from "./plan-support";

let id = "";
let healthGoal = "";
let healthStep = "";
let today = "";

beforeEach(async () => {
  await freshDatabase();
  today = todayInRiga();
  id = youngPersonIdOf(YOUTH);
  const planId = ensurePlan(id).id;
  const janis = userByEmail(YOUTH).id;
  healthGoal = createGoal(planId, janis, { domain: "health", title: "Pierakstīties pie zobārsta", owner: "youth", dueDate: addDays(today, 1) });
  healthStep = createStep(planId, healthGoal, janis, { title: "Piezvanīt uz reģistratūru", owner: "mentor", dueDate: addDays(today, 1) })!;
  seededUntil = Date.now() - 1;
});

// The demo already has one switch and two receipts (Jānis hid Health for a day, twelve days ago).
const switches = () =>
  getDb()
    .select()
    .from(sharingSwitches)
    .all()
    .filter((s) => s.changedAt > seededUntil);
const receipts = () =>
  getDb()
    .select()
    .from(sharingReceipts)
    .all()
    .filter((r) => r.createdAt > seededUntil);
let seededUntil = 0;

describe("Jānis stops sharing Health with his mentor", () => {
  test("Pēteris no longer sees it anywhere; the specialist and the carer still do", async () => {
    // Before: Pēteris sees the health goal.
    expect((await domainOf(MENTOR, id, "health")).goals.map((g) => g.id)).toContain(healthGoal);
    const { token } = await newLink(MENTOR);
    expect(await feedOf(token)).toContain(`goal-${healthGoal}@tilts`);

    expectRedirect(await sharing.set(YOUTH, id, "mentor", "health", false), `/plan/${id}/sharing#mentor-health`);

    // Pages and their data requests.
    expectNotFound(await pages.domain(MENTOR, id, "health"));
    expectNotFound(await pages.goal(MENTOR, id, healthGoal));
    const data = await fetchPage(`/plan/${id}/health?_data=routes/plan.$youngPersonId.$domain`, MENTOR);
    expect(data.status).toBe(404);
    expect(await data.text()).not.toContain("zobārsta");
    const overview = await overviewOf(MENTOR, id);
    expect(overview.domains.map((d) => d.domain)).not.toContain("health");
    expect(overview.nextSteps.map((s) => s.stepId)).not.toContain(healthStep);
    const history = await historyOf(MENTOR, id);
    expect(history.events.filter((e) => e.domain === "health")).toEqual([]);
    expect((await readinessOf(MENTOR, id)).domains.map((d) => d.domain)).not.toContain("health");
    const documentOverview = await overviewOf(MENTOR, id);
    expect(documentOverview.domains.length).toBe(6);

    // Dashboard, notifications, feed, single-item downloads.
    const dashboard = only((await homeOf(MENTOR)).data.home, "mentor").dashboard;
    const janisRow = dashboard.mentees.find((m) => m.youngPersonId === id)!;
    expect(janisRow.helpAsked.map((s) => s.stepId)).not.toContain(healthStep);
    const mentor = userByEmail(MENTOR);
    const notes = userNotifications({ id: mentor.id, role: mentor.role, organisationId: mentor.organisationId }, today);
    expect(JSON.stringify(notes)).not.toContain(healthStep);
    expect(JSON.stringify(notes)).not.toContain(healthGoal);
    const feed = await feedOf(token);
    expect(feed).not.toContain(`goal-${healthGoal}@tilts`);
    expect(feed).not.toContain(`step-${healthStep}@tilts`);
    expect((await downloadItem(MENTOR, id, "goals", healthGoal)).status).toBe(404);
    expect((await downloadItem(MENTOR, id, "steps", healthStep)).status).toBe(404);
    // Other domains are still there.
    expect((await domainOf(MENTOR, id, "housing")).domain).toBe("housing");

    // The specialist always sees it; the carer's switch is separate.
    expect((await domainOf(SPECIALIST, id, "health")).goals.map((g) => g.id)).toContain(healthGoal);
    expect((await goalOf(CARER, id, healthGoal)).goal.id).toBe(healthGoal);
    expect((await downloadItem(SPECIALIST, id, "goals", healthGoal)).status).toBe(200);

    // Shared again: back on the next request.
    expectRedirect(await sharing.set(YOUTH, id, "mentor", "health", true));
    expect((await domainOf(MENTOR, id, "health")).goals.map((g) => g.id)).toContain(healthGoal);
    expect(await feedOf(token)).toContain(`goal-${healthGoal}@tilts`);
  });

  test("every change is a receipt naming Pēteris, shown back to Jānis; the same choice twice writes nothing", async () => {
    expectRedirect(await sharing.set(YOUTH, id, "mentor", "health", false));
    expectRedirect(await sharing.set(YOUTH, id, "mentor", "health", false));
    expectRedirect(await sharing.set(YOUTH, id, "carer", "wellbeing", true));
    const page = await jsonOf<SharingData>(await sharing.page(YOUTH, id));
    expect(page.isOwn).toBe(true);
    expect(page.receipts).toHaveLength(4);
    expect(
      page.receipts
        .slice(0, 2)
        .map((r) => r.section)
        .sort(),
    ).toEqual(["health", "wellbeing"]);
    expect(page.receipts.find((r) => r.section === "health")).toMatchObject({ audience: "mentor", shared: false, people: [nameOf(MENTOR)] });
    expect(page.receipts.find((r) => r.section === "wellbeing")).toMatchObject({ audience: "carer", shared: true, people: [nameOf(CARER)] });
    expect(page.shared.mentor).not.toContain("health");
    expect(page.shared.carer).toContain("wellbeing");
    expect(page.people.map((p) => p.role).sort()).toEqual(["carer", "mentor", "specialist"]);
    expect(switches()).toHaveLength(2);
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(eq(auditLog.kind, "sharing"))
        .all()
        .filter((a) => a.at > seededUntil)
        .map((a) => a.part)
        .sort(),
    ).toEqual(["carer.wellbeing.on", "mentor.health.off"]);
    // The specialist sees who sees what, not the receipts, and has no switches.
    const staff = await jsonOf<SharingData>(await sharing.page(SPECIALIST, id));
    expect(staff.isOwn).toBe(false);
    expect(staff.receipts).toEqual([]);
    expect(staff.shared.mentor).not.toContain("health");
  });
});

describe("the carer and the mentoring contact log", () => {
  test("by default the carer gets 404 on the mentoring page and on a meeting's .ics; shared, both open without private notes", async () => {
    logContact(YOUTH, { contactOn: today, nextMeetingOn: addDays(today, 2) });
    const mentorshipId = (await jsonOf<{ overview: { open: { id: string } } }>(await mentoring.page(YOUTH, id))).overview.open.id;
    expect((await downloadItem(MENTOR, id, "meetings", mentorshipId)).status).toBe(200);
    expectNotFound(await mentoring.page(CARER, id));
    expect((await downloadItem(CARER, id, "meetings", mentorshipId)).status).toBe(404);
    const carer = userByEmail(CARER);
    const carerActor = { id: carer.id, role: carer.role, organisationId: carer.organisationId };
    expect(JSON.stringify(userNotifications(carerActor, today))).not.toContain(mentorshipId);

    expectRedirect(await sharing.set(YOUTH, id, "carer", "contacts", true));
    const page = await jsonOf<{ overview: { contacts: Array<{ notePrivate: boolean; note: string | null }> } }>(await mentoring.page(CARER, id));
    expect(page.overview.contacts.length).toBeGreaterThan(0);
    expect(page.overview.contacts.filter((c) => c.notePrivate).every((c) => c.note === null)).toBe(true);
    expect((await downloadItem(CARER, id, "meetings", mentorshipId)).status).toBe(200);
    expect(parseCalendar((await downloadItem(CARER, id, "meetings", mentorshipId)).text).events).toHaveLength(1);
  });

  test("the mentor's own contact log cannot be switched off", async () => {
    const outcome = await sharing.set(YOUTH, id, "mentor", "contacts", false);
    expect(outcome.status).toBe(400);
    expect(switches()).toEqual([]);
    expect((await mentoring.page(MENTOR, id)).status).toBe(200);
  });
});

describe("bad input", () => {
  test("a section that does not exist, an audience that cannot be switched, a missing or odd intent: 400, nothing written", async () => {
    for (const form of <Array<Record<string, string>>>[
      { intent: "switch", audience: "mentor", section: "diary", shared: "0" },
      { intent: "switch", audience: "mentor", section: "", shared: "0" },
      { intent: "switch", audience: "specialist", section: "health", shared: "0" },
      { intent: "switch", audience: "mentor", section: "health; DROP TABLE users", shared: "0" },
      { intent: "switch", section: "health", shared: "0" },
    ]) {
      const outcome = await sharing.post(YOUTH, id, form);
      expect(outcome.status, JSON.stringify(form)).toBe(400);
      expect(outcome.thrown).toBe(false);
      expect(((await outcome.response.json()) as { error: string }).error).toBe("keys.sharing.unknownSwitch");
    }
    for (const form of <Array<Record<string, string>>>[{ intent: "nonsense" }, {}]) {
      const outcome = await sharing.post(YOUTH, id, form);
      expect(outcome.status).toBe(400);
    }
    expect(switches()).toEqual([]);
    expect(receipts()).toEqual([]);
  });

  test("a switch posted by the mentor, the carer or the specialist is refused (404) and changes nothing", async () => {
    for (const email of [MENTOR, CARER, SPECIALIST]) {
      expectNotFound(await sharing.set(email, id, "mentor", "health", false));
    }
    // Not logged in: sent to the login page.
    const anonymous = await sharing.post(null, id, { intent: "switch", audience: "mentor", section: "health", shared: "0" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(switches()).toEqual([]);
  });

  test("another young person's switches and pages are not found", async () => {
    const other = youngPersonIdOf("youth.aftercare@demo.test");
    expectNotFound(await sharing.set(YOUTH, other, "mentor", "health", false));
    expectNotFound(await sharing.page(YOUTH, other));
    expectNotFound(await accessLog.page(YOUTH, other));
    expectNotFound(await sharing.page(MENTOR, id));
    expectNotFound(await sharing.page(CARER, id));
    expect(switches()).toEqual([]);
  });
});

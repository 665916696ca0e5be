/**
 * In-app notifications through the real routes: each person gets the reminders of the items they own,
 * the header's unread count (root loader) matches the page, "mark all as read" clears it until something
 * new is due, and the count costs a fixed, small number of queries.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { budgetSettings, goals, notificationReads, steps } from "../../db/schema";
import { browserRequest, countExecutions, routeArgs, settle, userByEmail } from "../helpers/db";
import { freshDemoEachTest, logContact } from "./calendar-support";
import { AFTERCARE, ADMIN, CARER, cookieOf, goalRows, jsonOf, LEAD, MENTOR, planIdOf, SPECIALIST, stepRows, YOUTH, youngPersonIdOf } from "./plan-support";
import { addDays } from "~/domain/dates";
import type { UserNotification } from "~/models/notifications.server";
import { appendAudit } from "~/models/audit.server";
import { cachedUnreadCount, unreadCount } from "~/models/notifications.server";
import { helpWaitingCount } from "~/models/help.server";
import { loader as rootLoader } from "~/root";
import * as notificationsRoute from "~/routes/notifications";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

const day = freshDemoEachTest();

async function notificationsOf(email: string): Promise<UserNotification[]> {
  const request = browserRequest("/notifications", { cookie: cookieOf(email) });
  const { response, thrown } = await settle(() => notificationsRoute.loader(routeArgs(request)));
  return (await jsonOf<{ notifications: UserNotification[] }>({ response, thrown, status: response.status, location: null })).notifications;
}

async function markAllRead(email: string, keys: string[]) {
  const form = new URLSearchParams(keys.map((key) => ["key", key]));
  const request = new Request("http://localhost:3000/notifications", {
    method: "POST",
    headers: { Cookie: cookieOf(email), "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", Origin: "http://localhost:3000" },
    body: form,
  });
  const { response } = await settle(() => notificationsRoute.action(routeArgs(request)));
  return response;
}

async function headerCount(email: string): Promise<number | null> {
  const request = browserRequest("/", { cookie: cookieOf(email) });
  const { response } = await settle(() => rootLoader(routeArgs(request)));
  return ((await response.json()) as { user: { unreadNotifications: number | null } }).user.unreadNotifications;
}

const actorOf = (email: string) => {
  const user = userByEmail(email);
  return { id: user.id, role: user.role, organisationId: user.organisationId };
};

/** A step of `email`'s plan owned by `owner`, due `inDays` from day(), in an open goal. */
function addStep(youthEmail: string, owner: "youth" | "mentor" | "specialist" | "carer", inDays: number, title = `Solis ${owner} ${inDays}`) {
  const goal = goalRows(youngPersonIdOf(youthEmail)).find((g) => g.status === "planned" || g.status === "in_progress")!;
  const id = randomUUID();
  getDb()
    .insert(steps)
    .values({ id, goalId: goal.id, title, owner, dueDate: addDays(day(), inDays), createdAt: Date.now() })
    .run();
  return id;
}

describe("whose reminders", () => {
  test("the young person gets their own steps and goals, documents and meetings — not the adults' steps", async () => {
    const mine = addStep(YOUTH, "youth", 1);
    const mentors = addStep(YOUTH, "mentor", 1);
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 1), nextMeetingTime: "16:00" });
    const list = await notificationsOf(YOUTH);
    expect(list.find((n) => n.item.type === "step" && n.item.id === mine)).toMatchObject({ kind: "dueTomorrow", read: false, youngPersonName: null });
    expect(list.some((n) => n.item.type === "step" && n.item.id === mentors)).toBe(false);
    expect(list.find((n) => n.kind === "meetingTomorrow")).toMatchObject({ item: { time: "16:00", mentorName: "Pēteris Bērziņš" } });
    for (const n of list) {
      if (n.item.type === "step" || n.item.type === "goal") expect(n.item.owner).toBe("youth");
    }
    // The demo's overdue step ("Nokārtot matemātikas ieskaiti", 10 days ago) is there, as overdue.
    expect(list.find((n) => n.item.type === "step" && n.item.title === "Nokārtot matemātikas ieskaiti")).toMatchObject({ kind: "overdue", days: -10 });
  });

  test("the mentor gets the mentor's steps of both mentees and their meetings, named; nothing once the window has closed", async () => {
    const janisStep = addStep(YOUTH, "mentor", 0);
    const martaStep = addStep(AFTERCARE, "mentor", 7);
    addStep(YOUTH, "youth", 1);
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 1) });
    const list = await notificationsOf(MENTOR);
    expect(list.find((n) => n.item.type === "step" && n.item.id === janisStep)).toMatchObject({ kind: "dueToday", youngPersonName: "Jānis Ozols" });
    expect(list.find((n) => n.item.type === "step" && n.item.id === martaStep)).toMatchObject({ kind: "dueSoon", days: 7, youngPersonName: "Marta Liepa" });
    expect(list.find((n) => n.kind === "meetingTomorrow")).toMatchObject({ youngPersonName: "Jānis Ozols" });
    expect(list.every((n) => n.item.type === "meeting" || ("owner" in n.item && n.item.owner === "mentor"))).toBe(true);
    expect(list.some((n) => n.item.type === "document")).toBe(false);
    // Long after both windows have closed: nothing.
    setClock(new Date(`${addDays(day(), 365 * 4)}T10:00:00Z`));
    expect(await notificationsOf(MENTOR)).toEqual([]);
  });

  test("the specialist gets the specialist's steps and documents expiring within 30 days; the carer the carer's steps", async () => {
    const specialistStep = addStep(AFTERCARE, "specialist", 2);
    const carerStep = addStep(YOUTH, "carer", 3);
    // Jānis's ID card expires in 40 days: not yet; in 30 days it is.
    const before = await notificationsOf(SPECIALIST);
    expect(before.some((n) => n.item.type === "document")).toBe(false);
    expect(before.find((n) => n.item.type === "step" && n.item.id === specialistStep)).toMatchObject({ kind: "dueSoon", youngPersonName: "Marta Liepa" });
    setClock(new Date(`${addDays(day(), 10)}T10:00:00Z`));
    const later = await notificationsOf(SPECIALIST);
    expect(later.find((n) => n.item.type === "document")).toMatchObject({ kind: "documentExpiring", days: 30, youngPersonName: "Jānis Ozols" });
    expect((await notificationsOf(YOUTH)).some((n) => n.item.type === "document")).toBe(true);
    expect((await notificationsOf(MENTOR)).some((n) => n.item.type === "document")).toBe(false);
    setClock(null);
    expect((await notificationsOf(CARER)).map((n) => n.item.type === "step" && n.item.id)).toContain(carerStep);
    expect((await notificationsOf(CARER)).every((n) => "owner" in n.item && n.item.owner === "carer")).toBe(true);
  });

  test("leads and administrators have no notifications and no badge", async () => {
    for (const email of [LEAD, ADMIN]) {
      expect(await notificationsOf(email)).toEqual([]);
      expect(await headerCount(email)).toBeNull();
    }
  });

  test("done steps and dropped goals stop reminding", async () => {
    const id = addStep(YOUTH, "youth", 1);
    expect((await notificationsOf(YOUTH)).some((n) => n.item.type === "step" && n.item.id === id)).toBe(true);
    getDb().update(steps).set({ doneAt: Date.now() }).where(eq(steps.id, id)).run();
    expect((await notificationsOf(YOUTH)).some((n) => n.item.type === "step" && n.item.id === id)).toBe(false);
    const goal = goalRows(youngPersonIdOf(YOUTH)).find((g) => g.status === "in_progress")!;
    const goalStep = addStep(YOUTH, "youth", 2);
    getDb().update(steps).set({ goalId: goal.id }).where(eq(steps.id, goalStep)).run();
    getDb().update(goals).set({ status: "dropped" }).where(eq(goals.id, goal.id)).run();
    expect((await notificationsOf(YOUTH)).some((n) => n.item.type === "step" && n.item.id === goalStep)).toBe(false);
  });
});

describe("read and unread", () => {
  test("the header count matches the page; marking all read clears it until something new is due", async () => {
    const unread = (await notificationsOf(YOUTH)).filter((n) => !n.read);
    expect(unread.length).toBeGreaterThan(0);
    expect(await headerCount(YOUTH)).toBe(unread.length);

    const response = await markAllRead(
      YOUTH,
      unread.map((n) => n.key),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/notifications");
    expect(await headerCount(YOUTH)).toBe(0);
    expect((await notificationsOf(YOUTH)).every((n) => n.read)).toBe(true);

    addStep(YOUTH, "youth", 1);
    expect(await headerCount(YOUTH)).toBe(1);
    // The next day, the steps due "in N days" move on a stage where that is a new stage: unread again.
    setClock(new Date(`${addDays(day(), 1)}T10:00:00Z`));
    expect(await headerCount(YOUTH)).toBeGreaterThan(0);
  });

  test("keys that are not the user's current notifications are ignored; bad input is a 400", async () => {
    const mentorKeys = (await notificationsOf(MENTOR)).map((n) => n.key);
    const response = await markAllRead(YOUTH, [...mentorKeys, "step:nope:overdue:2020-01-01", "x".repeat(150)]);
    expect(response.status).toBe(302);
    expect(getDb().select().from(notificationReads).all()).toEqual([]);
    expect((await markAllRead(YOUTH, ["x".repeat(5000)])).status).toBe(400);
    expect(
      (
        await markAllRead(
          YOUTH,
          Array.from({ length: 5001 }, (_, i) => `k${i}`),
        )
      ).status,
    ).toBe(400);
    expect((await markAllRead(YOUTH, [])).status).toBe(302);
  });

  test("one user's read marks do not touch another's", async () => {
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 1) });
    const youthMeeting = (await notificationsOf(YOUTH)).find((n) => n.kind === "meetingTomorrow")!;
    await markAllRead(YOUTH, [youthMeeting.key]);
    expect((await notificationsOf(MENTOR)).find((n) => n.kind === "meetingTomorrow")!.read).toBe(false);
  });
});

describe("cost", () => {
  // The linked records, the policy's view of them (mentorships, carer links, sharing switches: the one
  // loader of app/models/young-people.server.ts), the items and the read marks.
  test("the unread count takes eight queries, however big the plans", async () => {
    const specialist = actorOf(SPECIALIST);
    const small = await countExecutions(() => unreadCount(specialist, day()));
    // Six, one for the open "I need help" requests and one for the open "ask for a review" the badge counts too (issue 11).
    expect(small.count).toBeLessThanOrEqual(8);
    const planId = planIdOf(youngPersonIdOf(YOUTH));
    const goalIds = Array.from({ length: 40 }, () => randomUUID());
    getDb().transaction((tx) => {
      goalIds.forEach((id, i) => {
        tx.insert(goals)
          .values({ id, planId, domain: "housing", title: `G${i}`, owner: "specialist", dueDate: addDays(day(), i % 9), status: "planned", position: 100 + i })
          .run();
        for (let s = 0; s < 5; s++)
          tx.insert(steps)
            .values({ id: randomUUID(), goalId: id, title: `S${s}`, owner: "specialist", dueDate: addDays(day(), s - 2) })
            .run();
      });
    });
    const big = await countExecutions(() => unreadCount(specialist, day()));
    expect(big.result).toBeGreaterThan(small.result + 200);
    expect(small.count).toBe(8);
    expect(big.count).toBe(small.count);
    expect(stepRows(youngPersonIdOf(YOUTH)).length).toBeGreaterThan(200);
  });

  test("a young person without anything due costs five queries and has no badge number", async () => {
    getDb().update(steps).set({ doneAt: Date.now() }).run();
    getDb().update(goals).set({ dueDate: null }).run();
    // No pocket money either: the seeded pay day reminds the day before it (whatever today is).
    getDb().delete(budgetSettings).run();
    const youth = actorOf(YOUTH);
    const { result, count } = await countExecutions(() => unreadCount(youth, day()));
    expect(result).toBe(0);
    expect(count).toBe(5);
  });
});

describe("the header badge, kept per user while nothing changes", () => {
  test("two users on the same page, interleaved, each get their own count; a change to one is seen by that one only", async () => {
    const own = (email: string) => unreadCount(actorOf(email), day());
    const youth0 = own(YOUTH);
    const mentor0 = own(MENTOR);
    expect(youth0).toBeGreaterThan(0);
    expect(mentor0).toBeGreaterThan(0);
    expect(youth0).not.toBe(mentor0);
    for (let round = 0; round < 3; round++) {
      expect(await headerCount(YOUTH)).toBe(youth0);
      expect(await headerCount(MENTOR)).toBe(mentor0);
    }
    // The young person reads everything: their badge is 0 at once, the mentor's stays.
    const keys = (await notificationsOf(YOUTH)).map((n) => n.key);
    expect((await markAllRead(YOUTH, keys)).status).toBe(302);
    expect(await headerCount(MENTOR)).toBe(mentor0);
    expect(await headerCount(YOUTH)).toBe(0);
    // A new overdue mentor's step in Jānis's plan: the mentor's badge grows, the young person's does not.
    const goalId = goalRows(youngPersonIdOf(YOUTH)).find((g) => g.status !== "done" && g.status !== "dropped")!.id;
    getDb()
      .insert(steps)
      .values({ id: randomUUID(), goalId, title: "Jauns solis", owner: "mentor", dueDate: addDays(day(), -1) })
      .run();
    expect(await headerCount(YOUTH)).toBe(0);
    expect(await headerCount(MENTOR)).toBe(mentor0 + 1);
    expect(await headerCount(MENTOR)).toBe(own(MENTOR));
  });

  test("a repeated page costs one small statement for the badge, not the notification queries", async () => {
    const specialist = actorOf(SPECIALIST);
    const first = await countExecutions(() => cachedUnreadCount(specialist, day()));
    const again = await countExecutions(() => cachedUnreadCount(specialist, day()));
    expect(again.result).toBe(first.result);
    expect(first.count).toBeGreaterThan(1);
    expect(again.count).toBe(1);
    // Another day is computed anew.
    const tomorrow = await countExecutions(() => cachedUnreadCount(specialist, addDays(day(), 1)));
    expect(tomorrow.count).toBe(first.count);
  });

  test("reads appended to the audit log (on their own connection) do not empty the badge cache", async () => {
    const specialist = actorOf(SPECIALIST);
    await countExecutions(() => cachedUnreadCount(specialist, day()));
    appendAudit({ actorId: specialist.id, actorRole: "specialist", youngPersonId: youngPersonIdOf(YOUTH), kind: "read", part: "overview" });
    const again = await countExecutions(() => cachedUnreadCount(specialist, day()));
    expect(again.count).toBe(1);
  });
});

test("the page lists the 50 most urgent and counts the rest; 'mark all as read' marks those shown", async () => {
  const planId = planIdOf(youngPersonIdOf(YOUTH));
  getDb().transaction((tx) => {
    for (let i = 0; i < 80; i++) {
      tx.insert(goals)
        .values({
          id: randomUUID(),
          planId,
          domain: "housing",
          title: `G${i}`,
          owner: "specialist",
          dueDate: addDays(day(), (i % 7) - 3),
          status: "planned",
          position: 100 + i,
        })
        .run();
    }
  });
  // The badge also counts open "I need help" requests, which the page lists apart (issue 11).
  const all = unreadCount(actorOf(SPECIALIST), day()) - helpWaitingCount(actorOf(SPECIALIST).id);
  expect(all).toBeGreaterThan(80);
  const request = browserRequest("/notifications", { cookie: cookieOf(SPECIALIST) });
  const { response, thrown } = await settle(() => notificationsRoute.loader(routeArgs(request)));
  const page = await jsonOf<{ notifications: UserNotification[]; more: number }>({ response, thrown, status: response.status, location: null });
  expect(page.notifications).toHaveLength(50);
  expect(page.more).toBe(all - 50);
  const days = page.notifications.map((n) => n.on);
  expect(days).toEqual([...days].sort());
  expect(
    (
      await markAllRead(
        SPECIALIST,
        page.notifications.map((n) => n.key),
      )
    ).status,
  ).toBe(302);
  expect(unreadCount(actorOf(SPECIALIST), day()) - helpWaitingCount(actorOf(SPECIALIST).id)).toBe(all - 50);
});

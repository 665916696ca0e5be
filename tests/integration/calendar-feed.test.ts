/**
 * Calendar feeds through the real routes, read back with ical.js: the young person's deadlines on the
 * right days and meetings at the right Riga time, stable ids and growing sequence numbers, 304s, HEAD,
 * bad tokens, a reset link, the mentoring window, generic and full titles, and nobody else's data.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { budgetDuties, budgetSettings, calendarFeeds, carerLinks, goals, planDocuments, users, youngPeople } from "../../db/schema";
import { insertOtherOrganisation, youngPersonOf } from "../helpers/db";
import { downloadItem, freshDemoEachTest, feedOf, fetchFeed, logContact, newLink, parseCalendar, setMentorshipStatus, setTitles } from "./calendar-support";
import { sharing } from "./keys-support";
import {
  AFTERCARE,
  CARER,
  expectRedirect,
  goalForm,
  goalRows,
  MENTOR,
  nameOf,
  openStepOwnedBy,
  planIdOf,
  post,
  PREPARATION,
  SPECIALIST,
  stepRows,
  userIdOf,
  YOUTH,
  youngPersonIdOf,
} from "./plan-support";
import { periodOf } from "~/domain/budget";
import { addDays } from "~/domain/dates";
import { mentoringWindow } from "~/domain/phase";
import { hashToken } from "~/models/calendar-feeds.server";
import { setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

const day = freshDemoEachTest();

/** Noon in Riga on a calendar day. */
function noonOn(day: string): Date {
  return new Date(`${day}T10:00:00Z`);
}

const isOpen = (status: string) => status === "planned" || status === "in_progress";

/** What Jānis's plan says his calendar must show: open dated goals and steps, documents he has with an expiry. */
function janisDeadlines() {
  const id = youngPersonIdOf(YOUTH);
  const goalList = goalRows(id);
  const openGoals = new Set(goalList.filter((g) => isOpen(g.status)).map((g) => g.id));
  return {
    goals: goalList.filter((g) => openGoals.has(g.id) && g.dueDate),
    steps: stepRows(id).filter((s) => openGoals.has(s.goalId) && s.doneAt === null && s.dueDate && s.dueDate >= addDays(day(), -365)),
    documents: getDb()
      .select()
      .from(planDocuments)
      .where(eq(planDocuments.planId, planIdOf(id)))
      .all()
      .filter((d) => d.status === "have" && d.expiresOn),
  };
}

describe("the young person's feed", () => {
  test("the demo's agreed meeting (in 3 days, 17:30 Riga) is there although a later message went unanswered", async () => {
    // The seed: a phone call 22 days ago agreed the meeting; a message 10 days ago set none.
    const { token } = await newLink(YOUTH);
    const meetings = parseCalendar(await feedOf(token)).events.filter((e) => e.uid.startsWith("meeting-"));
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ allDay: false, tzid: "Europe/Riga", local: `${addDays(day(), 3)}T17:30:00` });
  });

  test("shows every open deadline on its day, document expiries, care-end milestones and the next meeting at the Riga time", async () => {
    const meetingDay = addDays(day(), 9);
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: meetingDay, nextMeetingTime: "18:30" });
    const { token } = await newLink(YOUTH);
    const result = await fetchFeed(token);
    expect(result.status).toBe(200);
    expect(result.response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(result.response.headers.get("Cache-Control")).toBe("private, max-age=300");
    expect(result.response.headers.get("Set-Cookie")).toBeNull();

    const { calendar, events, byUid } = parseCalendar(result.text);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — mans plāns");
    expect(calendar.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT1H");
    expect(calendar.getFirstPropertyValue("x-published-ttl")).toBe("PT1H");

    const expected = janisDeadlines();
    expect(expected.goals.length).toBeGreaterThan(3);
    expect(expected.steps.length).toBeGreaterThan(3);
    for (const goal of expected.goals) expect(byUid.get(`goal-${goal.id}@tilts`), goal.title).toMatchObject({ allDay: true, start: goal.dueDate });
    for (const step of expected.steps) expect(byUid.get(`step-${step.id}@tilts`), step.title).toMatchObject({ allDay: true, start: step.dueDate });
    for (const doc of expected.documents) expect(byUid.get(`document-${doc.id}@tilts`)).toMatchObject({ allDay: true, start: doc.expiresOn });
    const janis = youngPersonOf(YOUTH);
    const window = mentoringWindow(janis.plannedCareEndDate);
    expect(byUid.get(`milestone-careEnds-${janis.id}-${janis.plannedCareEndDate}@tilts`)).toMatchObject({ allDay: true, start: janis.plannedCareEndDate });
    expect(byUid.get(`milestone-aftercareEnds-${janis.id}-${window.end}@tilts`)).toMatchObject({ start: window.end });

    const meetings = events.filter((e) => e.uid.startsWith("meeting-"));
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ allDay: false, tzid: "Europe/Riga", local: `${meetingDay}T18:30:00`, trigger: "-PT1H" });
    // 18:30 in Riga is 15:30 or 16:30 UTC, depending on summer time that day.
    const utcHour = new Date(meetings[0]!.start).getUTCHours();
    expect([15, 16]).toContain(utcHour);
    expect(new Date(meetings[0]!.start).toLocaleString("sv-SE", { timeZone: "Europe/Riga" })).toBe(`${meetingDay} 18:30:00`);

    // The budget: the pocket-money pay days of the next five weeks (Fridays) and the rent deposit's date.
    const payDays = events.filter((e) => e.uid.startsWith("payday-"));
    expect(payDays.length).toBeGreaterThanOrEqual(5);
    expect(payDays.length).toBeLessThanOrEqual(6);
    expect(payDays.every((e) => e.allDay && new Date(`${e.start}T12:00:00Z`).getUTCDay() === 5)).toBe(true);
    const savingsGoals = events.filter((e) => e.uid.startsWith("savingsGoal-"));
    expect(savingsGoals).toHaveLength(1);
    // The review meeting in ten days (issue 11), at 15:00 in Riga, for 90 minutes.
    const reviewEvents = events.filter((e) => e.uid.startsWith("review-"));
    expect(reviewEvents).toHaveLength(1);
    expect(reviewEvents[0]).toMatchObject({ allDay: false, tzid: "Europe/Riga", local: `${addDays(day(), 10)}T15:00:00` });

    // Nothing else: done steps, dropped and done goals, undated steps are not there.
    expect(events.length).toBe(
      expected.goals.length +
        expected.steps.length +
        expected.documents.length +
        meetings.length +
        3 +
        payDays.length +
        savingsGoals.length +
        reviewEvents.length,
    );
    // Every event has a reminder and links back to Tilts; deadlines at 09:00 the day before.
    expect(events.every((e) => e.trigger && e.url.startsWith("http://localhost:3000/plan/"))).toBe(true);
    expect(events.filter((e) => e.allDay).every((e) => e.trigger === "-PT15H")).toBe(true);
    // DTSTAMP is a UTC time with its Z.
    expect(result.text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(result.text).not.toMatch(/\r\nDTSTAMP:\d{8}T\d{6}\r\n/);
  });

  test("titles are generic by default: no goal, step or document words, no names, no private notes", async () => {
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 3), nextMeetingTime: null });
    const { token } = await newLink(YOUTH);
    const text = await feedOf(token);
    const { events } = parseCalendar(text);
    for (const goal of goalRows(youngPersonIdOf(YOUTH))) expect(text).not.toContain(goal.title.slice(0, 20));
    expect(text).not.toContain(nameOf(MENTOR));
    expect(text).not.toContain(nameOf(YOUTH));
    expect(text).not.toContain("Privāta piezīme");
    expect(new Set(events.map((e) => e.summary))).toEqual(
      new Set([
        "Tilts: mājokļa termiņš",
        "Tilts: naudas termiņš",
        "Tilts: izglītības termiņš",
        "Tilts: veselības termiņš",
        "Tilts: darba termiņš",
        "Tilts: dokumentu termiņš",
        "Tilts: attiecību un labsajūtas termiņš",
        "Tilts: beidzas dokumenta derīgums",
        "Tilts: tikšanās ar mentoru",
        "Tilts: sākas pārejas posms",
        "Tilts: beidzas aprūpe",
        "Tilts: beidzas pēcaprūpe",
        "Tilts: kabatas naudas diena",
        "Tilts: krāšanas mērķa datums",
        "Tilts: mana plāna pārskatīšanas tikšanās",
      ]),
    );
    // An all-day meeting (no time set) is a day, not midnight.
    expect(events.find((e) => e.uid.startsWith("meeting-"))).toMatchObject({ allDay: true, start: addDays(day(), 3) });
  });

  test("full titles, when chosen, use the plan's words in the user's language", async () => {
    const { token } = await newLink(YOUTH);
    await setTitles(YOUTH, "full");
    getDb().update(users).set({ locale: "en" }).where(eq(users.email, YOUTH)).run();
    const { calendar, byUid } = parseCalendar(await feedOf(token));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — my plan");
    const step = openStepOwnedBy(youngPersonIdOf(YOUTH), "mentor");
    expect(byUid.get(`step-${step.id}@tilts`)!.summary).toBe(`Step: ${step.title}`);
    expect(byUid.get(`step-${step.id}@tilts`)!.description).toContain("Who: Mentor");
    const idCard = janisDeadlines().documents.find((d) => d.kind === "id_card")!;
    expect(byUid.get(`document-${idCard.id}@tilts`)!.summary).toBe("ID card expires");
  });

  test("a change of titles or language shows on the next fetch", async () => {
    const { token } = await newLink(YOUTH);
    const generic = await feedOf(token);
    expect(await feedOf(token)).toBe(generic);
    getDb().update(users).set({ locale: "ru" }).where(eq(users.email, YOUTH)).run();
    const russian = await feedOf(token);
    expect(russian).toContain("X-WR-CALNAME:Tilts — мой план");
    await setTitles(YOUTH, "full");
    const full = await feedOf(token);
    expect(full).toContain("SUMMARY:Цель: ");
    expect(new Set([generic, russian, full]).size).toBe(3);
  });

  test("ids stay, sequence grows and the date moves when a step is edited; a ticked step leaves the feed", async () => {
    const { token } = await newLink(YOUTH);
    const first = await fetchFeed(token);
    const second = await fetchFeed(token);
    expect(second.text).toBe(first.text);
    expect(second.response.headers.get("ETag")).toBe(first.response.headers.get("ETag"));
    const before = parseCalendar(first.text);

    const id = youngPersonIdOf(YOUTH);
    const step = openStepOwnedBy(id, "youth");
    const newDue = addDays(step.dueDate ?? day(), 3);
    setClock(new Date(Date.now() + 5_000));
    expectRedirect(await post.goal(YOUTH, id, step.goalId, { intent: "editStep", stepId: step.id, title: step.title, owner: "youth", dueDate: newDue }));
    const edited = await fetchFeed(token);
    expect(edited.response.headers.get("ETag")).not.toBe(first.response.headers.get("ETag"));
    const after = parseCalendar(edited.text);
    const uid = `step-${step.id}@tilts`;
    expect(after.byUid.get(uid)!.start).toBe(newDue);
    expect(after.byUid.get(uid)!.sequence).toBeGreaterThan(before.byUid.get(uid)!.sequence);
    expect(after.byUid.get(uid)!.stamp).not.toBe(before.byUid.get(uid)!.stamp);
    // Everything else is untouched: same ids, same versions.
    expect([...after.byUid.keys()].sort()).toEqual([...before.byUid.keys()].sort());
    for (const event of before.events.filter((e) => e.uid !== uid)) expect(after.byUid.get(event.uid)).toEqual(event);

    // Ticked: gone from the calendar.
    setClock(new Date(Date.now() + 10_000));
    expectRedirect(await post.step(YOUTH, id, { stepId: step.id, done: "1" }));
    expect(parseCalendar(await feedOf(token)).byUid.has(uid)).toBe(false);
  });

  test("a rescheduled meeting keeps its id with a higher sequence; a past meeting is gone", async () => {
    const { token } = await newLink(YOUTH);
    const contact = logContact(YOUTH, { contactOn: addDays(day(), -7), nextMeetingOn: addDays(day(), 5), nextMeetingTime: "10:00" });
    const uid = `meeting-${contact.mentorshipId}@tilts`;
    const first = parseCalendar(await feedOf(token)).byUid.get(uid)!;
    setClock(new Date(Date.now() + 5_000));
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 6), nextMeetingTime: "16:15" });
    const moved = parseCalendar(await feedOf(token)).byUid.get(uid)!;
    expect(moved.local).toBe(`${addDays(day(), 6)}T16:15:00`);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    setClock(noonOn(addDays(day(), 7)));
    expect(parseCalendar(await feedOf(token)).byUid.has(uid)).toBe(false);
  });
});

describe("conditional requests and HEAD", () => {
  test("If-None-Match with the ETag (strong, weak or in a list) or * gives 304 without a body", async () => {
    const { token } = await newLink(YOUTH);
    const first = await fetchFeed(token);
    const etag = first.response.headers.get("ETag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    for (const value of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await fetchFeed(token, { headers: { "If-None-Match": value } });
      expect(again.status, value).toBe(304);
      expect(again.text).toBe("");
      expect(again.response.headers.get("ETag")).toBe(etag);
      expect(again.response.headers.get("Cache-Control")).toBe("private, max-age=300");
    }
  });

  test("If-Modified-Since at or after Last-Modified gives 304; before it, or unreadable, gives the feed", async () => {
    const { token } = await newLink(YOUTH);
    const first = await fetchFeed(token);
    const lastModified = first.response.headers.get("Last-Modified")!;
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect((await fetchFeed(token, { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    const later = new Date(Date.parse(lastModified) + 3_600_000).toUTCString();
    expect((await fetchFeed(token, { headers: { "If-Modified-Since": later } })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1_000).toUTCString();
    expect((await fetchFeed(token, { headers: { "If-Modified-Since": earlier } })).status).toBe(200);
    expect((await fetchFeed(token, { headers: { "If-Modified-Since": "yesterday-ish" } })).status).toBe(200);
  });

  test("Last-Modified moves when the feed changes, not when it is fetched again", async () => {
    const { token } = await newLink(YOUTH);
    const first = await fetchFeed(token);
    setClock(new Date(Date.now() + 120_000));
    const same = await fetchFeed(token);
    expect(same.response.headers.get("Last-Modified")).toBe(first.response.headers.get("Last-Modified"));
    const id = youngPersonIdOf(YOUTH);
    const goal = goalRows(id).find((g) => isOpen(g.status) && g.dueDate)!;
    expectRedirect(await post.goal(YOUTH, id, goal.id, { intent: "editGoal", title: goal.title, owner: goal.owner, dueDate: addDays(goal.dueDate!, 1) }));
    const changed = await fetchFeed(token, { headers: { "If-Modified-Since": first.response.headers.get("Last-Modified")! } });
    expect(changed.status).toBe(200);
    expect(Date.parse(changed.response.headers.get("Last-Modified")!)).toBeGreaterThan(Date.parse(first.response.headers.get("Last-Modified")!));
  });

  test.each([
    ["garbage", 'garbage"'],
    ["an empty value", ""],
    ["another ETag", '"not-this-one"'],
    ["a very long list", `${'"x", '.repeat(2000)}"y"`],
    ["control characters", '"\u0001\u0002"'],
  ])("If-None-Match with %s gives the whole feed (200), even with a matching If-Modified-Since", async (_name, value) => {
    const { token } = await newLink(YOUTH);
    const first = await fetchFeed(token);
    let headers: Record<string, string>;
    try {
      headers = { "If-None-Match": value, "If-Modified-Since": first.response.headers.get("Last-Modified")! };
      new Headers(headers);
    } catch {
      headers = { "If-None-Match": "garbage" };
    }
    const again = await fetchFeed(token, { headers });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
  });

  test("a client that takes gzip gets the feed gzipped once per version, under an ETag of its own; the others get it as it is", async () => {
    const { gunzipSync } = await import("node:zlib");
    const { token } = await newLink(YOUTH);
    const plain = await fetchFeed(token);
    expect(plain.response.headers.get("Content-Encoding")).toBeNull();
    expect(plain.response.headers.get("Vary")).toBe("Accept-Encoding");
    const gzipped = async (headers: Record<string, string> = {}) => {
      const request = new Request(`http://localhost:3000/feeds/${token}/tilts.ics`, { headers: { "Accept-Encoding": "gzip, deflate, br", ...headers } });
      const { loader } = await import("~/routes/feeds.$token.tilts[.]ics");
      return loader({ request, params: { token }, context: {} });
    };
    const first = await gzipped();
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Encoding")).toBe("gzip");
    expect(first.headers.get("Vary")).toBe("Accept-Encoding");
    expect(first.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const etag = first.headers.get("ETag")!;
    expect(etag).toBe(`${plain.response.headers.get("ETag")!.slice(0, -1)}-gz"`);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(gunzipSync(bytes).toString("utf8")).toBe(plain.text);
    expect(bytes.length).toBeLessThan(plain.text.length / 3);
    // The same version again: the same bytes; its ETag gives 304 (without a coding); a q=0 refusal gets the text.
    expect(Buffer.from(await (await gzipped()).arrayBuffer()).equals(bytes)).toBe(true);
    const notModified = await gzipped({ "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("Content-Encoding")).toBeNull();
    const refused = await fetchFeed(token, { headers: { "Accept-Encoding": "gzip;q=0, identity" } });
    expect(refused.response.headers.get("Content-Encoding")).toBeNull();
    expect(refused.text).toBe(plain.text);
    // A change makes a new version: new bytes and a new ETag.
    await setTitles(YOUTH, "full");
    const changed = await gzipped();
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(gunzipSync(Buffer.from(await changed.arrayBuffer())).toString("utf8")).toBe((await fetchFeed(token)).text);
  });

  test("HEAD answers with the headers and no body", async () => {
    const { token } = await newLink(YOUTH);
    const get = await fetchFeed(token);
    const head = await fetchFeed(token, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.response.headers.get("ETag")).toBe(get.response.headers.get("ETag"));
    expect(head.response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect((await fetchFeed(token, { method: "HEAD", headers: { "If-None-Match": get.response.headers.get("ETag")! } })).status).toBe(304);
  });
});

describe("tokens", () => {
  test("at least 128 bits, stored only as a SHA-256 hash", async () => {
    const { token, webcal, https } = await newLink(YOUTH);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 32 × 6 = 192 bits
    expect(https).toBe(`http://localhost:3000/feeds/${token}/tilts.ics`);
    expect(webcal).toBe(`webcal://localhost:3000/feeds/${token}/tilts.ics`);
    const rows = getDb().select().from(calendarFeeds).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test.each([
    ["empty", ""],
    ["short", "abc"],
    ["a path", "../../etc/passwd"],
    ["non-ASCII", "ģķļņšžāēīūčģķļņšžāēīūčģķļņšžāē"],
    ["10,000 characters", "a".repeat(10_000)],
    ["a NUL byte", `${"a".repeat(31)}\u0000`],
    ["SQL", "' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaa"],
    ["unknown, well-formed", "A".repeat(32)],
  ])("a %s token gets 404 and nothing about anyone", async (_name, bad) => {
    await newLink(YOUTH);
    const result = await fetchFeed(bad);
    expect(result.status).toBe(404);
    expect(result.text).toBe("Not found");
    expect(result.response.headers.get("Set-Cookie")).toBeNull();
  });

  test("another user's token with one character changed gets 404, in every position", async () => {
    const { token } = await newLink(MENTOR);
    await newLink(YOUTH);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect((await fetchFeed(changed)).status, `position ${i}`).toBe(404);
    }
    expect((await fetchFeed(token)).status).toBe(200);
  });

  test("a new link revokes the old one at once; the titles choice carries over", async () => {
    const old = await newLink(YOUTH);
    await setTitles(YOUTH, "full");
    expect((await fetchFeed(old.token)).status).toBe(200);
    const fresh = await newLink(YOUTH);
    expect(fresh.token).not.toBe(old.token);
    expect((await fetchFeed(old.token)).status).toBe(404);
    const text = await feedOf(fresh.token);
    expect(text).toContain("Mērķis: ");
  });

  test("a disabled account's feed gets 404", async () => {
    const { token } = await newLink(YOUTH);
    getDb().update(users).set({ disabledAt: Date.now() }).where(eq(users.email, YOUTH)).run();
    expect((await fetchFeed(token)).status).toBe(404);
  });

  test("'last fetched' is written at most once a minute", async () => {
    const { token } = await newLink(YOUTH);
    const lastFetched = () => getDb().select().from(calendarFeeds).get()!.lastFetchedAt;
    expect(lastFetched()).toBeNull();
    const start = Date.now();
    setClock(new Date(start));
    await feedOf(token);
    expect(lastFetched()).toBe(start);
    setClock(new Date(start + 30_000));
    await fetchFeed(token, { method: "HEAD" });
    expect(lastFetched()).toBe(start);
    setClock(new Date(start + 61_000));
    await fetchFeed(token, { method: "HEAD" });
    expect(lastFetched()).toBe(start + 61_000);
  });
});

describe("the mentor's feed", () => {
  test("has both mentees' goals, the mentor's own steps and meetings, and the care end days — nothing else", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const marta = youngPersonIdOf(AFTERCARE);
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 2), nextMeetingTime: "17:00" });
    const { token } = await newLink(MENTOR);
    const { calendar, events, byUid } = parseCalendar(await feedOf(token));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — mentorēšana");
    for (const id of [janis, marta]) {
      for (const goal of goalRows(id).filter((g) => isOpen(g.status) && g.dueDate)) expect(byUid.has(`goal-${goal.id}@tilts`)).toBe(true);
      for (const step of stepRows(id).filter((s) => s.dueDate && s.doneAt === null)) {
        expect(byUid.has(`step-${step.id}@tilts`), step.title).toBe(step.owner === "mentor" && isOpen(goalRows(id).find((g) => g.id === step.goalId)!.status));
      }
    }
    expect(events.some((e) => e.uid.startsWith("document-"))).toBe(false);
    expect(events.filter((e) => e.uid.startsWith("milestone-")).map((e) => e.uid.split("-")[1])).toEqual(["careEnds", "careEnds"]);
    expect(events.filter((e) => e.uid.startsWith("meeting-"))).toHaveLength(1);
    expect(events.find((e) => e.uid.startsWith("meeting-"))!.summary).toBe("Tilts: mentorēšanas tikšanās");
    // Generic titles name nobody.
    expect(events.some((e) => e.summary.includes("Jānis") || e.summary.includes("Marta"))).toBe(false);
  });

  test("with full titles, names the young person in each event", async () => {
    const { token } = await newLink(MENTOR);
    await setTitles(MENTOR, "full");
    const { events } = parseCalendar(await feedOf(token));
    const step = openStepOwnedBy(youngPersonIdOf(YOUTH), "mentor");
    expect(events.find((e) => e.uid === `step-${step.id}@tilts`)!.summary).toBe(`Jānis Ozols: Solis: ${step.title}`);
    expect(events.filter((e) => e.summary.startsWith("Marta Liepa: ")).length).toBeGreaterThan(0);
  });

  test("follows the mentoring window: a mentee drops out before the window opens and after it ends; the feed empties", async () => {
    const { token } = await newLink(MENTOR);
    const janis = youngPersonOf(YOUTH);
    const marta = youngPersonOf(AFTERCARE);
    const janisWindow = mentoringWindow(janis.plannedCareEndDate);
    const martaWindow = mentoringWindow(marta.actualCareEndDate ?? marta.plannedCareEndDate);
    // A goal due on the last day of each window, so each mentee has something to show on every day tried.
    for (const [person, day] of [
      [janis, janisWindow.end],
      [marta, martaWindow.end],
    ] as const) {
      expectRedirect(
        await post.domain(
          person.userId === userIdOf(YOUTH) ? YOUTH : AFTERCARE,
          person.id,
          "housing",
          goalForm("housing", { title: "Vēlais mērķis", dueDate: day }),
        ),
      );
    }
    const mentees = async () => new Set(parseCalendar(await feedOf(token)).events.map((e) => e.url.split("/plan/")[1]?.split("/")[0]));

    expect(await mentees()).toEqual(new Set([janis.id, marta.id]));
    setClock(noonOn(addDays(janisWindow.start, -1)));
    expect(await mentees()).toEqual(new Set([marta.id]));
    setClock(noonOn(janisWindow.start));
    expect(await mentees()).toEqual(new Set([janis.id, marta.id]));
    setClock(noonOn(martaWindow.end));
    expect((await mentees()).has(marta.id)).toBe(true);
    setClock(noonOn(addDays(martaWindow.end, 1)));
    expect(await mentees()).toEqual(new Set([janis.id]));
    setClock(noonOn(addDays(janisWindow.end, 1)));
    const text = await feedOf(token);
    expect(parseCalendar(text).events).toEqual([]);
    expect(text).toContain("BEGIN:VCALENDAR");
  });

  test("a paused or closed mentorship takes the mentee out of the feed, meetings too", async () => {
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 2), nextMeetingTime: "17:00" });
    const { token } = await newLink(MENTOR);
    const janis = youngPersonIdOf(YOUTH);
    const hasJanis = async () => parseCalendar(await feedOf(token)).events.some((e) => e.url.includes(janis));
    expect(await hasJanis()).toBe(true);
    setMentorshipStatus(YOUTH, "paused");
    expect(await hasJanis()).toBe(false);
    setMentorshipStatus(YOUTH, "closed");
    expect(await hasJanis()).toBe(false);
    // …and Jānis's own calendar no longer shows a meeting with a mentor who is not his mentor now.
    const own = await newLink(YOUTH);
    expect(parseCalendar(await feedOf(own.token)).events.some((e) => e.uid.startsWith("meeting-"))).toBe(false);
  });
});

describe("the specialist's feed", () => {
  test("has the caseload's goals, the specialist's steps, document expiries and milestones, but no meetings", async () => {
    logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 2), nextMeetingTime: "17:00" });
    const { token } = await newLink(SPECIALIST);
    const { calendar, events } = parseCalendar(await feedOf(token));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — mani jaunieši");
    // The whole caseload: the three with logins and the three records without one yet.
    const caseload = getDb()
      .select()
      .from(youngPeople)
      .where(eq(youngPeople.specialistId, userIdOf(SPECIALIST)))
      .all();
    expect(caseload).toHaveLength(6);
    const people = new Set(events.map((e) => e.url.split("/plan/")[1]?.split("/")[0]));
    expect(people).toEqual(new Set(caseload.map((p) => p.id)));
    expect(events.some((e) => e.uid.startsWith("meeting-"))).toBe(false);
    expect(events.some((e) => e.uid.startsWith("document-"))).toBe(true);
    // Three per young person, but none from more than a year ago (Marta's transition began 18 months ago).
    const milestones = caseload.flatMap((person) => {
      const careEnd = person.actualCareEndDate ?? person.plannedCareEndDate;
      const window = mentoringWindow(careEnd, person.dateOfBirth);
      return [window.start, careEnd, window.end].filter((on) => on >= addDays(day(), -365));
    });
    expect(milestones).toHaveLength(17);
    expect(
      events
        .filter((e) => e.uid.startsWith("milestone-"))
        .map((e) => e.start)
        .sort(),
    ).toEqual(milestones.sort());
    const steps = stepRows(youngPersonIdOf(YOUTH)).filter((s) => events.some((e) => e.uid === `step-${s.id}@tilts`));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.owner === "specialist")).toBe(true);
  });
});

describe("the carer's feed", () => {
  const carerSteps = (id: string) =>
    stepRows(id).filter((s) => s.owner === "carer" && s.doneAt === null && s.dueDate && goalRows(id).some((g) => g.id === s.goalId && isOpen(g.status)));

  test("has the carer's steps and, on each pay day, the duties to confirm — nothing else of the plan", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const { token } = await newLink(CARER);
    const { calendar, events, byUid } = parseCalendar(await feedOf(token));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Tilts — mani jaunieši");
    const steps = carerSteps(janis);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps)
      expect(byUid.get(`step-${step.id}@tilts`), step.title).toMatchObject({ allDay: true, start: step.dueDate, summary: "Tilts: naudas termiņš" });
    // The demo's weekly pocket money, paid on Fridays: one "duties to confirm" event per pay day of the next five weeks.
    const settings = getDb().select().from(budgetSettings).where(eq(budgetSettings.youngPersonId, janis)).get()!;
    const duties = events.filter((e) => e.uid.startsWith("duties-"));
    expect(duties.length).toBeGreaterThanOrEqual(5);
    expect(duties.length).toBeLessThanOrEqual(6);
    for (const event of duties) {
      expect(event).toMatchObject({ allDay: true, summary: "Tilts: jāapstiprina pienākumi", url: `http://localhost:3000/plan/${janis}/budget/pocket-money` });
      expect(periodOf(settings, event.start).payOn).toBe(event.start);
      expect(event.uid).toBe(`duties-${janis}-${event.start}@tilts`);
    }
    expect(duties[0]!.start).toBe(
      periodOf(settings, day()).payOn >= day() ? periodOf(settings, day()).payOn : periodOf(settings, addDays(periodOf(settings, day()).end, 1)).payOn,
    );
    // No goals, other people's steps, documents, milestones, meetings, pay days or savings goals; the
    // review meeting the carer is invited to (issue 11).
    expect(events.filter((e) => e.uid.startsWith("review-"))).toHaveLength(1);
    expect(events).toHaveLength(steps.length + duties.length + 1);
  });

  test("with full titles, names the young person and counts the duties", async () => {
    const { token } = await newLink(CARER);
    await setTitles(CARER, "full");
    const text = await feedOf(token);
    const duties = parseCalendar(text).events.filter((e) => e.uid.startsWith("duties-"));
    expect(duties[0]!.summary).toBe(`${nameOf(YOUTH)}: Apstiprini kabatas naudas pienākumus`);
    const count = getDb()
      .select()
      .from(budgetDuties)
      .where(eq(budgetDuties.youngPersonId, youngPersonIdOf(YOUTH)))
      .all()
      .filter((d) => d.archivedAt === null).length;
    expect(duties[0]!.description.split("\n")[0]).toBe(`Pienākumi, kas jāapstiprina: ${count}`);
  });

  test("a domain the young person does not share with the carer leaves its steps out; the duties stay", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const { token } = await newLink(CARER);
    const before = parseCalendar(await feedOf(token)).events;
    const finances = carerSteps(janis).filter((s) => goalRows(janis).find((g) => g.id === s.goalId)?.domain === "finances");
    expect(finances.length).toBeGreaterThan(0);
    expect(before.some((e) => e.uid === `step-${finances[0]!.id}@tilts`)).toBe(true);
    expectRedirect(await sharing.set(YOUTH, janis, "carer", "finances", false));
    const after = parseCalendar(await feedOf(token)).events;
    for (const step of finances) expect(after.some((e) => e.uid === `step-${step.id}@tilts`)).toBe(false);
    expect(after.filter((e) => e.uid.startsWith("duties-")).length).toBe(before.filter((e) => e.uid.startsWith("duties-")).length);
  });

  test("a former carer's feed shows nothing of that young person", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const { token } = await newLink(CARER);
    expect(parseCalendar(await feedOf(token)).events.length).toBeGreaterThan(0);
    getDb()
      .update(carerLinks)
      .set({ endedOn: addDays(day(), -1) })
      .where(eq(carerLinks.youngPersonId, janis))
      .run();
    const result = await fetchFeed(token);
    expect(result.status).toBe(200);
    expect(parseCalendar(result.text).events).toEqual([]);
    expect(result.text).not.toContain(janis);
  });

  test("no duties event when the young person has no duties left", async () => {
    const janis = youngPersonIdOf(YOUTH);
    const { token } = await newLink(CARER);
    getDb().update(budgetDuties).set({ archivedAt: Date.now() }).where(eq(budgetDuties.youngPersonId, janis)).run();
    const events = parseCalendar(await feedOf(token)).events;
    expect(events.some((e) => e.uid.startsWith("duties-"))).toBe(false);
    expect(events.some((e) => e.uid.startsWith("step-"))).toBe(true);
  });
});

describe("nobody else's data", () => {
  test("Anna's feed has only Anna's plan; another organisation's specialist sees none of ours", async () => {
    const other = await insertOtherOrganisation(day());
    const anna = youngPersonIdOf(PREPARATION);
    const { token } = await newLink(PREPARATION);
    await setTitles(PREPARATION, "full");
    const text = await feedOf(token);
    const { events } = parseCalendar(text);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.url.startsWith(`http://localhost:3000/plan/${anna}`))).toBe(true);
    for (const id of [youngPersonIdOf(YOUTH), youngPersonIdOf(AFTERCARE)]) {
      expect(text).not.toContain(id);
      for (const goal of goalRows(id)) expect(text).not.toContain(goal.title);
    }

    const otherFeed = await newLink(other.specialistEmail);
    const otherText = await feedOf(otherFeed.token);
    expect(otherText).not.toContain(anna);
    expect(otherText).not.toContain(youngPersonIdOf(YOUTH));
    expect(parseCalendar(otherText).events.every((e) => e.url.includes(other.youngPersonId))).toBe(true);
  });

  test("a step moved to the carer stays in the young person's feed and leaves the mentor's", async () => {
    const id = youngPersonIdOf(YOUTH);
    const step = openStepOwnedBy(id, "mentor");
    const mentorFeed = await newLink(MENTOR);
    expect(parseCalendar(await feedOf(mentorFeed.token)).byUid.has(`step-${step.id}@tilts`)).toBe(true);
    expectRedirect(
      await post.goal(SPECIALIST, id, step.goalId, { intent: "editStep", stepId: step.id, title: step.title, owner: "carer", dueDate: step.dueDate ?? "" }),
    );
    expect(parseCalendar(await feedOf(mentorFeed.token)).byUid.has(`step-${step.id}@tilts`)).toBe(false);
    const youthFeed = await newLink(YOUTH);
    expect(parseCalendar(await feedOf(youthFeed.token)).byUid.has(`step-${step.id}@tilts`)).toBe(true);
  });
});

describe("a single item as a file", () => {
  test("a goal, a step and a meeting download with the same id and sequence as in the feed", async () => {
    const id = youngPersonIdOf(YOUTH);
    const contact = logContact(YOUTH, { contactOn: day(), nextMeetingOn: addDays(day(), 4), nextMeetingTime: "12:00" });
    const { token } = await newLink(YOUTH);
    const feed = parseCalendar(await feedOf(token)).byUid;
    const goal = goalRows(id).find((g) => isOpen(g.status) && g.dueDate)!;
    const step = openStepOwnedBy(id, "youth");
    for (const [type, itemId, uid] of [
      ["goals", goal.id, `goal-${goal.id}@tilts`],
      ["steps", step.id, `step-${step.id}@tilts`],
      ["meetings", contact.mentorshipId, `meeting-${contact.mentorshipId}@tilts`],
    ] as const) {
      const file = await downloadItem(YOUTH, id, type, itemId);
      expect(file.status, type).toBe(200);
      expect(file.response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(file.response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="tilts-(goal|step|meeting)\.ics"$/);
      const { calendar, events } = parseCalendar(file.text);
      expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual(feed.get(uid));
    }
  });

  test("the mentor downloads a mentee's goal; a done goal, another plan's goal, a bad type or no login do not", async () => {
    const id = youngPersonIdOf(YOUTH);
    const goal = goalRows(id).find((g) => isOpen(g.status) && g.dueDate)!;
    expect((await downloadItem(MENTOR, id, "goals", goal.id)).status).toBe(200);
    const done = goalRows(id).find((g) => g.status === "done")!;
    expect((await downloadItem(YOUTH, id, "goals", done.id)).status).toBe(404);
    const annasGoal = goalRows(youngPersonIdOf(PREPARATION))[0]!;
    expect((await downloadItem(YOUTH, id, "goals", annasGoal.id)).status).toBe(404);
    expect((await downloadItem(PREPARATION, id, "goals", goal.id)).status).toBe(404);
    expect((await downloadItem(YOUTH, id, "documents", goal.id)).status).toBe(404);
    const anonymous = await downloadItem(null, id, "goals", goal.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    setClock(noonOn(addDays(mentoringWindow(youngPersonOf(YOUTH).plannedCareEndDate).start, -1)));
    expect((await downloadItem(MENTOR, id, "goals", goal.id)).status).toBe(404);
  });

  test("follows the user's titles choice", async () => {
    const id = youngPersonIdOf(YOUTH);
    const goal = getDb()
      .select()
      .from(goals)
      .where(eq(goals.planId, planIdOf(id)))
      .all()
      .find((g) => isOpen(g.status) && g.dueDate)!;
    expect((await downloadItem(YOUTH, id, "goals", goal.id)).text).not.toContain(goal.title.slice(0, 15));
    await newLink(YOUTH);
    await setTitles(YOUTH, "full");
    expect(parseCalendar((await downloadItem(YOUTH, id, "goals", goal.id)).text).events[0]!.summary).toBe(`Mērķis: ${goal.title}`);
  });
});

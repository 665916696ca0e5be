/**
 * The calendar page (/calendar) through its real loader and action: who has a feed, making and
 * resetting the secret link, the titles choice with its errors next to the field, refusals.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { browserRequest, freshDatabase, routeArgs, sessionCookieFor, settle } from "../helpers/db";
import { loader as rootLoader } from "~/root";
import { calendarPage, fetchFeed, logContact, makeLink, newLink, postCalendar } from "./calendar-support";
import * as calendarRoute from "~/routes/calendar";
import { ADMIN, CARER, cookieOf, expectNoChange, LEAD, MENTOR, PREPARATION, SPECIALIST, YOUTH, youngPersonIdOf, type FormReply } from "./plan-support";
import { addDays, todayInRiga } from "~/domain/dates";
import { calendarFeeds } from "../../db/schema";
import { getDb } from "~/utils/db.server";

beforeEach(async () => {
  await freshDatabase();
});

const feedRows = () => getDb().select().from(calendarFeeds).all();

describe("who has a calendar", () => {
  test.each([
    [YOUTH, "youth"],
    [MENTOR, "mentor"],
    [SPECIALIST, "specialist"],
    [CARER, "carer"],
    [LEAD, null],
    [ADMIN, null],
  ])("%s: feed kind %s; the page opens for everyone", async (email, kind) => {
    const page = await calendarPage(email);
    expect(page.kind).toBe(kind);
    expect(page.feed).toBeNull();
  });

  test.each([LEAD, ADMIN])("%s cannot make a link (403) and nothing is written", async (email) => {
    const outcome = await postCalendar(email, { intent: "newLink" });
    expect(outcome).toMatchObject({ thrown: true, status: 403 });
    expect(feedRows()).toEqual([]);
  });

  test.each([
    [YOUTH, true],
    [MENTOR, true],
    [SPECIALIST, true],
    [CARER, true],
    [LEAD, false],
    [ADMIN, false],
  ])("%s: the header links to the calendar: %s", async (email, shown) => {
    const { response } = await settle(() => rootLoader(routeArgs(browserRequest("/", { cookie: sessionCookieFor(email) }))));
    const data = (await response.json()) as { user: { hasCalendar: boolean } };
    expect(data.user.hasCalendar).toBe(shown);
  });

  test("the carer makes a link, chooses full titles, and a reset revokes the old link", async () => {
    const first = await newLink(CARER);
    expect((await fetchFeed(first.token)).status).toBe(200);
    expect(first.webcal.startsWith("webcal://")).toBe(true);
    const titles = await postCalendar(CARER, { intent: "titles", titles: "full" });
    expect(titles.status).toBe(302);
    expect((await calendarPage(CARER)).feed).toMatchObject({ fullTitles: true });
    const second = await newLink(CARER);
    expect((await fetchFeed(first.token)).status).toBe(404);
    expect((await fetchFeed(second.token)).status).toBe(200);
    expect((await calendarPage(CARER)).feed).toMatchObject({ fullTitles: true });
    expect(
      feedRows()
        .filter((r) => r.revokedAt === null)
        .map((r) => r.kind),
    ).toEqual(["carer"]);
  });
});

describe("the link", () => {
  test("is made on request, shown once, and the page then says when it was made and last fetched", async () => {
    expect((await calendarPage(YOUTH)).feed).toBeNull();
    const { token, https } = await newLink(YOUTH);
    expect(https.endsWith(".ics")).toBe(true);
    const page = await calendarPage(YOUTH);
    expect(page.feed).toMatchObject({ lastFetchedAt: null, fullTitles: false });
    // The page never shows the token again: it is not kept.
    expect(JSON.stringify(page)).not.toContain(token);
    await fetchFeed(token);
    expect((await calendarPage(YOUTH)).feed!.lastFetchedAt).toEqual(expect.any(Number));
  });

  test("a reset keeps one live link per user and feed; the old row stays, revoked", async () => {
    await newLink(YOUTH);
    await newLink(YOUTH);
    await newLink(MENTOR);
    const rows = feedRows();
    expect(rows).toHaveLength(3);
    expect(
      rows
        .filter((r) => r.revokedAt === null)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["mentor", "youth"]);
  });

  test("says the old link stopped working only when there was one", async () => {
    expect((await makeLink(YOUTH)).page.replaced).toBe(false);
    expect((await makeLink(YOUTH)).page.replaced).toBe(true);
  });

  test("post/redirect/get: the link rides a one-time cookie, cleared by the page that shows it", async () => {
    const made = await postCalendar(YOUTH, { intent: "newLink" });
    const setCookie = made.response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/; Path=\/calendar; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    const cookie = setCookie.split(";")[0]!;
    const request = browserRequest("/calendar", { cookie: `${cookieOf(YOUTH)}; ${cookie}` });
    const { response } = await settle(() => calendarRoute.loader(routeArgs(request)));
    expect(response.headers.get("Set-Cookie")).toMatch(/^tilts_new_feed=; Path=\/calendar; Max-Age=0/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(((await response.json()) as { links: unknown }).links).toBeTruthy();
    // Another account carrying the cookie sees nothing of it; nor does anyone once the link is replaced.
    expect((await calendarPage(MENTOR, cookie)).links).toBeNull();
    await newLink(YOUTH);
    expect((await calendarPage(YOUTH, cookie)).links).toBeNull();
    // A garbled cookie is ignored.
    expect((await calendarPage(YOUTH, "tilts_new_feed=%3Cscript%3E.1")).links).toBeNull();
  });

  test("a cross-site post is refused with 403", async () => {
    const outcome = await postCalendar(YOUTH, { intent: "newLink" }, { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" });
    expect(outcome).toMatchObject({ thrown: true, status: 403 });
    expect(feedRows()).toEqual([]);
  });

  test("an unknown intent is a 400, not a 500", async () => {
    expect((await postCalendar(YOUTH, { intent: "delete-everything" })).status).toBe(400);
    expect((await postCalendar(YOUTH, {})).status).toBe(400);
  });
});

describe("the titles choice", () => {
  test("switches between generic and full titles", async () => {
    await newLink(YOUTH);
    expect((await postCalendar(YOUTH, { intent: "titles", titles: "full" })).status).toBe(302);
    expect((await calendarPage(YOUTH)).feed!.fullTitles).toBe(true);
    expect((await postCalendar(YOUTH, { intent: "titles", titles: "generic" })).status).toBe(302);
    expect((await calendarPage(YOUTH)).feed!.fullTitles).toBe(false);
  });

  test.each([
    ["nothing chosen", {}],
    ["an unknown choice", { titles: "everything" }],
    ["a very long value", { titles: "f".repeat(10_000) }],
  ])("%s: 400 with the message next to the field, nothing changed", async (_name, fields) => {
    await newLink(YOUTH);
    const before = feedRows();
    const outcome = await postCalendar(YOUTH, { intent: "titles", ...fields });
    expect(outcome).toMatchObject({ thrown: false, status: 400 });
    const reply = (await outcome.response.json()) as FormReply;
    expect(reply.result.error).toEqual({ titles: ["calendar.errors.titles"] });
    expect(feedRows()).toEqual(before);
  });

  test("without a link there is nothing to change (404)", async () => {
    await expectNoChange(async () => {
      const outcome = await postCalendar(YOUTH, { intent: "titles", titles: "full" });
      expect(outcome).toMatchObject({ thrown: true, status: 404 });
    });
  });
});

describe("next meetings on the page", () => {
  test("the young person and the mentor see the meeting with its download link; the specialist does not", async () => {
    const today = todayInRiga();
    const contact = logContact(YOUTH, { contactOn: today, nextMeetingOn: addDays(today, 3), nextMeetingTime: "15:00" });
    const download = `/plan/${youngPersonIdOf(YOUTH)}/meetings/${contact.mentorshipId}/event.ics`;
    expect((await calendarPage(YOUTH)).meetings).toEqual([
      { youngPersonId: youngPersonIdOf(YOUTH), youngPersonName: "Jānis Ozols", mentorName: "Pēteris Bērziņš", on: addDays(today, 3), time: "15:00", download },
    ]);
    expect((await calendarPage(MENTOR)).meetings.map((m) => m.download)).toEqual([download]);
    expect((await calendarPage(SPECIALIST)).meetings).toEqual([]);
    expect((await calendarPage(PREPARATION)).meetings).toEqual([]);
  });
});

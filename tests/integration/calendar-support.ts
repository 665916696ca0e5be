/**
 * Shared helpers for the calendar tests (tests/integration/calendar-*.test.ts, notifications.test.ts):
 * make a subscription link through the real /calendar action, fetch a feed through the real feed route
 * as a calendar app would (no cookie), read it back with ical.js, and write mentor contacts with meetings.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, beforeEach, expect } from "vitest";
import { mentorContacts, mentorships } from "../../db/schema";
import { BASE_URL, browserRequest, freshDatabase, routeArgs, settle } from "../helpers/db";
import { cookieOf, jsonOf, userIdOf, youngPersonIdOf } from "./plan-support";
import * as calendarRoute from "~/routes/calendar";
import * as feedRoute from "~/routes/feeds.$token.tilts[.]ics";
import * as itemRoute from "~/routes/plan.$youngPersonId.$itemType.$itemId.event[.]ics";
import { todayInRiga } from "~/domain/dates";
import { now, setClock } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

/**
 * A fresh demo database before each test and the real clock back after it. Gives back a function for
 * the test's "today" (the day the demo was seeded relative to).
 */
export function freshDemoEachTest(): () => string {
  let day = "";
  beforeEach(async () => {
    await freshDatabase();
    day = todayInRiga();
  });
  afterEach(() => {
    setClock(null);
  });
  return () => day;
}

export interface CalendarPagePost {
  response: Response;
  thrown: boolean;
  status: number;
}

export async function postCalendar(email: string, form: Record<string, string>, headers?: Record<string, string>): Promise<CalendarPagePost> {
  const request = browserRequest("/calendar", { cookie: cookieOf(email), form, headers });
  const { response, thrown } = await settle(() => calendarRoute.action(routeArgs(request)));
  return { response, thrown, status: response.status };
}

export async function calendarPage(email: string, extraCookie?: string) {
  const request = browserRequest("/calendar", { cookie: extraCookie ? `${cookieOf(email)}; ${extraCookie}` : cookieOf(email) });
  const { response, thrown } = await settle(() => calendarRoute.loader(routeArgs(request)));
  return jsonOf<{
    kind: string | null;
    feed: { createdAt: number; lastFetchedAt: number | null; fullTitles: boolean } | null;
    meetings: Array<{ on: string; time: string | null; download: string; youngPersonName: string; mentorName: string }>;
    links: { webcal: string; https: string } | null;
    replaced: boolean;
  }>({
    response,
    thrown,
    status: response.status,
    location: null,
  });
}

/**
 * "Make a link" as a browser does it: the post redirects to /calendar (post/redirect/get) with the new
 * link in a one-time cookie, and the page it lands on shows the link. Gives back that page and the cookie.
 */
export async function makeLink(email: string) {
  const outcome = await postCalendar(email, { intent: "newLink" });
  expect(outcome.status).toBe(302);
  expect(outcome.response.headers.get("Location")).toBe("/calendar#links");
  const cookie = (outcome.response.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  expect(cookie).toMatch(/^tilts_new_feed=/);
  return { cookie, page: await calendarPage(email, cookie) };
}

/** A new subscription link for `email` (through the page's form); gives back the token and both links. */
export async function newLink(email: string): Promise<{ token: string; webcal: string; https: string }> {
  const { page } = await makeLink(email);
  expect(page.links).toBeTruthy();
  const token = /\/feeds\/([^/]+)\/tilts\.ics$/.exec(page.links!.https)?.[1];
  expect(token).toBeTruthy();
  return { token: token!, ...page.links! };
}

export async function setTitles(email: string, titles: "generic" | "full") {
  const outcome = await postCalendar(email, { intent: "titles", titles });
  expect(outcome.status).toBe(302);
}

/** GET (or HEAD) the feed as a calendar app: no cookie, maybe conditional headers. */
export async function fetchFeed(token: string, options: { method?: "GET" | "HEAD"; headers?: Record<string, string> } = {}) {
  const request = new Request(`${BASE_URL}/feeds/${encodeURIComponent(token)}/tilts.ics`, {
    method: options.method ?? "GET",
    headers: options.headers,
  });
  const { response, thrown } = await settle(() => feedRoute.loader(routeArgs(request, { token })));
  return { response, thrown, status: response.status, text: await response.text() };
}

/** The feed's text, expecting a 200. */
export async function feedOf(token: string): Promise<string> {
  const result = await fetchFeed(token);
  expect(result.status).toBe(200);
  return result.text;
}

/** A downloaded .ics of a goal, step or meeting (`type`: goals, steps, meetings), as `email`. */
export async function downloadItem(email: string | null, youngPersonId: string, itemType: string, itemId: string) {
  const request = browserRequest(`/plan/${youngPersonId}/${itemType}/${itemId}/event.ics`, { cookie: email ? cookieOf(email) : undefined });
  const { response, thrown } = await settle(() => itemRoute.loader(routeArgs(request, { youngPersonId, itemType, itemId })));
  return { response, thrown, status: response.status, text: await response.text() };
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  sequence: number;
  stamp: string;
  allDay: boolean;
  /** YYYY-MM-DD for all-day events; the UTC instant (ISO) for timed ones. */
  start: string;
  tzid: string | null;
  /** Local wall-clock time as written (e.g. "2026-07-15T18:30:00"), for timed events. */
  local: string | null;
  url: string;
  trigger: string | null;
}

/** Reads a calendar with ical.js (the parser Thunderbird uses), registering its VTIMEZONEs. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events: ParsedEvent[] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const allDay = event.startDate.isDate;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      stamp: component.getFirstPropertyValue("dtstamp")!.toString(),
      allDay,
      start: allDay ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
      tzid: (component.getFirstProperty("dtstart")!.getParameter("tzid") as string | undefined) ?? null,
      local: allDay ? null : event.startDate.toString(),
      url: String(component.getFirstPropertyValue("url") ?? ""),
      trigger: component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString() ?? null,
    };
  });
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

/** Writes a contact in the mentor's log of `youthEmail`'s active mentorship, with a next meeting. */
export function logContact(youthEmail: string, contact: { contactOn: string; nextMeetingOn: string | null; nextMeetingTime?: string | null }) {
  const youngPersonId = youngPersonIdOf(youthEmail);
  const mentorship = getDb()
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.youngPersonId, youngPersonId), eq(mentorships.status, "active")))
    .get();
  if (!mentorship) throw new Error(`No active mentorship for ${youthEmail}`);
  const id = randomUUID();
  getDb()
    .insert(mentorContacts)
    .values({
      id,
      mentorshipId: mentorship.id,
      youngPersonId,
      authorId: mentorship.mentorId,
      contactOn: contact.contactOn,
      made: true,
      channel: "in_person",
      topics: ["housing"],
      note: "Privāta piezīme par sarunu",
      notePrivate: true,
      nextMeetingOn: contact.nextMeetingOn,
      nextMeetingTime: contact.nextMeetingTime ?? null,
      createdAt: now().getTime(),
    })
    .run();
  return { id, mentorshipId: mentorship.id, youngPersonId, mentorId: mentorship.mentorId };
}

export function setMentorshipStatus(youthEmail: string, status: "active" | "paused" | "closed") {
  getDb()
    .update(mentorships)
    .set({ status })
    .where(eq(mentorships.youngPersonId, youngPersonIdOf(youthEmail)))
    .run();
}

export { userIdOf };

/**
 * The calendar's pure rules (app/domain/calendar.ts): which feed shows which item, stable event ids and
 * growing sequence numbers, generic titles by default and names only in full titles, reminders.
 */
import { describe, expect, it } from "vitest";
import {
  calendarEvent,
  careMilestones,
  downloadPath,
  eventUid,
  feedEvents,
  feedKindFor,
  feedStart,
  inFeed,
  itemDownloadPath,
  isMeetingTime,
  sequenceOf,
  type CalendarItem,
  type EventContext,
  type FeedKind,
  type GoalItem,
  type MeetingItem,
  type StepItem,
} from "~/domain/calendar";
import { LOCALES, ROLES } from "~/domain/vocabulary";
import { getFixedT } from "~/utils/i18n.server";
import { messageTranslator, translate } from "~/utils/messages";

const YP = "yp-1";
const MENTOR = "mentor-1";
const V = Date.UTC(2026, 2, 1, 12);

const goal: GoalItem = { type: "goal", id: "g1", youngPersonId: YP, domain: "housing", title: "Find a flat", owner: "youth", on: "2026-04-10", version: V };
const step = (owner: StepItem["owner"]): StepItem => ({
  type: "step",
  id: `s-${owner}`,
  goalId: "g1",
  youngPersonId: YP,
  domain: "education",
  title: `Step of the ${owner}`,
  goalTitle: "Find a flat",
  owner,
  on: "2026-04-01",
  version: V,
});
const documentItem: CalendarItem = { type: "document", id: "d1", youngPersonId: YP, kind: "id_card", label: null, on: "2026-05-01", version: V };
const meeting = (mentorId = MENTOR, time: string | null = "18:30"): MeetingItem => ({
  type: "meeting",
  mentorshipId: "ms-1",
  mentorId,
  mentorName: "Pēteris Bērziņš",
  youngPersonId: YP,
  on: "2026-03-20",
  time,
  version: V,
});
const payDay: CalendarItem = { type: "payDay", youngPersonId: YP, on: "2026-04-03", version: V };
const duties: CalendarItem = { type: "duties", youngPersonId: YP, on: "2026-04-03", version: V, duties: 3 };
const [transitionStarts, careEnds, aftercareEnds] = careMilestones({ youngPersonId: YP, careEnd: "2026-09-01", version: V });

const OWN: EventContext = { perspective: "own", fullTitles: false, names: new Map([[YP, "Jānis Ozols"]]) };
const ABOUT: EventContext = { perspective: "about", fullTitles: false, names: new Map([[YP, "Jānis Ozols"]]) };

describe("feeds per role", () => {
  it("young people, mentors, specialists and carers have a feed; leads and administrators do not", () => {
    expect(ROLES.map((role) => [role, feedKindFor(role)])).toEqual([
      ["youth", "youth"],
      ["mentor", "mentor"],
      ["specialist", "specialist"],
      ["carer", "carer"],
      ["lead", null],
      ["admin", null],
    ]);
  });

  it("shows each kind of item in the feeds it belongs to (the table of decision 008)", () => {
    const items: Array<[string, CalendarItem]> = [
      ["goal", goal],
      ["youth step", step("youth")],
      ["mentor step", step("mentor")],
      ["specialist step", step("specialist")],
      ["carer step", step("carer")],
      ["document", documentItem],
      ["own meeting", meeting()],
      ["another mentor's meeting", meeting("mentor-2")],
      ["transition starts", transitionStarts!],
      ["care ends", careEnds!],
      ["aftercare ends", aftercareEnds!],
      ["pay day", payDay],
      ["duties to confirm", duties],
    ];
    const shown = (kind: FeedKind) => items.filter(([, item]) => inFeed(kind, kind === "mentor" ? MENTOR : "viewer", item)).map(([name]) => name);
    expect(shown("youth")).toEqual(items.map(([name]) => name).filter((name) => name !== "duties to confirm"));
    expect(shown("mentor")).toEqual(["goal", "mentor step", "own meeting", "care ends"]);
    expect(shown("specialist")).toEqual(["goal", "specialist step", "document", "transition starts", "care ends", "aftercare ends"]);
    // The carer: their own steps and the duties they confirm; no goals, documents, meetings or milestones.
    expect(shown("carer")).toEqual(["carer step", "duties to confirm"]);
  });

  it("duties to confirm: one event per young person and pay day, on the pocket-money page, titled without names by default", () => {
    expect(eventUid(duties)).toBe(`duties-${YP}-2026-04-03@tilts`);
    expect(eventUid({ ...duties, on: "2026-04-10" })).not.toBe(eventUid(duties));
    const event = calendarEvent(duties, ABOUT);
    expect(event).toMatchObject({ date: "2026-04-03", time: null, path: `/plan/${YP}/budget/pocket-money`, summary: { key: "calendar.event.duties" } });
    expect(event.description).toEqual([{ key: "calendar.event.details" }]);
    const full = calendarEvent(duties, { ...ABOUT, fullTitles: true });
    expect(full.summary).toEqual({ key: "calendar.event.full.about", values: { name: "Jānis Ozols", text: { key: "calendar.event.full.duties" } } });
    expect(full.description[0]).toEqual({ key: "calendar.event.dutyCount", values: { count: 3 } });
  });

  it("looks back a year and no further", () => {
    expect(feedStart("2026-03-10")).toBe("2025-03-10");
  });
});

describe("care-end milestones", () => {
  it("transition starts 12 months before care ends, aftercare ends 24 months after", () => {
    expect([transitionStarts, careEnds, aftercareEnds].map((m) => [m!.milestone, m!.on])).toEqual([
      ["transitionStarts", "2025-09-01"],
      ["careEnds", "2026-09-01"],
      ["aftercareEnds", "2028-09-01"],
    ]);
  });

  it("a moved care end date gives the milestone a new id (the old event disappears, no duplicate)", () => {
    const moved = careMilestones({ youngPersonId: YP, careEnd: "2026-10-01", version: V });
    expect(eventUid(moved[1]!)).not.toBe(eventUid(careEnds!));
    expect(eventUid(careEnds!)).toBe(`milestone-careEnds-${YP}-2026-09-01@tilts`);
  });
});

describe("event ids and sequence numbers", () => {
  it("ids are stable and name the row, not the version", () => {
    expect(eventUid(goal)).toBe("goal-g1@tilts");
    expect(eventUid({ ...goal, title: "Changed", on: "2026-05-01", version: V + 1000 })).toBe("goal-g1@tilts");
    expect(eventUid(step("youth"))).toBe("step-s-youth@tilts");
    expect(eventUid(documentItem)).toBe("document-d1@tilts");
    // One id per mentorship: a rescheduled meeting replaces the old one.
    expect(eventUid(meeting())).toBe("meeting-ms-1@tilts");
    expect(eventUid({ ...meeting(), on: "2026-03-27" })).toBe("meeting-ms-1@tilts");
  });

  it("a later version always has a larger sequence; versions before 2024 are 0", () => {
    expect(sequenceOf(Date.UTC(2023, 0, 1))).toBe(0);
    expect(sequenceOf(Date.UTC(2024, 0, 1))).toBe(0);
    expect(sequenceOf(Date.UTC(2024, 0, 1, 0, 0, 1))).toBe(1);
    expect(sequenceOf(V + 1000)).toBe(sequenceOf(V) + 1);
    // Still a 32-bit integer in 2090.
    expect(sequenceOf(Date.UTC(2090, 0, 1))).toBeLessThan(2 ** 31);
  });

  it("DTSTAMP is the row's version, so the same data gives the same event", () => {
    expect(calendarEvent(goal, OWN)).toEqual(calendarEvent({ ...goal }, OWN));
    expect(calendarEvent(goal, OWN).stamp).toBe(V);
  });
});

describe("titles", () => {
  it("are generic by default: the domain's deadline, never the plan's words", () => {
    expect(calendarEvent(goal, OWN).summary).toEqual({ key: "calendar.event.deadline.housing" });
    expect(calendarEvent(step("youth"), OWN).summary).toEqual({ key: "calendar.event.deadline.education" });
    expect(calendarEvent(documentItem, OWN).summary).toEqual({ key: "calendar.event.documentExpires" });
    expect(calendarEvent(meeting(), OWN).summary).toEqual({ key: "calendar.event.meetingWithMentor" });
    expect(calendarEvent(careEnds!, OWN).summary).toEqual({ key: "calendar.event.milestone.careEnds" });
    expect(calendarEvent(goal, OWN).description).toEqual([{ key: "calendar.event.details" }]);
  });

  it("generic titles in someone else's calendar do not name the young person either", () => {
    for (const item of [goal, step("mentor"), documentItem, meeting(), careEnds!]) {
      const event = calendarEvent(item, ABOUT);
      expect(JSON.stringify(event)).not.toContain("Jānis");
      expect(JSON.stringify(event)).not.toContain("Find a flat");
    }
    expect(calendarEvent(meeting(), ABOUT).summary).toEqual({ key: "calendar.event.mentoringMeeting" });
  });

  it("full titles use the plan's words; in someone else's calendar with the young person's name", () => {
    const full = { ...OWN, fullTitles: true };
    expect(calendarEvent(goal, full).summary).toEqual({ key: "calendar.event.full.goal", values: { title: "Find a flat" } });
    expect(calendarEvent(documentItem, full).summary).toEqual({
      key: "calendar.event.full.documentExpires",
      values: { document: { key: "documents.kinds.id_card" } },
    });
    expect(calendarEvent({ ...documentItem, label: "Passport of Latvia" } as CalendarItem, full).summary).toEqual({
      key: "calendar.event.full.documentExpires",
      values: { document: "Passport of Latvia" },
    });
    expect(calendarEvent(meeting(), full).summary).toEqual({ key: "calendar.event.full.meetingWithMentor", values: { mentor: "Pēteris Bērziņš" } });
    expect(calendarEvent(step("mentor"), { ...ABOUT, fullTitles: true }).summary).toEqual({
      key: "calendar.event.full.about",
      values: { name: "Jānis Ozols", text: { key: "calendar.event.full.step", values: { title: "Step of the mentor" } } },
    });
    expect(calendarEvent(step("mentor"), full).description).toEqual([
      { key: "calendar.event.goal", values: { goal: "Find a flat" } },
      { key: "calendar.event.owner", values: { owner: { key: "plan.owner.mentor" } } },
      { key: "calendar.event.details" },
    ]);
  });
});

describe("times and reminders", () => {
  it("a deadline is an all-day event with a reminder at 09:00 the day before", () => {
    expect(calendarEvent(goal, OWN)).toMatchObject({ date: "2026-04-10", time: null, durationMinutes: 0, reminderMinutesBefore: 15 * 60 });
  });

  it("a meeting with a time lasts an hour and reminds an hour before; without a time it is all-day", () => {
    expect(calendarEvent(meeting(), OWN)).toMatchObject({ date: "2026-03-20", time: "18:30", durationMinutes: 60, reminderMinutesBefore: 60 });
    expect(calendarEvent(meeting(MENTOR, null), OWN)).toMatchObject({ time: null, reminderMinutesBefore: 15 * 60 });
  });

  it("meeting times are HH:MM from 00:00 to 23:59", () => {
    expect(["00:00", "09:05", "23:59"].every(isMeetingTime)).toBe(true);
    expect(["24:00", "9:05", "12:60", "12:00:00", "", null, 1230].some(isMeetingTime)).toBe(false);
  });
});

describe("feeds and links", () => {
  it("orders events by day, then id, whatever order the items came in", () => {
    const items = [goal, meeting(), step("youth"), documentItem, careEnds!];
    const forward = feedEvents("youth", "viewer", items, OWN).map((e) => e.uid);
    expect(feedEvents("youth", "viewer", [...items].reverse(), OWN).map((e) => e.uid)).toEqual(forward);
    expect(forward).toEqual(["meeting-ms-1@tilts", "step-s-youth@tilts", "goal-g1@tilts", "document-d1@tilts", `milestone-careEnds-${YP}-2026-09-01@tilts`]);
  });

  it("events link to the item's page; goals, steps and meetings can be downloaded", () => {
    expect(calendarEvent(goal, OWN).path).toBe(`/plan/${YP}/goals/g1`);
    expect(calendarEvent(step("youth"), OWN).path).toBe(`/plan/${YP}/goals/g1#steps`);
    expect(calendarEvent(documentItem, OWN).path).toBe(`/plan/${YP}/documents`);
    expect(itemDownloadPath(goal)).toBe(downloadPath(YP, "goal", "g1"));
    expect(itemDownloadPath(step("youth"))).toBe(`/plan/${YP}/steps/s-youth/event.ics`);
    expect(itemDownloadPath(meeting())).toBe(`/plan/${YP}/meetings/ms-1/event.ics`);
    expect(itemDownloadPath(documentItem)).toBeNull();
    expect(itemDownloadPath(careEnds!)).toBeNull();
  });
});

describe("texts", () => {
  const items: CalendarItem[] = [
    goal,
    step("mentor"),
    documentItem,
    { ...documentItem, label: "Pase; ar komatu, un \\ slīpsvītru" } as CalendarItem,
    meeting(),
    transitionStarts!,
    careEnds!,
    aftercareEnds!,
  ];
  const contexts: EventContext[] = [OWN, ABOUT, { ...OWN, fullTitles: true }, { ...ABOUT, fullTitles: true }];

  it("the feed's fast translator says exactly what i18next says, in every language", () => {
    for (const locale of LOCALES) {
      const t = getFixedT(locale);
      const fast = messageTranslator(t);
      for (const context of contexts) {
        for (const item of items) {
          const event = calendarEvent(item, context);
          for (const message of [event.summary, ...event.description]) {
            const text = fast(message);
            expect(text, `${locale} ${JSON.stringify(message)}`).toBe(translate(t, message));
            expect(text).not.toMatch(/\{\{|calendar\.|plan\.owner|documents\.kinds/);
          }
        }
      }
    }
  });

  it("names who does it as people say it: 'me' for one's own, the young person's name elsewhere (issue 14)", () => {
    const full = { fullTitles: true };
    for (const [locale, lines] of [
      ["lv", ["Kas dara: Es", "Kas dara: Jānis Ozols", "Kas dara: Es", "Ar ko: Jānis Ozols", "Mentors: Pēteris Bērziņš"]],
      ["en", ["Who: Me", "Who: Jānis Ozols", "Who: Me", "With: Jānis Ozols", "Mentor: Pēteris Bērziņš"]],
      ["ru", ["Кто делает: Я", "Кто делает: Jānis Ozols", "Кто делает: Я", "С кем: Jānis Ozols", "Наставник: Pēteris Bērziņš"]],
    ] as const) {
      const text = messageTranslator(getFixedT(locale));
      const first = (item: CalendarItem, context: EventContext) => text(calendarEvent(item, context).description[item.type === "step" ? 1 : 0]!);
      expect([
        first(goal, { ...OWN, ...full, ownerRole: "youth" }),
        first(goal, { ...ABOUT, ...full, ownerRole: "specialist" }),
        first(step("mentor"), { ...ABOUT, ...full, ownerRole: "mentor" }),
        first(meeting(), { ...ABOUT, ...full, ownerRole: "mentor" }),
        first(meeting(), { ...OWN, ...full, ownerRole: "youth" }),
      ]).toEqual(lines);
    }
  });

  it("reads naturally in Latvian", () => {
    const text = messageTranslator(getFixedT("lv"));
    expect(text(calendarEvent(goal, OWN).summary)).toBe("Tilts: mājokļa termiņš");
    expect(text(calendarEvent(documentItem, OWN).summary)).toBe("Tilts: beidzas dokumenta derīgums");
    expect(text(calendarEvent(documentItem, { ...OWN, fullTitles: true }).summary)).toBe("Personas apliecība (ID karte): beidzas derīgums");
    expect(text(calendarEvent(step("mentor"), { ...ABOUT, fullTitles: true }).summary)).toBe("Jānis Ozols: Solis: Step of the mentor");
    expect(calendarEvent(step("mentor"), { ...OWN, fullTitles: true }).description.map(text)).toEqual([
      "Mērķis: Find a flat",
      "Kas dara: Mentors",
      "Sīkāk — Tiltā (jāpieslēdzas).",
    ]);
  });
});

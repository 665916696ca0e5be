/**
 * Calendar rules that tests/unit/calendar.test.ts does not reach (found by mutation testing,
 * docs/proofs.md): the budget's and the reviews' items (feeds, ids, links, titles, times), events of the
 * same day, the feed's name, whose step it is in one's own calendar, and descriptions without a "Who".
 */
import { describe, expect, it } from "vitest";
import {
  calendarEvent,
  careMilestones,
  eventUid,
  feedEvents,
  feedName,
  FEED_KINDS,
  inFeed,
  isMeetingTime,
  itemDownloadPath,
  type CalendarItem,
  type EventContext,
  type GoalItem,
  type MeetingItem,
  type PayDayItem,
  type ReviewItem,
  type SavingsGoalItem,
} from "~/domain/calendar";

const YP = "yp-1";
const V = Date.UTC(2026, 2, 1, 12);
const OWN: EventContext = { perspective: "own", fullTitles: false, names: new Map([[YP, "Jānis Ozols"]]) };
const ABOUT: EventContext = { perspective: "about", fullTitles: false, names: new Map([[YP, "Jānis Ozols"]]) };
const FULL_OWN: EventContext = { ...OWN, fullTitles: true };

const payDay: PayDayItem = { type: "payDay", youngPersonId: YP, on: "2026-04-03", version: V };
const savings: SavingsGoalItem = { type: "savingsGoal", id: "sg-1", title: "Velosipēds", youngPersonId: YP, on: "2026-06-01", version: V };
const review: ReviewItem = {
  type: "review",
  id: "rv-1",
  youngPersonId: YP,
  on: "2026-04-15",
  time: "10:00",
  participantIds: ["u-mentor", "u-carer"],
  statementWritten: false,
  version: V,
};
const goal: GoalItem = { type: "goal", id: "g1", youngPersonId: YP, domain: "housing", title: "Find a flat", owner: "youth", on: "2026-04-10", version: V };
const meeting: MeetingItem = {
  type: "meeting",
  mentorshipId: "ms-1",
  mentorId: "u-mentor",
  mentorName: "Pēteris Bērziņš",
  youngPersonId: YP,
  on: "2026-03-20",
  time: null,
  version: V,
};

describe("the budget's items", () => {
  it("pay days and savings goals are in the young person's feed only", () => {
    for (const item of [payDay, savings]) {
      expect(FEED_KINDS.filter((kind) => inFeed(kind, "viewer", item))).toEqual(["youth"]);
    }
  });
  it("a pay day is one event per young person and day, on the pocket-money page, without a download", () => {
    expect(eventUid(payDay)).toBe(`payday-${YP}-2026-04-03@tilts`);
    expect(calendarEvent(payDay, OWN)).toMatchObject({ path: `/plan/${YP}/budget/pocket-money`, summary: { key: "budget.calendar.payDay" }, time: null });
    expect(itemDownloadPath(payDay)).toBeNull();
  });
  it("a savings goal links to the budget's goals, and names itself only in full titles", () => {
    expect(eventUid(savings)).toBe("savingsGoal-sg-1@tilts");
    expect(calendarEvent(savings, OWN)).toMatchObject({ path: `/plan/${YP}/budget#goals-heading`, summary: { key: "budget.calendar.savingsGoal" } });
    expect(calendarEvent(savings, FULL_OWN).summary).toEqual({ key: "budget.calendar.fullSavingsGoal", values: { title: "Velosipēds" } });
  });
});

describe("review meetings", () => {
  it("are in the young person's feed and every invited participant's, nobody else's", () => {
    expect(inFeed("youth", "anyone", review)).toBe(true);
    expect(inFeed("mentor", "u-mentor", review)).toBe(true);
    expect(inFeed("carer", "u-carer", review)).toBe(true);
    expect(inFeed("mentor", "u-mentor-2", review)).toBe(false);
    expect(inFeed("specialist", "u-specialist", review)).toBe(false);
  });
  it("last 90 minutes at their time, remind an hour before, link to the review and can be downloaded", () => {
    expect(calendarEvent(review, OWN)).toMatchObject({
      uid: "review-rv-1@tilts",
      date: "2026-04-15",
      time: "10:00",
      durationMinutes: 90,
      reminderMinutesBefore: 60,
      path: `/plan/${YP}/reviews/rv-1`,
    });
    expect(itemDownloadPath(review)).toBe(`/plan/${YP}/reviews/rv-1/event.ics`);
  });
  it("are titled for the young person's own calendar or someone else's", () => {
    expect(calendarEvent(review, OWN).summary).toEqual({ key: "reviews.calendar.own" });
    expect(calendarEvent(review, ABOUT).summary).toEqual({ key: "reviews.calendar.about" });
  });
});

describe("titles and descriptions", () => {
  it("generic titles of meetings and milestones in someone else's calendar", () => {
    expect(calendarEvent(meeting, ABOUT).summary).toEqual({ key: "calendar.event.mentoringMeeting" });
    expect(calendarEvent(meeting, { ...ABOUT, fullTitles: true }).summary).toMatchObject({ values: { text: { key: "calendar.event.full.mentoringMeeting" } } });
    const [, careEnds] = careMilestones({ youngPersonId: YP, careEnd: "2026-09-01", version: V });
    expect(calendarEvent(careEnds!, OWN).summary).toEqual({ key: "calendar.event.milestone.careEnds" });
    expect(calendarEvent(careEnds!, FULL_OWN).summary).toEqual({ key: "calendar.event.full.milestone.careEnds" });
  });
  it("meetings and milestones link to the plan itself", () => {
    const [transition] = careMilestones({ youngPersonId: YP, careEnd: "2026-09-01", version: V });
    expect(calendarEvent(meeting, OWN).path).toBe(`/plan/${YP}`);
    expect(calendarEvent(transition!, OWN).path).toBe(`/plan/${YP}`);
  });
  it("the young person's own goal is theirs ('me') even when the calendar's owner role is not given", () => {
    expect(calendarEvent(goal, FULL_OWN).description[0]).toEqual({ key: "calendar.event.owner", values: { owner: { key: "plan.owner.youth_own" } } });
    expect(calendarEvent(goal, { ...ABOUT, fullTitles: true }).description[0]).toEqual({ key: "calendar.event.owner", values: { owner: "Jānis Ozols" } });
  });
  it("items without a 'Who' or a mentor still say where the details are", () => {
    for (const item of [payDay, savings, review] as CalendarItem[]) {
      expect(calendarEvent(item, FULL_OWN).description).toEqual([{ key: "calendar.event.details" }]);
    }
  });
  it("the feed's name says whose feed it is", () => {
    expect(FEED_KINDS.map(feedName)).toEqual(FEED_KINDS.map((kind) => ({ key: `calendar.feed.name.${kind}` })));
  });
});

describe("the milestones", () => {
  it("are the window's first day, the care end and the window's last day (before the 25th birthday)", () => {
    expect(careMilestones({ youngPersonId: YP, careEnd: "2026-09-01", dateOfBirth: "2003-06-15", version: V })).toEqual([
      { type: "milestone", milestone: "transitionStarts", youngPersonId: YP, on: "2025-09-01", version: V },
      { type: "milestone", milestone: "careEnds", youngPersonId: YP, on: "2026-09-01", version: V },
      { type: "milestone", milestone: "aftercareEnds", youngPersonId: YP, on: "2028-06-14", version: V },
    ]);
  });
});

describe("a feed's events", () => {
  it("leave out what is not in that feed", () => {
    expect(feedEvents("carer", "u-carer", [goal, payDay, savings, meeting], OWN)).toEqual([]);
  });
  it("of the same day are ordered by id, in any order they came", () => {
    const a = { ...savings, id: "a", on: "2026-04-03" };
    const b = { ...savings, id: "b", on: "2026-04-03" };
    const later = { ...savings, id: "0", on: "2026-04-04" };
    const expected = ["savingsGoal-a@tilts", "savingsGoal-b@tilts", "savingsGoal-0@tilts"];
    for (const order of [
      [a, b, later],
      [b, a, later],
      [later, b, a],
      [later, a, b],
      [b, later, a],
    ]) {
      expect(feedEvents("youth", "viewer", order, OWN).map((e) => e.uid)).toEqual(expected);
    }
  });
});

describe("meeting times", () => {
  it("only a text is a time, not a list or an object that prints as one", () => {
    expect(isMeetingTime("12:30")).toBe(true);
    expect(isMeetingTime(["12:30"])).toBe(false);
    expect(isMeetingTime({ toString: () => "12:30" })).toBe(false);
  });
});

/**
 * In-app reminders (app/domain/notifications.ts) at their edges: 8/7/6 days, tomorrow, today, overdue;
 * documents at 31/30/29 days; meetings tomorrow; and who owns which reminder.
 */
import { describe, expect, it } from "vitest";
import type { CalendarItem, MeetingItem, StepItem } from "~/domain/calendar";
import { addDays } from "~/domain/dates";
import { deadlineNotice, documentNotice, meetingNotice, notificationsFor, ownsReminder, type Viewer } from "~/domain/notifications";
import type { Owner } from "~/domain/vocabulary";

const TODAY = "2026-03-10";
const inDays = (days: number) => addDays(TODAY, days);

describe("deadlines", () => {
  it.each([
    [9, null],
    [8, null],
    [7, "dueSoon"],
    [6, "dueSoon"],
    [2, "dueSoon"],
    [1, "dueTomorrow"],
    [0, "dueToday"],
    [-1, "overdue"],
    [-400, "overdue"],
  ])("due in %i days: %s", (days, expected) => {
    expect(deadlineNotice(inDays(days), TODAY)).toBe(expected);
  });

  it("counts calendar days across a month end and a leap day", () => {
    expect(deadlineNotice("2028-03-01", "2028-02-29")).toBe("dueTomorrow");
    expect(deadlineNotice("2028-03-07", "2028-02-29")).toBe("dueSoon");
    expect(deadlineNotice("2028-03-08", "2028-02-29")).toBeNull();
  });
});

describe("documents", () => {
  it.each([
    [31, null],
    [30, "documentExpiring"],
    [29, "documentExpiring"],
    [0, "documentExpiring"],
    [-1, null],
  ])("expires in %i days: %s", (days, expected) => {
    expect(documentNotice(inDays(days), TODAY)).toBe(expected);
  });
});

describe("meetings", () => {
  it.each([
    [2, null],
    [1, "meetingTomorrow"],
    [0, null],
    [-1, null],
  ])("meeting in %i days: %s", (days, expected) => {
    expect(meetingNotice(inDays(days), TODAY)).toBe(expected);
  });
});

const YP = "yp-1";
const stepOwnedBy = (owner: Owner, days: number, id = `s-${owner}`): StepItem => ({
  type: "step",
  id,
  goalId: "g1",
  youngPersonId: YP,
  domain: "housing",
  title: `Step (${owner})`,
  goalTitle: "Goal",
  owner,
  on: inDays(days),
  version: 1,
});
const meetingWith = (mentorId: string, days: number): MeetingItem => ({
  type: "meeting",
  mentorshipId: `ms-${mentorId}`,
  mentorId,
  mentorName: "Mentor",
  youngPersonId: YP,
  on: inDays(days),
  time: "17:00",
  version: 1,
});
const documentIn = (days: number): CalendarItem => ({
  type: "document",
  id: "d1",
  youngPersonId: YP,
  kind: "passport",
  label: null,
  on: inDays(days),
  version: 1,
});

describe("whose reminder it is", () => {
  const youth: Viewer = { id: "u-youth", role: "youth" };
  const mentor: Viewer = { id: "u-mentor", role: "mentor" };
  const specialist: Viewer = { id: "u-specialist", role: "specialist" };
  const carer: Viewer = { id: "u-carer", role: "carer" };
  const lead: Viewer = { id: "u-lead", role: "lead" };

  it("a step or goal belongs to its owner's role; a document to the young person and the specialist; a meeting to the young person and that mentor", () => {
    const items: Array<[string, CalendarItem]> = [
      ["youth step", stepOwnedBy("youth", 1)],
      ["mentor step", stepOwnedBy("mentor", 1)],
      ["specialist step", stepOwnedBy("specialist", 1)],
      ["carer step", stepOwnedBy("carer", 1)],
      ["document", documentIn(10)],
      ["meeting with this mentor", meetingWith("u-mentor", 1)],
      ["meeting with another mentor", meetingWith("u-mentor-2", 1)],
    ];
    const owned = (viewer: Viewer) => items.filter(([, item]) => ownsReminder(viewer, item)).map(([name]) => name);
    expect(owned(youth)).toEqual(["youth step", "document", "meeting with this mentor", "meeting with another mentor"]);
    expect(owned(mentor)).toEqual(["mentor step", "meeting with this mentor"]);
    expect(owned(specialist)).toEqual(["specialist step", "document"]);
    expect(owned(carer)).toEqual(["carer step"]);
    expect(owned(lead)).toEqual([]);
  });

  it("lists the viewer's reminders, earliest first, and none for items too far ahead", () => {
    const items = [
      stepOwnedBy("youth", 5, "a"),
      stepOwnedBy("youth", -3, "b"),
      stepOwnedBy("youth", 8, "c"),
      documentIn(30),
      meetingWith("u-mentor", 1),
      stepOwnedBy("mentor", 0),
    ];
    expect(notificationsFor(youth, items, TODAY).map((n) => [n.key, n.days])).toEqual([
      [`step:b:overdue:${inDays(-3)}`, -3],
      [`meeting:ms-u-mentor:meetingTomorrow:${inDays(1)}`, 1],
      [`step:a:dueSoon:${inDays(5)}`, 5],
      [`document:d1:documentExpiring:${inDays(30)}`, 30],
    ]);
    expect(notificationsFor(mentor, items, TODAY).map((n) => n.kind)).toEqual(["dueToday", "meetingTomorrow"]);
  });

  it("a new stage or a moved date is a new notification (a new key), so it is unread again", () => {
    const keyOn = (today: string, item: CalendarItem) => notificationsFor(youth, [item], today)[0]?.key;
    const item = stepOwnedBy("youth", 7, "x");
    const week = keyOn(TODAY, item);
    expect(keyOn(addDays(TODAY, 1), item)).toBe(week);
    expect(keyOn(addDays(TODAY, 6), item)).not.toBe(week);
    expect(keyOn(TODAY, { ...item, on: inDays(6) })).not.toBe(week);
  });
});

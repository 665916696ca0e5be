/**
 * In-app reminders for every kind of calendar item (found by mutation testing, docs/proofs.md): goals,
 * the budget's pay days and savings goals, review meetings and their statement, items that never
 * remind, the keys that mark them read, their order, and how far ahead the model must load.
 */
import { describe, expect, it } from "vitest";
import type { CalendarItem, GoalItem, ReviewItem } from "~/domain/calendar";
import { careMilestones } from "~/domain/calendar";
import { addDays } from "~/domain/dates";
import { NOTICE_HORIZON_DAYS, notificationsFor, ownsReminder, type Viewer } from "~/domain/notifications";

const TODAY = "2026-03-10";
const inDays = (days: number) => addDays(TODAY, days);
const YP = "yp-1";
const V = 1;
const youth: Viewer = { id: "u-youth", role: "youth" };
const mentor: Viewer = { id: "u-mentor", role: "mentor" };
const carer: Viewer = { id: "u-carer", role: "carer" };

const goal = (on: string, id = "g1"): GoalItem => ({
  type: "goal",
  id,
  youngPersonId: YP,
  domain: "housing",
  title: "Dzīvoklis",
  owner: "youth",
  on,
  version: V,
});
const review = (on: string, statementWritten = false): ReviewItem => ({
  type: "review",
  id: "rv-1",
  youngPersonId: YP,
  on,
  time: "10:00",
  participantIds: ["u-mentor"],
  statementWritten,
  version: V,
});
const summary = (viewer: Viewer, items: CalendarItem[]) => notificationsFor(viewer, items, TODAY).map((n) => [n.key, n.kind, n.days]);

describe("who is reminded of what", () => {
  it("the owner of a goal; the young person of pay days and savings goals; nobody of milestones or duties", () => {
    const payDay: CalendarItem = { type: "payDay", youngPersonId: YP, on: TODAY, version: V };
    const savings: CalendarItem = { type: "savingsGoal", id: "sg", title: "Velosipēds", youngPersonId: YP, on: inDays(3), version: V };
    const duties: CalendarItem = { type: "duties", youngPersonId: YP, on: TODAY, version: V, duties: 2 };
    const milestones = careMilestones({ youngPersonId: YP, careEnd: TODAY, version: V });
    expect(ownsReminder(youth, goal(TODAY))).toBe(true);
    expect(ownsReminder(mentor, goal(TODAY))).toBe(false);
    for (const item of [payDay, savings]) {
      expect(ownsReminder(youth, item)).toBe(true);
      expect(ownsReminder(carer, item)).toBe(false);
    }
    for (const viewer of [youth, mentor, carer, { id: "s", role: "specialist" } as Viewer]) {
      expect(ownsReminder(viewer, duties)).toBe(false);
      for (const m of milestones) expect(ownsReminder(viewer, m)).toBe(false);
    }
    expect(summary(youth, [payDay, savings, duties, ...milestones])).toEqual([
      [`payDay:${YP}:dueToday:${TODAY}`, "dueToday", 0],
      [`savingsGoal:sg:dueSoon:${inDays(3)}`, "dueSoon", 3],
    ]);
  });

  it("a pay day is mentioned the day before and on the day only", () => {
    const payDay = (on: string): CalendarItem => ({ type: "payDay", youngPersonId: YP, on, version: V });
    expect(summary(youth, [payDay(inDays(1))])).toEqual([[`payDay:${YP}:dueTomorrow:${inDays(1)}`, "dueTomorrow", 1]]);
    for (const days of [-1, 2, 5]) expect(summary(youth, [payDay(inDays(days))]), String(days)).toEqual([]);
  });

  it("a savings goal's target day reminds like a deadline, overdue included", () => {
    const savings: CalendarItem = { type: "savingsGoal", id: "sg", title: "Velosipēds", youngPersonId: YP, on: inDays(-2), version: V };
    expect(summary(youth, [savings])).toEqual([[`savingsGoal:sg:overdue:${inDays(-2)}`, "overdue", -2]]);
  });
});

describe("review meetings", () => {
  it("the young person writes their statement from two weeks before, then everyone invited hears of it in the last week", () => {
    expect(summary(youth, [review(inDays(14))])).toEqual([[`review:rv-1:writeStatement:${inDays(14)}`, "writeStatement", 14]]);
    expect(summary(youth, [review(inDays(15))])).toEqual([]);
    expect(summary(youth, [review(TODAY)])).toEqual([[`review:rv-1:writeStatement:${TODAY}`, "writeStatement", 0]]);
    expect(summary(youth, [review(inDays(7), true)])).toEqual([[`review:rv-1:reviewSoon:${inDays(7)}`, "reviewSoon", 7]]);
    expect(summary(youth, [review(inDays(8), true)])).toEqual([]);
    expect(summary(mentor, [review(inDays(3))])).toEqual([[`review:rv-1:reviewSoon:${inDays(3)}`, "reviewSoon", 3]]);
    expect(summary(mentor, [review(TODAY)])).toEqual([[`review:rv-1:reviewSoon:${TODAY}`, "reviewSoon", 0]]);
  });
  it("a review that has passed reminds nobody", () => {
    expect(summary(youth, [review(inDays(-1))])).toEqual([]);
    expect(summary(mentor, [review(inDays(-1), true)])).toEqual([]);
  });
  it("only the invited hear of it", () => {
    expect(summary({ id: "u-mentor-2", role: "mentor" }, [review(inDays(3))])).toEqual([]);
  });
});

describe("the list", () => {
  it("earliest first, then by key, whatever order the items came in", () => {
    const items = [goal(inDays(2), "b"), goal(inDays(2), "a"), goal(inDays(-1), "z"), goal(inDays(5), "c")];
    const expected = [
      [`goal:z:overdue:${inDays(-1)}`, "overdue", -1],
      [`goal:a:dueSoon:${inDays(2)}`, "dueSoon", 2],
      [`goal:b:dueSoon:${inDays(2)}`, "dueSoon", 2],
      [`goal:c:dueSoon:${inDays(5)}`, "dueSoon", 5],
    ];
    for (const order of [items, [...items].reverse(), [items[2]!, items[0]!, items[3]!, items[1]!]]) expect(summary(youth, order)).toEqual(expected);
  });
  it("the model loads 30 days ahead: the furthest any reminder looks (a document's expiry)", () => {
    expect(NOTICE_HORIZON_DAYS).toBe(30);
  });
});

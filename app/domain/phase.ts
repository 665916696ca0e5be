/**
 * The time frame of a plan (SPEC.md, "Time frame of a plan"): phases and the mentoring window,
 * computed from the date of birth and the care end date. All bounds are calendar days, inclusive
 * where the spec says "[…]".
 */
import { addDays, addMonths, addYears, daysBetween, monthsBetween, type IsoDate } from "./dates";

export const PHASES = ["preparation", "transition", "aftercare", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const MONTHS_BEFORE_CARE_END = 12;
export const MONTHS_AFTER_CARE_END = 24;
export const AGE_WHEN_CLOSED = 25;

export interface CareTimeline {
  dateOfBirth: IsoDate;
  plannedCareEndDate: IsoDate;
  actualCareEndDate?: IsoDate | null;
}

/** The actual care end date once it is known, otherwise the planned one. */
export function careEndDate(timeline: CareTimeline): IsoDate {
  return timeline.actualCareEndDate ?? timeline.plannedCareEndDate;
}

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The mentoring window: [care end − 12 months, care end + 24 months], both days included. With the date
 * of birth, it also ends the day before the 25th birthday, when the plan closes (SPEC.md: "closed: after
 * that (or at 25)"), so a mentor never sees a closed plan.
 */
export function mentoringWindow(careEnd: IsoDate, dateOfBirth?: IsoDate | null): DateWindow {
  const end = addMonths(careEnd, MONTHS_AFTER_CARE_END);
  const lastDayBefore25 = dateOfBirth ? addDays(addYears(dateOfBirth, AGE_WHEN_CLOSED), -1) : end;
  return {
    start: addMonths(careEnd, -MONTHS_BEFORE_CARE_END),
    end: lastDayBefore25 < end ? lastDayBefore25 : end,
  };
}

export function isWithinWindow(window: DateWindow, today: IsoDate): boolean {
  return window.start <= today && today <= window.end;
}

/**
 * preparation: until the day before the window opens; transition: from the window's first day until
 * the day before care ends; aftercare: from the care end date to the window's last day; closed: after
 * the window, or from the 25th birthday, whichever comes first.
 */
export function phaseOn(timeline: CareTimeline, today: IsoDate): Phase {
  return phaseAt(careEndDate(timeline), timeline.dateOfBirth, today);
}

/** phaseOn from the care end date itself (e.g. a record's policy subject). */
export function phaseAt(careEnd: IsoDate, dateOfBirth: IsoDate | null | undefined, today: IsoDate): Phase {
  const window = mentoringWindow(careEnd, dateOfBirth);
  if (today > window.end) return "closed";
  if (today >= careEnd) return "aftercare";
  if (today >= window.start) return "transition";
  return "preparation";
}

export type CountdownUnit = "day" | "month" | "year";

/** "Care ends in 7 months" / "care ended 6 months ago": the largest unit that reads naturally. */
export interface Countdown {
  direction: "future" | "today" | "past";
  unit: CountdownUnit;
  count: number;
}

export function careEndCountdown(careEnd: IsoDate, today: IsoDate): Countdown {
  const days = daysBetween(today, careEnd);
  if (days === 0) return { direction: "today", unit: "day", count: 0 };
  const direction = days > 0 ? "future" : "past";
  const [from, to] = days > 0 ? [today, careEnd] : [careEnd, today];
  const months = monthsBetween(from, to);
  if (months < 1) return { direction, unit: "day", count: Math.abs(days) };
  if (months < 24) return { direction, unit: "month", count: months };
  return { direction, unit: "year", count: Math.floor(months / 12) };
}

export interface PhaseSummary {
  phase: Phase;
  careEnd: IsoDate;
  careEndIsActual: boolean;
  countdown: Countdown;
  mentoringWindow: DateWindow;
}

export function phaseSummary(timeline: CareTimeline, today: IsoDate): PhaseSummary {
  const careEnd = careEndDate(timeline);
  return {
    phase: phaseOn(timeline, today),
    careEnd,
    careEndIsActual: Boolean(timeline.actualCareEndDate),
    countdown: careEndCountdown(careEnd, today),
    mentoringWindow: mentoringWindow(careEnd, timeline.dateOfBirth),
  };
}

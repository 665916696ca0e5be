/**
 * The lead's home at national scale (issue 15): the organisation's records are counted and paged by the
 * database, never loaded whole. The rules here are pure: which page and filter the query string asks
 * for (anything malformed reads as the first page of everything), and the date bounds that let SQL sort
 * a record into its phase and "needs a mentor" by plain comparisons of the care end and the date of
 * birth, found by the same bisection the statistics use (so they agree with phaseOn and mentorNeed to
 * the day; tests/unit/case-list.test.ts compares them day by day).
 */
import { addMonths, type IsoDate } from "./dates";
import { pageNumberOf } from "./paging";
export { MAX_PAGE, pageCount, pageRange, pageWithin } from "./paging";
import { MONTHS_BEFORE_CARE_END, PHASES, type Phase } from "./phase";
import { NEEDS_MENTOR_LOOKAHEAD_MONTHS, type MentorNeed } from "./mentoring";
import { lastDateWhere, phaseByBounds, statisticsBounds, type StatisticsBounds } from "./statistics";

/** Records per page of the lead's list, and entries per page of "needs a mentor". */
export const CASE_PAGE_SIZE = 50;
export const NEEDS_MENTOR_PAGE_SIZE = 10;
export interface CaseListQuery {
  /** Only the records in this phase; null: all of them. */
  phase: Phase | null;
  /** 1-based page of the records list. */
  page: number;
  /** 1-based page of the "needs a mentor" list. */
  needsMentorPage: number;
}

/** `?phase=transition&page=3&mentors=2`; a value that is not one of these reads as its default. */
export function caseListQueryOf(params: URLSearchParams): CaseListQuery {
  const phase = params.get("phase");
  return {
    phase: PHASES.includes(phase as Phase) ? (phase as Phase) : null,
    page: pageNumberOf(params.get("page")),
    needsMentorPage: pageNumberOf(params.get("mentors")),
  };
}

/**
 * The link to another page of a list, keeping the other parameters (the filter, the other list's page)
 * and dropping defaults, so the first page of everything is plain "/".
 */
export function pageHref(current: CaseListQuery, change: Partial<CaseListQuery>, hash = ""): string {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.phase) params.set("phase", next.phase);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.needsMentorPage > 1) params.set("mentors", String(next.needsMentorPage));
  const query = params.toString();
  return `/${query ? `?${query}` : ""}${hash}`;
}

export interface CaseListBounds extends StatisticsBounds {
  /** Needs a mentor soon or now: the care end is on or before this (the window opens within the look-ahead). */
  needsMentorCareEndBy: IsoDate;
}

export function caseListBounds(today: IsoDate): CaseListBounds {
  const lookahead = addMonths(today, NEEDS_MENTOR_LOOKAHEAD_MONTHS);
  return {
    ...statisticsBounds(today),
    needsMentorCareEndBy: lastDateWhere(today, (careEnd) => addMonths(careEnd, -MONTHS_BEFORE_CARE_END) <= lookahead),
  };
}

/** mentorNeed by the bounds (for a record without an active mentor): the rule the SQL spells out. */
export function mentorNeedByBounds(dateOfBirth: IsoDate, careEnd: IsoDate, bounds: CaseListBounds): MentorNeed {
  if (phaseByBounds(dateOfBirth, careEnd, bounds) === "closed") return null;
  if (careEnd <= bounds.transitionCareEndBy) return "inWindow";
  return careEnd <= bounds.needsMentorCareEndBy ? "soon" : null;
}

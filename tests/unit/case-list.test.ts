import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { mentorNeed } from "~/domain/mentoring";
import { mentoringWindow } from "~/domain/phase";
import { boundDates, daysToCompare } from "../helpers/day-by-day";
import { CASE_PAGE_SIZE, MAX_PAGE, caseListBounds, caseListQueryOf, mentorNeedByBounds, pageCount, pageHref, pageRange, pageWithin } from "~/domain/case-list";

const query = (s: string) => caseListQueryOf(new URLSearchParams(s));

describe("caseListQueryOf", () => {
  it("reads the phase and both pages", () => {
    expect(query("phase=transition&page=3&mentors=2")).toEqual({ phase: "transition", page: 3, needsMentorPage: 2 });
    expect(query("")).toEqual({ phase: null, page: 1, needsMentorPage: 1 });
  });

  it("reads anything malformed as its default", () => {
    for (const bad of ["0", "-1", "1.5", "2e3", " 2", "x", "", "0002", "9999999"]) {
      expect(query(`page=${encodeURIComponent(bad)}&mentors=${encodeURIComponent(bad)}`)).toEqual({ phase: null, page: 1, needsMentorPage: 1 });
    }
    expect(query("phase=closedd").phase).toBeNull();
    expect(query("phase=CLOSED").phase).toBeNull();
    expect(query("phase=closed").phase).toBe("closed");
  });

  it("caps the page number", () => {
    expect(query("page=999999").page).toBe(MAX_PAGE);
    expect(query(`page=${MAX_PAGE}`).page).toBe(MAX_PAGE);
    expect(query(`page=${MAX_PAGE - 1}`).page).toBe(MAX_PAGE - 1);
  });
});

describe("pages", () => {
  it("counts pages, at least one", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(1, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(10_000, CASE_PAGE_SIZE)).toBe(200);
  });

  it("keeps a page within the pages there are", () => {
    expect(pageWithin(5, 120, 50)).toBe(3);
    expect(pageWithin(3, 120, 50)).toBe(3);
    expect(pageWithin(2, 120, 50)).toBe(2);
    expect(pageWithin(0, 120, 50)).toBe(1);
    expect(pageWithin(4, 0, 50)).toBe(1);
  });

  it("gives the row numbers a page shows", () => {
    expect(pageRange(1, 120, 50)).toEqual({ from: 1, to: 50 });
    expect(pageRange(3, 120, 50)).toEqual({ from: 101, to: 120 });
    expect(pageRange(1, 0, 50)).toEqual({ from: 1, to: 0 });
    expect(pageRange(2, 50, 50)).toEqual({ from: 51, to: 50 });
  });

  it("links keep the other parameters and drop defaults", () => {
    const current = { phase: "aftercare" as const, page: 2, needsMentorPage: 3 };
    expect(pageHref(current, { page: 3 })).toBe("/?phase=aftercare&page=3&mentors=3");
    expect(pageHref(current, { page: 1 }, "#cases")).toBe("/?phase=aftercare&mentors=3#cases");
    expect(pageHref(current, { phase: null, page: 1, needsMentorPage: 1 })).toBe("/");
    expect(pageHref({ phase: null, page: 1, needsMentorPage: 1 }, { needsMentorPage: 2 })).toBe("/?mentors=2");
  });
});

describe("caseListBounds (what the database sorts the lead's lists by)", () => {
  it("gives every care end and date of birth the mentor need mentorNeed gives (no active mentor)", () => {
    for (const today of ["2026-12-01", "2028-02-29", "2027-03-01", "2029-01-31", "2026-08-31"]) {
      const bounds = caseListBounds(today);
      const days = daysToCompare(today, -3 * 366, 2 * 366, boundDates(bounds));
      for (const age of [16, 23, 25]) {
        for (const shift of [-1, 0, 1]) {
          const dateOfBirth = addDays(today, -Math.round(age * 365.25) + shift);
          for (const day of days) {
            const careEnd = addDays(today, day);
            const expected = mentorNeed(mentoringWindow(careEnd, dateOfBirth), false, today);
            if (mentorNeedByBounds(dateOfBirth, careEnd, bounds) !== expected) {
              expect({ today, dateOfBirth, careEnd, need: mentorNeedByBounds(dateOfBirth, careEnd, bounds) }).toEqual({
                today,
                dateOfBirth,
                careEnd,
                need: expected,
              });
            }
          }
        }
      }
    }
  });

  it("the look-ahead bound is 15 months after today, month ends clamped", () => {
    expect(caseListBounds("2026-12-01").needsMentorCareEndBy).toBe("2028-03-01");
    expect(caseListBounds("2026-11-30").needsMentorCareEndBy).toBe("2028-02-29");
  });
});

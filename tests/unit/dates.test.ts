import { describe, expect, it } from "vitest";
import { addDays, addMonths, addYears, ageOn, daysBetween, isIsoDate, monthsBetween, parseIsoDate, todayInRiga } from "~/domain/dates";

describe("parseIsoDate / isIsoDate", () => {
  it.each([
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    ["2026-01-01", { year: 2026, month: 1, day: 1 }],
    ["2026-12-31", { year: 2026, month: 12, day: 31 }],
    ["2026-04-30", { year: 2026, month: 4, day: 30 }],
  ])("%s is a real calendar date", (value, parts) => {
    expect(parseIsoDate(value)).toEqual(parts);
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ["2026-02-30", "30 February never exists"],
    ["2023-02-29", "2023 is not a leap year"],
    ["1900-02-29", "1900 is not a leap year (century rule)"],
    ["2026-04-31", "April has 30 days"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month 0"],
    ["2026-01-00", "day 0"],
    ["2026-01-32", "day 32"],
  ])("%s is refused (%s)", (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([
    "",
    "garbage",
    "abcd-ef-gh",
    "2026-1-5",
    "2026/01/05",
    "05.01.2026",
    "20260105",
    " 2026-01-05",
    "2026-01-05 ",
    "2026-01-05\n",
    "2026-01-05T00:00:00Z",
    "+02026-01-05",
    "２０２６-01-05",
  ])("%j is not in YYYY-MM-DD form", (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([[undefined], [null], [20260105], [new Date("2026-01-05")], [{ toString: () => "2026-01-05" }]])(
    "isIsoDate(%j) is false for a non-string",
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe("addMonths", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28", "31 Jan + 1 month clamps to the end of February"],
    ["2024-01-31", 1, "2024-02-29", "… to 29 February in a leap year"],
    ["2024-02-29", 12, "2025-02-28", "29 Feb + 12 months clamps to 28 Feb"],
    ["2024-02-29", 48, "2028-02-29", "29 Feb + 4 years is 29 Feb again"],
    ["2026-03-31", -1, "2026-02-28", "backwards clamps too"],
    ["2026-05-31", 1, "2026-06-30", "31 May + 1 month = 30 June"],
    ["2026-12-15", 1, "2027-01-15", "across the year end"],
    ["2026-01-15", -1, "2025-12-15", "back across the year start"],
    ["2026-03-10", -12, "2025-03-10", "a year back"],
    ["2026-03-10", 24, "2028-03-10", "two years forward"],
    ["2026-03-10", 0, "2026-03-10", "zero months is the same day"],
    ["2026-08-31", -30, "2024-02-29", "many months back into a leap February"],
  ])("%s + %i months = %s (%s)", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("does not drift: clamping happens once, from the original day", () => {
    // Jan 31 + 2 months is 31 March, not (Jan 31 + 1) + 1 = 28 March.
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
  });

  it("throws on a date that is not a calendar date", () => {
    expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("soon", 1)).toThrow(RangeError);
  });

  it("addYears is addMonths × 12, with the same clamping", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2008-03-10", 18)).toBe("2026-03-10");
    expect(addYears("2026-03-10", -1)).toBe("2025-03-10");
  });
});

describe("addDays", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-03-01", -1, "2024-02-29"],
    // 29 March 2026 and 25 October 2026 are the clock-change days in Riga: no effect on calendar days.
    ["2026-03-28", 1, "2026-03-29"],
    ["2026-03-29", 1, "2026-03-30"],
    ["2026-10-25", 1, "2026-10-26"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2026-03-10", 0, "2026-03-10"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("throws on a date that is not a calendar date", () => {
    expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it.each([
    ["2026-03-10", "2026-03-10", 0],
    ["2026-03-10", "2026-03-11", 1],
    ["2026-03-11", "2026-03-10", -1],
    ["2026-01-31", "2026-03-01", 29],
    ["2024-01-31", "2024-03-01", 30],
    ["2026-01-01", "2026-12-31", 364],
    ["2024-01-01", "2025-01-01", 366],
    ["2026-12-31", "2026-01-01", -364],
    // Across both clock changes: still whole days.
    ["2026-03-28", "2026-03-30", 2],
    ["2026-10-24", "2026-10-26", 2],
  ])("from %s to %s is %i days", (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe("monthsBetween", () => {
  it.each([
    ["2026-01-15", "2026-01-15", 0],
    ["2026-01-15", "2026-02-14", 0],
    ["2026-01-15", "2026-02-15", 1],
    ["2026-01-15", "2027-01-14", 11],
    ["2026-01-15", "2027-01-15", 12],
    ["2026-01-31", "2026-02-27", 0],
    // The clamping rule: one month after 31 January is 28 February.
    ["2026-01-31", "2026-02-28", 1],
    ["2026-01-31", "2026-03-30", 1],
    ["2026-01-31", "2026-03-31", 2],
    ["2024-02-29", "2025-02-28", 12],
    ["2025-12-31", "2026-01-30", 0],
    ["2025-12-31", "2026-01-31", 1],
  ])("from %s to %s is %i whole months", (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it.each([
    ["2026-02-15", "2026-01-15", -1],
    ["2026-02-14", "2026-01-15", 0],
    ["2027-01-15", "2026-01-15", -12],
    ["2027-01-14", "2026-01-15", -11],
    ["2028-03-10", "2026-03-10", -24],
  ])("backwards, from %s to %s is %i (whole months, towards zero)", (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it("is antisymmetric", () => {
    const pairs: Array<[string, string]> = [
      ["2026-01-31", "2026-02-28"],
      ["2024-02-29", "2026-03-01"],
      ["2025-07-10", "2026-03-10"],
    ];
    for (const [a, b] of pairs) expect(monthsBetween(b, a)).toBe(-monthsBetween(a, b));
  });

  it("gives a plain 0, never -0, for less than a month backwards", () => {
    // -0 prints as "-0" with Intl.NumberFormat and fails Object.is(…, 0).
    expect(Object.is(monthsBetween("2026-02-14", "2026-01-15"), 0)).toBe(true);
    expect(Object.is(ageOn("2026-02-14", "2026-01-15"), 0)).toBe(true);
  });
});

describe("ageOn", () => {
  it.each([
    ["2008-03-10", "2026-03-09", 17, "the day before the 18th birthday"],
    ["2008-03-10", "2026-03-10", 18, "on the 18th birthday"],
    ["2008-03-10", "2026-03-11", 18, "the day after"],
    ["2008-03-10", "2027-03-09", 18, "the day before the 19th birthday"],
    ["2001-06-15", "2026-06-14", 24, "the day before the 25th birthday"],
    ["2001-06-15", "2026-06-15", 25, "on the 25th birthday"],
    ["2008-02-29", "2024-02-28", 15, "leap-day birthday, the day before it in a leap year"],
    ["2008-02-29", "2024-02-29", 16, "leap-day birthday in a leap year"],
    ["2008-02-29", "2026-02-28", 18, "leap-day birthday in a common year counts from 28 February"],
    ["2008-02-29", "2026-02-27", 17, "… and not a day earlier"],
    ["2008-12-31", "2026-12-31", 18, "on New Year's Eve"],
    ["2008-12-31", "2027-01-01", 18, "the next day, a new year"],
  ])("born %s, on %s is %i (%s)", (dob, on, expected) => {
    expect(ageOn(dob, on)).toBe(expected);
  });
});

describe("todayInRiga", () => {
  it.each([
    // Winter: Riga is UTC+2.
    ["2025-12-31T21:59:59Z", "2025-12-31"],
    ["2025-12-31T22:00:00Z", "2026-01-01"],
    // Late evening of 31 December in UTC is already New Year in Riga.
    ["2025-12-31T23:30:00Z", "2026-01-01"],
    ["2026-01-01T00:00:00Z", "2026-01-01"],
    // Summer: Riga is UTC+3.
    ["2026-06-30T20:59:59Z", "2026-06-30"],
    ["2026-06-30T21:00:00Z", "2026-07-01"],
    ["2026-08-15T22:30:00Z", "2026-08-16"],
    // The nights the clocks change (last Sunday of March and of October 2026).
    ["2026-03-28T21:59:59Z", "2026-03-28"],
    ["2026-03-28T22:00:00Z", "2026-03-29"],
    ["2026-03-29T21:00:00Z", "2026-03-30"],
    ["2026-10-24T20:59:59Z", "2026-10-24"],
    ["2026-10-24T21:00:00Z", "2026-10-25"],
    ["2026-10-25T21:59:59Z", "2026-10-25"],
    ["2026-10-25T22:00:00Z", "2026-10-26"],
  ])("at %s it is %s in Riga", (instant, expected) => {
    expect(todayInRiga(new Date(instant))).toBe(expected);
  });

  it("returns a YYYY-MM-DD calendar date for the current moment", () => {
    const today = todayInRiga();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isIsoDate(today)).toBe(true);
  });

  it("does not depend on the server's own time zone", () => {
    const previous = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(todayInRiga(new Date("2025-12-31T22:00:00Z"))).toBe("2026-01-01");
      process.env.TZ = "Pacific/Kiritimati";
      expect(todayInRiga(new Date("2025-12-31T21:59:59Z"))).toBe("2025-12-31");
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

import { describe, expect, it } from "vitest";
import { addDays, ageOn } from "~/domain/dates";
import {
  AGE_WHEN_CLOSED,
  careEndCountdown,
  careEndDate,
  isWithinWindow,
  mentoringWindow,
  MONTHS_AFTER_CARE_END,
  MONTHS_BEFORE_CARE_END,
  PHASES,
  phaseOn,
  phaseSummary,
  type Countdown,
} from "~/domain/phase";

describe("phaseOn at the edges", () => {
  const timeline = { dateOfBirth: "2008-03-10", plannedCareEndDate: "2026-03-10" };
  it.each([
    ["2025-03-09", "preparation"],
    ["2025-03-10", "transition"],
    ["2025-03-11", "transition"],
    ["2026-03-09", "transition"],
    ["2026-03-10", "aftercare"],
    ["2028-03-10", "aftercare"],
    ["2028-03-11", "closed"],
  ])("on %s the phase is %s", (today, phase) => {
    expect(phaseOn(timeline, today)).toBe(phase);
  });

  it("moves with the actual care end date", () => {
    expect(mentoringWindow("2026-03-10")).toEqual({ start: "2025-03-10", end: "2028-03-10" });
    expect(careEndCountdown("2026-03-10", "2025-07-10")).toEqual({ direction: "future", unit: "month", count: 8 });
  });
});

// One young person, born 10 March 2008, whose care is planned to end on the 18th birthday, 10 March 2026:
// window [2025-03-10, 2028-03-10]; the 25th birthday (2033-03-10) is long after the window.
const planned = { dateOfBirth: "2008-03-10", plannedCareEndDate: "2026-03-10" };

describe("mentoringWindow / isWithinWindow", () => {
  const window = mentoringWindow("2026-03-10");

  it("is [care end − 12 months, care end + 24 months]", () => {
    expect(window).toEqual({ start: "2025-03-10", end: "2028-03-10" });
  });

  it.each([
    ["2025-03-09", false, "the day before the window opens"],
    ["2025-03-10", true, "the first day"],
    ["2025-03-11", true, "the day after the first day"],
    ["2026-03-10", true, "the care end date"],
    ["2028-03-09", true, "the day before the last day"],
    ["2028-03-10", true, "the last day"],
    ["2028-03-11", false, "the day after the window closes"],
    ["2020-01-01", false, "long before"],
    ["2040-01-01", false, "long after"],
  ])("on %s: %s (%s)", (today, inside) => {
    expect(isWithinWindow(window, today)).toBe(inside);
  });

  it("clamps month ends the same way as dates do", () => {
    expect(mentoringWindow("2024-02-29")).toEqual({ start: "2023-02-28", end: "2026-02-28" });
    expect(mentoringWindow("2026-08-31")).toEqual({ start: "2025-08-31", end: "2028-08-31" });
    expect(mentoringWindow("2026-12-31")).toEqual({ start: "2025-12-31", end: "2028-12-31" });
  });
});

describe("phaseOn", () => {
  it.each([
    ["2023-03-10", "preparation", "aged 15"],
    ["2025-03-09", "preparation", "the day before the window opens"],
    ["2025-03-10", "transition", "the window's first day"],
    ["2026-03-09", "transition", "the day before care ends"],
    ["2026-03-10", "aftercare", "the care end date"],
    ["2026-03-11", "aftercare", "the day after care ends"],
    ["2028-03-09", "aftercare", "the day before the window's last day"],
    ["2028-03-10", "aftercare", "the window's last day"],
    ["2028-03-11", "closed", "the day after the window"],
    ["2033-03-10", "closed", "the 25th birthday, long after the window"],
  ])("on %s the phase is %s (%s)", (today, phase) => {
    expect(phaseOn(planned, today)).toBe(phase);
  });

  describe("closes on the 25th birthday even while the window is still open", () => {
    // Born 15 June 2002, care ends 10 March 2026: the window runs to 10 March 2028, but the 25th
    // birthday is 15 June 2027.
    const older = { dateOfBirth: "2002-06-15", plannedCareEndDate: "2026-03-10" };

    it.each([
      ["2027-06-14", "aftercare"],
      ["2027-06-15", "closed"],
      ["2027-06-16", "closed"],
      ["2028-03-10", "closed"],
    ])("on %s the phase is %s", (today, phase) => {
      expect(phaseOn(older, today)).toBe(phase);
    });

    it("the window is still open on that day", () => {
      expect(isWithinWindow(mentoringWindow(careEndDate(older)), "2027-06-15")).toBe(true);
      expect(ageOn(older.dateOfBirth, "2027-06-15")).toBe(25);
    });

    it("also during transition, when care would end after the 25th birthday", () => {
      const late = { dateOfBirth: "2001-05-01", plannedCareEndDate: "2026-09-01" };
      expect(phaseOn(late, "2026-04-30")).toBe("transition");
      expect(phaseOn(late, "2026-05-01")).toBe("closed");
      expect(phaseOn(late, "2026-09-01")).toBe("closed");
    });

    it("a 29 February birthday reaches 25 on 28 February in a common year", () => {
      const leap = { dateOfBirth: "2000-02-29", plannedCareEndDate: "2024-06-01" };
      expect(phaseOn(leap, "2025-02-27")).toBe("aftercare");
      expect(phaseOn(leap, "2025-02-28")).toBe("closed");
    });
  });

  it("is closed exactly when the person is 25 or older, or the window has passed", () => {
    const timelines = [planned, { dateOfBirth: "2002-06-15", plannedCareEndDate: "2026-03-10" }];
    for (const timeline of timelines) {
      const window = mentoringWindow(careEndDate(timeline));
      for (let day = "2024-01-01"; day <= "2034-01-01"; day = addDays(day, 7)) {
        const shouldBeClosed = ageOn(timeline.dateOfBirth, day) >= 25 || day > window.end;
        expect(phaseOn(timeline, day) === "closed", `${timeline.dateOfBirth} on ${day}`).toBe(shouldBeClosed);
      }
    }
  });

  describe("the actual care end date overrides the planned one", () => {
    // Care ended early, on 1 November 2025: window [2024-11-01, 2027-11-01].
    const early = { ...planned, actualCareEndDate: "2025-11-01" };
    // Care went on longer, until 1 September 2026: window [2025-09-01, 2028-09-01].
    const late = { ...planned, actualCareEndDate: "2026-09-01" };

    it("careEndDate picks the actual date when known", () => {
      expect(careEndDate(planned)).toBe("2026-03-10");
      expect(careEndDate({ ...planned, actualCareEndDate: null })).toBe("2026-03-10");
      expect(careEndDate({ ...planned, actualCareEndDate: undefined })).toBe("2026-03-10");
      expect(careEndDate(early)).toBe("2025-11-01");
    });

    it.each([
      ["2024-10-31", "preparation", "preparation"],
      ["2024-11-01", "transition", "preparation"],
      ["2025-10-31", "transition", "transition"],
      ["2025-11-01", "aftercare", "transition"],
      ["2027-11-01", "aftercare", "aftercare"],
      ["2027-11-02", "closed", "aftercare"],
    ])("ended early: on %s the phase is %s (with the planned date it would be %s)", (today, phase, plannedPhase) => {
      expect(phaseOn(early, today)).toBe(phase);
      expect(phaseOn(planned, today)).toBe(plannedPhase);
    });

    it.each([
      ["2025-08-31", "preparation"],
      ["2025-09-01", "transition"],
      ["2026-03-10", "transition"],
      ["2026-08-31", "transition"],
      ["2026-09-01", "aftercare"],
      ["2028-09-01", "aftercare"],
      ["2028-09-02", "closed"],
    ])("ended late: on %s the phase is %s", (today, phase) => {
      expect(phaseOn(late, today)).toBe(phase);
    });
  });
});

describe("careEndCountdown", () => {
  const careEnd = "2026-03-10";

  it.each<[string, Countdown]>([
    ["2026-03-10", { direction: "today", unit: "day", count: 0 }],
    // Less than a whole month: days.
    ["2026-03-09", { direction: "future", unit: "day", count: 1 }],
    ["2026-02-11", { direction: "future", unit: "day", count: 27 }],
    // From one month to 23 months: months.
    ["2026-02-10", { direction: "future", unit: "month", count: 1 }],
    ["2025-07-11", { direction: "future", unit: "month", count: 7 }],
    ["2025-03-10", { direction: "future", unit: "month", count: 12 }],
    ["2024-03-11", { direction: "future", unit: "month", count: 23 }],
    // 24 months and more: whole years.
    ["2024-03-10", { direction: "future", unit: "year", count: 2 }],
    ["2023-03-11", { direction: "future", unit: "year", count: 2 }],
    ["2023-03-10", { direction: "future", unit: "year", count: 3 }],
    ["2021-03-10", { direction: "future", unit: "year", count: 5 }],
    // After care ended, the same units counting up, with positive counts.
    ["2026-03-11", { direction: "past", unit: "day", count: 1 }],
    ["2026-04-09", { direction: "past", unit: "day", count: 30 }],
    ["2026-04-10", { direction: "past", unit: "month", count: 1 }],
    ["2026-09-10", { direction: "past", unit: "month", count: 6 }],
    ["2028-03-09", { direction: "past", unit: "month", count: 23 }],
    ["2028-03-10", { direction: "past", unit: "year", count: 2 }],
    ["2031-03-09", { direction: "past", unit: "year", count: 4 }],
  ])("on %s: %j", (today, expected) => {
    expect(careEndCountdown(careEnd, today)).toEqual(expected);
  });

  it("counts months the way dates clamp: 31 January to 28 February is one month", () => {
    expect(careEndCountdown("2026-02-28", "2026-01-31")).toEqual({ direction: "future", unit: "month", count: 1 });
    expect(careEndCountdown("2026-02-27", "2026-01-31")).toEqual({ direction: "future", unit: "day", count: 27 });
  });

  it("never gives a zero or negative count except on the day itself", () => {
    for (let day = "2023-01-01"; day <= "2029-12-31"; day = addDays(day, 3)) {
      const countdown = careEndCountdown(careEnd, day);
      if (day === careEnd) continue;
      expect(countdown.count, day).toBeGreaterThan(0);
      expect(countdown.direction, day).toBe(day < careEnd ? "future" : "past");
    }
  });
});

describe("phaseSummary", () => {
  it("puts phase, care end, countdown and window together (planned date)", () => {
    expect(phaseSummary(planned, "2025-07-10")).toEqual({
      phase: "transition",
      careEnd: "2026-03-10",
      careEndIsActual: false,
      countdown: { direction: "future", unit: "month", count: 8 },
      mentoringWindow: { start: "2025-03-10", end: "2028-03-10" },
    });
  });

  it("uses and flags the actual care end date", () => {
    expect(phaseSummary({ ...planned, actualCareEndDate: "2025-11-01" }, "2026-05-01")).toEqual({
      phase: "aftercare",
      careEnd: "2025-11-01",
      careEndIsActual: true,
      countdown: { direction: "past", unit: "month", count: 6 },
      mentoringWindow: { start: "2024-11-01", end: "2027-11-01" },
    });
  });

  it("on the care end date: aftercare and 'today'", () => {
    const summary = phaseSummary(planned, "2026-03-10");
    expect(summary.phase).toBe("aftercare");
    expect(summary.countdown).toEqual({ direction: "today", unit: "day", count: 0 });
  });

  it("closed from the 25th birthday while the countdown still counts from care end", () => {
    const summary = phaseSummary({ dateOfBirth: "2002-06-15", plannedCareEndDate: "2026-03-10" }, "2027-06-15");
    expect(summary.phase).toBe("closed");
    expect(summary.countdown).toEqual({ direction: "past", unit: "month", count: 15 });
  });

  it("the constants match the spec", () => {
    expect(PHASES).toEqual(["preparation", "transition", "aftercare", "closed"]);
    expect([MONTHS_BEFORE_CARE_END, MONTHS_AFTER_CARE_END, AGE_WHEN_CLOSED]).toEqual([12, 24, 25]);
  });
});

describe("the mentoring window closes at the 25th birthday", () => {
  // Care ends at 23 (e.g. still in education): care end + 24 months would run past the 25th birthday.
  const dateOfBirth = "2003-06-15";
  const careEnd = "2026-09-01";
  const dayBefore25 = "2028-06-14";

  it("ends the day before the 25th birthday when that comes first", () => {
    expect(mentoringWindow(careEnd).end).toBe("2028-09-01");
    expect(mentoringWindow(careEnd, dateOfBirth)).toEqual({ start: "2025-09-01", end: dayBefore25 });
    expect(isWithinWindow(mentoringWindow(careEnd, dateOfBirth), dayBefore25)).toBe(true);
    expect(isWithinWindow(mentoringWindow(careEnd, dateOfBirth), "2028-06-15")).toBe(false);
  });

  it("keeps care end + 24 months when the birthday is later", () => {
    expect(mentoringWindow("2026-09-01", "2008-03-01").end).toBe("2028-09-01");
  });

  it("agrees with the phase: the plan is closed on the day the window has ended", () => {
    const timeline = { dateOfBirth, plannedCareEndDate: careEnd };
    expect(phaseOn(timeline, dayBefore25)).toBe("aftercare");
    expect(phaseOn(timeline, "2028-06-15")).toBe("closed");
    expect(phaseSummary(timeline, dayBefore25).mentoringWindow.end).toBe(dayBefore25);
  });
});

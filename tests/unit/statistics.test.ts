/** Statistics suppression (app/domain/statistics.ts): small cells hidden, and not recoverable from totals. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { boundDates, daysToCompare } from "../helpers/day-by-day";
import { phaseOn } from "~/domain/phase";
import {
  ageGroupByBounds,
  ageGroupOf,
  buildStatistics,
  DIMENSIONS,
  lastDateWhere,
  phaseByBounds,
  statisticsBounds,
  filterProblem,
  matchesFilter,
  MIN_CELL,
  namedMunicipalities,
  suppressCounts,
  suppressedTable,
  type StatisticsRow,
} from "~/domain/statistics";

const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), { minLength: 1, maxLength: 12 });

describe("suppressCounts", () => {
  it("never shows a cell of 1–4", () => {
    fc.assert(
      fc.property(counts, (values) => {
        const { suppressed } = suppressCounts(values);
        values.forEach((v, i) => {
          if (v > 0 && v < MIN_CELL) expect(suppressed[i]).toBe(true);
        });
      }),
    );
  });

  it("with the total shown, the hidden cells are at least two and at least 5 people together", () => {
    fc.assert(
      fc.property(counts, (values) => {
        const { suppressed, totalSuppressed } = suppressCounts(values);
        const hidden = values.filter((_, i) => suppressed[i]);
        if (hidden.length > 0 && !totalSuppressed) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(MIN_CELL);
        }
      }),
    );
  });

  it("total minus the shown cells never gives back a small group", () => {
    fc.assert(
      fc.property(counts, (values) => {
        const { suppressed, totalSuppressed } = suppressCounts(values);
        if (totalSuppressed) return;
        const total = values.reduce((a, b) => a + b, 0);
        const shown = values.reduce((sum, v, i) => (suppressed[i] ? sum : sum + v), 0);
        const recovered = total - shown;
        expect(recovered === 0 || recovered >= MIN_CELL).toBe(true);
      }),
    );
  });

  it("a total under 5 hides the whole table", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        fc.pre(total > 0 && total < MIN_CELL);
        const { suppressed, totalSuppressed } = suppressCounts(values);
        expect(totalSuppressed).toBe(true);
        expect(suppressed.every(Boolean)).toBe(true);
      }),
    );
  });

  it("hides nothing when no cell is small", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 500 })), { minLength: 1, maxLength: 10 }), (values) => {
        const { suppressed, totalSuppressed } = suppressCounts(values);
        expect(suppressed.some(Boolean)).toBe(false);
        expect(totalSuppressed).toBe(false);
      }),
    );
  });

  it("examples: one small cell takes the smallest other non-zero cell with it", () => {
    expect(suppressCounts([3, 0, 50, 12])).toEqual({ suppressed: [true, false, false, true], totalSuppressed: false });
    expect(suppressCounts([2, 2, 40])).toEqual({ suppressed: [true, true, true], totalSuppressed: false });
    expect(suppressCounts([3, 4, 40])).toEqual({ suppressed: [true, true, false], totalSuppressed: false });
    expect(suppressCounts([10, 20])).toEqual({ suppressed: [false, false], totalSuppressed: false });
    expect(suppressCounts([0, 0])).toEqual({ suppressed: [false, false], totalSuppressed: false });
    expect(suppressCounts([1, 0, 0])).toEqual({ suppressed: [true, true, true], totalSuppressed: true });
  });

  it("examples: it hides no more than it must, the smallest first, the first of equals", () => {
    // Two small cells of 5 together are enough.
    expect(suppressCounts([3, 2, 50])).toEqual({ suppressed: [true, true, false], totalSuppressed: false });
    // The smallest other cell, wherever it stands.
    expect(suppressCounts([3, 12, 50])).toEqual({ suppressed: [true, true, false], totalSuppressed: false });
    expect(suppressCounts([10, 3, 50])).toEqual({ suppressed: [true, true, false], totalSuppressed: false });
    expect(suppressCounts([3, 10, 10])).toEqual({ suppressed: [true, true, false], totalSuppressed: false });
  });
});

describe("suppressedTable", () => {
  it("shows true counts where it shows any and keeps the key order", () => {
    const table = suppressedTable(
      "careForm",
      new Map([
        ["a", 7],
        ["b", 2],
        ["c", 9],
      ]),
      ["c", "b", "a", "d"],
    );
    expect(table.cells).toEqual([
      { key: "c", count: 9, suppressed: false },
      { key: "b", count: null, suppressed: true },
      { key: "a", count: null, suppressed: true },
      { key: "d", count: 0, suppressed: false },
    ]);
    expect(table.total).toBe(18);
    expect(table.unit).toBe("people");
    expect(table.dimension).toBe("careForm");
    expect(suppressedTable("goalsDone", new Map([["a", 9]]), ["a"], "goals").unit).toBe("goals");
  });
});

describe("namedMunicipalities", () => {
  it("names only municipalities with at least 5 young people, alphabetically", () => {
    const rows = [...Array(5).fill({ municipality: "Valka" }), ...Array(7).fill({ municipality: "Ādaži" }), { municipality: "Cēsis" }];
    expect(namedMunicipalities(rows)).toEqual(["Ādaži", "Valka"]);
  });
});

describe("filters", () => {
  it("refuse a selection under 5 and one that leaves 1–4 out", () => {
    expect(filterProblem(40, 4)).toBe("tooFew");
    expect(filterProblem(40, 0)).toBe("tooFew");
    expect(filterProblem(40, 37)).toBe("leavesTooFew");
    expect(filterProblem(40, 40)).toBeNull();
    expect(filterProblem(40, 20)).toBeNull();
    expect(filterProblem(40, 5)).toBeNull();
    expect(filterProblem(40, 35)).toBeNull();
    expect(filterProblem(40, 36)).toBe("leavesTooFew");
  });

  it("match care form and municipality", () => {
    const row = { careForm: "sos_family" as const, municipality: "Rīga" };
    expect(matchesFilter(row, {})).toBe(true);
    expect(matchesFilter(row, { careForm: "sos_family", municipality: "Rīga" })).toBe(true);
    expect(matchesFilter(row, { municipality: "Cēsis" })).toBe(false);
    expect(matchesFilter(row, { careForm: "residential" })).toBe(false);
    expect(matchesFilter(row, { careForm: "residential", municipality: "Rīga" })).toBe(false);
    expect(matchesFilter(row, { careForm: null, municipality: null })).toBe(true);
  });
});

describe("buildStatistics", () => {
  const today = "2026-12-01";
  const row = (over: Partial<StatisticsRow>): StatisticsRow => ({
    dateOfBirth: "2009-06-01",
    careForm: "foster_family",
    municipality: "Rīga",
    plannedCareEndDate: "2028-06-01",
    actualCareEndDate: null,
    educationStatus: null,
    employmentStatus: null,
    specialNeeds: null,
    hasActiveMentor: false,
    ...over,
  });

  it("age groups are 15, 16, 17, 18, 19–24 and other", () => {
    expect(ageGroupOf("2011-12-01", today)).toBe("15");
    expect(ageGroupOf("2011-12-02", today)).toBe("other");
    expect(ageGroupOf("2008-06-01", today)).toBe("18");
    expect(ageGroupOf("2007-12-01", today)).toBe("19-24");
    expect(ageGroupOf("2001-12-02", today)).toBe("19-24");
    expect(ageGroupOf("2001-12-01", today)).toBe("other");
  });

  it("counts every young person once in every table, with suppression", () => {
    const rows = [
      ...Array.from({ length: 12 }, () => row({ municipality: "Rīga", educationStatus: "secondary_school", hasActiveMentor: true })),
      ...Array.from({ length: 3 }, () => row({ municipality: "Cēsis", careForm: "residential" })),
      ...Array.from({ length: 6 }, () => row({ municipality: "Valmiera", educationStatus: "vocational" })),
    ];
    const stats = buildStatistics(
      rows,
      new Map([
        ["housing", 8],
        ["health", 1],
      ]),
      today,
    );
    expect(stats.population).toBe(21);
    const table = (d: string) => stats.tables.find((t) => t.dimension === d)!;
    // Cēsis (3) is not named: it counts under "other", which is hidden, and Valmiera (6, the smallest
    // other) with it; Rīga is shown; names sorted alphabetically.
    expect(table("municipality").cells).toEqual([
      { key: "Rīga", count: 12, suppressed: false },
      { key: "Valmiera", count: null, suppressed: true },
      { key: "other", count: null, suppressed: true },
    ]);
    expect(table("municipality").total).toBe(21);
    // The only other non-zero care form goes too, or 21 − 18 would give the 3 back.
    expect(table("careForm").cells.find((c) => c.key === "foster_family")).toEqual({ key: "foster_family", count: null, suppressed: true });
    expect(table("careForm").cells.find((c) => c.key === "residential")).toEqual({ key: "residential", count: null, suppressed: true });
    expect(table("educationStatus").cells.filter((c) => !c.suppressed && c.count! > 0)).toEqual([{ key: "secondary_school", count: 12, suppressed: false }]);
    expect(table("activeMentor").cells).toEqual([
      { key: "yes", count: 12, suppressed: false },
      { key: "no", count: 9, suppressed: false },
    ]);
    expect(table("phase").cells.find((c) => c.key === "preparation")?.count).toBe(21);
    const goals = table("goalsDone");
    expect(goals.unit).toBe("goals");
    expect(goals.cells.find((c) => c.key === "health")?.suppressed).toBe(true);
    for (const t of stats.tables.filter((x) => x.unit === "people")) expect(t.total).toBe(21);
  });

  it("hides the population under 5, shows nobody as 0 and 5 as 5", () => {
    expect(buildStatistics([row({}), row({})], new Map(), today).population).toBeNull();
    expect(buildStatistics([], new Map(), today).population).toBe(0);
    expect(
      buildStatistics(
        Array.from({ length: 5 }, () => row({})),
        new Map(),
        today,
      ).population,
    ).toBe(5);
  });

  it("has every table, in the order of the dimensions", () => {
    expect(buildStatistics([], new Map(), today).tables.map((t) => t.dimension)).toEqual([...DIMENSIONS]);
  });

  it("counts the phase from the actual care end once there is one", () => {
    // Planned for 2028, but care ended last month: aftercare, not preparation.
    const rows = Array.from({ length: 6 }, () => row({ actualCareEndDate: "2026-11-01" }));
    const phase = buildStatistics(rows, new Map(), today).tables.find((t) => t.dimension === "phase")!;
    expect(phase.cells.find((c) => c.key === "aftercare")?.count).toBe(6);
    expect(phase.cells.find((c) => c.key === "preparation")?.count).toBe(0);
  });
});

describe("statisticsBounds (what the database counts by)", () => {
  it("a rule that never holds within 60 years is before every date; one that always holds after every date", () => {
    expect(lastDateWhere("2026-12-01", () => false)).toBe("0000-01-01");
    expect(lastDateWhere("2026-12-01", () => true)).toBe("9999-12-31");
    expect(lastDateWhere("2026-12-01", (d) => d <= "2030-03-15")).toBe("2030-03-15");
  });

  // Days around month ends and 29 February, in leap and plain years.
  const todays = ["2026-12-01", "2028-02-29", "2027-02-28", "2027-03-01", "2026-08-31", "2029-01-31", "2024-03-31"];

  it("sorts every date of birth over 30 years into the age group ageGroupOf gives", () => {
    for (const today of todays) {
      const bounds = statisticsBounds(today);
      for (const day of daysToCompare(today, -30 * 366 + 1, 1, boundDates(bounds))) {
        const dateOfBirth = addDays(today, day);
        if (ageGroupByBounds(dateOfBirth, bounds) !== ageGroupOf(dateOfBirth, today)) {
          expect({ today, dateOfBirth, group: ageGroupByBounds(dateOfBirth, bounds) }).toEqual({ today, dateOfBirth, group: ageGroupOf(dateOfBirth, today) });
        }
      }
    }
  });

  it("sorts every care end from 4 years back to 3 years ahead into the phase phaseOn gives", () => {
    for (const today of ["2026-12-01", "2028-02-29", "2027-03-01", "2029-01-31"]) {
      const bounds = statisticsBounds(today);
      const days = daysToCompare(today, -4 * 366, 3 * 366, boundDates(bounds));
      for (const age of [17, 23, 25]) {
        // Dates of birth either side of the 25th birthday as well.
        for (const shift of [-1, 0, 1]) {
          const dateOfBirth = addDays(today, -Math.round(age * 365.25) + shift);
          for (const day of days) {
            const careEnd = addDays(today, day);
            for (const actual of [null, careEnd]) {
              const planned = actual ? addDays(careEnd, 40) : careEnd;
              const expected = phaseOn({ dateOfBirth, plannedCareEndDate: planned, actualCareEndDate: actual }, today);
              const got = phaseByBounds(dateOfBirth, careEnd, bounds);
              if (got !== expected) expect({ today, dateOfBirth, careEnd, got }).toEqual({ today, dateOfBirth, careEnd, got: expected });
            }
          }
        }
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { dayRange, linePoints, polygonPoints, radarPoint, timePoints } from "~/domain/charts";

const box = { left: 10, right: 110, top: 0, bottom: 100 };

describe("timePoints", () => {
  it("places values by their day between the first and the last, and by value from the bottom", () => {
    const points = timePoints(
      [
        { value: 1, on: "2026-01-01" },
        { value: 10, on: "2026-01-11" },
        { value: 5.5, on: "2026-01-06" },
      ],
      box,
      { from: "2026-01-01", to: "2026-01-11", min: 1, max: 10 },
    );
    expect(points).toEqual([
      { x: 10, y: 100 },
      { x: 110, y: 0 },
      { x: 60, y: 50 },
    ]);
  });

  it("puts a single day in the middle and keeps values inside the range", () => {
    expect(timePoints([{ value: 12, on: "2026-03-01" }], box, { from: "2026-03-01", to: "2026-03-01", min: 1, max: 10 })).toEqual([{ x: 60, y: 0 }]);
    expect(timePoints([{ value: -3, on: "2026-02-01" }], box, { from: "2026-03-01", to: "2026-04-01", min: 1, max: 10 })).toEqual([{ x: 10, y: 100 }]);
  });
});

describe("dayRange", () => {
  it("spans every series, and is null when there are no values", () => {
    expect(
      dayRange(
        [{ value: 3, on: "2026-05-02" }],
        [
          { value: 4, on: "2025-11-30" },
          { value: 6, on: "2026-06-01" },
        ],
      ),
    ).toEqual({ from: "2025-11-30", to: "2026-06-01" });
    expect(dayRange([], [])).toBeNull();
  });
});

describe("radarPoint", () => {
  it("points axis 0 up and scales by value", () => {
    expect(radarPoint(0, 4, 10, 10, { x: 50, y: 50 }, 40)).toEqual({ x: 50, y: 10 });
    expect(radarPoint(1, 4, 5, 10, { x: 50, y: 50 }, 40)).toEqual({ x: 70, y: 50 });
  });
});

describe("the chart geometry's edges (from the mutation run)", () => {
  it("radarPoint: every axis goes round clockwise from the top; values outside 0..max stay on the chart", () => {
    const centre = { x: 50, y: 50 };
    expect(radarPoint(2, 4, 10, 10, centre, 40)).toEqual({ x: 50, y: 90 });
    expect(radarPoint(3, 4, 10, 10, centre, 40)).toEqual({ x: 10, y: 50 });
    expect(radarPoint(0, 4, 20, 10, centre, 40)).toEqual({ x: 50, y: 10 });
    expect(radarPoint(0, 4, -5, 10, centre, 40)).toEqual({ x: 50, y: 50 });
    // Rounded to one decimal.
    expect(radarPoint(1, 3, 10, 10, centre, 40)).toEqual({ x: 84.6, y: 70 });
  });

  it("polygonPoints writes x,y pairs separated by spaces", () => {
    expect(
      polygonPoints([
        { x: 1, y: 2 },
        { x: 3.5, y: 4 },
      ]),
    ).toBe("1,2 3.5,4");
    expect(polygonPoints([])).toBe("");
  });

  it("linePoints spreads values evenly, one value in the middle, values kept inside min..max", () => {
    expect(linePoints([], 100, 50, 0, 10)).toEqual([]);
    expect(linePoints([5], 100, 50, 0, 10)).toEqual([{ x: 50, y: 25 }]);
    expect(linePoints([0, 10, 20, -4], 90, 50, 0, 10)).toEqual([
      { x: 0, y: 50 },
      { x: 30, y: 0 },
      { x: 60, y: 0 },
      { x: 90, y: 50 },
    ]);
    expect(linePoints([2, 8], 100, 60, 2, 8)).toEqual([
      { x: 0, y: 60 },
      { x: 100, y: 0 },
    ]);
    expect(linePoints([1, 2, 3], 10, 10, 0, 3)).toEqual([
      { x: 0, y: 6.7 },
      { x: 5, y: 3.3 },
      { x: 10, y: 0 },
    ]);
  });

  it("timePoints keeps days outside the range at its ends, reads only the date part, and a bad date as day 0", () => {
    const range = { from: "2026-01-01", to: "2026-01-11", min: 0, max: 10 };
    expect(timePoints([{ value: 5, on: "2026-02-01" }], box, range)).toEqual([{ x: 110, y: 50 }]);
    expect(timePoints([{ value: 5, on: "2025-12-01" }], box, range)).toEqual([{ x: 10, y: 50 }]);
    expect(timePoints([{ value: 5, on: "2026-01-06T23:59:00Z" }], box, range)).toEqual([{ x: 60, y: 50 }]);
    expect(timePoints([{ value: 2, on: "2026-01-02" }], { left: 0, right: 10, top: 20, bottom: 120 }, { ...range, min: 2, max: 12 })).toEqual([
      { x: 1, y: 120 },
    ]);
    // A box that does not start at the top: the highest value reaches its top, not above it.
    expect(timePoints([{ value: 12, on: "2026-01-11" }], { left: 0, right: 10, top: 20, bottom: 120 }, { ...range, min: 2, max: 12 })).toEqual([
      { x: 10, y: 20 },
    ]);
    expect(timePoints([{ value: 5, on: "not a date" }], box, { from: "also not", to: "2026-01-11", min: 0, max: 10 })[0]!.y).toBe(50);
  });

  it("dayRange sorts the days of all series", () => {
    expect(
      dayRange(
        [
          { value: 1, on: "2026-03-01" },
          { value: 1, on: "2026-01-01" },
        ],
        [{ value: 1, on: "2026-02-01" }],
      ),
    ).toEqual({ from: "2026-01-01", to: "2026-03-01" });
    expect(dayRange([{ value: 1, on: "2026-03-01" }])).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });
});

import { describe, expect, it } from "vitest";
import { dayRange, radarPoint, timePoints } from "~/domain/charts";

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

/** Geometry for the SVG charts drawn on the server (readable without JavaScript). Pure. */

export interface Point {
  x: number;
  y: number;
}

/** The point on axis `index` of `count` axes, at `value` of `max`, around a centre; axis 0 points up. */
export function radarPoint(index: number, count: number, value: number, max: number, centre: Point, radius: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (Math.max(0, Math.min(max, value)) / max) * radius;
  return { x: round(centre.x + r * Math.cos(angle)), y: round(centre.y + r * Math.sin(angle)) };
}

export function polygonPoints(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A value on a day: one point of a trend (a readiness rating). */
export interface DatedValue {
  value: number;
  on: string;
}

function dayNumber(isoDate: string): number {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? 0 : time / 86_400_000;
}

/** Points of a line of equally spaced values across `width`, y by the value within [min, max] (growing downwards). */
export function linePoints(values: readonly number[], width: number, height: number, min: number, max: number): Point[] {
  if (values.length === 0) return [];
  const step = values.length === 1 ? 0 : width / (values.length - 1);
  return values.map((v, i) => ({
    x: round(values.length === 1 ? width / 2 : i * step),
    y: round(height - ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * height),
  }));
}

/**
 * Points of dated values on a time axis (issue 14): x by the day within [from, to] across `left..right`,
 * y by the value within [min, max] across `top..bottom` (growing downwards). One day only: the middle.
 */
export function timePoints(
  values: readonly DatedValue[],
  box: { left: number; right: number; top: number; bottom: number },
  range: { from: string; to: string; min: number; max: number },
): Point[] {
  const from = dayNumber(range.from);
  const span = dayNumber(range.to) - from;
  return values.map((v) => {
    const share = span > 0 ? (dayNumber(v.on) - from) / span : 0.5;
    const clamped = Math.max(range.min, Math.min(range.max, v.value));
    return {
      x: round(box.left + Math.max(0, Math.min(1, share)) * (box.right - box.left)),
      y: round(box.bottom - ((clamped - range.min) / (range.max - range.min)) * (box.bottom - box.top)),
    };
  });
}

/** The first and last day of several series of dated values, or null when all are empty. */
export function dayRange(...series: ReadonlyArray<readonly DatedValue[]>): { from: string; to: string } | null {
  const days = series
    .flat()
    .map((v) => v.on)
    .sort();
  return days.length ? { from: days[0]!, to: days[days.length - 1]! } : null;
}

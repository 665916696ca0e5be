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

/** A line through values (min..max) spread evenly across a width, y growing downwards. */
export function linePoints(values: readonly number[], width: number, height: number, min: number, max: number): Point[] {
  if (values.length === 0) return [];
  const step = values.length === 1 ? 0 : width / (values.length - 1);
  return values.map((v, i) => ({
    x: round(values.length === 1 ? width / 2 : i * step),
    y: round(height - ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * height),
  }));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

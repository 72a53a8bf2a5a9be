/** Planar poses and the few transforms missions need (map frame, odometry frame). */
export interface Pose {
  x: number;
  y: number;
  theta: number;
}

export const wrapAngle = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

/** `a ⊕ b`: pose `b` expressed in frame `a`, returned in `a`'s parent frame. */
export function compose(a: Pose, b: Pose): Pose {
  const c = Math.cos(a.theta);
  const s = Math.sin(a.theta);
  return { x: a.x + c * b.x - s * b.y, y: a.y + s * b.x + c * b.y, theta: wrapAngle(a.theta + b.theta) };
}

export function inverse(a: Pose): Pose {
  const c = Math.cos(a.theta);
  const s = Math.sin(a.theta);
  return { x: -c * a.x - s * a.y, y: s * a.x - c * a.y, theta: wrapAngle(-a.theta) };
}

export const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number =>
  Math.hypot(a.x - b.x, a.y - b.y);

export function pointInPolygon(x: number, y: number, poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] ?? [0, 0];
    const [xj, yj] = poly[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance from a point to a segment. */
export function pointSegmentDistance(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 1e-12 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/** Distance from a point to a polygon's boundary, 0 inside. */
export function polygonDistance(
  p: { x: number; y: number },
  poly: readonly (readonly [number, number])[],
): number {
  if (pointInPolygon(p.x, p.y, poly)) return 0;
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] ?? [0, 0];
    const [xj, yj] = poly[j] ?? [0, 0];
    best = Math.min(best, pointSegmentDistance(p, { x: xi, y: yi }, { x: xj, y: yj }));
  }
  return best;
}

/**
 * Where a point lies along a polyline: the segment it projects onto (searching from `fromSegment` a few
 * segments ahead, never back, like the base's follower) and the length still to go from there.
 */
export function progressAlong(
  points: readonly { x: number; y: number }[],
  p: { x: number; y: number },
  fromSegment = 0,
): { segment: number; remaining: number } {
  if (points.length < 2) return { segment: 0, remaining: points[0] ? distance(points[0], p) : 0 };
  let best = Math.min(Math.max(0, fromSegment), points.length - 2);
  let bestD = Infinity;
  for (let k = best; k < points.length - 1 && k < best + 6; k++) {
    const d = pointSegmentDistance(p, points[k] ?? p, points[k + 1] ?? p);
    if (d < bestD - 1e-9) {
      bestD = d;
      best = k;
    }
  }
  const a = points[best] ?? p;
  const b = points[best + 1] ?? p;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 1e-12 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 1;
  let remaining = Math.sqrt(len2) * (1 - t);
  for (let k = best + 1; k < points.length - 1; k++)
    remaining += distance(points[k] ?? p, points[k + 1] ?? p);
  return { segment: best, remaining };
}

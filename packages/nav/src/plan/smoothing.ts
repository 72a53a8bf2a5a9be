import { COST_INSCRIBED, COST_LETHAL, type Costmap } from '../costmap/costmap.ts';
import { traverseCells } from '../costmap/geometry.ts';

/** A point in continuous cell coordinates (u = column, v = row from the top). */
export type CellPoint = readonly [number, number];

/**
 * Largest cost on any cell the segment touches, or COST_LETHAL as soon as one is not traversable
 * (inscribed, lethal or off the map).
 */
export function segmentMaxCost(costmap: Costmap, a: CellPoint, b: CellPoint, limit = COST_LETHAL): number {
  let max = 0;
  const { width, height, cost } = costmap;
  traverseCells(a[0], a[1], b[0], b[1], (c, r) => {
    if (c < 0 || r < 0 || c >= width || r >= height) {
      max = COST_LETHAL;
      return false;
    }
    const k = cost[r * width + c] ?? COST_LETHAL;
    if (k >= COST_INSCRIBED || k > limit) {
      max = Math.max(k, limit + 1);
      return false;
    }
    if (k > max) max = k;
    return true;
  });
  return max;
}

/** Travel cost of a straight segment (length times the cost factor), sampled every quarter cell. */
export function segmentTravelCost(costmap: Costmap, a: CellPoint, b: CellPoint): number {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const steps = Math.max(1, Math.ceil(len * 4));
  const { factor, grid } = costmap;
  let sum = 0;
  for (let s = 0; s < steps; s++) {
    const t = (s + 0.5) / steps;
    const c = Math.floor(a[0] + (b[0] - a[0]) * t);
    const r = Math.floor(a[1] + (b[1] - a[1]) * t);
    sum += factor[(r + 1) * grid.stride + c + 1] ?? 1;
  }
  return (sum / steps) * len;
}

/**
 * Any-angle smoothing of a grid path by line-of-sight shortcuts (Theta*-style post-processing). From each
 * kept vertex the path jumps to the farthest later vertex whose straight segment touches only traversable
 * cells (so the robot radius stays clear and keepout is never entered) and whose travel cost on the
 * costmap is no higher than that of the grid path it replaces (so shortcuts do not trade clearance or
 * costly zones for length).
 */
export function smoothPath(costmap: Costmap, points: readonly CellPoint[]): CellPoint[] {
  if (points.length <= 2) return [...points];
  const cumulative = new Float64Array(points.length);
  for (let k = 1; k < points.length; k++) {
    cumulative[k] =
      (cumulative[k - 1] ?? 0) + segmentTravelCost(costmap, points[k - 1] ?? [0, 0], points[k] ?? [0, 0]);
  }
  // Shortcut targets: the grid path's turning points (and its ends); straight runs between them add
  // nothing but cost to the line-of-sight checks.
  const turns: number[] = [0];
  for (let k = 1; k + 1 < points.length; k++) {
    const [u0, v0] = points[k - 1] ?? [0, 0];
    const [u1, v1] = points[k] ?? [0, 0];
    const [u2, v2] = points[k + 1] ?? [0, 0];
    if (Math.abs((u1 - u0) * (v2 - v1) - (v1 - v0) * (u2 - u1)) > 1e-9) turns.push(k);
  }
  turns.push(points.length - 1);
  const out: CellPoint[] = [];
  const first = points[0];
  if (first) out.push(first);
  let t = 0;
  while (t < turns.length - 1) {
    const anchor = turns[t] ?? 0;
    let bestT = t + 1;
    const a = points[anchor] ?? [0, 0];
    for (let tj = t + 2; tj < turns.length; tj++) {
      const j = turns[tj] ?? 0;
      const b = points[j] ?? [0, 0];
      if (segmentMaxCost(costmap, a, b) >= COST_INSCRIBED) break;
      const budget = (cumulative[j] ?? 0) - (cumulative[anchor] ?? 0);
      if (segmentTravelCost(costmap, a, b) > budget * (1 + 1e-9)) break;
      bestT = tj;
    }
    const p = points[turns[bestT] ?? 0];
    if (p) out.push(p);
    t = bestT;
  }
  return out;
}

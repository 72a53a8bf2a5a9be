import type { Costmap } from '../costmap/costmap.ts';
import type { CellPoint } from './smoothing.ts';

export interface SpeedOptions {
  /** Default guiding speed, m/s (a walking citizen follows comfortably at 0.5-0.7). */
  guideSpeed: number;
  /** Absolute cap, m/s; nothing may exceed it. */
  maxSpeed: number;
}

/** Zone lookups per cell of path length. Zones are rasterised conservatively (every cell they touch). */
const SAMPLES_PER_CELL = 8;

export const defaultSpeedOptions: SpeedOptions = { guideSpeed: 0.6, maxSpeed: 1.2 };

export interface Waypoint {
  readonly x: number;
  readonly y: number;
}

export interface Segment {
  /** Index of the waypoint the segment starts at; it ends at `from + 1`. */
  readonly from: number;
  readonly length: number;
  /** m/s: min(guide speed, max speed, every slow zone the segment touches). */
  readonly speedLimit: number;
  /** True if any part lies in a quiet zone (no announcements). */
  readonly quiet: boolean;
}

/**
 * Turns a smoothed polyline into waypoints with per-segment speed limits. Segments are split where the
 * slow-zone cap or the quiet flag changes, sampling every 1/8 cell; the split is placed on the safe
 * side (a slower segment starts before the zone and ends after it).
 */
export function toWaypoints(
  costmap: Costmap,
  points: readonly CellPoint[],
  options: SpeedOptions = defaultSpeedOptions,
): { waypoints: Waypoint[]; segments: Segment[] } {
  const base = Math.min(options.guideSpeed, options.maxSpeed);
  const sample = (u: number, v: number): { speed: number; quiet: boolean } => {
    const c = Math.min(costmap.width - 1, Math.max(0, Math.floor(u)));
    const r = Math.min(costmap.height - 1, Math.max(0, Math.floor(v)));
    const i = r * costmap.width + c;
    return { speed: Math.min(base, costmap.speedCap[i] ?? Infinity), quiet: costmap.quiet[i] === 1 };
  };
  // Split points: where the cap or the quiet flag changes between two samples. Entering a slower or
  // quiet stretch splits at the last sample before it; leaving splits at the first sample after it.
  const split: CellPoint[] = [];
  const first = points[0];
  if (first) split.push(first);
  for (let k = 0; k + 1 < points.length; k++) {
    const [u0, v0] = points[k] ?? [0, 0];
    const [u1, v1] = points[k + 1] ?? [0, 0];
    const steps = Math.max(1, Math.ceil(Math.hypot(u1 - u0, v1 - v0) * SAMPLES_PER_CELL));
    let prevPoint: CellPoint = [u0, v0];
    let prev = sample(u0, v0);
    for (let s = 1; s <= steps; s++) {
      const t = s / steps;
      const point: CellPoint = [u0 + (u1 - u0) * t, v0 + (v1 - v0) * t];
      const cur = sample(point[0], point[1]);
      if (s < steps) {
        if (cur.speed < prev.speed || (cur.quiet && !prev.quiet)) split.push(prevPoint);
        if (cur.speed > prev.speed || (!cur.quiet && prev.quiet)) split.push(point);
      }
      prev = cur;
      prevPoint = point;
    }
    split.push([u1, v1]);
  }
  const kept: CellPoint[] = [];
  for (const q of split) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(last[0] - q[0], last[1] - q[1]) >= 1e-9) kept.push(q);
  }
  const waypoints: Waypoint[] = kept.map(([u, v]) => costmap.toWorld(u, v));
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < kept.length; k++) {
    // Same cell-space samples as the split pass (no metre round trip), both ends included.
    const [ua, va] = kept[k] ?? [0, 0];
    const [ub, vb] = kept[k + 1] ?? [0, 0];
    const steps = Math.max(1, Math.ceil(Math.hypot(ub - ua, vb - va) * SAMPLES_PER_CELL));
    let speed = base;
    let quiet = false;
    for (let s = 0; s <= steps; s++) {
      const q = sample(ua + ((ub - ua) * s) / steps, va + ((vb - va) * s) / steps);
      speed = Math.min(speed, q.speed);
      quiet ||= q.quiet;
    }
    const a = waypoints[k] ?? { x: 0, y: 0 };
    const b = waypoints[k + 1] ?? { x: 0, y: 0 };
    segments.push({ from: k, length: Math.hypot(b.x - a.x, b.y - a.y), speedLimit: speed, quiet });
  }
  return { waypoints, segments };
}

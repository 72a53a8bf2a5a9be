import type { RobotBase, CommandAck } from '@reception/robot-link';
import { distance, polygonDistance } from './geometry.ts';

/** A slow zone as the profile sees it (map frame). */
export interface SpeedZone {
  readonly polygon: readonly (readonly [number, number])[];
  readonly speedLimit: number;
}

export interface ProfileOptions {
  /** Guiding speed, m/s (DESIGN: 0.5-0.7). */
  guideSpeed: number;
  /** Never above this, m/s (DESIGN: 1.2). */
  maxSpeed: number;
  /** A stretch of path this close to a slow zone gets its cap too: the follower cuts corners. */
  zoneBuffer: number;
  /** Deceleration the base is assumed to manage when a cap drops, m/s² (firmware: 1.0). */
  decel: number;
  /** Extra distance to be at the lower speed before a slower stretch starts, m. */
  brakeMargin: number;
  /** Resolution of the zone check along the path, m. */
  pieceLength: number;
}

export const defaultProfileOptions: ProfileOptions = {
  guideSpeed: 0.6,
  maxSpeed: 1.2,
  zoneBuffer: 0.3,
  decel: 0.7,
  brakeMargin: 0.25,
  pieceLength: 0.2,
};

/** A FOLLOW_PATH waypoint: `speed` caps the segment leading into it (the base's rule). */
export interface ProfiledWaypoint {
  x: number;
  y: number;
  speed: number;
}

interface Seg {
  a: { x: number; y: number };
  b: { x: number; y: number };
  cap: number;
}

/**
 * Speed caps for a path: each stretch is capped by every slow zone within `zoneBuffer` of it, and since the
 * base applies a segment's cap only once it drives that segment, a slower stretch is preceded by a braking
 * stretch long enough to be down to its speed when it starts. Returns the waypoints after the start point.
 */
export function speedProfile(
  points: readonly { x: number; y: number }[],
  zones: readonly SpeedZone[],
  options: ProfileOptions = defaultProfileOptions,
): ProfiledWaypoint[] {
  const base = Math.min(options.guideSpeed, options.maxSpeed);
  const capAt = (p: { x: number; y: number }): number => {
    let cap = base;
    for (const z of zones) {
      if (z.speedLimit < cap && polygonDistance(p, z.polygon) <= options.zoneBuffer) cap = z.speedLimit;
    }
    return cap;
  };
  // 1. Pieces of at most pieceLength, capped by the zones near either end or the middle.
  const segs: Seg[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] ?? { x: 0, y: 0 };
    const b = points[k + 1] ?? a;
    const n = Math.max(1, Math.ceil(distance(a, b) / options.pieceLength));
    for (let i = 0; i < n; i++) {
      const p = { x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n };
      const q = { x: a.x + ((b.x - a.x) * (i + 1)) / n, y: a.y + ((b.y - a.y) * (i + 1)) / n };
      const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      const cap = Math.min(capAt(p), capAt(q), capAt(mid));
      const last = segs[segs.length - 1];
      // Merge with the previous piece when collinear (same original segment) and equally capped.
      if (last && i > 0 && last.cap === cap) last.b = q;
      else segs.push({ a: p, b: q, cap });
    }
  }
  // 2. Backwards: before a slower stretch, brake from the faster cap in time.
  const out: Seg[] = [];
  let endLimit = Infinity;
  for (let k = segs.length - 1; k >= 0; k--) {
    const s = segs[k];
    if (!s) continue;
    if (s.cap <= endLimit) {
      out.unshift(s);
      endLimit = s.cap;
      continue;
    }
    const len = distance(s.a, s.b);
    const brake = (s.cap * s.cap - endLimit * endLimit) / (2 * options.decel) + options.brakeMargin;
    if (brake < len - 0.05) {
      const f = (len - brake) / len;
      const m = { x: s.a.x + (s.b.x - s.a.x) * f, y: s.a.y + (s.b.y - s.a.y) * f };
      out.unshift({ a: m, b: s.b, cap: endLimit });
      out.unshift({ a: s.a, b: m, cap: s.cap });
      endLimit = s.cap;
    } else {
      // Too short to brake on: the whole stretch runs at the lower speed (and so must the one before it).
      out.unshift({ a: s.a, b: s.b, cap: endLimit });
    }
  }
  return out.map((s) => ({ x: s.b.x, y: s.b.y, speed: s.cap }));
}

/** Base limits of FOLLOW_PATH (messages.json): 23 waypoints per chunk, 8 chunks. */
export const CHUNK_WAYPOINTS = 23;
export const MAX_CHUNKS = 8;

export class PathTooLongError extends Error {
  readonly code = 'path_too_long';
}

/**
 * Uploads a path in FOLLOW_PATH chunks, in order, each acknowledged before the next (the base rejects
 * out-of-order chunks). The last chunk's ack (IN_PROGRESS) means the base drives it; it replaces whatever
 * path was active. Waypoints are in the base's odometry frame, metres and m/s.
 */
export async function uploadPath(
  base: RobotBase,
  pathId: number,
  waypoints: readonly ProfiledWaypoint[],
  speedLimit: number,
): Promise<CommandAck> {
  const count = Math.max(1, Math.ceil(waypoints.length / CHUNK_WAYPOINTS));
  if (count > MAX_CHUNKS || waypoints.length === 0) {
    throw new PathTooLongError(`a path of ${waypoints.length} waypoints does not fit FOLLOW_PATH`);
  }
  let ack: CommandAck | undefined;
  for (let i = 0; i < count; i++) {
    const part = waypoints.slice(i * CHUNK_WAYPOINTS, (i + 1) * CHUNK_WAYPOINTS);
    ack = await base.sendCommand('FOLLOW_PATH', {
      path_id: pathId,
      chunk_index: i,
      chunk_count: count,
      speed_limit_mm_s: Math.round(speedLimit * 1000),
      waypoints: part.map((w) => ({
        x_mm: Math.round(w.x * 1000),
        y_mm: Math.round(w.y * 1000),
        speed_mm_s: Math.round(w.speed * 1000),
      })),
    });
  }
  if (!ack) throw new PathTooLongError('empty path');
  return ack;
}

/** Seconds to drive a profiled path from `start` at its caps (no acceleration). */
export function profileEta(start: { x: number; y: number }, waypoints: readonly ProfiledWaypoint[]): number {
  let t = 0;
  let prev = start;
  for (const w of waypoints) {
    t += distance(prev, w) / Math.max(0.05, w.speed);
    prev = w;
  }
  return t;
}

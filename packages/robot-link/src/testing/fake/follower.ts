/**
 * FOLLOW_PATH as the firmware does it (core/src/follower.cpp): chunks staged in order and activated by the
 * last one, then pure pursuit from the robot's pose through the waypoints, each waypoint's speed capping
 * the segment that leads into it. A line-by-line port, so paths end where and when they would on the base.
 */
import { Result, type FollowPathPayload } from '../../messages.generated.ts';
import { BASE, clamp, type Pose } from './model.ts';

interface PathPoint {
  x: number;
  y: number;
  /** Cap for the segment leading into this point, m/s; 0 = none. */
  speed: number;
}

const MAX_CHUNKS = 8;
const MAX_POINTS = MAX_CHUNKS * 23;

const dist = (ax: number, ay: number, bx: number, by: number) => Math.hypot(ax - bx, ay - by);

/** Parameter t in [0, 1] of the point of segment a-b closest to p, and the squared distance to it. */
function project(a: PathPoint, b: PathPoint, px: number, py: number): { t: number; d2: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = clamp(len2 > 1e-9 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 1, 0, 1);
  const cx = a.x + t * dx - px;
  const cy = a.y + t * dy - py;
  return { t, d2: cx * cx + cy * cy };
}

export interface FollowerOutput {
  v: number;
  w: number;
  arrived: boolean;
}

export class PathFollower {
  /** The start pose, then the host's waypoints. */
  private points: PathPoint[] = [];
  private isActive = false;
  private id = 0;
  private pathSpeed = 0;
  private seg = 0;
  private staged: PathPoint[] = [];
  private stagedId = 0;
  private stagedNext = 0;
  private stagedChunks = 0;
  private stagedSpeed = 0;
  private stagedComplete = false;

  get active(): boolean {
    return this.isActive;
  }

  get pathId(): number {
    return this.id;
  }

  /** Index in the host's waypoint list of the waypoint being driven to. */
  get waypointIndex(): number {
    return Math.min(this.seg, 255);
  }

  /** OK for an accepted non-final chunk, IN_PROGRESS when the path is complete, INVALID otherwise. */
  addChunk(m: FollowPathPayload): Result {
    if (m.chunk_count === 0 || m.chunk_count > MAX_CHUNKS || m.chunk_index >= m.chunk_count) {
      return Result.INVALID;
    }
    if (m.chunk_index === 0) {
      this.staged = [];
      this.stagedId = m.path_id;
      this.stagedChunks = m.chunk_count;
      this.stagedSpeed = m.speed_limit_mm_s / 1000;
      this.stagedNext = 0;
      this.stagedComplete = false;
    } else if (
      m.path_id !== this.stagedId ||
      m.chunk_index !== this.stagedNext ||
      m.chunk_count !== this.stagedChunks
    ) {
      return Result.INVALID;
    }
    if (this.staged.length + m.waypoints.length > MAX_POINTS) return Result.INVALID;
    for (const w of m.waypoints)
      this.staged.push({ x: w.x_mm / 1000, y: w.y_mm / 1000, speed: w.speed_mm_s / 1000 });
    this.stagedNext = m.chunk_index + 1;
    if (this.stagedNext < this.stagedChunks) return Result.OK;
    if (this.staged.length === 0) return Result.INVALID;
    this.stagedComplete = true;
    return Result.IN_PROGRESS;
  }

  /** Makes the staged path active, starting from the robot's current pose. */
  activate(start: Pose): void {
    if (!this.stagedComplete) return;
    this.points = [{ x: start.x, y: start.y, speed: 0 }, ...this.staged];
    this.id = this.stagedId;
    this.pathSpeed = this.stagedSpeed;
    this.seg = 0;
    this.isActive = true;
    this.stagedComplete = false;
  }

  cancel(): void {
    this.isActive = false;
  }

  /** Forgets everything, staged chunks included (a reboot). */
  reset(): void {
    this.isActive = false;
    this.staged = [];
    this.stagedComplete = false;
    this.id = 0;
    this.seg = 0;
  }

  /** `vLimit` is the effective cap (soft limit, obstacle slow-down) in m/s. */
  update(pose: Pose, vMeas: number, vLimit: number, wLimit: number): FollowerOutput {
    if (!this.isActive) return { v: 0, w: 0, arrived: false };
    const pts = this.points;
    const at = (i: number): PathPoint => pts[i] ?? { x: pose.x, y: pose.y, speed: 0 };
    const goal = at(pts.length - 1);
    const c = Math.cos(pose.theta);
    const s = Math.sin(pose.theta);
    const goalD = dist(pose.x, pose.y, goal.x, goal.y);
    const goalAhead = c * (goal.x - pose.x) + s * (goal.y - pose.y);
    if (goalD < BASE.arrivalTolerance && (goalD < 0.05 || goalAhead < 0.02)) {
      this.isActive = false;
      return { v: 0, w: 0, arrived: true };
    }
    // Advance along the path: the closest segment within a short window ahead, never backwards.
    const lastSeg = pts.length - 2;
    let bestD2 = 1e30;
    let best = this.seg;
    let bestT = 0;
    for (let k = this.seg; k <= lastSeg && k < this.seg + 4; k++) {
      const { t, d2 } = project(at(k), at(k + 1), pose.x, pose.y);
      if (d2 < bestD2 - 1e-6) {
        bestD2 = d2;
        best = k;
        bestT = t;
      }
    }
    this.seg = best;
    // Lookahead point and the distance left along the path.
    const ld = clamp(BASE.lookaheadGain * Math.abs(vMeas), BASE.lookaheadMin, BASE.lookaheadMax);
    const a = at(this.seg);
    const b = at(this.seg + 1);
    let px = a.x + bestT * (b.x - a.x);
    let py = a.y + bestT * (b.y - a.y);
    let remaining = dist(px, py, b.x, b.y);
    let tx = goal.x;
    let ty = goal.y;
    let found = false;
    let walked = 0;
    for (let k = this.seg; k <= lastSeg; k++) {
      const e = at(k + 1);
      const segLen = dist(px, py, e.x, e.y);
      if (k > this.seg) remaining += segLen;
      if (!found && walked + segLen >= ld && segLen > 1e-6) {
        const f = (ld - walked) / segLen;
        tx = px + f * (e.x - px);
        ty = py + f * (e.y - py);
        found = true;
      }
      walked += segLen;
      px = e.x;
      py = e.y;
    }
    const dx = tx - pose.x;
    const dy = ty - pose.y;
    const xr = c * dx + s * dy;
    const yr = -s * dx + c * dy;
    const alpha = Math.atan2(yr, xr);
    let vcap = vLimit;
    if (this.pathSpeed > 0) vcap = Math.min(vcap, this.pathSpeed);
    if (b.speed > 0) vcap = Math.min(vcap, b.speed);
    if (Math.abs(alpha) > BASE.rotateInPlace && goalD >= BASE.arrivalTolerance) {
      return { v: 0, w: clamp(1.5 * alpha, -wLimit, wLimit), arrived: false };
    }
    // Brake to arrive with the normal deceleration, keeping a creep speed until arrival.
    const brakeV = Math.sqrt(2 * 0.8 * BASE.decel * remaining);
    let v = Math.min(vcap, brakeV);
    if (v < 0.05) v = Math.min(vcap, 0.05);
    const l2 = xr * xr + yr * yr;
    const kappa = l2 > 1e-6 ? (2 * yr) / l2 : 0;
    if (Math.abs(kappa) * v > wLimit) v = wLimit / Math.abs(kappa);
    return { v, w: clamp(v * kappa, -wLimit, wLimit), arrived: false };
  }
}

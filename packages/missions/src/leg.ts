import type { MissionReason } from '@reception/protocol';
import type { ModeName, Odometry, RobotBase, SafetyEvent } from '@reception/robot-link';
import type { Logger } from 'pino';
import type { Clock, TimerHandle } from './clock.ts';
import { distance, progressAlong, wrapAngle, type Pose } from './geometry.ts';
import { linkFailureReason } from './link-reasons.ts';
import type { Localization } from './localization.ts';
import type { PathPlanner } from './path-planner.ts';
import {
  defaultProfileOptions,
  profileEta,
  speedProfile,
  uploadPath,
  type ProfiledWaypoint,
  type ProfileOptions,
  type SpeedZone,
} from './path-profile.ts';

export interface LegOptions {
  profile: ProfileOptions;
  /** Arrival tolerance (DESIGN: 0.25 m and 0.25 rad). */
  toleranceM: number;
  toleranceRad: number;
  /** After the path ends farther than this from the goal, drive a short correction (at most `maxCorrections`). */
  correctionM: number;
  maxCorrections: number;
  /** Turn in place until the heading is within this. */
  alignRad: number;
  /** Give up when an obstacle leaves no way through for this long (issue: 30 s). */
  blockedTimeoutMs: number;
  blockedRetryMs: number;
  /** Stuck: moved less than `stuckMinM` in `stuckWindowMs` while driving; replan, then fail after `stuckReplans`. */
  stuckWindowMs: number;
  stuckMinM: number;
  stuckReplans: number;
  /** Radius of an obstacle marked on the costmap from a range reading (a person is about 0.25 m). */
  markRadius: number;
}

export const defaultLegOptions: LegOptions = {
  profile: defaultProfileOptions,
  toleranceM: 0.25,
  toleranceRad: 0.25,
  correctionM: 0.06,
  maxCorrections: 2,
  alignRad: 0.04,
  blockedTimeoutMs: 30_000,
  blockedRetryMs: 2_000,
  stuckWindowMs: 10_000,
  stuckMinM: 0.5,
  stuckReplans: 2,
  markRadius: 0.3,
};

/** Where a leg ends: a pose in the map frame; `align` turns to its heading on arrival. */
export interface LegTarget {
  pose: Pose;
  label: string;
  align: boolean;
}

export type LegResult =
  | { status: 'arrived'; errorM: number; headingErrorRad: number }
  | { status: 'failed'; reason: MissionReason; detail: string }
  | { status: 'interrupted' };

export interface LegContext {
  base: RobotBase;
  localization: Localization;
  planner: PathPlanner;
  zones: readonly SpeedZone[];
  clock: Clock;
  log: Logger;
  options: LegOptions;
  nextPathId(): number;
  onReplan(why: 'obstacle' | 'stuck'): void;
  onProgress(progress: { remaining: number; eta: number }): void;
  /**
   * The route this leg drives changed: a new plan or replan, an obstacle marked, no way through (no
   * points), or the leg ended (null). For the console's map; never used to drive.
   */
  onRoute(route: LegRoute | null): void;
}

/** What the console draws of a leg: where it goes, its planned points and the obstacles it marked (map frame). */
export interface LegRoute {
  target: string;
  points: readonly { x: number; y: number }[];
  obstacles: readonly { x: number; y: number; radius: number }[];
}

type Phase = 'planning' | 'driving' | 'blocked' | 'settling' | 'aligning' | 'finishing' | 'done';
const TICK_MS = 100;
/** The range sensor sits this far ahead of the robot's centre (firmware: the body's radius). */
const SENSOR_OFFSET_M = 0.3;
const CREEP_SPEED = 0.25;

/**
 * Drives the robot to one pose: plans on the costmap, uploads the path (FOLLOW_PATH chunks with the zones'
 * speed caps), follows progress from odometry, and handles what happens on the way: an obstacle (mark it,
 * replan around it; no way through for `blockedTimeoutMs` → `blocked`), no progress (`stuck` after
 * replans), the end of the path (correct the position, turn to the heading, check the tolerance). Faults
 * of the robot itself (e-stop, link, reboot) are the engine's: it aborts the signal and the leg stops.
 */
export class Leg {
  private phase: Phase = 'planning';
  private gen = 0;
  private pathId = -1;
  /**
   * The end of the path being uploaded, when it came before the upload's own ack was handled: the base
   * reports PATH_DONE on its next control tick, so when it already stands at the goal the event can arrive
   * in the same read as the final chunk's ack, and would otherwise be missed (the leg then sat "driving"
   * until the stuck check failed it).
   */
  private endedEarly: SafetyEvent | undefined;
  private points: { x: number; y: number }[] = [];
  private secondsPerMetre = 1 / 0.6;
  private segment = 0;
  private remaining = 0;
  private obstacleActive = false;
  private obstacleMm = 350;
  private holdSince: number | undefined;
  private blockedSince: number | undefined;
  private lastRetryAt = -Infinity;
  private lastReplanAt = -Infinity;
  private driveSince = 0;
  private samples: { t: number; x: number; y: number }[] = [];
  private stuckCount = 0;
  private corrections = 0;
  private readonly marks: { id: string; x: number; y: number; radius: number }[] = [];
  private lastV = 0;
  private lastMode: ModeName = 'IDLE';
  private settleSince = 0;
  private alignSince = 0;
  private watch: TimerHandle | undefined;
  private finish: (r: LegResult) => void = () => undefined;
  private readonly onPose = (p: Pose) => this.pose(p);
  private readonly onOdom = (o: Odometry) => ((this.lastV = o.v), (this.lastMode = o.mode));
  private readonly onSafety = (e: SafetyEvent) => this.safety(e);
  private readonly onAbort = () => this.end({ status: 'interrupted' }, true);

  constructor(
    private readonly c: LegContext,
    readonly target: LegTarget,
    private readonly signal: AbortSignal,
  ) {}

  run(): Promise<LegResult> {
    return new Promise((resolve) => {
      this.finish = resolve;
      if (this.signal.aborted) {
        this.phase = 'done';
        resolve({ status: 'interrupted' });
        return;
      }
      this.c.localization.on('pose', this.onPose);
      this.c.base.on('odometry', this.onOdom);
      this.c.base.on('safety', this.onSafety);
      this.signal.addEventListener('abort', this.onAbort, { once: true });
      this.schedule();
      void this.plan();
    });
  }

  get progress(): { remaining: number; eta: number } {
    const remaining = this.phase === 'driving' ? this.remaining : 0;
    return { remaining, eta: remaining * this.secondsPerMetre };
  }

  private schedule(): void {
    this.watch = this.c.clock.setTimeout(() => {
      if (this.ended()) return;
      this.tick();
      if (!this.ended()) this.schedule();
    }, TICK_MS);
  }

  private ended(): boolean {
    return this.phase === 'done';
  }

  private end(result: LegResult, stop: boolean): void {
    if (this.phase === 'done') return;
    this.phase = 'done';
    this.gen++;
    if (this.watch) this.c.clock.clear(this.watch);
    this.c.localization.off('pose', this.onPose);
    this.c.base.off('odometry', this.onOdom);
    this.c.base.off('safety', this.onSafety);
    this.signal.removeEventListener('abort', this.onAbort);
    this.clearMarks();
    this.c.onRoute(null);
    const done = () => this.finish(result);
    // The next leg's path must not overtake this STOP on the wire: resolve only once it is acknowledged.
    if (stop) this.c.base.stop('HOST').then(done, done);
    else done();
  }

  private fail(reason: MissionReason, detail: string): void {
    this.c.log.warn({ target: this.target.label, reason, detail }, 'leg failed');
    this.end({ status: 'failed', reason, detail }, true);
  }

  // ---- planning ------------------------------------------------------------------------------------

  private async plan(): Promise<void> {
    const g = ++this.gen;
    this.phase = 'planning';
    const pose = this.c.localization.pose;
    if (!pose) {
      this.fail('unreachable', 'the robot has no map pose yet (not anchored)');
      return;
    }
    if (distance(pose, this.target.pose) <= this.c.options.correctionM) {
      this.phase = 'settling';
      this.settleSince = this.c.clock.now();
      return;
    }
    const outcome = await this.c.planner.plan(pose, this.target.pose);
    if (g !== this.gen) return;
    if (!outcome.ok) {
      const detail = `${outcome.code}: ${outcome.message}`;
      if (outcome.dynamic && outcome.code !== 'internal') this.enterBlocked(detail);
      else this.fail('unreachable', detail);
      return;
    }
    const points = outcome.route.waypoints;
    await this.upload(g, points, speedProfile(points, this.c.zones, this.c.options.profile));
  }

  private async upload(
    g: number,
    points: { x: number; y: number }[],
    waypoints: ProfiledWaypoint[],
  ): Promise<void> {
    const pathId = this.c.nextPathId();
    this.pathId = pathId;
    this.endedEarly = undefined;
    const odom = waypoints.map((w) => ({
      ...this.c.localization.toOdom({ ...w, theta: 0 }),
      speed: w.speed,
    }));
    try {
      await uploadPath(this.c.base, pathId, odom, this.c.options.profile.guideSpeed);
    } catch (e) {
      if (g === this.gen) this.fail(linkFailureReason(e, this.c.base), (e as Error).message);
      return;
    }
    if (g !== this.gen) return;
    const start = points[0] ?? this.target.pose;
    const length = waypoints.reduce(
      (s, w, i) => s + distance(i === 0 ? start : (waypoints[i - 1] ?? w), w),
      0,
    );
    this.secondsPerMetre = length > 0 ? profileEta(start, waypoints) / length : 1 / 0.6;
    this.points = points;
    this.segment = 0;
    this.remaining = length;
    this.phase = 'driving';
    this.driveSince = this.c.clock.now();
    this.samples = [];
    this.holdSince = undefined;
    this.blockedSince = undefined;
    this.c.onProgress(this.progress);
    this.showRoute();
    const early = this.takeEndedEarly();
    if (early) this.safety(early);
  }

  /** Read through a method: the safety handler may have set it during the upload's await. */
  private takeEndedEarly(): SafetyEvent | undefined {
    const e = this.endedEarly;
    this.endedEarly = undefined;
    return e;
  }

  private showRoute(): void {
    this.c.onRoute({
      target: this.target.label,
      points: this.phase === 'driving' ? this.points : [],
      obstacles: this.marks.map(({ x, y, radius }) => ({ x, y, radius })),
    });
  }

  private replan(why: 'obstacle' | 'stuck'): void {
    this.lastReplanAt = this.c.clock.now();
    this.c.onReplan(why);
    void this.plan();
  }

  private enterBlocked(detail: string): void {
    this.phase = 'blocked';
    this.showRoute();
    if (this.blockedSince === undefined) {
      this.blockedSince = this.c.clock.now();
      this.c.log.info({ target: this.target.label, detail }, 'way blocked: stopped, waiting for it to clear');
      this.c.base.stop('OBSTACLE').catch(() => undefined);
    }
  }

  // ---- events --------------------------------------------------------------------------------------

  private pose(p: Pose): void {
    if (this.phase !== 'driving') return;
    const pr = progressAlong(this.points, p, this.segment);
    this.segment = pr.segment;
    this.remaining = pr.remaining;
    const now = this.c.clock.now();
    const last = this.samples[this.samples.length - 1];
    if (!last || now - last.t >= 250) this.samples.push({ t: now, x: p.x, y: p.y });
    if (this.samples.length > 200) this.samples.splice(0, this.samples.length - 200);
  }

  private safety(e: SafetyEvent): void {
    const pathEnd = e.kind === 'PATH_DONE' || e.kind === 'PATH_ABORTED';
    if (pathEnd && e.detail === this.pathId && this.phase === 'planning') {
      this.endedEarly = e; // handled once the upload's ack has set the leg driving
      return;
    }
    switch (e.kind) {
      case 'OBSTACLE':
        this.obstacleActive = e.active;
        if (e.active) {
          this.obstacleMm = e.detail;
          if (this.phase === 'driving') {
            this.markObstacle();
            this.replan('obstacle');
          }
        } else {
          this.holdSince = undefined;
          if (this.phase === 'blocked') {
            // It moved away (the robot stands still): forget it and try again now.
            this.clearMarks();
            this.showRoute();
            this.lastRetryAt = -Infinity;
          }
        }
        return;
      case 'PATH_DONE':
        if (e.detail === this.pathId && this.phase === 'driving') {
          this.phase = 'settling';
          this.settleSince = this.c.clock.now();
        }
        return;
      case 'PATH_ABORTED':
        if (e.detail === this.pathId && this.phase === 'driving') {
          // E-stop, link and reboot aborts are the engine's to report; give their events a moment to land.
          const g = this.gen;
          this.c.clock.setTimeout(() => {
            if (g === this.gen && this.phase === 'driving' && this.c.base.state === 'up') {
              this.fail('base_rejected', 'the base aborted the path');
            }
          }, 500);
        }
        return;
      default:
        return;
    }
  }

  private markObstacle(): void {
    const p = this.c.localization.pose;
    if (!p) return;
    const d = SENSOR_OFFSET_M + this.obstacleMm / 1000 + 0.25;
    const mark = {
      id: `leg-${this.target.label}-${this.marks.length}`,
      x: p.x + d * Math.cos(p.theta),
      y: p.y + d * Math.sin(p.theta),
      radius: this.c.options.markRadius,
    };
    this.c.planner.setObstacle(mark.id, { x: mark.x, y: mark.y, radius: mark.radius });
    this.marks.push(mark);
  }

  private clearMarks(): void {
    for (const { id } of this.marks.splice(0)) this.c.planner.clearObstacle(id);
  }

  // ---- the watch: obstacles held, blocked, stuck, arrival --------------------------------------------

  private tick(): void {
    const now = this.c.clock.now();
    const o = this.c.options;
    switch (this.phase) {
      case 'driving':
        this.c.onProgress(this.progress);
        if (this.obstacleActive) {
          this.holdSince ??= now;
          if (now - this.holdSince >= o.blockedTimeoutMs) {
            this.fail(
              'blocked',
              `an obstacle stayed in the way for ${Math.round(o.blockedTimeoutMs / 1000)} s`,
            );
          } else if (now - this.lastReplanAt >= 4000) {
            this.markObstacle();
            this.replan('obstacle');
          }
          return;
        }
        this.checkStuck(now);
        return;
      case 'blocked':
        if (now - (this.blockedSince ?? now) >= o.blockedTimeoutMs) {
          this.fail('blocked', `no way around the obstacle for ${Math.round(o.blockedTimeoutMs / 1000)} s`);
        } else if (now - this.lastRetryAt >= o.blockedRetryMs) {
          this.lastRetryAt = now;
          void this.plan();
        }
        return;
      case 'settling':
        if ((Math.abs(this.lastV) < 0.01 && this.lastMode === 'IDLE') || now - this.settleSince > 2500) {
          void this.checkArrival();
        }
        return;
      case 'aligning':
        this.alignStep(now);
        return;
      case 'planning':
      case 'finishing':
      case 'done':
        return;
      default: {
        const never: never = this.phase;
        return never;
      }
    }
  }

  private checkStuck(now: number): void {
    const o = this.c.options;
    if (now - this.driveSince < o.stuckWindowMs) return;
    const p = this.c.localization.pose;
    const then = [...this.samples].reverse().find((s) => s.t <= now - o.stuckWindowMs);
    if (!p || !then || distance(then, p) >= o.stuckMinM) return;
    this.stuckCount++;
    if (this.stuckCount > o.stuckReplans) {
      this.fail('stuck', `moved ${distance(then, p).toFixed(2)} m in ${o.stuckWindowMs / 1000} s`);
    } else {
      this.c.log.info({ target: this.target.label, count: this.stuckCount }, 'no progress: replanning');
      this.replan('stuck');
    }
  }

  private async checkArrival(): Promise<void> {
    const p = this.c.localization.pose;
    if (!p) return;
    const o = this.c.options;
    const err = distance(p, this.target.pose);
    if (err > o.correctionM && this.corrections < o.maxCorrections) {
      this.corrections++;
      const g = ++this.gen;
      this.phase = 'planning';
      const goal = { x: this.target.pose.x, y: this.target.pose.y };
      await this.upload(g, [{ x: p.x, y: p.y }, goal], [{ ...goal, speed: CREEP_SPEED }]);
      return;
    }
    if (err > o.toleranceM) {
      this.fail('arrival_missed', `${err.toFixed(2)} m from ${this.target.label} after the path`);
      return;
    }
    if (!this.target.align) {
      void this.complete();
      return;
    }
    this.phase = 'aligning';
    this.alignSince = this.c.clock.now();
  }

  private alignStep(now: number): void {
    const p = this.c.localization.pose;
    if (!p) return;
    const e = wrapAngle(this.target.pose.theta - p.theta);
    if (Math.abs(e) <= this.c.options.alignRad || now - this.alignSince > 15_000) {
      void this.complete();
      return;
    }
    const w = Math.sign(e) * Math.min(0.8, Math.max(0.25, 1.5 * Math.abs(e)));
    const g = this.gen;
    this.c.base.velocity(0, w, 300).catch((err: unknown) => {
      if (g === this.gen && this.phase === 'aligning') {
        this.fail(linkFailureReason(err, this.c.base), (err as Error).message);
      }
    });
  }

  private async complete(): Promise<void> {
    const g = ++this.gen;
    this.phase = 'finishing';
    try {
      await this.c.base.stop('ARRIVED');
    } catch (e) {
      if (g === this.gen) this.fail(linkFailureReason(e, this.c.base), (e as Error).message);
      return;
    }
    // Let the turn come to rest before measuring.
    await new Promise<void>((resolve) => this.c.clock.setTimeout(resolve, 300));
    if (g !== this.gen) return;
    const p = this.c.localization.pose ?? this.target.pose;
    const errorM = distance(p, this.target.pose);
    const headingErrorRad = Math.abs(wrapAngle(this.target.pose.theta - p.theta));
    if (
      errorM > this.c.options.toleranceM ||
      (this.target.align && headingErrorRad > this.c.options.toleranceRad)
    ) {
      this.fail(
        'arrival_missed',
        `${errorM.toFixed(2)} m / ${headingErrorRad.toFixed(2)} rad off ${this.target.label}`,
      );
      return;
    }
    this.end({ status: 'arrived', errorM, headingErrorRad }, false);
  }
}

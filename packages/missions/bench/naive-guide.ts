import type { RobotBase, SafetyEvent } from '@reception/robot-link';
import { compose, inverse, type Pose } from '../src/geometry.ts';
import type { PathPlanner } from '../src/path-planner.ts';
import { speedProfile, uploadPath, type SpeedZone } from '../src/path-profile.ts';

export type NaiveOutcome = 'done' | 'aborted' | 'timeout' | 'rejected';

/**
 * The baseline: what a host without a mission engine does. It plans once on the static map (the same
 * planner and the same speed profile as the engine), uploads the path and waits for the base to say
 * PATH_DONE or PATH_ABORTED. No replanning around obstacles (the base just waits in front of one), no
 * stuck detection, no correction or turn at the goal, and no reason when it fails.
 */
export class NaiveGuide {
  private pathId = 30_000;

  constructor(
    private readonly base: RobotBase,
    private readonly planner: PathPlanner,
    private readonly zones: readonly SpeedZone[],
    /** The map pose of the odometry origin (the start place): map = start ⊕ odom. */
    private readonly start: Pose,
  ) {}

  /** Planned seconds from `from` to `to`. */
  async eta(from: Pose, to: Pose): Promise<number> {
    const r = await this.planner.plan(from, to);
    return r.ok ? r.route.eta : 60;
  }

  async drive(from: Pose, to: Pose, timeoutMs: number): Promise<NaiveOutcome> {
    const planned = await this.planner.plan(from, to);
    if (!planned.ok) return 'rejected';
    const points = planned.route.waypoints;
    const toOdom = inverse(this.start);
    const wps = speedProfile(points, this.zones).map((w) => ({
      ...compose(toOdom, { ...w, theta: 0 }),
      speed: w.speed,
    }));
    const id = (this.pathId = this.pathId >= 32_000 ? 30_000 : this.pathId + 1);
    let onSafety: ((e: SafetyEvent) => void) | undefined;
    const ended = new Promise<NaiveOutcome>((resolve) => {
      onSafety = (e) => {
        if (e.detail !== id) return;
        if (e.kind === 'PATH_DONE') resolve('done');
        if (e.kind === 'PATH_ABORTED') resolve('aborted');
      };
    });
    if (onSafety) this.base.on('safety', onSafety);
    let timer: NodeJS.Timeout | undefined;
    try {
      await uploadPath(this.base, id, wps, 0.6);
      const timeout = new Promise<NaiveOutcome>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
      );
      const outcome = await Promise.race([ended, timeout]);
      if (outcome === 'timeout') await this.base.stop('HOST').catch(() => undefined);
      return outcome;
    } catch {
      return 'rejected';
    } finally {
      clearTimeout(timer);
      if (onSafety) this.base.off('safety', onSafety);
    }
  }
}

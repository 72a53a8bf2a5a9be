import type { NavErrorCode } from '@reception/nav';
import type { Pose } from './geometry.ts';

/** A route in map-frame metres, starting at the point the robot starts from. */
export interface PlannedRoute {
  waypoints: { x: number; y: number }[];
  /** Metres along the waypoints. */
  length: number;
  /** Seconds at the zones' speed caps (nav's estimate). */
  eta: number;
}

export type PlanOutcome =
  | { ok: true; route: PlannedRoute }
  | {
      ok: false;
      code: NavErrorCode | 'internal';
      message: string;
      /** Obstacles marked at run time were on the costmap: the way may clear (blocked, not unreachable). */
      dynamic: boolean;
    };

/**
 * Plans routes on the site's costmap for the mission engine. Implementations: `InlinePlanner` (nav's
 * `RoutePlanner` on the caller's thread, for unit tests in simulated time) and `WorkerPlanner` (the same
 * in a worker thread, for the bridge and benches).
 *
 * Rules:
 * - **Never block the link.** A plan takes 0.1–0.3 s of CPU on the lobby map; the serial link's heartbeats
 *   (10 Hz, base watchdog 500 ms) share the caller's event loop, so a real robot's planner runs elsewhere.
 * - **Obstacles in order.** `setObstacle` and `clearObstacle` take effect for every `plan` called after them.
 * - **A start in an inflated cell** (next to a marked obstacle, or a wall after odometry drift) starts from the
 *   nearest free cell within 0.6 m; the route's first waypoint is still the given start.
 * - **Never throws** for planning failures: they are `PlanOutcome`s with nav's error code.
 */
export interface PathPlanner {
  plan(start: Pose, goal: Pose): Promise<PlanOutcome>;
  setObstacle(id: string, obstacle: { x: number; y: number; radius: number }): void;
  clearObstacle(id: string): void;
  close(): Promise<void>;
}

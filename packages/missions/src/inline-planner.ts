import { NavError, type RoutePlanner } from '@reception/nav';
import type { Pose } from './geometry.ts';
import type { PathPlanner, PlanOutcome } from './path-planner.ts';

const FREE_START_WITHIN_M = 0.6;

/** nav's `RoutePlanner` on the caller's thread (unit tests; inside `WorkerPlanner`'s worker). */
export class InlinePlanner implements PathPlanner {
  constructor(readonly planner: RoutePlanner) {}

  plan(start: Pose, goal: Pose): Promise<PlanOutcome> {
    return Promise.resolve(this.planNow(start, goal));
  }

  planNow(start: Pose, goal: Pose): PlanOutcome {
    const dynamic = this.planner.costmap.obstacleCount > 0;
    let from = start;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const r = this.planner.plan(from, goal);
        const waypoints = [{ x: start.x, y: start.y }, ...r.waypoints.slice(from === start ? 1 : 0)];
        let length = 0;
        for (let i = 1; i < waypoints.length; i++) {
          const a = waypoints[i - 1] ?? start;
          const b = waypoints[i] ?? start;
          length += Math.hypot(b.x - a.x, b.y - a.y);
        }
        return { ok: true, route: { waypoints, length, eta: r.eta } };
      } catch (e) {
        if (!(e instanceof NavError)) {
          return { ok: false, code: 'internal', message: (e as Error).message, dynamic };
        }
        if (e.code === 'start_in_obstacle' && attempt === 0) {
          const free = this.nearestFree(start);
          if (free) {
            from = free;
            continue;
          }
        }
        return { ok: false, code: e.code, message: e.message, dynamic };
      }
    }
    return { ok: false, code: 'start_in_obstacle', message: 'no free cell near the robot', dynamic };
  }

  setObstacle(id: string, o: { x: number; y: number; radius: number }): void {
    this.planner.costmap.setObstacle(id, o);
  }

  clearObstacle(id: string): void {
    this.planner.costmap.clearObstacle(id);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private nearestFree(pose: Pose): Pose | undefined {
    const cm = this.planner.costmap;
    const [u, v] = cm.toCellCoords(pose.x, pose.y);
    const c0 = Math.floor(u);
    const r0 = Math.floor(v);
    for (let ring = 1; ring <= Math.ceil(FREE_START_WITHIN_M / cm.resolution); ring++) {
      let best: { d: number; c: number; r: number } | undefined;
      for (let dr = -ring; dr <= ring; dr++) {
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) !== ring || !cm.isTraversable(c0 + dc, r0 + dr)) continue;
          const d = Math.hypot(dc, dr);
          if (!best || d < best.d) best = { d, c: c0 + dc, r: r0 + dr };
        }
      }
      if (best) return { ...cm.toWorld(best.c + 0.5, best.r + 0.5), theta: pose.theta };
    }
    return undefined;
  }
}

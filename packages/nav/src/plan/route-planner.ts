import { Costmap, COST_INSCRIBED, type CostmapOptions } from '../costmap/costmap.ts';
import {
  GoalInObstacleError,
  OffMapError,
  StartInObstacleError,
  toResult,
  UnknownIdError,
  UnreachableError,
  type Result,
} from '../errors.ts';
import type { Pose } from '../map/schema.ts';
import { findFloor, findPlace, type Floor, type SiteMap } from '../map/site-map.ts';
import { GridAStar } from './astar.ts';
import { Landmarks } from './landmarks.ts';
import { smoothPath, segmentMaxCost, type CellPoint } from './smoothing.ts';
import {
  defaultSpeedOptions,
  toWaypoints,
  type Segment,
  type SpeedOptions,
  type Waypoint,
} from './waypoints.ts';

export interface RoutePlannerOptions {
  costmap: Partial<CostmapOptions>;
  /** Smac-style cost_penalty: a step through a cell of cost c costs `length * (1 + penalty * c / 252)`. */
  costPenalty: number;
  speed: SpeedOptions;
  /**
   * ALT landmarks computed on the static costmap at construction: every place's approach cell on this
   * floor (missions go to places, and a landmark at the goal makes the heuristic exact) plus this many
   * farthest-point picks for other goals. `false` disables landmarks.
   */
  landmarks: number | false;
}

/** A planned route on one floor, in map-frame metres, ready to chunk into FOLLOW_PATH frames. */
export interface Route {
  readonly floor: string;
  readonly mapVersion: string;
  readonly mapHash: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly start: Pose;
  /** Final pose; the robot turns to `goal.theta` after the last waypoint. */
  readonly goal: Pose;
  readonly waypoints: readonly Waypoint[];
  readonly segments: readonly Segment[];
  /** Length of the smoothed route, m. */
  readonly length: number;
  /** Length of the grid path before smoothing, m. */
  readonly gridLength: number;
  /** Travel cost of the grid path on the costmap (cells weighted by cost factor), what the search minimised. */
  readonly gridCost: number;
  /** Seconds at the segment speed limits. */
  readonly eta: number;
  readonly expanded: number;
  readonly planMs: number;
}

export type ReplanOutcome =
  | { readonly status: 'clear' }
  | { readonly status: 'replanned'; readonly blockedSegment: number; readonly route: Route };

/**
 * Plans routes on one floor of a site map: cost-aware A* on the inflated costmap, line-of-sight
 * smoothing, then waypoints with speed limits. Holds the floor's costmap, so dynamic obstacles added
 * through `costmap.setObstacle` affect the next plan and `replanIfBlocked`.
 */
export class RoutePlanner {
  readonly costmap: Costmap;
  readonly floor: Floor;
  private search: GridAStar | undefined;
  private readonly options: RoutePlannerOptions;

  constructor(
    readonly map: SiteMap,
    floorId?: string,
    options: Partial<RoutePlannerOptions> = {},
  ) {
    const id = floorId ?? map.floors[0]?.id ?? '';
    const floor = findFloor(map, id);
    if (!floor) throw new UnknownIdError('floor', `map ${map.file} has no floor '${id}'`);
    this.floor = floor;
    this.options = { costmap: {}, costPenalty: 3, speed: defaultSpeedOptions, landmarks: 8, ...options };
    this.costmap = new Costmap(
      floor,
      map.zones.filter((z) => z.floor === floor.id),
      this.options.costmap,
      this.options.costPenalty,
    );
  }

  /** Builds the search (and its landmarks) now instead of on the first query; returns the time taken, ms. */
  prepare(): number {
    const t0 = performance.now();
    this.ensureSearch();
    return performance.now() - t0;
  }

  /**
   * The search, built on first use: landmarks cost one Dijkstra per place, so a planner that only
   * reports an error never pays for them. They see only the static layers, so dynamic obstacles (which
   * only raise costs) keep them admissible whenever they were added.
   */
  private ensureSearch(): GridAStar {
    if (!this.search) {
      const lm = this.options.landmarks === false ? undefined : this.buildLandmarks(this.options.landmarks);
      this.search = new GridAStar(this.costmap.grid, this.costmap.factor, lm);
    }
    return this.search;
  }

  private buildLandmarks(extra: number): Landmarks {
    const cm = this.costmap;
    const cells: number[] = [];
    for (const p of this.map.places) {
      if (p.floor !== this.floor.id) continue;
      const [u, v] = cm.toCellCoords(p.approach.x, p.approach.y);
      const c = Math.floor(u);
      const r = Math.floor(v);
      if (c >= 0 && r >= 0 && c < cm.width && r < cm.height) cells.push((r + 1) * cm.grid.stride + c + 1);
    }
    const view = cm.staticView();
    return new Landmarks(view.grid, view.factor, cells, extra);
  }

  /** Route from one place's approach pose to another's. */
  planBetween(fromPlace: string, toPlace: string): Route {
    const from = findPlace(this.map, fromPlace);
    const to = findPlace(this.map, toPlace);
    if (!from) throw new UnknownIdError('place', `unknown place '${fromPlace}'`);
    if (!to) throw new UnknownIdError('place', `unknown place '${toPlace}'`);
    return this.plan(from.approach, to.approach, fromPlace, toPlace);
  }

  tryPlanBetween(fromPlace: string, toPlace: string): Result<Route> {
    return toResult(() => this.planBetween(fromPlace, toPlace));
  }

  plan(start: Pose, goal: Pose, from?: string, to?: string): Route {
    const t0 = performance.now();
    const cm = this.costmap;
    const su = cm.toCellCoords(start.x, start.y);
    const gu = cm.toCellCoords(goal.x, goal.y);
    const sc = Math.floor(su[0]);
    const sr = Math.floor(su[1]);
    const gc = Math.floor(gu[0]);
    const gr = Math.floor(gu[1]);
    const inside = (c: number, r: number): boolean => c >= 0 && r >= 0 && c < cm.width && r < cm.height;
    if (!inside(sc, sr))
      throw new OffMapError('start', `start (${start.x}, ${start.y}) is off floor '${this.floor.id}'`);
    if (!inside(gc, gr))
      throw new OffMapError('goal', `goal (${goal.x}, ${goal.y}) is off floor '${this.floor.id}'`);
    if (!cm.isTraversable(sc, sr)) {
      throw new StartInObstacleError(
        `start (${start.x}, ${start.y}) is in an obstacle or within the robot radius of one`,
      );
    }
    if (!cm.isTraversable(gc, gr)) {
      throw new GoalInObstacleError(
        `goal (${goal.x}, ${goal.y}) is in an obstacle, keepout or within the robot radius of one`,
      );
    }
    // planMs leaves out the one-off landmark build of the first query.
    const checksMs = performance.now() - t0;
    const search = this.ensureSearch();
    const tSearch = performance.now();
    const stride = cm.grid.stride;
    const path = search.find((sr + 1) * stride + sc + 1, (gr + 1) * stride + gc + 1);
    if (!path) throw new UnreachableError(`no path from (${start.x}, ${start.y}) to (${goal.x}, ${goal.y})`);

    const points: CellPoint[] = [];
    for (const idx of path.cells) points.push([(idx % stride) - 1 + 0.5, Math.floor(idx / stride) - 1 + 0.5]);
    points[0] = su;
    if (points.length === 1) points.push(gu);
    else points[points.length - 1] = gu;
    const smooth = smoothPath(cm, points);
    const { waypoints, segments } = toWaypoints(cm, smooth, this.options.speed);
    const length = segments.reduce((s, x) => s + x.length, 0);
    return {
      floor: this.floor.id,
      mapVersion: this.map.version,
      mapHash: this.map.hash,
      from,
      to,
      start,
      goal,
      waypoints,
      segments,
      length,
      gridLength: path.length * cm.resolution,
      gridCost: path.cost,
      eta: segments.reduce((s, x) => s + x.length / x.speedLimit, 0),
      expanded: path.expanded,
      planMs: checksMs + performance.now() - tSearch,
    };
  }

  tryPlan(start: Pose, goal: Pose): Result<Route> {
    return toResult(() => this.plan(start, goal));
  }

  /** Index of the first segment at or after `fromSegment` that now crosses a non-traversable cell, or -1. */
  findBlockedSegment(route: Route, fromSegment = 0): number {
    const cm = this.costmap;
    for (let k = Math.max(0, fromSegment); k < route.segments.length; k++) {
      const a = route.waypoints[k];
      const b = route.waypoints[k + 1];
      if (!a || !b) continue;
      if (segmentMaxCost(cm, cm.toCellCoords(a.x, a.y), cm.toCellCoords(b.x, b.y)) >= COST_INSCRIBED)
        return k;
    }
    return -1;
  }

  /**
   * Checks the rest of a route against the current costmap (after dynamic obstacles changed) and plans a
   * new one from `current` to the same goal when a segment is blocked. Throws a `NavError` if the goal is
   * no longer reachable.
   */
  replanIfBlocked(route: Route, current: Pose, fromSegment = 0): ReplanOutcome {
    const blocked = this.findBlockedSegment(route, fromSegment);
    if (blocked < 0) return { status: 'clear' };
    return {
      status: 'replanned',
      blockedSegment: blocked,
      route: this.plan(current, route.goal, undefined, route.to),
    };
  }

  tryReplanIfBlocked(route: Route, current: Pose, fromSegment = 0): Result<ReplanOutcome> {
    return toResult(() => this.replanIfBlocked(route, current, fromSegment));
  }
}

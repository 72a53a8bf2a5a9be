import { createPaddedGrid, type PaddedGrid } from '../plan/grid.ts';
import { OCC_FREE, OCC_OCCUPIED, type Floor, type Zone } from '../map/site-map.ts';
import { rasterizePolygon, squaredDistanceTransform } from './geometry.ts';

/** Nav2 cost values. */
export const COST_FREE = 0;
export const COST_MAX_NON_OBSTACLE = 252;
export const COST_INSCRIBED = 253;
export const COST_LETHAL = 254;

export interface CostmapOptions {
  /** Robot radius, m (circular footprint). */
  robotRadius: number;
  /** Costs decay to zero at this distance from an obstacle, m (Nav2 inflation_radius). */
  inflationRadius: number;
  /** Exponential decay rate per metre beyond the inscribed radius (Nav2 cost_scaling_factor). */
  costScalingFactor: number;
  /** Unknown cells block the robot (a lobby has no business in unmapped space). */
  unknownIsLethal: boolean;
}

export const defaultCostmapOptions: CostmapOptions = {
  robotRadius: 0.3,
  inflationRadius: 0.8,
  costScalingFactor: 3.0,
  unknownIsLethal: true,
};

/** A disc-shaped obstacle reported at runtime (a person, a trolley), in map-frame metres. */
export interface DynamicObstacle {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

/**
 * A Nav2-style layered costmap for one floor, row-major in image order (row 0 = top). Static layer:
 * obstacles, unknown space and keepout zones are lethal; cells whose centre lies within the inscribed
 * radius (robot radius + half a cell diagonal, so every point of a free cell clears the robot radius) of a
 * lethal cell centre are INSCRIBED; beyond that the cost decays as
 * `252 * exp(-k * (d - inscribed))` up to the inflation radius. Slow and quiet zones add their cost.
 * Dynamic obstacles add lethal discs with the same inflation and can be cleared again.
 *
 * The planner view (`grid` walkable mask and `factor` travel-cost multipliers) is kept in sync.
 */
export class Costmap {
  readonly width: number;
  readonly height: number;
  readonly resolution: number;
  readonly options: CostmapOptions;
  /** Current cost of each cell (0-254). */
  readonly cost: Uint8Array;
  /** Speed cap per cell, m/s (Infinity where no slow zone applies). */
  readonly speedCap: Float64Array;
  /** 1 where a quiet zone applies. */
  readonly quiet: Uint8Array;
  /** Padded walkable mask for the planner: cost below INSCRIBED. */
  readonly grid: PaddedGrid;
  /** Padded travel-cost multiplier per cell: `1 + costPenalty * cost / 252`. */
  readonly factor: Float32Array;
  /** Cells per metre of the inscribed radius, exposed for diagnostics. */
  readonly inscribedRadius: number;
  private readonly staticCost: Uint8Array;
  private readonly obstacles = new Map<string, DynamicObstacle>();

  constructor(
    readonly floor: Floor,
    zones: readonly Zone[],
    options: Partial<CostmapOptions> = {},
    readonly costPenalty = 3,
  ) {
    this.options = { ...defaultCostmapOptions, ...options };
    const { width, height, resolution } = floor;
    this.width = width;
    this.height = height;
    this.resolution = resolution;
    this.inscribedRadius = this.options.robotRadius + (resolution * Math.SQRT2) / 2;
    const n = width * height;
    this.cost = new Uint8Array(n);
    this.staticCost = new Uint8Array(n);
    this.speedCap = new Float64Array(n).fill(Infinity);
    this.quiet = new Uint8Array(n);
    this.grid = createPaddedGrid(width, height);
    this.factor = new Float32Array(this.grid.walkable.length).fill(1);

    const lethal = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const o = floor.occupancy[i];
      if (o === OCC_OCCUPIED || (o !== OCC_FREE && this.options.unknownIsLethal)) lethal[i] = 1;
    }
    const zoneCost = new Uint8Array(n);
    for (const zone of zones) {
      if (zone.floor !== floor.id) continue;
      const poly = zone.polygon.map(([x, y]) => this.toCellCoords(x, y));
      switch (zone.kind) {
        case 'keepout':
          rasterizePolygon(poly, width, height, (i) => (lethal[i] = 1));
          break;
        case 'slow':
          rasterizePolygon(poly, width, height, (i) => {
            this.speedCap[i] = Math.min(this.speedCap[i] ?? Infinity, zone.speedLimit);
            zoneCost[i] = Math.max(zoneCost[i] ?? 0, zone.cost);
          });
          break;
        case 'quiet':
          rasterizePolygon(poly, width, height, (i) => {
            this.quiet[i] = 1;
            zoneCost[i] = Math.max(zoneCost[i] ?? 0, zone.cost);
          });
          break;
        default: {
          const never: never = zone;
          throw new RangeError(`unknown zone ${String(never)}`);
        }
      }
    }

    const dist = new Float64Array(n);
    for (let i = 0; i < n; i++) dist[i] = lethal[i] ? 0 : 1e20;
    squaredDistanceTransform(dist, width, height);
    for (let i = 0; i < n; i++) {
      const c = lethal[i] ? COST_LETHAL : this.inflationCost(Math.sqrt(dist[i] ?? 0) * resolution);
      this.staticCost[i] = c >= COST_INSCRIBED ? c : Math.min(COST_MAX_NON_OBSTACLE, c + (zoneCost[i] ?? 0));
    }
    this.cost.set(this.staticCost);
    for (let i = 0; i < n; i++) this.sync(i);
  }

  /**
   * The planner view of the static layers only (no dynamic obstacles): for precomputations such as ALT
   * landmarks that must stay lower bounds whatever obstacles come and go.
   */
  staticView(): { grid: PaddedGrid; factor: Float32Array } {
    const grid = createPaddedGrid(this.width, this.height);
    const factor = new Float32Array(grid.walkable.length).fill(1);
    for (let i = 0; i < this.staticCost.length; i++) {
      const c = this.staticCost[i] ?? COST_LETHAL;
      const p = (Math.floor(i / this.width) + 1) * grid.stride + (i % this.width) + 1;
      grid.walkable[p] = c < COST_INSCRIBED ? 1 : 0;
      factor[p] = this.factorOf(c);
    }
    return { grid, factor };
  }

  /** Nav2's inflation cost for a cell whose centre is `d` metres from the nearest lethal cell centre. */
  inflationCost(d: number): number {
    if (d === 0) return COST_LETHAL;
    if (d <= this.inscribedRadius) return COST_INSCRIBED;
    if (d > this.options.inflationRadius) return COST_FREE;
    const c = Math.exp(-this.options.costScalingFactor * (d - this.inscribedRadius)) * COST_MAX_NON_OBSTACLE;
    return Math.min(COST_MAX_NON_OBSTACLE, Math.round(c));
  }

  /** Map-frame metres to continuous cell coordinates (u = column, v = row from the top). */
  toCellCoords(x: number, y: number): [number, number] {
    const f = this.floor;
    return [(x - f.origin.x) / f.resolution, f.height - (y - f.origin.y) / f.resolution];
  }

  /** Continuous cell coordinates back to map-frame metres. */
  toWorld(u: number, v: number): { x: number; y: number } {
    const f = this.floor;
    return { x: f.origin.x + u * f.resolution, y: f.origin.y + (f.height - v) * f.resolution };
  }

  /** Adds (or moves) a dynamic obstacle; cells around it are re-costed immediately. */
  setObstacle(id: string, obstacle: DynamicObstacle): void {
    const old = this.obstacles.get(id);
    this.obstacles.set(id, obstacle);
    if (old) this.recompute(old);
    this.apply(obstacle);
  }

  /** Removes a dynamic obstacle; returns false if it was not present. */
  clearObstacle(id: string): boolean {
    const old = this.obstacles.get(id);
    if (!old) return false;
    this.obstacles.delete(id);
    this.recompute(old);
    return true;
  }

  clearAllObstacles(): void {
    for (const id of [...this.obstacles.keys()]) this.clearObstacle(id);
  }

  get obstacleCount(): number {
    return this.obstacles.size;
  }

  /** True when the robot centre may be in cell (col, row). */
  isTraversable(col: number, row: number): boolean {
    if (col < 0 || row < 0 || col >= this.width || row >= this.height) return false;
    return (this.cost[row * this.width + col] ?? COST_LETHAL) < COST_INSCRIBED;
  }

  private window(o: DynamicObstacle): { c0: number; c1: number; r0: number; r1: number } {
    const reach = (o.radius + this.options.inflationRadius) / this.resolution + 1;
    const [u, v] = this.toCellCoords(o.x, o.y);
    return {
      c0: Math.max(0, Math.floor(u - reach)),
      c1: Math.min(this.width - 1, Math.ceil(u + reach)),
      r0: Math.max(0, Math.floor(v - reach)),
      r1: Math.min(this.height - 1, Math.ceil(v + reach)),
    };
  }

  /** Raises costs around one obstacle: distance to its rim, so the disc itself counts as obstacle. */
  private apply(o: DynamicObstacle, clip?: { c0: number; c1: number; r0: number; r1: number }): void {
    const w = this.window(o);
    const c0 = clip ? Math.max(w.c0, clip.c0) : w.c0;
    const c1 = clip ? Math.min(w.c1, clip.c1) : w.c1;
    const r0 = clip ? Math.max(w.r0, clip.r0) : w.r0;
    const r1 = clip ? Math.min(w.r1, clip.r1) : w.r1;
    const [u, v] = this.toCellCoords(o.x, o.y);
    const cu = Math.floor(u);
    const cv = Math.floor(v);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const d = Math.hypot(c + 0.5 - u, r + 0.5 - v) * this.resolution - o.radius;
        const cost = d <= 0 || (c === cu && r === cv) ? COST_LETHAL : this.inflationCost(d);
        const i = r * this.width + c;
        if (cost > (this.cost[i] ?? 0)) {
          this.cost[i] = cost;
          this.sync(i);
        }
      }
    }
  }

  private recompute(old: DynamicObstacle): void {
    const w = this.window(old);
    for (let r = w.r0; r <= w.r1; r++) {
      for (let c = w.c0; c <= w.c1; c++) {
        const i = r * this.width + c;
        this.cost[i] = this.staticCost[i] ?? COST_LETHAL;
        this.sync(i);
      }
    }
    for (const o of this.obstacles.values()) this.apply(o, w);
  }

  private factorOf(cost: number): number {
    return 1 + (this.costPenalty * cost) / COST_MAX_NON_OBSTACLE;
  }

  private sync(i: number): void {
    const c = this.cost[i] ?? COST_LETHAL;
    const p = (Math.floor(i / this.width) + 1) * this.grid.stride + (i % this.width) + 1;
    this.grid.walkable[p] = c < COST_INSCRIBED ? 1 : 0;
    this.factor[p] = this.factorOf(c);
  }
}

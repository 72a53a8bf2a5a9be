import {
  GoalInObstacleError,
  OffMapError,
  StartInObstacleError,
  toResult,
  UnreachableError,
  type Result,
} from '../errors.ts';
import { GridAStar } from './astar.ts';
import { cellIndex, inGrid, type PaddedGrid } from './grid.ts';
import { JumpPointSearch } from './jps.ts';
import type { GridPath } from './search-space.ts';

export type UniformAlgorithm = 'jps' | 'astar';

/**
 * Exact shortest paths on a walkable/blocked grid (octile moves, no corner cutting), addressed by
 * logical (x, y) cells. `plan` throws typed `NavError`s; `tryPlan` returns a `Result` instead.
 * One instance reuses its scratch memory across queries; it is not re-entrant.
 */
export class UniformGridPlanner {
  private readonly search: { find(start: number, goal: number): GridPath | null };

  constructor(
    readonly grid: PaddedGrid,
    readonly algorithm: UniformAlgorithm = 'jps',
  ) {
    switch (algorithm) {
      case 'jps':
        this.search = new JumpPointSearch(grid);
        break;
      case 'astar':
        this.search = new GridAStar(grid);
        break;
      default: {
        const never: never = algorithm;
        throw new RangeError(`unknown algorithm ${String(never)}`);
      }
    }
  }

  plan(sx: number, sy: number, gx: number, gy: number): GridPath {
    const { grid } = this;
    if (!inGrid(grid, sx, sy))
      throw new OffMapError('start', `start (${sx}, ${sy}) is outside ${grid.width} x ${grid.height}`);
    if (!inGrid(grid, gx, gy))
      throw new OffMapError('goal', `goal (${gx}, ${gy}) is outside ${grid.width} x ${grid.height}`);
    const start = cellIndex(grid, sx, sy);
    const goal = cellIndex(grid, gx, gy);
    if (grid.walkable[start] !== 1) throw new StartInObstacleError(`start (${sx}, ${sy}) is blocked`);
    if (grid.walkable[goal] !== 1) throw new GoalInObstacleError(`goal (${gx}, ${gy}) is blocked`);
    const path = this.search.find(start, goal);
    if (!path) throw new UnreachableError(`no path from (${sx}, ${sy}) to (${gx}, ${gy})`);
    return path;
  }

  tryPlan(sx: number, sy: number, gx: number, gy: number): Result<GridPath> {
    return toResult(() => this.plan(sx, sy, gx, gy));
  }
}

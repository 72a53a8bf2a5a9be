import { cellX, cellY, octile, polylineLength, type PaddedGrid } from './grid.ts';
import { SearchSpace, type GridPath } from './search-space.ts';

const NO_DIR = 4; // direction code (dx + 1) + 3 * (dy + 1); 4 is (0, 0) = the start

/**
 * Jump Point Search (Harabor & Grastien) for 8-connected uniform grids without corner cutting: a diagonal
 * step needs both orthogonal neighbours walkable. Exact: returns a shortest octile path. Straight jumps
 * stop at cells with a forced neighbour; diagonal jumps stop where a straight sub-jump finds something.
 */
export class JumpPointSearch {
  private readonly space: SearchSpace;
  private readonly dir: Uint8Array;
  private goal = -1;

  constructor(readonly grid: PaddedGrid) {
    this.space = new SearchSpace(grid);
    this.dir = new Uint8Array(grid.walkable.length);
  }

  /** Shortest path between two walkable padded cells, or null when none exists. */
  find(start: number, goal: number): GridPath | null {
    const { space, dir, grid } = this;
    const { g, parent, state, heap } = space;
    const pass = grid.walkable;
    const W = grid.stride;
    const gen = space.next();
    const closed = gen + 1;
    this.goal = goal;
    const gx = cellX(grid, goal);
    const gy = cellY(grid, goal);
    let expanded = 0;

    g[start] = 0;
    parent[start] = -1;
    dir[start] = NO_DIR;
    state[start] = gen;
    heap.push(start, octile(cellX(grid, start) - gx, cellY(grid, start) - gy), 0);

    const relax = (from: number, fx: number, fy: number, gFrom: number, to: number, code: number): void => {
      const st = state[to];
      if (st === closed) return;
      const tx = (to % W) - 1;
      const ty = ((to / W) | 0) - 1;
      const ng = gFrom + octile(tx - fx, ty - fy);
      if (st === gen) {
        if (ng >= (g[to] ?? 0)) return;
        g[to] = ng;
        parent[to] = from;
        dir[to] = code;
        heap.decrease(to, ng + octile(tx - gx, ty - gy), ng);
        return;
      }
      g[to] = ng;
      parent[to] = from;
      dir[to] = code;
      state[to] = gen;
      heap.push(to, ng + octile(tx - gx, ty - gy), ng);
    };

    while (heap.size > 0) {
      const n = heap.pop();
      state[n] = closed;
      expanded++;
      if (n === goal) {
        const cells = space.trace(goal);
        return { length: polylineLength(grid, cells), expanded, cells };
      }
      const nx = (n % W) - 1;
      const ny = ((n / W) | 0) - 1;
      const gn = g[n] ?? 0;
      const d = dir[n] ?? NO_DIR;
      const dx = (d % 3) - 1;
      const dy = ((d / 3) | 0) - 1;
      if (d === NO_DIR) {
        for (let ddy = -1; ddy <= 1; ddy++) {
          for (let ddx = -1; ddx <= 1; ddx++) {
            if (ddx === 0 && ddy === 0) continue;
            const jp = this.jump(n, ddx, ddy);
            if (jp >= 0) relax(n, nx, ny, gn, jp, ddx + 1 + 3 * (ddy + 1));
          }
        }
        continue;
      }
      if (dx !== 0 && dy !== 0) {
        let jp = this.jumpStraight(n, dx);
        if (jp >= 0) relax(n, nx, ny, gn, jp, dx + 1 + 3);
        jp = this.jumpStraight(n, dy * W);
        if (jp >= 0) relax(n, nx, ny, gn, jp, 1 + 3 * (dy + 1));
        jp = this.jumpDiagonal(n, dx, dy);
        if (jp >= 0) relax(n, nx, ny, gn, jp, d);
        continue;
      }
      // Straight arrival: continue, plus the forced turns where the cell beside the parent is blocked.
      const step = dx + dy * W; // along the travel direction
      const side = dx !== 0 ? W : 1; // perpendicular
      let jp = this.jumpStraight(n, step);
      if (jp >= 0) relax(n, nx, ny, gn, jp, d);
      for (let s = -1; s <= 1; s += 2) {
        const beside = n + s * side;
        if (pass[beside] && !pass[beside - step]) {
          const sx = dx !== 0 ? 0 : s;
          const sy = dx !== 0 ? s : 0;
          jp = this.jumpStraight(n, s * side);
          if (jp >= 0) relax(n, nx, ny, gn, jp, sx + 1 + 3 * (sy + 1));
          jp = this.jumpDiagonal(n, dx + sx, dy + sy);
          if (jp >= 0) relax(n, nx, ny, gn, jp, dx + sx + 1 + 3 * (dy + sy + 1));
        }
      }
    }
    return null;
  }

  private jump(n: number, dx: number, dy: number): number {
    if (dx !== 0 && dy !== 0) return this.jumpDiagonal(n, dx, dy);
    return this.jumpStraight(n, dx + dy * this.grid.stride);
  }

  /** Walks along `step` (+-1 or +-stride) until a blocked cell (-1), the goal, or a forced neighbour. */
  private jumpStraight(n: number, step: number): number {
    const pass = this.grid.walkable;
    const side = step === 1 || step === -1 ? this.grid.stride : 1;
    const goal = this.goal;
    let i = n;
    for (;;) {
      i += step;
      if (pass[i] === 0) return -1;
      if (i === goal) return i;
      const a = i - side;
      const b = i + side;
      if ((pass[a] === 1 && pass[a - step] === 0) || (pass[b] === 1 && pass[b - step] === 0)) return i;
    }
  }

  private jumpDiagonal(n: number, dx: number, dy: number): number {
    const pass = this.grid.walkable;
    const v = dy * this.grid.stride;
    const goal = this.goal;
    let i = n;
    for (;;) {
      if (pass[i + dx] === 0 || pass[i + v] === 0) return -1;
      i += dx + v;
      if (pass[i] === 0) return -1;
      if (i === goal) return i;
      if (this.jumpStraight(i, dx) >= 0 || this.jumpStraight(i, v) >= 0) return i;
    }
  }
}

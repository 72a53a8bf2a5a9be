import { cellX, cellY, octile, polylineLength, SQRT2, type PaddedGrid } from './grid.ts';
import { COST_UNITS, DIAG_UNITS, type Landmarks } from './landmarks.ts';

/** Landmarks consulted per query (ALT's active set); more cost reads per cell than they save beyond this. */
const ACTIVE_LANDMARKS = 8;

/** Lower bound of a diagonal step's integer cost (factor 1, rounded). */
const MIN_DIAG_UNITS = Math.round(DIAG_UNITS);
import { SearchSpace, type GridPath } from './search-space.ts';

/**
 * A* over every cell (8-connected, no corner cutting) on a padded grid. With `factor` (one Float32 per
 * padded cell, each >= 1) a step between cells a and b costs its length times `(factor[a] + factor[b]) / 2`,
 * which makes the search cost-aware (Smac-style travel cost, symmetric so routes are the same both ways);
 * the octile heuristic stays admissible because factors are >= 1. Costed steps are rounded to integer
 * milli-cells: sums are then exact, so f values of the many equal-cost octile paths tie exactly and the
 * larger-g tie-break dives along one of them instead of flooding the plateau. Optional ALT `landmarks` (computed on
 * the same or a cheaper costmap) tighten the heuristic to max(octile, landmark bound) without losing
 * exactness.
 * Without it this is plain uniform-cost A* and returns a shortest octile path.
 *
 * The open list is a binary heap with lazy deletion (stale entries are skipped when popped), which
 * avoids maintaining a position table on every swap; h is computed once per cell and cached.
 */
export class GridAStar {
  private readonly space: SearchSpace;
  private readonly h: Float64Array;
  private readonly offsets: Int32Array;
  private heapF = new Float64Array(4096);
  private heapG = new Float64Array(4096);
  private heapN = new Int32Array(4096);

  constructor(
    readonly grid: PaddedGrid,
    private readonly factor?: Float32Array,
    private readonly landmarks?: Landmarks,
    /** ALT's active set: how many landmarks to consult per query (the best at the start). */
    private readonly activeLandmarks = ACTIVE_LANDMARKS,
  ) {
    if (factor && factor.length !== grid.walkable.length) {
      throw new RangeError(`factor has ${factor.length} cells, grid has ${grid.walkable.length}`);
    }
    this.space = new SearchSpace(grid);
    this.h = new Float64Array(grid.walkable.length);
    const W = grid.stride;
    // E, W, S, N, then SE, SW, NE, NW: diagonal k (4..7) needs straight neighbours DIAG_A[k] and DIAG_B[k].
    this.offsets = Int32Array.from([1, -1, W, -W, W + 1, W - 1, -W + 1, -W - 1]);
  }

  private selectLandmarks(start: number, goal: number): Int32Array {
    const lm = this.landmarks;
    if (!lm) return new Int32Array(0);
    const K = lm.count;
    const scored: [number, number][] = [];
    for (let k = 0; k < K; k++) {
      const a = lm.dist[goal * K + k] ?? Infinity;
      const b = lm.dist[start * K + k] ?? Infinity;
      if (a === 0) return Int32Array.of(k);
      if (a !== Infinity && b !== Infinity) scored.push([Math.abs(a - b), k]);
    }
    scored.sort((x, y) => y[0] - x[0]);
    return Int32Array.from(scored.slice(0, this.activeLandmarks), ([, k]) => k);
  }

  /** Cheapest path between two walkable padded cells, or null when none exists. `length` is geometric. */
  find(start: number, goal: number): (GridPath & { cost: number }) | null {
    const { space, grid, factor, h, offsets } = this;
    const { g, parent, state } = space;
    const pass = grid.walkable;
    const W = grid.stride;
    const gen = space.next();
    const closed = gen + 1;
    const gx = cellX(grid, goal);
    const gy = cellY(grid, goal);
    const o0 = offsets[0] ?? 0;
    const o1 = offsets[1] ?? 0;
    const o2 = offsets[2] ?? 0;
    const o3 = offsets[3] ?? 0;
    let expanded = 0;
    let size = 0;
    const lm = this.landmarks;
    const K = lm ? lm.count : 0;
    const lmDist = lm?.dist;
    const slack = lm?.slack ?? new Float64Array(0);
    // Active landmarks (ALT's per-query selection): the ACTIVE_LANDMARKS with the best bound at the start,
    // or only the goal's own landmark when there is one (its bound is exact). Fewer reads per new cell.
    const active = this.selectLandmarks(start, goal);
    const A = active.length;
    const goalLm = new Float64Array(A);
    const slackA = new Float64Array(A);
    for (let j = 0; j < A; j++) {
      const k = active[j] ?? 0;
      goalLm[j] = lmDist?.[goal * K + k] ?? Infinity;
      slackA[j] = slack[k] ?? 0;
    }
    let hf = this.heapF;
    let hg = this.heapG;
    let hn = this.heapN;

    const push = (node: number, f: number, gv: number): void => {
      if (size === hn.length) {
        const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
          const b = make(a.length * 2);
          b.set(a);
          return b;
        };
        hf = this.heapF = grow(hf, (n) => new Float64Array(n));
        hg = this.heapG = grow(hg, (n) => new Float64Array(n));
        hn = this.heapN = grow(hn, (n) => new Int32Array(n));
      }
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const fp = hf[p] ?? 0;
        if (fp < f || (fp === f && (hg[p] ?? 0) >= gv)) break;
        hf[i] = fp;
        hg[i] = hg[p] ?? 0;
        hn[i] = hn[p] ?? 0;
        i = p;
      }
      hf[i] = f;
      hg[i] = gv;
      hn[i] = node;
    };

    const pop = (): number => {
      const top = hn[0] ?? -1;
      const last = --size;
      if (last > 0) {
        const f = hf[last] ?? 0;
        const gv = hg[last] ?? 0;
        const node = hn[last] ?? 0;
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= last) break;
          let fc = hf[c] ?? 0;
          const r = c + 1;
          if (r < last) {
            const fr = hf[r] ?? 0;
            if (fr < fc || (fr === fc && (hg[r] ?? 0) > (hg[c] ?? 0))) {
              c = r;
              fc = fr;
            }
          }
          if (f < fc || (f === fc && gv >= (hg[c] ?? 0))) break;
          hf[i] = fc;
          hg[i] = hg[c] ?? 0;
          hn[i] = hn[c] ?? 0;
          i = c;
        }
        hf[i] = f;
        hg[i] = gv;
        hn[i] = node;
      }
      return top;
    };

    g[start] = 0;
    parent[start] = -1;
    state[start] = gen;
    h[start] = factor ? 0 : octile(cellX(grid, start) - gx, cellY(grid, start) - gy);
    push(start, h[start] ?? 0, 0);

    while (size > 0) {
      const n = pop();
      if (state[n] === closed) continue; // stale duplicate
      state[n] = closed;
      expanded++;
      if (n === goal) {
        const cells = space.trace(goal);
        const cost = (g[goal] ?? 0) / (factor ? COST_UNITS : 1);
        return { length: polylineLength(grid, cells), cost, expanded, cells };
      }
      const gn = g[n] ?? 0;
      const fn = factor ? (factor[n] ?? 1) : 1;
      const e = pass[n + o0] === 1;
      const w = pass[n + o1] === 1;
      const s = pass[n + o2] === 1;
      const nn = pass[n + o3] === 1;
      for (let k = 0; k < 8; k++) {
        const t = n + (offsets[k] ?? 0);
        if (pass[t] !== 1) continue;
        if (k >= 4) {
          // No corner cutting: both straight neighbours of the diagonal must be walkable.
          const ok = k === 4 ? e && s : k === 5 ? w && s : k === 6 ? e && nn : w && nn;
          if (!ok) continue;
        }
        const st = state[t];
        if (st === closed) continue;
        const step = k >= 4 ? SQRT2 : 1;
        const ng =
          gn +
          (factor ? Math.round((k >= 4 ? DIAG_UNITS : COST_UNITS) * (fn + (factor[t] ?? 1)) * 0.5) : step);
        let ht: number;
        if (st === gen) {
          if (ng >= (g[t] ?? 0)) continue;
          ht = h[t] ?? 0;
        } else {
          state[t] = gen;
          const dx = ((t % W) - 1 - gx) | 0;
          const dy = (((t / W) | 0) - 1 - gy) | 0;
          const ax = dx < 0 ? -dx : dx;
          const ay = dy < 0 ? -dy : dy;
          ht = factor
            ? ax > ay
              ? COST_UNITS * (ax - ay) + MIN_DIAG_UNITS * ay
              : COST_UNITS * (ay - ax) + MIN_DIAG_UNITS * ax
            : ax > ay
              ? ax - ay + SQRT2 * ay
              : ay - ax + SQRT2 * ax;
          if (lmDist) {
            const base = t * K;
            for (let j = 0; j < A; j++) {
              const a = goalLm[j] ?? Infinity;
              const b = lmDist[base + (active[j] ?? 0)] ?? Infinity;
              if (a === Infinity || b === Infinity) continue;
              const bound = (a > b ? a - b : b - a) - (slackA[j] ?? 0);
              if (bound > ht) ht = bound;
            }
          }
          h[t] = ht;
        }
        g[t] = ng;
        parent[t] = n;
        push(t, ng + ht, ng);
      }
    }
    return null;
  }
}

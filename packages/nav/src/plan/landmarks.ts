import type { PaddedGrid } from './grid.ts';

/** Integer cost units per cell for costed searches (a straight step through factor-1 cells). */
export const COST_UNITS = 1000;
/** Units of a diagonal step before rounding. */
export const DIAG_UNITS = 1000 * Math.SQRT2;

/**
 * ALT landmarks (Goldberg & Harrelson, "A* meets landmarks and the triangle inequality"): exact travel
 * costs from K landmark cells to every cell, so that `|d(L, goal) - d(L, n)|` is a lower bound on the
 * cost from n to the goal. Computed once on the static costmap; obstacles added later only raise costs,
 * so the bound stays admissible (and consistent) until the static map itself changes.
 * Edge costs must be symmetric: a step between a and b costs `length * (factor[a] + factor[b]) / 2`.
 *
 * Landmarks are the given cells (a site passes its places: a landmark at the goal makes the bound exact)
 * followed by `extra` cells chosen by farthest-point selection. To halve the memory, the
 * distances (integer cost units) are stored
 * as Float32, exact below 2^24; beyond that users subtract `slack[k]` so the bound never overestimates.
 */
export class Landmarks {
  /** Cell-major: `dist[cell * count + k]`, Infinity where landmark k cannot reach the cell. */
  readonly dist: Float32Array;
  readonly cells: Int32Array;
  readonly count: number;
  /** Per landmark: the worst Float32 rounding of a difference of two of its distances. */
  readonly slack: Float64Array;

  constructor(
    readonly grid: PaddedGrid,
    readonly factor: Float32Array | undefined,
    given: readonly number[],
    extra = 4,
  ) {
    const n = grid.walkable.length;
    const seeds = given.filter((c) => grid.walkable[c] === 1);
    const count = seeds.length + extra;
    this.count = count;
    this.dist = new Float32Array(n * count).fill(Infinity);
    this.cells = new Int32Array(count).fill(-1);
    this.slack = new Float64Array(count);
    const one = new Float64Array(n);
    const minToLandmarks = new Float64Array(n).fill(Infinity);
    const add = (k: number, cell: number): void => {
      this.cells[k] = cell;
      dijkstra(grid, factor, cell, one);
      for (let c = 0; c < n; c++) {
        const d = one[c] ?? Infinity;
        this.dist[c * count + k] = d;
        // Integers below 2^24 are exact in Float32; beyond that allow for the rounding.
        if (d !== Infinity && d >= 2 ** 24 && d * 1.2e-7 > (this.slack[k] ?? 0)) this.slack[k] = d * 1.2e-7;
        if (d < (minToLandmarks[c] ?? Infinity)) minToLandmarks[c] = d;
      }
    };
    for (const [k, cell] of seeds.entries()) add(k, cell);
    if (extra === 0) return;
    // Farthest-point selection: without seeds, start from the cell farthest from an arbitrary walkable
    // cell; then repeatedly take the cell whose nearest landmark is farthest away (same component).
    let next: number;
    if (seeds.length === 0) {
      const any = grid.walkable.indexOf(1);
      if (any < 0) return;
      dijkstra(grid, factor, any, one);
      next = argmaxFinite(one);
    } else next = argmaxFinite(minToLandmarks);
    for (let k = seeds.length; k < count && next >= 0 && (minToLandmarks[next] ?? 0) > 0; k++) {
      add(k, next);
      next = argmaxFinite(minToLandmarks);
    }
  }
}

function argmaxFinite(a: Float64Array): number {
  let best = -1;
  let bestValue = -1;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] ?? Infinity;
    if (v !== Infinity && v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

/**
 * Single-source integer costs (units of `COST_UNITS` per cell, steps rounded exactly as `GridAStar` rounds
 * them) to every cell (Infinity if unreachable), 8-connected, no corner cutting.
 */
export function dijkstra(
  grid: PaddedGrid,
  factor: Float32Array | undefined,
  source: number,
  out: Float64Array,
): void {
  const pass = grid.walkable;
  const W = grid.stride;
  out.fill(Infinity);
  const offsets = [1, -1, W, -W, W + 1, W - 1, -W + 1, -W - 1];
  let keys = new Float64Array(1024);
  let nodes = new Int32Array(1024);
  let size = 0;
  const push = (node: number, key: number): void => {
    if (size === nodes.length) {
      const k2 = new Float64Array(size * 2);
      k2.set(keys);
      keys = k2;
      const n2 = new Int32Array(size * 2);
      n2.set(nodes);
      nodes = n2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((keys[p] ?? 0) <= key) break;
      keys[i] = keys[p] ?? 0;
      nodes[i] = nodes[p] ?? 0;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  };
  const pop = (): number => {
    const top = nodes[0] ?? -1;
    const last = --size;
    const key = keys[last] ?? 0;
    const node = nodes[last] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (keys[c + 1] ?? 0) < (keys[c] ?? 0)) c++;
      if (key <= (keys[c] ?? 0)) break;
      keys[i] = keys[c] ?? 0;
      nodes[i] = nodes[c] ?? 0;
      i = c;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  };
  if (pass[source] !== 1) return;
  out[source] = 0;
  push(source, 0);
  while (size > 0) {
    const d = keys[0] ?? 0;
    const n = pop();
    if (d > (out[n] ?? 0)) continue;
    const fn = factor ? (factor[n] ?? 1) : 1;
    for (let k = 0; k < 8; k++) {
      const t = n + (offsets[k] ?? 0);
      if (pass[t] !== 1) continue;
      if (k >= 4) {
        const dx = k === 4 || k === 6 ? 1 : -1;
        const dy = k < 6 ? W : -W;
        if (pass[n + dx] !== 1 || pass[n + dy] !== 1) continue;
      }
      const nd =
        d + Math.round((k >= 4 ? DIAG_UNITS : COST_UNITS) * (factor ? (fn + (factor[t] ?? 1)) * 0.5 : 1));
      if (nd < (out[t] ?? Infinity)) {
        out[t] = nd;
        push(t, nd);
      }
    }
  }
}

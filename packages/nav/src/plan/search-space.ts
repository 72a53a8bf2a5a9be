import { IndexedHeap } from './heap.ts';
import { cellX, cellY, type PaddedGrid } from './grid.ts';

/** A grid path: padded cell indices from start to goal, its length in cells and the search effort. */
export interface GridPath {
  /** Path length in cell units (straight step 1, diagonal step sqrt 2). */
  readonly length: number;
  /** Nodes taken off the open list. */
  readonly expanded: number;
  /** Padded cell indices, start first. JPS returns jump points (straight or diagonal runs between them). */
  readonly cells: Int32Array;
}

/**
 * Per-grid scratch memory shared by the searches: g values, parents and a generation stamp per cell, so a
 * query never clears or allocates arrays proportional to the map. `state[i] === gen` means open,
 * `gen + 1` closed, anything else unseen in this query.
 */
export class SearchSpace {
  readonly g: Float64Array;
  readonly parent: Int32Array;
  readonly state: Uint32Array;
  readonly heap: IndexedHeap;
  gen = 0;

  constructor(readonly grid: PaddedGrid) {
    const n = grid.walkable.length;
    this.g = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.state = new Uint32Array(n);
    this.heap = new IndexedHeap(n);
  }

  /** Starts a new query and returns its open stamp (closed is stamp + 1). */
  next(): number {
    if (this.gen >= 0xfffffff0) {
      this.state.fill(0);
      this.gen = 0;
    }
    this.gen += 2;
    this.heap.clear();
    return this.gen;
  }

  /** Follows parents back from `goal` and returns the cells start-first. */
  trace(goal: number): Int32Array {
    let count = 0;
    for (let c = goal; c !== -1; c = this.parent[c] ?? -1) count++;
    const out = new Int32Array(count);
    let i = count;
    for (let c = goal; c !== -1; c = this.parent[c] ?? -1) out[--i] = c;
    return out;
  }
}

/** Expands a jump-point path (straight or diagonal runs) into every cell it crosses. */
export function expandJumpPath(grid: PaddedGrid, jumps: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < jumps.length; i++) {
    const b = jumps[i] ?? 0;
    if (i === 0) {
      out.push(b);
      continue;
    }
    const a = jumps[i - 1] ?? 0;
    const dx = Math.sign(cellX(grid, b) - cellX(grid, a));
    const dy = Math.sign(cellY(grid, b) - cellY(grid, a));
    const step = dx + dy * grid.stride;
    for (let c = a + step; ; c += step) {
      out.push(c);
      if (c === b) break;
    }
  }
  return Int32Array.from(out);
}

/**
 * Binary min-heap of cell indices keyed by f, ties broken towards larger g (deeper nodes first, which
 * shortens A* on open ground without changing optimality). Supports decrease-key through a position
 * table indexed by cell; positions are only meaningful for cells the caller marked as open.
 */
export class IndexedHeap {
  private nodes: Int32Array;
  private f: Float64Array;
  private g: Float64Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(cellCount: number, initialCapacity = 1024) {
    this.nodes = new Int32Array(initialCapacity);
    this.f = new Float64Array(initialCapacity);
    this.g = new Float64Array(initialCapacity);
    this.pos = new Int32Array(cellCount);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, f: number, g: number): void {
    if (this.size === this.nodes.length) this.grow();
    const i = this.size++;
    this.nodes[i] = node;
    this.f[i] = f;
    this.g[i] = g;
    this.pos[node] = i;
    this.up(i);
  }

  /** Lowers the key of a node currently in the heap. */
  decrease(node: number, f: number, g: number): void {
    const i = this.pos[node] ?? 0;
    this.f[i] = f;
    this.g[i] = g;
    this.up(i);
  }

  /** Removes and returns the node with the smallest f; the heap must not be empty. */
  pop(): number {
    const nodes = this.nodes;
    const top = nodes[0] ?? -1;
    const last = --this.size;
    if (last > 0) {
      const n = nodes[last] ?? 0;
      nodes[0] = n;
      this.f[0] = this.f[last] ?? 0;
      this.g[0] = this.g[last] ?? 0;
      this.pos[n] = 0;
      this.down(0);
    }
    return top;
  }

  private less(fa: number, ga: number, fb: number, gb: number): boolean {
    return fa < fb || (fa === fb && ga > gb);
  }

  /** Puts node `n` with its keys into slot `i` and records where it is. */
  private put(i: number, n: number, fv: number, gv: number): void {
    this.nodes[i] = n;
    this.f[i] = fv;
    this.g[i] = gv;
    this.pos[n] = i;
  }

  private up(start: number): void {
    const { nodes, f, g } = this;
    let i = start;
    const n = nodes[i] ?? 0;
    const fi = f[i] ?? 0;
    const gi = g[i] ?? 0;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const fp = f[p] ?? 0;
      const gp = g[p] ?? 0;
      if (!this.less(fi, gi, fp, gp)) break;
      this.put(i, nodes[p] ?? 0, fp, gp);
      i = p;
    }
    this.put(i, n, fi, gi);
  }

  private down(start: number): void {
    const { nodes, f, g } = this;
    const size = this.size;
    let i = start;
    const n = nodes[i] ?? 0;
    const fi = f[i] ?? 0;
    const gi = g[i] ?? 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let fc = f[c] ?? 0;
      let gc = g[c] ?? 0;
      const r = c + 1;
      if (r < size) {
        const fr = f[r] ?? 0;
        const gr = g[r] ?? 0;
        if (this.less(fr, gr, fc, gc)) {
          c = r;
          fc = fr;
          gc = gr;
        }
      }
      if (!this.less(fc, gc, fi, gi)) break;
      this.put(i, nodes[c] ?? 0, fc, gc);
      i = c;
    }
    this.put(i, n, fi, gi);
  }

  private grow(): void {
    const cap = this.nodes.length * 2;
    const nodes = new Int32Array(cap);
    nodes.set(this.nodes);
    const f = new Float64Array(cap);
    f.set(this.f);
    const g = new Float64Array(cap);
    g.set(this.g);
    this.nodes = nodes;
    this.f = f;
    this.g = g;
  }
}

/**
 * Geometry in continuous cell coordinates: u = column + fraction, v = row + fraction, cell (c, r)
 * covering [c, c+1) x [r, r+1).
 */

/**
 * Visits every cell a segment touches (a supercover: when the segment passes exactly through a cell
 * corner both side cells are visited too), in order from (u0, v0). Stops early when `visit` returns false
 * and then returns false itself.
 */
export function traverseCells(
  u0: number,
  v0: number,
  u1: number,
  v1: number,
  visit: (col: number, row: number) => boolean,
): boolean {
  let c = Math.floor(u0);
  let r = Math.floor(v0);
  const ec = Math.floor(u1);
  const er = Math.floor(v1);
  const du = u1 - u0;
  const dv = v1 - v0;
  const sc = du > 0 ? 1 : du < 0 ? -1 : 0;
  const sr = dv > 0 ? 1 : dv < 0 ? -1 : 0;
  const tdu = sc === 0 ? Infinity : 1 / Math.abs(du);
  const tdv = sr === 0 ? Infinity : 1 / Math.abs(dv);
  let tu = sc > 0 ? (c + 1 - u0) / du : sc < 0 ? (u0 - c) / -du : Infinity;
  let tv = sr > 0 ? (r + 1 - v0) / dv : sr < 0 ? (v0 - r) / -dv : Infinity;
  if (!visit(c, r)) return false;
  let guard = Math.abs(ec - c) + Math.abs(er - r) + 2;
  while ((c !== ec || r !== er) && guard-- > 0) {
    if (tu > 1 && tv > 1) break;
    if (Math.abs(tu - tv) < 1e-9) {
      if (!visit(c + sc, r) || !visit(c, r + sr)) return false;
      c += sc;
      r += sr;
      tu += tdu;
      tv += tdv;
    } else if (tu < tv) {
      c += sc;
      tu += tdu;
    } else {
      r += sr;
      tv += tdv;
    }
    if (!visit(c, r)) return false;
  }
  return true;
}

export function pointInPolygon(u: number, v: number, poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ui, vi] = poly[i] ?? [0, 0];
    const [uj, vj] = poly[j] ?? [0, 0];
    if (vi > v !== vj > v && u < ((uj - ui) * (v - vi)) / (vj - vi) + ui) inside = !inside;
  }
  return inside;
}

/**
 * Marks every cell of a `width` x `height` raster that a polygon (in cell coordinates) touches:
 * cells whose centre is inside plus every cell its edges cross. Conservative, so any point of the
 * polygon lies in a marked cell.
 */
export function rasterizePolygon(
  poly: readonly (readonly [number, number])[],
  width: number,
  height: number,
  mark: (index: number) => void,
): void {
  let minU = Infinity;
  let minV = Infinity;
  let maxU = -Infinity;
  let maxV = -Infinity;
  for (const [u, v] of poly) {
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  const c0 = Math.max(0, Math.floor(minU));
  const c1 = Math.min(width - 1, Math.floor(maxU));
  const r0 = Math.max(0, Math.floor(minV));
  const r1 = Math.min(height - 1, Math.floor(maxV));
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) if (pointInPolygon(c + 0.5, r + 0.5, poly)) mark(r * width + c);
  }
  for (let i = 0; i < poly.length; i++) {
    const [ua, va] = poly[i] ?? [0, 0];
    const [ub, vb] = poly[(i + 1) % poly.length] ?? [0, 0];
    traverseCells(ua, va, ub, vb, (c, r) => {
      if (c >= 0 && r >= 0 && c < width && r < height) mark(r * width + c);
      return true;
    });
  }
}

/**
 * Exact squared Euclidean distance transform (Felzenszwalb & Huttenlocher) in place: on input `f` holds 0
 * at source cells and a large value elsewhere; on output the squared distance, in cells, from each cell
 * centre to the nearest source cell centre. Use a large finite value (1e20), not Infinity, for non-sources.
 */
export function squaredDistanceTransform(f: Float64Array, width: number, height: number): void {
  const n = Math.max(width, height);
  const line = new Float64Array(n);
  const out = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const pass1d = (len: number): void => {
    let k = 0;
    v[0] = 0;
    z[0] = -Infinity;
    z[1] = Infinity;
    for (let q = 1; q < len; q++) {
      const fq = (line[q] ?? 0) + q * q;
      let vk = v[k] ?? 0;
      let s = (fq - ((line[vk] ?? 0) + vk * vk)) / (2 * q - 2 * vk);
      while (s <= (z[k] ?? -Infinity)) {
        k--;
        vk = v[k] ?? 0;
        s = (fq - ((line[vk] ?? 0) + vk * vk)) / (2 * q - 2 * vk);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Infinity;
    }
    k = 0;
    for (let q = 0; q < len; q++) {
      while ((z[k + 1] ?? Infinity) < q) k++;
      const vk = v[k] ?? 0;
      out[q] = (q - vk) * (q - vk) + (line[vk] ?? 0);
    }
  };
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < height; r++) line[r] = f[r * width + c] ?? 0;
    pass1d(height);
    for (let r = 0; r < height; r++) f[r * width + c] = out[r] ?? 0;
  }
  for (let r = 0; r < height; r++) {
    const base = r * width;
    for (let c = 0; c < width; c++) line[c] = f[base + c] ?? 0;
    pass1d(width);
    for (let c = 0; c < width; c++) f[base + c] = out[c] ?? 0;
  }
}

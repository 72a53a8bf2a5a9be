/**
 * A walkable/blocked grid stored row-major in one `Uint8Array` with a one-cell blocked border, so the
 * search loops never test bounds: a neighbour of any inner cell is always a valid index. Cell (x, y) of
 * the logical `width` x `height` grid lives at `(y + 1) * stride + x + 1`.
 */
export interface PaddedGrid {
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  /** 1 = walkable, 0 = blocked; border cells are always 0. */
  readonly walkable: Uint8Array;
}

export function createPaddedGrid(width: number, height: number): PaddedGrid {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`grid size must be positive integers, got ${width} x ${height}`);
  }
  const stride = width + 2;
  return { width, height, stride, walkable: new Uint8Array(stride * (height + 2)) };
}

/** Builds a padded grid from a row-major mask (`mask[y * width + x]` non-zero = walkable). */
export function paddedGridFromMask(width: number, height: number, mask: ArrayLike<number>): PaddedGrid {
  const grid = createPaddedGrid(width, height);
  const { stride, walkable } = grid;
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = (y + 1) * stride + 1;
    for (let x = 0; x < width; x++) walkable[dst + x] = mask[src + x] ? 1 : 0;
  }
  return grid;
}

export const cellIndex = (grid: PaddedGrid, x: number, y: number): number => (y + 1) * grid.stride + x + 1;
export const cellX = (grid: PaddedGrid, index: number): number => (index % grid.stride) - 1;
export const cellY = (grid: PaddedGrid, index: number): number => Math.floor(index / grid.stride) - 1;
export const inGrid = (grid: PaddedGrid, x: number, y: number): boolean =>
  Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < grid.width && y < grid.height;

export const SQRT2 = Math.SQRT2;

/** Octile distance between two cells: the exact shortest length on an empty 8-connected grid. */
export function octile(dx: number, dy: number): number {
  const ax = dx < 0 ? -dx : dx;
  const ay = dy < 0 ? -dy : dy;
  return ax > ay ? ax - ay + SQRT2 * ay : ay - ax + SQRT2 * ax;
}

/** Length of a polyline of padded cell indices where each hop is straight or diagonal (any run length). */
export function polylineLength(grid: PaddedGrid, cells: ArrayLike<number>): number {
  let straight = 0;
  let diagonal = 0;
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1] ?? 0;
    const b = cells[i] ?? 0;
    const dx = Math.abs(cellX(grid, b) - cellX(grid, a));
    const dy = Math.abs(cellY(grid, b) - cellY(grid, a));
    diagonal += Math.min(dx, dy);
    straight += Math.abs(dx - dy);
  }
  // Counting moves and multiplying once keeps the sum exact to the last bit for long paths.
  return straight + SQRT2 * diagonal;
}

import { PNG } from 'pngjs';
import { COST_INSCRIBED, COST_LETHAL, type Costmap } from './costmap/costmap.ts';
import { OCC_OCCUPIED, OCC_UNKNOWN, type Floor, type Place } from './map/site-map.ts';
import type { Route } from './plan/route-planner.ts';

type Rgb = readonly [number, number, number];

/**
 * Draws a floor for people: walls black, unknown grey, inscribed space pink, the inflation gradient in
 * blue, slow zones amber, quiet zones green, keepout red; places as orange squares; the route as a line
 * coloured by speed limit (blue = guide speed, purple = slowed), start green, goal red with its heading.
 */
export function renderRoutePng(costmap: Costmap, places: readonly Place[], route?: Route, scale = 2): Buffer {
  const { floor, width, height } = costmap;
  const png = new PNG({ width: width * scale, height: height * scale });
  const W = width * scale;
  const set = (px: number, py: number, [r, g, b]: Rgb): void => {
    if (px < 0 || py < 0 || px >= W || py >= height * scale) return;
    const o = (py * W + px) * 4;
    png.data[o] = r;
    png.data[o + 1] = g;
    png.data[o + 2] = b;
    png.data[o + 3] = 255;
  };
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const occ = floor.occupancy[i];
      const cost = costmap.cost[i] ?? 0;
      let col: Rgb;
      if (occ === OCC_OCCUPIED) col = [25, 25, 25];
      else if (occ === OCC_UNKNOWN) col = [128, 128, 128];
      else if (cost === COST_LETHAL) col = [225, 70, 70];
      else if (cost >= COST_INSCRIBED) col = [245, 190, 190];
      else {
        const t = cost / 252;
        col = [Math.round(255 - 120 * t), Math.round(255 - 80 * t), 255];
        if ((costmap.speedCap[i] ?? Infinity) < Infinity)
          col = [col[0], Math.round(col[1] * 0.93), Math.round(col[2] * 0.75)];
        if (costmap.quiet[i] === 1) col = [Math.round(col[0] * 0.85), col[1], Math.round(col[2] * 0.85)];
      }
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) set(c * scale + dx, r * scale + dy, col);
    }
  }
  const toPx = (x: number, y: number): [number, number] => {
    const [u, v] = costmap.toCellCoords(x, y);
    return [u * scale, v * scale];
  };
  const dot = (x: number, y: number, radius: number, col: Rgb): void => {
    const [px, py] = toPx(x, y);
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++)
        if (dx * dx + dy * dy <= radius * radius) set(Math.round(px + dx), Math.round(py + dy), col);
    }
  };
  const line = (x0: number, y0: number, x1: number, y1: number, col: Rgb, thick: number): void => {
    const [a, b] = toPx(x0, y0);
    const [c, d] = toPx(x1, y1);
    const n = Math.max(1, Math.ceil(Math.hypot(c - a, d - b)));
    for (let k = 0; k <= n; k++) {
      const t = k / n;
      for (let dy = -thick; dy <= thick; dy++) {
        for (let dx = -thick; dx <= thick; dx++)
          set(Math.round(a + (c - a) * t + dx), Math.round(b + (d - b) * t + dy), col);
      }
    }
  };
  for (const p of places) {
    if (p.floor !== floor.id) continue;
    dot(p.approach.x, p.approach.y, 3 * scale, [240, 140, 20]);
    line(
      p.approach.x,
      p.approach.y,
      p.approach.x + 0.4 * Math.cos(p.approach.theta),
      p.approach.y + 0.4 * Math.sin(p.approach.theta),
      [240, 140, 20],
      0,
    );
  }
  if (route) {
    const guide = Math.max(...route.segments.map((s) => s.speedLimit));
    for (const s of route.segments) {
      const a = route.waypoints[s.from];
      const b = route.waypoints[s.from + 1];
      if (!a || !b) continue;
      const slow = s.speedLimit < guide;
      line(a.x, a.y, b.x, b.y, slow ? [150, 40, 200] : [20, 70, 230], 1);
    }
    for (const w of route.waypoints) dot(w.x, w.y, 2, [0, 0, 0]);
    dot(route.start.x, route.start.y, 4 * scale, [30, 170, 60]);
    dot(route.goal.x, route.goal.y, 4 * scale, [220, 30, 30]);
    const { x, y, theta } = route.goal;
    line(x, y, x + 0.6 * Math.cos(theta), y + 0.6 * Math.sin(theta), [220, 30, 30], 1);
  }
  return PNG.sync.write(png);
}

/**
 * A floor's occupancy grid as a plain PNG for people, one pixel per cell, row 0 at the top: walls dark,
 * free space light, unknown grey. No costs, zones or places: a page draws those over it itself.
 */
export function renderFloorPng(floor: Floor): Buffer {
  const png = new PNG({ width: floor.width, height: floor.height, colorType: 2, inputHasAlpha: true });
  for (let i = 0; i < floor.width * floor.height; i++) {
    const occ = floor.occupancy[i];
    const v = occ === OCC_OCCUPIED ? 60 : occ === OCC_UNKNOWN ? 200 : 250;
    png.data[i * 4] = v;
    png.data[i * 4 + 1] = v;
    png.data[i * 4 + 2] = occ === OCC_OCCUPIED || occ === OCC_UNKNOWN ? v : 246;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 2 });
}

import { describe, expect, it } from 'vitest';
import { syntheticSiteMap } from '../map/synthetic.ts';
import { prng } from '@reception/testkit/prng';
import { Costmap, COST_FREE, COST_INSCRIBED, COST_LETHAL } from './costmap.ts';
import { pointInPolygon, rasterizePolygon, squaredDistanceTransform, traverseCells } from './geometry.ts';

describe('geometry', () => {
  it('distance transform equals brute force on random rasters', () => {
    const rand = prng(7);
    for (let t = 0; t < 5; t++) {
      const w = 5 + Math.floor(rand() * 30);
      const h = 5 + Math.floor(rand() * 30);
      const src = Array.from({ length: w * h }, () => rand() < 0.05);
      src[0] = true;
      const f = Float64Array.from(src, (s) => (s ? 0 : 1e20));
      squaredDistanceTransform(f, w, h);
      for (let i = 0; i < w * h; i++) {
        let best = Infinity;
        for (let j = 0; j < w * h; j++) {
          if (src[j])
            best = Math.min(best, ((i % w) - (j % w)) ** 2 + (Math.floor(i / w) - Math.floor(j / w)) ** 2);
        }
        expect(f[i]).toBe(best);
      }
    }
  });

  it('traverseCells visits every cell the segment passes through, including exact corners', () => {
    const rand = prng(3);
    const missed: string[] = [];
    for (let t = 0; t < 200; t++) {
      const [u0, v0, u1, v1] = [rand() * 20, rand() * 20, rand() * 20, rand() * 20];
      const seen = new Set<string>();
      traverseCells(u0, v0, u1, v1, (c, r) => (seen.add(`${c},${r}`), true));
      for (let k = 0; k <= 2000; k++) {
        const u = u0 + ((u1 - u0) * k) / 2000;
        const v = v0 + ((v1 - v0) * k) / 2000;
        if (!seen.has(`${Math.floor(u)},${Math.floor(v)}`)) missed.push(`${t}:${u},${v}`);
      }
    }
    expect(missed).toEqual([]);
    const corner = new Set<string>();
    traverseCells(0.5, 0.5, 2.5, 2.5, (c, r) => (corner.add(`${c},${r}`), true));
    expect([...corner].sort()).toEqual(['0,0', '0,1', '1,0', '1,1', '1,2', '2,1', '2,2'].sort());
  });

  it('rasterizePolygon marks every cell that holds a point of the polygon', () => {
    const poly: [number, number][] = [
      [1.2, 1.7],
      [6.9, 2.1],
      [3.3, 5.95],
    ];
    const marked = new Set<number>();
    rasterizePolygon(poly, 10, 10, (i) => marked.add(i));
    const rand = prng(5);
    const missed: number[][] = [];
    let inside = 0;
    for (let k = 0; k < 5000; k++) {
      const u = rand() * 10;
      const v = rand() * 10;
      if (!pointInPolygon(u, v, poly)) continue;
      inside++;
      if (!marked.has(Math.floor(v) * 10 + Math.floor(u))) missed.push([u, v]);
    }
    expect(inside).toBeGreaterThan(500);
    expect(missed).toEqual([]);
  });
});

describe('Costmap', () => {
  const W = 60;
  const H = 40;
  const occ = new Uint8Array(W * H);
  occ[20 * W + 30] = 1; // one obstacle cell, centre (3.05, 1.95) at 0.1 m
  const map = syntheticSiteMap({
    width: W,
    height: H,
    resolution: 0.1,
    occupied: occ,
    zones: [
      {
        id: 'k',
        kind: 'keepout',
        floor: 'ground',
        polygon: [
          [0.5, 0.5],
          [1.5, 0.5],
          [1.5, 1.5],
          [0.5, 1.5],
        ],
      },
      {
        id: 's',
        kind: 'slow',
        floor: 'ground',
        polygon: [
          [4, 3],
          [5, 3],
          [5, 3.8],
          [4, 3.8],
        ],
        speedLimit: 0.3,
        cost: 50,
      },
      {
        id: 'q',
        kind: 'quiet',
        floor: 'ground',
        polygon: [
          [0.2, 3],
          [1, 3],
          [1, 3.8],
        ],
        cost: 0,
      },
    ],
  });
  const floor = map.floors[0]!;

  it('inflates obstacles Nav2-style: lethal, inscribed, exponential decay, free', () => {
    const cm = new Costmap(floor, map.zones, {
      robotRadius: 0.3,
      inflationRadius: 0.8,
      costScalingFactor: 3,
    });
    const at = (c: number, r: number) => cm.cost[r * W + c]!;
    expect(at(30, 20)).toBe(COST_LETHAL);
    expect(at(33, 20)).toBe(COST_INSCRIBED); // 0.3 m <= 0.3 + half diagonal
    const decay = [34, 35, 36, 37, 38].map((c) => at(c, 20));
    for (let k = 1; k < decay.length; k++) expect(decay[k]).toBeLessThan(decay[k - 1]!);
    expect(decay[0]).toBeLessThan(COST_INSCRIBED);
    expect(at(30 + 9, 20)).toBe(COST_FREE);
    expect(cm.inflationCost(0.5)).toBe(Math.round(252 * Math.exp(-3 * (0.5 - cm.inscribedRadius))));
  });

  it('makes keepout lethal, caps speed in slow zones, flags quiet zones and adds zone cost', () => {
    const cm = new Costmap(floor, map.zones);
    const idx = (x: number, y: number) => {
      const [u, v] = cm.toCellCoords(x, y);
      return Math.floor(v) * W + Math.floor(u);
    };
    expect(cm.cost[idx(1, 1)]).toBe(COST_LETHAL);
    expect(cm.speedCap[idx(4.5, 3.4)]).toBeCloseTo(0.3);
    expect(cm.speedCap[idx(2.5, 3.4)]).toBe(Infinity);
    expect(cm.cost[idx(4.5, 3.4)]).toBe(50);
    expect(cm.quiet[idx(0.5, 3.4)]).toBe(1);
    expect(cm.quiet[idx(4.5, 3.4)]).toBe(0);
  });

  it('adds, moves and clears dynamic obstacles, keeping the planner view in sync', () => {
    const cm = new Costmap(floor, map.zones);
    const base = Uint8Array.from(cm.cost);
    cm.setObstacle('p1', { x: 4.5, y: 2.5, radius: 0.25 });
    const [u, v] = cm.toCellCoords(4.5, 2.5);
    const i = Math.floor(v) * W + Math.floor(u);
    expect(cm.cost[i]).toBe(COST_LETHAL);
    expect(cm.grid.walkable[(Math.floor(v) + 1) * cm.grid.stride + Math.floor(u) + 1]).toBe(0);
    cm.setObstacle('p2', { x: 4.9, y: 2.5, radius: 0.25 });
    cm.setObstacle('p1', { x: 1.5, y: 3.0, radius: 0.2 }); // moved: its old footprint must not linger...
    expect(cm.cost[i]).toBeGreaterThanOrEqual(COST_INSCRIBED); // ...but p2 still covers this cell
    expect(cm.clearObstacle('p2')).toBe(true);
    expect(cm.cost[i]).toBe(base[i]);
    cm.clearAllObstacles();
    expect(cm.cost).toEqual(base);
    expect(cm.clearObstacle('p1')).toBe(false);
    expect(cm.obstacleCount).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { NavError } from '../errors.ts';
import { pointInPolygon } from '../costmap/geometry.ts';
import { syntheticSiteMap } from '../map/synthetic.ts';
import type { Zone } from '../map/site-map.ts';
import { prng } from '@reception/testkit/prng';
import { RoutePlanner, type Route } from './route-planner.ts';

const RES = 0.1;
const W = 80;
const H = 60;

/** A random room: outer wall, rectangular obstacles, one keepout and one slow zone. */
function randomRoom(seed: number) {
  const rand = prng(seed);
  const occ = new Uint8Array(W * H);
  const fill = (c0: number, r0: number, c1: number, r1: number) => {
    for (let r = Math.max(0, r0); r <= Math.min(H - 1, r1); r++)
      for (let c = Math.max(0, c0); c <= Math.min(W - 1, c1); c++) occ[r * W + c] = 1;
  };
  fill(0, 0, W - 1, 1);
  fill(0, H - 2, W - 1, H - 1);
  fill(0, 0, 1, H - 1);
  fill(W - 2, 0, W - 1, H - 1);
  for (let k = 0; k < 10; k++) {
    const c = Math.floor(rand() * W);
    const r = Math.floor(rand() * H);
    fill(c, r, c + 1 + Math.floor(rand() * 12), r + 1 + Math.floor(rand() * 8));
  }
  const kx = 1 + rand() * 5;
  const ky = 1 + rand() * 3;
  const zones: Zone[] = [
    {
      id: 'k',
      kind: 'keepout',
      floor: 'ground',
      polygon: [
        [kx, ky],
        [kx + 1.5, ky + 0.3],
        [kx + 1.1, ky + 1.6],
      ],
    },
    {
      id: 's',
      kind: 'slow',
      floor: 'ground',
      polygon: [
        [4, 1],
        [7, 1],
        [7, 4],
        [4, 4],
      ],
      speedLimit: 0.3,
      cost: 30,
    },
  ];
  const map = syntheticSiteMap({ width: W, height: H, resolution: RES, occupied: occ, zones });
  return { map, occ, rand, keepout: zones[0]!.kind === 'keepout' ? zones[0]!.polygon : [] };
}

/** Every point of the route, sampled each 1/8 cell, keeps `radius` from every occupied cell centre. */
function minClearance(route: Route, occ: Uint8Array): number {
  let min = Infinity;
  for (const [x, y] of routePoints(route)) {
    // Occupied cells within 5 cells (0.5 m) are the only ones that can be closer than the robot radius.
    const c0 = Math.floor(x / RES);
    const r0 = H - 1 - Math.floor(y / RES);
    for (let r = r0 - 5; r <= r0 + 5; r++) {
      for (let c = c0 - 5; c <= c0 + 5; c++) {
        if (r < 0 || c < 0 || r >= H || c >= W || !occ[r * W + c]) continue;
        min = Math.min(min, Math.hypot(x - (c + 0.5) * RES, y - (H - r - 0.5) * RES));
      }
    }
  }
  return min;
}

function routePoints(route: Route): [number, number][] {
  const out: [number, number][] = [];
  for (const s of route.segments) {
    const a = route.waypoints[s.from]!;
    const b = route.waypoints[s.from + 1]!;
    const n = Math.max(1, Math.ceil((s.length / RES) * 8));
    for (let k = 0; k <= n; k++) out.push([a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n]);
  }
  return out;
}

describe('RoutePlanner on random rooms (property)', () => {
  it('keeps the robot radius clear of obstacles, never enters keepout, respects speed caps', () => {
    let planned = 0;
    let failures = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { map, occ, rand, keepout } = randomRoom(seed);
      const planner = new RoutePlanner(map, undefined, { landmarks: seed % 2 === 0 ? 2 : false });
      const cm = planner.costmap;
      for (let q = 0; q < 10; q++) {
        // Mostly poses in traversable cells (routes to check), some anywhere (typed errors).
        const pose = () => {
          for (let tries = 0; ; tries++) {
            const p = { x: 0.2 + rand() * (W * RES - 0.4), y: 0.2 + rand() * (H * RES - 0.4), theta: 0 };
            const [u, v] = cm.toCellCoords(p.x, p.y);
            if (q < 2 || tries > 50 || cm.isTraversable(Math.floor(u), Math.floor(v))) return p;
          }
        };
        const res = planner.tryPlan(pose(), pose());
        if (!res.ok) {
          expect(res.error).toBeInstanceOf(NavError);
          expect(['unreachable', 'goal_in_obstacle', 'start_in_obstacle']).toContain(res.error.code);
          failures++;
          continue;
        }
        planned++;
        const route = res.value;
        expect(minClearance(route, occ)).toBeGreaterThanOrEqual(cm.options.robotRadius);
        expect(routePoints(route).filter(([x, y]) => pointInPolygon(x, y, keepout))).toEqual([]);
        for (const s of route.segments) {
          expect(s.speedLimit).toBeLessThanOrEqual(0.6);
          expect(s.speedLimit).toBeGreaterThan(0);
        }
        // Smoothing never lengthens the path (the grid path runs between cell centres; the route starts and
        // ends at the exact poses, at most half a cell diagonal away each).
        expect(route.length).toBeLessThanOrEqual(route.gridLength + RES * Math.SQRT2 + 1e-9);
        expect(route.waypoints[0]!.x).toBeCloseTo(route.start.x, 9);
        expect(route.waypoints[0]!.y).toBeCloseTo(route.start.y, 9);
      }
    }
    expect(planned).toBeGreaterThan(60);
    expect(failures).toBeGreaterThan(0);
  });

  it('landmarks do not change the cost of the cost-aware optimum', () => {
    for (let seed = 20; seed < 24; seed++) {
      const { map, rand } = randomRoom(seed);
      const plain = new RoutePlanner(map, undefined, { landmarks: false });
      const alt = new RoutePlanner(map, undefined, { landmarks: 3 });
      for (let q = 0; q < 8; q++) {
        const a = { x: 0.3 + rand() * 7.4, y: 0.3 + rand() * 5.4, theta: 0 };
        const b = { x: 0.3 + rand() * 7.4, y: 0.3 + rand() * 5.4, theta: 0 };
        const p = plain.tryPlan(a, b);
        const l = alt.tryPlan(a, b);
        expect(l.ok).toBe(p.ok);
        if (p.ok && l.ok) expect(l.value.gridCost).toBeCloseTo(p.value.gridCost, 9);
      }
    }
  });
});

describe('RoutePlanner errors, speed limits and replanning', () => {
  const occ = new Uint8Array(W * H);
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W; c++) if (r === 0 || c === 0 || r === H - 1 || c === W - 1) occ[r * W + c] = 1;
  // A closed box in the top-right corner: reachable from nowhere.
  for (let r = 5; r <= 25; r++)
    for (let c = 50; c <= 75; c++) if (r === 5 || r === 25 || c === 50 || c === 75) occ[r * W + c] = 1;
  const map = syntheticSiteMap({
    width: W,
    height: H,
    resolution: RES,
    occupied: occ,
    places: [
      { id: 'a', pose: { x: 1, y: 1, theta: 0 } },
      { id: 'b', pose: { x: 4, y: 5, theta: Math.PI / 2 } },
      { id: 'boxed', pose: { x: 6.2, y: 4.5, theta: 0 } },
    ],
    zones: [
      {
        id: 's',
        kind: 'slow',
        floor: 'ground',
        polygon: [
          [2, 0],
          [3, 0],
          [3, 6],
          [2, 6],
        ],
        speedLimit: 0.25,
        cost: 0,
      },
    ],
  });
  const planner = new RoutePlanner(map);

  it('reports typed errors, and Results instead of throwing', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof NavError ? e.code : 'not a NavError';
      }
      return 'no error';
    };
    expect(codeOf(() => planner.planBetween('a', 'boxed'))).toBe('unreachable');
    expect(codeOf(() => planner.plan({ x: 1, y: 1, theta: 0 }, { x: 5.05, y: 4.0, theta: 0 }))).toBe(
      'goal_in_obstacle',
    );
    expect(codeOf(() => planner.plan({ x: -1, y: 1, theta: 0 }, { x: 4, y: 4, theta: 0 }))).toBe(
      'start_off_map',
    );
    expect(codeOf(() => planner.plan({ x: 1, y: 1, theta: 0 }, { x: 4, y: 40, theta: 0 }))).toBe(
      'goal_off_map',
    );
    expect(codeOf(() => planner.plan({ x: 0.05, y: 1, theta: 0 }, { x: 4, y: 4, theta: 0 }))).toBe(
      'start_in_obstacle',
    );
    expect(codeOf(() => planner.planBetween('a', 'nowhere'))).toBe('unknown_place');
    const r = planner.tryPlanBetween('a', 'boxed');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.name).toBe('UnreachableError');
  });

  it('caps speed in slow zones, at the guide speed elsewhere and never above 1.2 m/s', () => {
    const route = planner.planBetween('a', 'b');
    expect(route.segments.some((s) => s.speedLimit === 0.25)).toBe(true);
    expect(route.segments.some((s) => s.speedLimit === 0.6)).toBe(true);
    for (const s of route.segments) {
      const a = route.waypoints[s.from]!;
      const b = route.waypoints[s.from + 1]!;
      const touchesZone = Math.max(a.x, b.x) >= 2 && Math.min(a.x, b.x) <= 3;
      if (touchesZone) expect(s.speedLimit).toBe(0.25);
      // Clear of the zone (and of its conservative one-cell rim): full guide speed.
      if (Math.min(a.x, b.x) > 3 + RES || Math.max(a.x, b.x) < 2 - RES) expect(s.speedLimit).toBe(0.6);
    }
    const fast = new RoutePlanner(map, undefined, { speed: { guideSpeed: 3, maxSpeed: 1.2 } }).planBetween(
      'a',
      'b',
    );
    expect(Math.max(...fast.segments.map((s) => s.speedLimit))).toBe(1.2);
    expect(route.goal.theta).toBeCloseTo(Math.PI / 2);
  });

  it('detects a blocked segment, replans around the obstacle and restores the map when it clears', () => {
    const p = new RoutePlanner(map);
    const before = Uint8Array.from(p.costmap.cost);
    const route = p.plan({ x: 1, y: 3, theta: 0 }, { x: 7, y: 3, theta: 0 });
    expect(p.replanIfBlocked(route, route.start)).toEqual({ status: 'clear' });
    p.costmap.setObstacle('person', { x: 4, y: 3, radius: 0.3 });
    expect(p.findBlockedSegment(route)).toBeGreaterThanOrEqual(0);
    const out = p.replanIfBlocked(route, route.start);
    expect(out.status).toBe('replanned');
    if (out.status !== 'replanned') return;
    for (const [x, y] of routePoints(out.route))
      expect(Math.hypot(x - 4, y - 3)).toBeGreaterThanOrEqual(0.3 + 0.3);
    expect(out.route.length).toBeGreaterThan(route.length);
    expect(p.costmap.clearObstacle('person')).toBe(true);
    expect(p.costmap.cost).toEqual(before);
    expect(p.findBlockedSegment(route)).toBe(-1);
  });
});

/**
 * bench:nav - planner speed and optimality against PathFinding.js and ngraph.path, in one run.
 *
 * MovingAI (../shared/benchmarks/movingai): our JPS runs EVERY scenario of every map and counts length
 * mismatches against the published optimum (5e-6 relative). Timing comparison: on a deterministic
 * evenly spaced sample per map (all lengths, since scenarios are sorted by bucket), each query runs our
 * JPS, PathFinding.js JumpPointFinder and (on every third of those) AStarFinder, interleaved, all octile
 * with no corner cutting (DiagonalMovement.OnlyWhenNoObstacles, octile heuristic). PF's grid clone is
 * timed separately and not counted. Demo lobby at 0.05 m and 0.1 m: full route planning (cost-aware A*
 * with ALT landmarks + smoothing + waypoints) between every pair of places, and between random free
 * poses; PF finders on the lobby's walkable mask for reference; ngraph.path on the route graph.
 * Output: JSON lines, the last one the summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import PF from 'pathfinding';
import { loadSiteMap } from '../src/map/loader.ts';
import { downsampleFloor, type SiteMap } from '../src/map/site-map.ts';
import { parseMovingAiMap, parseMovingAiScen } from '../src/plan/movingai.ts';
import { RoutePlanner } from '../src/plan/route-planner.ts';
import { prng } from '@reception/testkit/prng';
import { UniformGridPlanner } from '../src/plan/uniform-planner.ts';
import type { PaddedGrid } from '../src/plan/grid.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const MOVINGAI = resolve(repoRoot, '../shared/benchmarks/movingai');
const LOBBY = join(repoRoot, 'sites/demo-ward/map/map.yaml');
const JPS_SAMPLE = Number(process.env.NAV_BENCH_SAMPLE ?? 60);
const ASTAR_SAMPLE = Number(process.env.NAV_BENCH_ASTAR_SAMPLE ?? 20);
const TOL = 5e-6;

const emit = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
const r4 = (n: number): number => Math.round(n * 1e4) / 1e4;
function pct(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
}
const stats = (v: readonly number[]): { p50_ms: number; p95_ms: number } => ({
  p50_ms: r4(pct(v, 0.5)),
  p95_ms: r4(pct(v, 0.95)),
});
const mean = (v: readonly number[]): number => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);

function pfMatrix(grid: PaddedGrid): number[][] {
  const m: number[][] = [];
  for (let y = 0; y < grid.height; y++) {
    const row: number[] = [];
    for (let x = 0; x < grid.width; x++) row.push(grid.walkable[(y + 1) * grid.stride + x + 1] === 1 ? 0 : 1);
    m.push(row);
  }
  return m;
}

function pfLength(path: number[][]): number {
  let len = 0;
  for (let k = 1; k < path.length; k++) {
    const dx = Math.abs((path[k]?.[0] ?? 0) - (path[k - 1]?.[0] ?? 0));
    const dy = Math.abs((path[k]?.[1] ?? 0) - (path[k - 1]?.[1] ?? 0));
    len += Math.abs(dx - dy) + Math.SQRT2 * Math.min(dx, dy);
  }
  return len;
}

function pfClosed(grid: PF.Grid, width: number, height: number): number {
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if ((grid.getNodeAt(x, y) as { closed?: boolean }).closed) n++;
  return n;
}

const pfOpts = { diagonalMovement: PF.DiagonalMovement.OnlyWhenNoObstacles, heuristic: PF.Heuristic.octile };

interface Timed {
  ms: number[];
  expanded: number[];
}
const timed = (): Timed => ({ ms: [], expanded: [] });

function movingai(): Record<string, unknown> {
  const maps = readdirSync(join(MOVINGAI, 'maps'))
    .filter((f) => f.endsWith('.map'))
    .sort();
  const all = timed();
  const ours = timed();
  const jps = timed();
  const astar = timed();
  const oursOnAstarSample: number[] = [];
  const clone: number[] = [];
  let scenarios = 0;
  let mismatches = 0;
  let pfJpsMismatches = 0;
  let pfAstarMismatches = 0;
  let maxRel = 0;
  for (const name of maps) {
    const grid = parseMovingAiMap(readFileSync(join(MOVINGAI, 'maps', name), 'utf8'), name);
    const scen = parseMovingAiScen(
      readFileSync(join(MOVINGAI, 'scen', `${name}.scen`), 'utf8'),
      `${name}.scen`,
    );
    const planner = new UniformGridPlanner(grid, 'jps');
    const pfGrid = new PF.Grid(pfMatrix(grid));
    const pfJps = PF.JumpPointFinder(pfOpts);
    const pfAstar = new PF.AStarFinder(pfOpts);
    // Warm-up (not counted): the JIT sees every code path before timing starts.
    for (const s of scen.slice(0, 5)) {
      planner.plan(s.sx, s.sy, s.gx, s.gy);
      pfJps.findPath(s.sx, s.sy, s.gx, s.gy, pfGrid.clone());
      pfAstar.findPath(s.sx, s.sy, s.gx, s.gy, pfGrid.clone());
    }
    const mapAll: number[] = [];
    let mapMismatch = 0;
    for (const s of scen) {
      const t0 = performance.now();
      const p = planner.plan(s.sx, s.sy, s.gx, s.gy);
      const ms = performance.now() - t0;
      all.ms.push(ms);
      all.expanded.push(p.expanded);
      mapAll.push(ms);
      const rel = Math.abs(p.length - s.optimal) / Math.max(1, s.optimal);
      maxRel = Math.max(maxRel, rel);
      if (rel > TOL) mapMismatch++;
    }
    scenarios += scen.length;
    mismatches += mapMismatch;
    const stride = Math.max(1, Math.ceil(scen.length / JPS_SAMPLE));
    const astarEvery = Math.max(1, Math.round(JPS_SAMPLE / ASTAR_SAMPLE));
    const mapOurs: number[] = [];
    const mapJps: number[] = [];
    const mapAstar: number[] = [];
    let sampled = 0;
    for (let i = 0; i < scen.length; i += stride) {
      const s = scen[i];
      if (!s) continue;
      sampled++;
      let t0 = performance.now();
      const p = planner.plan(s.sx, s.sy, s.gx, s.gy);
      const oursMs = performance.now() - t0;
      ours.ms.push(oursMs);
      ours.expanded.push(p.expanded);
      mapOurs.push(oursMs);
      t0 = performance.now();
      let g = pfGrid.clone();
      clone.push(performance.now() - t0);
      t0 = performance.now();
      let path = pfJps.findPath(s.sx, s.sy, s.gx, s.gy, g);
      const jpsMs = performance.now() - t0;
      jps.ms.push(jpsMs);
      mapJps.push(jpsMs);
      jps.expanded.push(pfClosed(g, grid.width, grid.height));
      if (Math.abs(pfLength(path) - s.optimal) / Math.max(1, s.optimal) > TOL) pfJpsMismatches++;
      if ((i / stride) % astarEvery === 0) {
        t0 = performance.now();
        g = pfGrid.clone();
        clone.push(performance.now() - t0);
        t0 = performance.now();
        path = pfAstar.findPath(s.sx, s.sy, s.gx, s.gy, g);
        const aMs = performance.now() - t0;
        astar.ms.push(aMs);
        mapAstar.push(aMs);
        oursOnAstarSample.push(oursMs);
        astar.expanded.push(pfClosed(g, grid.width, grid.height));
        if (Math.abs(pfLength(path) - s.optimal) / Math.max(1, s.optimal) > TOL) pfAstarMismatches++;
      }
    }
    emit({
      map: name,
      size: `${grid.width}x${grid.height}`,
      scenarios: scen.length,
      mismatches: mapMismatch,
      all_p95_ms: r4(pct(mapAll, 0.95)),
      sampled,
      ours: stats(mapOurs),
      pf_jps: stats(mapJps),
      pf_astar: stats(mapAstar),
      ratio_vs_jps_p95: r4(pct(mapOurs, 0.95) / pct(mapJps, 0.95)),
    });
  }
  const p95 = pct(ours.ms, 0.95);
  const jps95 = pct(jps.ms, 0.95);
  return {
    maps: maps.length,
    scenarios,
    mismatches,
    max_rel_error: maxRel,
    all_scenarios: { ...stats(all.ms), expanded_mean: Math.round(mean(all.expanded)) },
    sampled: ours.ms.length,
    p50_ms: r4(pct(ours.ms, 0.5)),
    p95_ms: r4(p95),
    expanded_mean: Math.round(mean(ours.expanded)),
    pf_jps_p50_ms: r4(pct(jps.ms, 0.5)),
    pf_jps_p95_ms: r4(jps95),
    pf_jps_expanded_mean: Math.round(mean(jps.expanded)),
    pf_jps_mismatches: pfJpsMismatches,
    pf_astar_sampled: astar.ms.length,
    pf_astar_p50_ms: r4(pct(astar.ms, 0.5)),
    pf_astar_p95_ms: r4(pct(astar.ms, 0.95)),
    pf_astar_expanded_mean: Math.round(mean(astar.expanded)),
    pf_astar_mismatches: pfAstarMismatches,
    pf_clone_mean_ms: r4(mean(clone)),
    pf_clone_p95_ms: r4(pct(clone, 0.95)),
    ratio_vs_jps: r4(p95 / jps95),
    ratio_vs_astar: r4(pct(oursOnAstarSample, 0.95) / pct(astar.ms, 0.95)),
  };
}

function lobby(map: SiteMap, label: string): Record<string, unknown> {
  let t0 = performance.now();
  const planner = new RoutePlanner(map);
  const buildMs = performance.now() - t0;
  const landmarksMs = planner.prepare();
  const cm = planner.costmap;
  const places = map.places.map((p) => p.id);
  const pairs: [string, string][] = [];
  for (const a of places) for (const b of places) if (a !== b) pairs.push([a, b]);
  for (const [a, b] of pairs.slice(0, 20)) planner.planBetween(a, b); // warm-up
  const placeRuns = timed();
  for (let rep = 0; rep < 3; rep++) {
    for (const [a, b] of pairs) {
      const r = planner.planBetween(a, b);
      placeRuns.ms.push(r.planMs);
      placeRuns.expanded.push(r.expanded);
    }
  }
  // Random free poses: goals without a landmark, the generic case.
  // Seeded, so the random lobby queries are the same every run.
  const rand = prng(42);
  const free: [number, number][] = [];
  for (let r = 0; r < cm.height; r++)
    for (let c = 0; c < cm.width; c++) if (cm.isTraversable(c, r)) free.push([c, r]);
  const randomRuns = timed();
  const pick = (): { x: number; y: number; theta: number } => {
    const [c, r] = free[Math.floor(rand() * free.length)] ?? [0, 0];
    return { ...cm.toWorld(c + 0.5, r + 0.5), theta: 0 };
  };
  let unreachable = 0;
  for (let q = 0; q < 300; q++) {
    const res = planner.tryPlan(pick(), pick());
    if (!res.ok) {
      unreachable++;
      continue;
    }
    randomRuns.ms.push(res.value.planMs);
    randomRuns.expanded.push(res.value.expanded);
  }
  // Reference: the same place pairs on the walkable mask (no costs) with PathFinding.js.
  const grid = cm.grid;
  const pfGrid = new PF.Grid(pfMatrix(grid));
  const jps = PF.JumpPointFinder(pfOpts);
  const astar = new PF.AStarFinder(pfOpts);
  const pfJpsMs: number[] = [];
  const pfAstarMs: number[] = [];
  const cellOf = (id: string): [number, number] => {
    const p = map.places.find((q) => q.id === id);
    const [u, v] = cm.toCellCoords(p?.approach.x ?? 0, p?.approach.y ?? 0);
    return [Math.floor(u), Math.floor(v)];
  };
  for (const [a, b] of pairs) {
    const [ax, ay] = cellOf(a);
    const [bx, by] = cellOf(b);
    let g = pfGrid.clone();
    t0 = performance.now();
    jps.findPath(ax, ay, bx, by, g);
    pfJpsMs.push(performance.now() - t0);
    g = pfGrid.clone();
    t0 = performance.now();
    astar.findPath(ax, ay, bx, by, g);
    pfAstarMs.push(performance.now() - t0);
  }
  return {
    label,
    resolution: cm.resolution,
    size: `${cm.width}x${cm.height}`,
    costmap_build_ms: Math.round(buildMs),
    landmarks_build_ms: Math.round(landmarksMs),
    queries: placeRuns.ms.length,
    p50_ms: r4(pct(placeRuns.ms, 0.5)),
    p95_ms: r4(pct(placeRuns.ms, 0.95)),
    expanded_p95: pct(placeRuns.expanded, 0.95),
    random: {
      queries: randomRuns.ms.length,
      unreachable,
      ...stats(randomRuns.ms),
      expanded_p95: pct(randomRuns.expanded, 0.95),
    },
    pf_uniform_mask: { jps: stats(pfJpsMs), astar: stats(pfAstarMs) },
  };
}

function routeGraph(map: SiteMap): Record<string, unknown> {
  const routes = map.routes;
  if (!routes) return { nodes: 0 };
  const graph = createGraph<{ x: number; y: number }, { cost: number }>();
  for (const p of map.places) graph.addNode(p.id, { x: p.approach.x, y: p.approach.y });
  for (const n of routes.nodes) graph.addNode(n.id, { x: n.x, y: n.y });
  for (const e of routes.edges) graph.addLink(e.from, e.to, { cost: e.cost });
  const finder = ngraphPath.aStar(graph, {
    distance: (_a, _b, link) => link.data.cost,
    heuristic: (a, b) => Math.hypot(a.data.x - b.data.x, a.data.y - b.data.y),
  });
  const ms: number[] = [];
  let found = 0;
  const ids = map.places.map((p) => p.id);
  for (let rep = 0; rep < 3; rep++) {
    for (const a of ids) {
      for (const b of ids) {
        if (a === b) continue;
        const t0 = performance.now();
        const path = finder.find(a, b);
        ms.push(performance.now() - t0);
        if (rep === 0 && path.length > 0) found++;
      }
    }
  }
  return {
    library: 'ngraph.path aStar',
    nodes: graph.getNodesCount(),
    edges: graph.getLinksCount(),
    queries: ms.length,
    found_pairs: found,
    ...stats(ms),
  };
}

const started = performance.now();
const mai = movingai();
emit({ section: 'movingai', ...mai });
const map = loadSiteMap(LOBBY);
const l005 = lobby(map, 'lobby 0.05 m');
emit({ section: 'lobby_005', ...l005 });
const floor = map.floors[0];
if (!floor) throw new Error('lobby map has no floor');
const coarse: SiteMap = { ...map, floors: [downsampleFloor(floor, 2), ...map.floors.slice(1)] };
const l010 = lobby(coarse, 'lobby 0.10 m');
emit({ section: 'lobby_010', ...l010 });
const rg = routeGraph(map);
emit({
  bench: 'nav',
  node: process.version,
  total_s: Math.round((performance.now() - started) / 100) / 10,
  movingai: mai,
  lobby_005: l005,
  lobby_010: l010,
  route_graph: rg,
  acceptance: {
    all_lengths_match: mai.mismatches === 0,
    p95_le_half_pf_jps: (mai.ratio_vs_jps as number) <= 0.5,
    lobby_005_p95_le_10ms: (l005.p95_ms as number) <= 10,
  },
});

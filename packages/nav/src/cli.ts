/**
 * nav CLI (contract in ARCHITECTURE.md section 9):
 *   nav movingai MAP.map SCEN.scen [--algorithm jps|astar]
 *     one JSON line per scenario {"id","length","expanded","ms"} (id = 0-based index after the version
 *     line), then one summary line without "id".
 *   nav plan --site DIR --from PLACE --to PLACE [--floor ID] [--png OUT.png] [--obstacle X,Y,R ...]
 *     prints the route as JSON; --png draws map, costmap and route.
 * Errors: one JSON object {"error":{"code","message"}} on stderr, exit code 2 (1 for usage).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { NavError, UnknownIdError } from './errors.ts';
import { findPlace } from './map/site-map.ts';
import { loadSiteMap } from './map/loader.ts';
import { parseMovingAiMap, parseMovingAiScen } from './plan/movingai.ts';
import { RoutePlanner, type Route } from './plan/route-planner.ts';
import { UniformGridPlanner } from './plan/uniform-planner.ts';
import { renderRoutePng } from './render-png.ts';

const USAGE = `usage:
  nav movingai MAP.map SCEN.scen [--algorithm jps|astar]
  nav plan --site DIR --from PLACE --to PLACE [--floor ID] [--png OUT.png] [--obstacle X,Y,R]...`;

function out(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

function movingai(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { algorithm: { type: 'string', default: 'jps' } },
  });
  const [mapFile, scenFile] = positionals;
  if (!mapFile || !scenFile) throw new UsageError('movingai needs MAP.map and SCEN.scen');
  const algorithm = values.algorithm;
  if (algorithm !== 'jps' && algorithm !== 'astar') throw new UsageError(`unknown --algorithm ${algorithm}`);
  const grid = parseMovingAiMap(readFileSync(mapFile, 'utf8'), mapFile);
  const scenarios = parseMovingAiScen(readFileSync(scenFile, 'utf8'), scenFile);
  const planner = new UniformGridPlanner(grid, algorithm);
  const times: number[] = [];
  let mismatches = 0;
  let failed = 0;
  let maxRel = 0;
  let expandedTotal = 0;
  for (const s of scenarios) {
    const t0 = performance.now();
    const r = planner.tryPlan(s.sx, s.sy, s.gx, s.gy);
    const ms = performance.now() - t0;
    times.push(ms);
    if (!r.ok) {
      failed++;
      out({ id: s.id, error: { code: r.error.code, message: r.error.message }, ms: round(ms, 4) });
      continue;
    }
    const rel = Math.abs(r.value.length - s.optimal) / Math.max(1, s.optimal);
    maxRel = Math.max(maxRel, rel);
    if (rel > 5e-6) mismatches++;
    expandedTotal += r.value.expanded;
    out({ id: s.id, length: r.value.length, expanded: r.value.expanded, ms: round(ms, 4) });
  }
  times.sort((a, b) => a - b);
  out({
    map: mapFile,
    algorithm,
    scenarios: scenarios.length,
    mismatches,
    failed,
    max_rel_error: maxRel,
    expanded_mean: scenarios.length ? round(expandedTotal / scenarios.length, 1) : 0,
    total_ms: round(
      times.reduce((a, b) => a + b, 0),
      1,
    ),
    p50_ms: round(percentile(times, 0.5), 4),
    p95_ms: round(percentile(times, 0.95), 4),
  });
}

/** The map path from DIR/site.yaml's `map` field when present, else DIR/map/map.yaml. */
function siteMapPath(dir: string): string {
  const site = join(dir, 'site.yaml');
  if (existsSync(site)) {
    const doc: unknown = parseYaml(readFileSync(site, 'utf8'));
    if (doc && typeof doc === 'object' && 'map' in doc && typeof doc.map === 'string')
      return resolve(dir, doc.map);
  }
  return join(dir, 'map', 'map.yaml');
}

export function routeToJson(route: Route): unknown {
  return {
    floor: route.floor,
    map_version: route.mapVersion,
    map_hash: route.mapHash,
    from: route.from,
    to: route.to,
    start: route.start,
    goal: route.goal,
    length_m: round(route.length, 3),
    grid_length_m: round(route.gridLength, 3),
    eta_s: round(route.eta, 1),
    expanded: route.expanded,
    plan_ms: round(route.planMs, 3),
    waypoints: route.waypoints.map((w) => ({ x: round(w.x, 3), y: round(w.y, 3) })),
    segments: route.segments.map((s) => ({
      from: s.from,
      to: s.from + 1,
      length_m: round(s.length, 3),
      speed_limit: s.speedLimit,
      quiet: s.quiet,
    })),
  };
}

function plan(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      site: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      floor: { type: 'string' },
      png: { type: 'string' },
      obstacle: { type: 'string', multiple: true },
    },
  });
  if (!values.site || !values.from || !values.to) throw new UsageError('plan needs --site, --from and --to');
  const map = loadSiteMap(siteMapPath(values.site));
  // Check the ids before the (costlier) costmap and landmark build.
  for (const id of [values.from, values.to]) {
    if (!findPlace(map, id))
      throw new UnknownIdError(
        'place',
        `unknown place '${id}' (known: ${map.places.map((p) => p.id).join(', ')})`,
      );
  }
  const planner = new RoutePlanner(map, values.floor);
  for (const [i, spec] of (values.obstacle ?? []).entries()) {
    const [x, y, r] = spec.split(',').map(Number);
    if (x === undefined || y === undefined || r === undefined || [x, y, r].some((n) => !Number.isFinite(n))) {
      throw new UsageError(`--obstacle wants X,Y,R in metres, got '${spec}'`);
    }
    planner.costmap.setObstacle(`cli_${i}`, { x, y, radius: r });
  }
  const route = planner.planBetween(values.from, values.to);
  if (values.png) writeFileSync(values.png, renderRoutePng(planner.costmap, map.places, route));
  process.stdout.write(`${JSON.stringify(routeToJson(route), null, 2)}\n`);
}

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'movingai':
        movingai(rest);
        return 0;
      case 'plan':
        plan(rest);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
    }
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 1;
    }
    if (e instanceof NavError) {
      process.stderr.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));

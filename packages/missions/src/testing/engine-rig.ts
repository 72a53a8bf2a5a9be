import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteMap, RoutePlanner, type SiteMap } from '@reception/nav';
import type { MissionUpdate, RobotActivity, Site } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import pino from 'pino';
import { DeadReckoningLocalization } from '../dead-reckoning.ts';
import { InlinePlanner } from '../inline-planner.ts';
import { compose, distance, type Pose } from '../geometry.ts';
import type { MissionOptions } from '../engine-core.ts';
import { MissionEngine } from '../mission-engine.ts';
import { PlaceDirectory } from '../places.ts';
import { SqliteMissionStore } from '../sqlite-mission-store.ts';
import { FakeClock } from './fake-clock.ts';
import { KinematicBase } from './kinematic-base.ts';
import { mapToWorld } from './sim-frames.ts';

export const DEMO_SITE = fileURLToPath(new URL('../../../../sites/demo-ward/site.yaml', import.meta.url));

let cached: { site: Site; map: SiteMap } | undefined;

/** The demo ward's site and map, loaded once per test process. */
export async function demoSite(): Promise<{ site: Site; map: SiteMap }> {
  if (!cached) {
    const loaded = await loadSite(DEMO_SITE);
    cached = { site: loaded.site, map: loadSiteMap(path.resolve(path.dirname(DEMO_SITE), loaded.site.map)) };
  }
  return cached;
}

export interface EngineRig {
  clock: FakeClock;
  base: KinematicBase;
  engine: MissionEngine;
  store: SqliteMissionStore;
  places: PlaceDirectory;
  localization: DeadReckoningLocalization;
  updates: MissionUpdate[];
  activities: RobotActivity[];
  /** The base's true pose in the map frame (the base's world = its odometry frame, anchored at home). */
  mapPose(): Pose;
  /** Puts an obstacle at a map position (the base sees it ahead of its range sensor). */
  obstacleAt(x: number, y: number, radius?: number): void;
  statesOf(missionId: string): string[];
  close(): void;
}

/**
 * The engine on the in-process kinematic base in simulated time, on the demo ward's map, with an SQLite
 * store at `file` (in memory by default). The robot boots at home with its e-stop released.
 */
export async function createEngineRig(
  options: Partial<MissionOptions> = {},
  file = ':memory:',
  start?: { base?: KinematicBase; clock?: FakeClock },
): Promise<EngineRig> {
  const { site, map } = await demoSite();
  const clock = start?.clock ?? new FakeClock();
  const base = start?.base ?? new KinematicBase(clock);
  const places = new PlaceDirectory(map, () => site);
  const store = new SqliteMissionStore(file);
  const log = pino({ level: 'silent' });
  const localization = new DeadReckoningLocalization(
    base,
    { pose: places.home(), source: 'start:home' },
    store,
    clock,
  );
  const planner = new InlinePlanner(new RoutePlanner(map, undefined, { landmarks: false }));
  const engine = new MissionEngine({ base, localization, places, store, clock, log, options, planner });
  const updates: MissionUpdate[] = [];
  const activities: RobotActivity[] = [];
  engine.on('update', (u) => updates.push(u));
  engine.on('activity', (a) => activities.push(a));
  engine.start();
  if (base.state !== 'up') await base.connect();
  await clock.advance(200);
  const home = places.home();
  return {
    clock,
    base,
    engine,
    store,
    places,
    localization,
    updates,
    activities,
    mapPose: () => compose(home, base.pose),
    obstacleAt(x, y, radius = 0.25) {
      const w = mapToWorld(home, { x, y, theta: 0 });
      base.obstacles.push({ x: w.x, y: w.y, radius });
    },
    statesOf: (id) =>
      updates
        .filter((u) => u.mission_id === id)
        .map((u) => u.state)
        .filter((s, i, a) => a[i - 1] !== s),
    close() {
      engine.close();
      localization.close();
      store.close();
    },
  };
}

export const near = (a: Pose, b: Pose, m = 0.25): boolean => distance(a, b) <= m;

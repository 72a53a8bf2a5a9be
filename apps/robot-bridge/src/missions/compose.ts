import path from 'node:path';
import { loadSiteMap } from '@reception/nav';
import {
  DeadReckoningLocalization,
  defaultLegOptions,
  MissionEngine,
  PlaceDirectory,
  SqliteMissionStore,
  systemClock,
  WorkerPlanner,
  type Localization,
} from '@reception/missions';
import type { TicketQueue } from '@reception/queue';
import type { RobotBase } from '@reception/robot-link';
import type { Logger } from 'pino';
import type { BridgeConfig } from '../config.ts';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { HealthCheck } from '../server/health.ts';
import type { SiteStore } from '../site/site-store.ts';
import { MissionSockets } from './socket-handlers.ts';

export interface MissionParts {
  engine: MissionEngine | undefined;
  localization: Localization | undefined;
  sockets: MissionSockets;
  health: HealthCheck;
  close(): Promise<void>;
}

/**
 * Builds the mission engine from the site map, the robot base, the queue (call-ahead escorts listen to
 * its calls) and an SQLite history in DATA_DIR. Without a robot there is no engine and every mission
 * request answers UNAVAILABLE. The map is read once at start: a site reload does not move the robot's world.
 */
export function createMissionParts(
  config: BridgeConfig,
  site: SiteStore,
  base: RobotBase | undefined,
  queue: TicketQueue,
  log: Logger,
  metrics: Registry,
): MissionParts {
  const mlog = log.child({ ns: 'missions' });
  if (!base) {
    return {
      engine: undefined,
      localization: undefined,
      sockets: new MissionSockets(undefined, queue, mlog),
      health: { name: 'missions', check: () => ({ ok: true, detail: 'no robot configured' }) },
      close: () => Promise.resolve(),
    };
  }
  const map = loadSiteMap(site.current.mapFile);
  const places = new PlaceDirectory(map, () => site.current.site);
  const store = new SqliteMissionStore(path.join(config.DATA_DIR, 'missions.sqlite'));
  const start =
    config.ROBOT_START_PLACE === 'dock'
      ? { pose: places.dockPose(), source: 'start:dock' }
      : { pose: places.home(), source: 'start:home' };
  const localization = new DeadReckoningLocalization(base, start, store, systemClock);
  const planner = new WorkerPlanner(map.file);
  const engine = new MissionEngine({
    base,
    localization,
    places,
    store,
    clock: systemClock,
    log: mlog,
    // Planning takes 0.1-0.3 s of CPU: off the event loop that keeps the robot link's heartbeats going.
    planner,
    options: {
      waitS: config.MISSION_WAIT_S,
      queueMax: config.MISSION_QUEUE_MAX,
      confirmTimeoutS: config.MISSION_CONFIRM_TIMEOUT_S,
      batteryLowPct: config.MISSION_BATTERY_LOW_PCT,
      batteryResumePct: config.MISSION_BATTERY_RESUME_PCT,
      leg: { ...defaultLegOptions, blockedTimeoutMs: config.MISSION_BLOCKED_TIMEOUT_S * 1000 },
    },
  });
  const ended = new Counter({
    name: 'robot_missions_total',
    help: 'Missions ended, by kind, final state and reason',
    labelNames: ['kind', 'state', 'reason'],
    registers: [metrics],
  });
  engine.on('update', (u) => {
    if (u.state === 'completed' || u.state === 'failed' || u.state === 'cancelled') {
      ended.inc({ kind: u.kind, state: u.state, reason: u.reason ?? 'none' });
    }
  });
  new Gauge({
    name: 'robot_mission_needs_staff',
    help: '1 while the robot waits for staff after a fault',
    registers: [metrics],
    collect() {
      this.set(engine.activity().needs_staff ? 1 : 0);
    },
  });
  const unsubscribe = queue.subscribe((ev) => engine.onQueueEvent(ev));
  engine.start();
  mlog.info({ start: start.source, places: map.places.length }, 'missions ready');
  return {
    engine,
    localization,
    sockets: new MissionSockets(engine, queue, mlog),
    health: {
      name: 'missions',
      check: () => {
        const a = engine.activity();
        return { ok: !a.needs_staff, detail: `${a.state}${a.reason ? ` (${a.reason})` : ''}` };
      },
    },
    close: async () => {
      unsubscribe();
      engine.close();
      localization.close();
      store.close();
      await planner.close();
    },
  };
}

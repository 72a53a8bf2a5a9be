/**
 * One rig of bench:missions, in its own process (planning blocks the event loop for ~0.1 s; ten rigs in
 * one process would starve each other's heartbeats): the host firmware on a pty, the engine or the
 * naive baseline driving it, and a `ZoneMonitor` reading what the firmware reports. Argument: a JSON
 * `RigSpec`. Prints one JSON `RigResult` line on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MissionUpdate } from '@reception/protocol';
import { SerialRobotBase } from '@reception/robot-link';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import pino from 'pino';
import { systemClock } from '../src/clock.ts';
import { DeadReckoningLocalization } from '../src/dead-reckoning.ts';
import { distance, wrapAngle, type Pose } from '../src/geometry.ts';
import { MissionEngine } from '../src/mission-engine.ts';
import { PlaceDirectory } from '../src/places.ts';
import { SqliteMissionStore } from '../src/sqlite-mission-store.ts';
import { WorkerPlanner } from '../src/worker-planner.ts';
import { demoSite } from '../src/testing/engine-rig.ts';
import { NaiveGuide } from './naive-guide.ts';
import { ZoneMonitor, type MonitorReport } from './zone-monitor.ts';

export interface MissionSpec {
  index: number;
  place: string;
  /** Dropped `ahead` m in front of the robot (its true pose) at `atFraction` of the planned time. */
  obstacle: { atFraction: number; ahead: number; radius: number; clearAfterS: number | null } | null;
  /** The cable is pulled (the simulator drops every byte) for `ms` at `atFraction` of the planned time. */
  cablePull: { atFraction: number; ms: number } | null;
}

export interface RigSpec {
  variant: 'engine' | 'baseline';
  rig: number;
  missions: MissionSpec[];
}

export interface MissionResult {
  index: number;
  place: string;
  outcome: 'succeeded' | 'failed_with_reason' | 'failed_without_reason';
  reason: string | null;
  arrival_error_m: number | null;
  heading_error_rad: number | null;
  eta_ratio: number | null;
  replans: number;
  obstacles: number;
  cable_pulls: number;
  wall_s: number;
}

export interface RigResult {
  variant: RigSpec['variant'];
  rig: number;
  results: MissionResult[];
  monitor: MonitorReport;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, fn: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) {
      process.stderr.write(`rig: timed out waiting for ${what}\n`);
      return false;
    }
    await sleep(100);
  }
  return true;
}

const straight = (s: Record<string, unknown>): boolean => {
  const o = s.odom as { v: number; w: number };
  return o.v > 0.25 && Math.abs(o.w) < 0.1;
};

interface Disturbance {
  /** Cancels a pending obstacle and removes placed ones (at arrival: the way back is clear). */
  clearObstacles(): Promise<void>;
  /** Cancels everything pending and removes obstacles (end of the mission). */
  end(): Promise<void>;
  readonly injected: { obstacles: number; cablePulls: number };
}

/** Schedules the mission's obstacle and cable pull relative to now and the planned time. */
function disturb(sim: SimProcess, spec: MissionSpec, plannedS: number): Disturbance {
  const obstacleTimers: NodeJS.Timeout[] = [];
  let pullTimer: NodeJS.Timeout | undefined;
  const injected = { obstacles: 0, cablePulls: 0 };
  const o = spec.obstacle;
  if (o) {
    obstacleTimers.push(
      setTimeout(
        () => {
          void (async () => {
            // In front of it while it drives straight: the range sensor only sees ±15° ahead.
            let s = await sim.control({ cmd: 'state' });
            for (let i = 0; i < 50 && !straight(s); i++) {
              await sleep(100);
              s = await sim.control({ cmd: 'state' });
            }
            const t = s.truth as Pose;
            await sim.control({
              cmd: 'obstacle_at',
              x: t.x + o.ahead * Math.cos(t.theta),
              y: t.y + o.ahead * Math.sin(t.theta),
              radius: o.radius,
            });
            injected.obstacles++;
            if (o.clearAfterS !== null) {
              obstacleTimers.push(
                setTimeout(() => void sim.control({ cmd: 'obstacles_clear' }), o.clearAfterS * 1000),
              );
            }
          })();
        },
        o.atFraction * plannedS * 1000,
      ),
    );
  }
  const c = spec.cablePull;
  if (c) {
    pullTimer = setTimeout(
      () => {
        injected.cablePulls++;
        void sim.control({ cmd: 'silence', ms: c.ms });
      },
      c.atFraction * plannedS * 1000,
    );
  }
  const clearObstacles = async () => {
    for (const t of obstacleTimers) clearTimeout(t);
    await sim.control({ cmd: 'obstacles_clear' });
  };
  return {
    injected,
    clearObstacles,
    end: async () => {
      clearTimeout(pullTimer);
      await clearObstacles();
    },
  };
}

async function runEngine(
  spec: RigSpec,
  sim: SimProcess,
  base: SerialRobotBase,
  monitor: ZoneMonitor,
): Promise<MissionResult[]> {
  const { site, map } = await demoSite();
  const places = new PlaceDirectory(map, () => site);
  const store = new SqliteMissionStore(':memory:');
  const log = pino({ level: process.env.BENCH_LOG ?? 'warn', base: { rig: spec.rig } }, pino.destination(2));
  const localization = new DeadReckoningLocalization(
    base,
    { pose: places.home(), source: 'start:home' },
    store,
    systemClock,
  );
  const planner = new WorkerPlanner(map.file);
  const engine = new MissionEngine({
    base,
    localization,
    places,
    store,
    clock: systemClock,
    log,
    planner,
    options: { waitS: 1, returnDelayS: 1 },
  });
  engine.start();
  await base.connect();
  await base.resetEstop();
  await until('idle at home', () => engine.activity().state === 'IDLE' && engine.activity().at_home, 20_000);
  const results: MissionResult[] = [];
  for (const m of spec.missions) {
    const t0 = performance.now();
    const res = engine.guide({ place: m.place, ticket: null }, { role: 'kiosk', actor: 'bench' });
    if (!res.ok) {
      results.push({
        index: m.index,
        place: m.place,
        outcome: res.error.reason ? 'failed_with_reason' : 'failed_without_reason',
        reason: res.error.reason ?? null,
        arrival_error_m: null,
        heading_error_rad: null,
        eta_ratio: null,
        replans: 0,
        obstacles: 0,
        cable_pulls: 0,
        wall_s: 0,
      });
      await recover(engine, base);
      continue;
    }
    const id = res.value.mission_id;
    const target = places.stopPose(m.place) as Pose;
    let arrival: { error: number; heading: number; at: number } | undefined;
    let final: MissionUpdate | undefined;
    let guidingAt: number | undefined;
    const d = disturb(sim, m, res.value.eta_s);
    const onUpdate = (u: MissionUpdate) => {
      if (u.mission_id !== id) return;
      if (u.state === 'guiding') guidingAt ??= performance.now();
      if (u.state === 'arrived' && !arrival) {
        const at = performance.now();
        void d.clearObstacles();
        void monitor.sample().then(
          (s) =>
            (arrival = {
              error: distance(s.pose, target),
              heading: Math.abs(wrapAngle(s.pose.theta - target.theta)),
              at,
            }),
        );
      }
      if (u.state === 'completed' || u.state === 'failed' || u.state === 'cancelled') final = u;
    };
    engine.on('update', onUpdate);
    await until(`mission ${m.index} end`, () => final !== undefined, 400_000);
    engine.off('update', onUpdate);
    await d.end();
    const rec = store.get(id);
    const outcome =
      final?.state === 'completed'
        ? 'succeeded'
        : final?.reason
          ? 'failed_with_reason'
          : 'failed_without_reason';
    results.push({
      index: m.index,
      place: m.place,
      outcome,
      reason: final?.reason ?? null,
      arrival_error_m: arrival?.error ?? null,
      heading_error_rad: arrival?.heading ?? null,
      eta_ratio:
        arrival && guidingAt !== undefined ? (arrival.at - guidingAt) / 1000 / res.value.eta_s : null,
      replans: rec?.replans ?? 0,
      obstacles: d.injected.obstacles,
      cable_pulls: d.injected.cablePulls,
      wall_s: (performance.now() - t0) / 1000,
    });
    await recover(engine, base);
  }
  engine.close();
  localization.close();
  store.close();
  await planner.close();
  return results;
}

/** Back home for the next mission: by itself after blocked/stuck, through staff (reset, recall) after a fault. */
async function recover(engine: MissionEngine, base: SerialRobotBase): Promise<void> {
  const a = () => engine.activity();
  const home = () => a().state === 'IDLE' && a().at_home && !a().needs_staff;
  const settled = () =>
    home() || a().needs_staff || (a().state === 'IDLE' && !a().at_home) || a().state === 'ESTOP';
  for (let attempt = 0; attempt < 4; attempt++) {
    // Idle away from home for a while (not the engine's short pause before it goes home by itself).
    do await until('back home, or waiting for staff', settled, 180_000);
    while (!home() && !a().needs_staff && a().state !== 'ESTOP' && (await sleep(3000), !settled()));
    if (home()) return;
    await until('link up', () => base.state === 'up', 30_000);
    if (a().state === 'ESTOP') await base.resetEstop().catch(() => undefined);
    await sleep(500);
    const r = await engine.recall('bench');
    process.stderr.write(
      `rig: staff recall (${a().reason ?? 'no reason'}): ${r.ok ? 'started' : r.error.message}\n`,
    );
    if (r.ok) await sleep(1000);
  }
}

async function runBaseline(
  spec: RigSpec,
  sim: SimProcess,
  base: SerialRobotBase,
  monitor: ZoneMonitor,
): Promise<MissionResult[]> {
  const { site, map } = await demoSite();
  const places = new PlaceDirectory(map, () => site);
  const home = places.home();
  const planner = new WorkerPlanner(map.file);
  const naive = new NaiveGuide(base, planner, places.slowZones(), home);
  await base.connect();
  await base.resetEstop();
  const results: MissionResult[] = [];
  for (const m of spec.missions) {
    const t0 = performance.now();
    const target = places.stopPose(m.place) as Pose;
    const from = (await monitor.sample()).pose;
    const eta = await naive.eta(from, target);
    const d = disturb(sim, m, eta);
    const out = await naive.drive(from, target, Math.max(60_000, 3 * eta * 1000));
    let arrival: { error: number; heading: number; ratio: number } | undefined;
    if (out === 'done') {
      const ratio = (performance.now() - t0) / 1000 / eta;
      await d.clearObstacles();
      await sleep(1000);
      const s = await monitor.sample();
      arrival = {
        error: distance(s.pose, target),
        heading: Math.abs(wrapAngle(s.pose.theta - target.theta)),
        ratio,
      };
    }
    await d.end();
    let back: string = 'skipped';
    if (out === 'done') back = await naive.drive((await monitor.sample()).pose, home, 120_000);
    results.push({
      index: m.index,
      place: m.place,
      outcome: out === 'done' && back === 'done' ? 'succeeded' : 'failed_without_reason',
      reason: null,
      arrival_error_m: arrival?.error ?? null,
      heading_error_rad: arrival?.heading ?? null,
      eta_ratio: arrival?.ratio ?? null,
      replans: 0,
      obstacles: d.injected.obstacles,
      cable_pulls: d.injected.cablePulls,
      wall_s: (performance.now() - t0) / 1000,
    });
    // Get home however it can for the next mission (not measured).
    for (let attempt = 0; attempt < 3 && distance((await monitor.sample()).pose, home) > 0.3; attempt++) {
      await until('link up', () => base.state === 'up', 30_000);
      if ((await monitor.sample()).estop) await base.resetEstop().catch(() => undefined);
      await naive.drive((await monitor.sample()).pose, home, 120_000);
    }
  }
  await planner.close();
  return results;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as RigSpec;
  const dir = mkdtempSync(path.join(tmpdir(), `bench-missions-${spec.variant}-${spec.rig}-`));
  const sim = await startSim(path.join(dir, 'robot'));
  const base = new SerialRobotBase({ path: sim.ready.port, logger: pino({ level: 'silent' }) });
  const { site, map } = await demoSite();
  const monitor = new ZoneMonitor(sim, map, new PlaceDirectory(map, () => site).home());
  monitor.begin();
  try {
    const results =
      spec.variant === 'engine'
        ? await runEngine(spec, sim, base, monitor)
        : await runBaseline(spec, sim, base, monitor);
    monitor.stop();
    const out: RigResult = { variant: spec.variant, rig: spec.rig, results, monitor: monitor.report };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    monitor.stop();
    await base.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`rig failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);

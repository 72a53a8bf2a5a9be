import { loadSiteMap, findPlace } from '@reception/nav';
import { compose, inverse, type Pose } from '@reception/missions';
import type {
  KioskClientEvents,
  KioskServerEvents,
  MissionUpdate,
  StaffClientEvents,
  StaffServerEvents,
} from '@reception/protocol';
import type { SimProcess } from '@reception/robot-link/testing';
import { io, type Socket } from 'socket.io-client';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

export type KioskSocket = Socket<KioskServerEvents, KioskClientEvents>;
export type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

const DEMO_MAP = loadSiteMap(path.join(REPO_ROOT, 'sites/demo-ward/map/map.yaml'));

/** A place's stop pose (approach) on the demo map. */
export function demoPlace(id: string): Pose {
  const p = findPlace(DEMO_MAP, id);
  if (!p) throw new Error(`no place ${id} on the demo map`);
  return { ...p.approach };
}

/** The demo dock's pose (the robot's pose when docked). */
export function demoDock(): Pose {
  const p = findPlace(DEMO_MAP, 'dock');
  if (!p) throw new Error('no dock on the demo map');
  return { ...p.pose };
}

/** What the firmware reports (the simulator's `state`), in the map frame of a robot anchored at `start`. */
export interface FirmwareState {
  /** Odometry pose, map frame. */
  pose: Pose;
  /** Ground truth pose in the simulator's world frame (for dropping obstacles in front of the robot). */
  truth: Pose;
  odom: Pose;
  v: number;
  w: number;
  wheels: { left: number; right: number };
  mode: string;
  estop: boolean;
  chargerContact: boolean;
}

export async function firmwareState(sim: SimProcess, start: Pose): Promise<FirmwareState> {
  const s = await sim.control({ cmd: 'state' });
  const odom = s.odom as Pose & { v: number; w: number };
  return {
    pose: compose(start, odom),
    truth: s.truth as Pose,
    odom,
    v: odom.v,
    w: odom.w,
    wheels: s.wheels as { left: number; right: number },
    mode: String(s.mode),
    estop: s.estop_latched === true,
    chargerContact: (s.battery as { charger_contact: boolean }).charger_contact,
  };
}

/**
 * The simulator's world point for a map point now: odometry drifts from the truth, so the map point is
 * taken through the firmware's odometry (where the robot believes it is) and the truth at this moment.
 */
export function mapToSimWorld(state: FirmwareState, start: Pose, map: { x: number; y: number }): Pose {
  const odomOfMap = compose(inverse(start), { ...map, theta: 0 });
  return compose(compose(state.truth, inverse(state.odom)), odomOfMap);
}

export async function staffToken(
  url: string,
  username = 'lead',
  password = 'demo-admin-pass',
): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}

export async function connectSocket<S extends Socket>(url: string, nsp: string, token: string): Promise<S> {
  const s = io(`${url}${nsp}`, { auth: { token }, transports: ['websocket'] }) as S;
  await new Promise((resolve, reject) => {
    s.once('connect', () => resolve(null));
    s.once('connect_error', reject);
  });
  return s;
}

/** Polls `fn` every 100 ms until it returns something other than undefined. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the bridge reports the robot idle at its home pose (no mission, nothing for staff to do). */
export async function idleAtHome(staff: StaffSocket, ms = 120_000): Promise<void> {
  let last = 'no answer';
  try {
    await eventually(
      'idle at home',
      async () => {
        const r = await staff.emitWithAck('robot:get', {});
        last = JSON.stringify(r.ok ? r.value.activity : r.error);
        return r.ok && r.value.activity?.state === 'IDLE' && r.value.activity.at_home ? true : undefined;
      },
      ms,
    );
  } catch (e) {
    // what the robot was doing instead is the first thing the reader of a failed run needs
    throw new Error(`${(e as Error).message}; last activity: ${last}`, { cause: e });
  }
}

/** Collects `mission:update`s a socket receives. */
export function collectUpdates(socket: KioskSocket | StaffSocket): MissionUpdate[] {
  const list: MissionUpdate[] = [];
  (socket as KioskSocket).on('mission:update', (u) => list.push(u));
  return list;
}

export function updateOf(list: MissionUpdate[], id: string, state: string): MissionUpdate | undefined {
  return list.find((u) => u.mission_id === id && u.state === state);
}

/** The wheels have stood still (|v| below 1 cm/s in every sample) for `ms`. */
export async function standsStill(sim: SimProcess, start: Pose, ms: number): Promise<{ moved: number }> {
  const first = await firmwareState(sim, start);
  let moved = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    const s = await firmwareState(sim, start);
    moved = Math.max(
      moved,
      Math.hypot(s.pose.x - first.pose.x, s.pose.y - first.pose.y),
      Math.abs(s.v) > 0.01 ? Infinity : 0,
    );
  }
  return { moved };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simDockArgs } from '@reception/missions/testing';
import { wrapAngle } from '@reception/missions';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnBridge, type SpawnedBridge } from './harness/index.ts';
import {
  collectUpdates,
  connectSocket,
  demoDock,
  demoPlace,
  eventually,
  firmwareState,
  mapToSimWorld,
  staffToken,
  standsStill,
  updateOf,
  type KioskSocket,
  type StaffSocket,
} from './harness/robot.ts';

// Robot missions with the real bridge and the real firmware (host build on a pty). Every check reads the
// pose the firmware reports (the simulator's control channel), not what the engine intended.

const HOME = demoPlace('home');
let sim: SimProcess;
let bridge: SpawnedBridge;
let staff: StaffSocket;
let kiosk: KioskSocket;
let screen: KioskSocket;
let kioskUpdates: ReturnType<typeof collectUpdates>;
let staffUpdates: ReturnType<typeof collectUpdates>;

const fw = () => firmwareState(sim, HOME);
const lastOf = (id: string) => kioskUpdates.filter((u) => u.mission_id === id).at(-1);
const waitFor = (id: string, state: string, ms = 120_000, list = kioskUpdates) =>
  eventually(`${id} ${state}`, () => updateOf(list, id, state), ms);
async function atHome(ms = 120_000): Promise<void> {
  await eventually(
    'idle at home',
    async () => {
      const r = await staff.emitWithAck('robot:get', {});
      return r.ok && r.value.activity?.state === 'IDLE' && r.value.activity.at_home ? true : undefined;
    },
    ms,
  );
  const s = await fw();
  expect(Math.hypot(s.pose.x - HOME.x, s.pose.y - HOME.y)).toBeLessThanOrEqual(0.25);
}
/** Each test starts with the robot at home and free, whatever the one before left behind. */
async function ensureReady(): Promise<void> {
  await sim.control({ cmd: 'obstacles_clear' });
  const r = await staff.emitWithAck('robot:get', {});
  const a = r.ok ? r.value.activity : undefined;
  if (a?.state === 'ESTOP') await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' });
  if (!a || a.needs_staff || !a.at_home || a.state !== 'IDLE') {
    await new Promise((res) => setTimeout(res, 500));
    await recall();
  }
}
async function guide(place: string): Promise<string> {
  const r = await kiosk.emitWithAck('mission:guide', { place });
  if (!r.ok) throw new Error(`guide refused: ${r.error.message}`);
  return r.value.mission_id;
}
async function recall(): Promise<void> {
  const r = await staff.emitWithAck('robot:recall', {});
  if (!r.ok) throw new Error(r.error.message);
  await waitFor(r.value.mission_id, 'completed', 120_000, staffUpdates);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'missions-e2e-'));
  sim = await startSim(path.join(dir, 'robot-tty'), simDockArgs(HOME, demoDock()));
  bridge = await spawnBridge({
    env: {
      ROBOT_PORT: sim.ready.port,
      MISSION_WAIT_S: '2',
      MISSION_BLOCKED_TIMEOUT_S: '6',
    },
  });
  staff = await connectSocket<StaffSocket>(bridge.url, '/staff', await staffToken(bridge.url));
  kiosk = await connectSocket<KioskSocket>(bridge.url, '/kiosk', 'demo-kiosk');
  screen = await connectSocket<KioskSocket>(bridge.url, '/kiosk', 'demo-kiosk');
  kioskUpdates = collectUpdates(kiosk);
  staffUpdates = collectUpdates(staff);
  await eventually('robot link up and anchored', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.link === 'up' && r.value.pose ? true : undefined;
  });
  expect((await screen.emitWithAck('kiosk:register_robot_screen', {})).ok).toBe(true);
  expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
  await atHome(20_000);
}, 300_000);

beforeEach(() => ensureReady(), 180_000);

afterAll(async () => {
  for (const s of [staff, kiosk, screen]) s.close();
  await bridge.stop();
  await sim.stop();
});

describe('robot missions against the firmware', () => {
  it('docks when the battery runs low, refusing guidance politely, and takes requests again when charged', async () => {
    await sim.control({ cmd: 'battery', soc: 0.2 });
    await eventually(
      'low battery seen',
      async () => {
        const r = await staff.emitWithAck('robot:get', {});
        return r.ok && r.value.battery && r.value.battery.soc_pct < 25 ? true : undefined;
      },
      10_000,
    );
    await new Promise((r) => setTimeout(r, 200));
    const refused = await kiosk.emitWithAck('mission:guide', { place: 'counter_1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'battery_low' } });
    await eventually(
      'docked',
      async () => ((await fw()).chargerContact && (await fw()).mode === 'DOCKED' ? true : undefined),
      60_000,
    );
    await sim.control({ cmd: 'battery', soc: 0.9 });
    await eventually(
      'charging shown',
      async () => {
        const r = await staff.emitWithAck('robot:get', {});
        return r.ok && r.value.activity?.state === 'CHARGING' ? true : undefined;
      },
      10_000,
    );
    await recall();
    expect((await fw()).mode).not.toBe('DOCKED');
    await atHome();
  }, 180_000);

  it('guides to counter 3: arrives at its approach pose within tolerance, then comes home', async () => {
    const id = await guide('counter_3');
    await waitFor(id, 'arrived');
    const s = await fw();
    const target = demoPlace('counter_3');
    expect(Math.hypot(s.pose.x - target.x, s.pose.y - target.y)).toBeLessThanOrEqual(0.25);
    expect(Math.abs(wrapAngle(s.pose.theta - target.theta))).toBeLessThanOrEqual(0.25);
    await waitFor(id, 'completed');
    await atHome();
    const states = kioskUpdates
      .filter((u) => u.mission_id === id)
      .map((u) => u.state)
      .filter((x, i, a) => a[i - 1] !== x);
    expect(states).toEqual(['guiding', 'arrived', 'returning', 'completed']);
    // The robot's own screen saw the same trip.
    expect(screen.connected).toBe(true);
  }, 240_000);

  it('lets staff recall the robot mid-trip; the kiosk that asked is told it was preempted', async () => {
    const id = await guide('counter_5');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 5000));
    const r = await staff.emitWithAck('robot:recall', {});
    expect(r.ok).toBe(true);
    await eventually('kiosk told', () => (lastOf(id)?.state === 'cancelled' ? lastOf(id) : undefined), 5000);
    expect(lastOf(id)?.reason).toBe('preempted');
    await waitFor(r.ok ? r.value.mission_id : '', 'completed', 120_000, staffUpdates);
    await atHome();
  }, 180_000);

  it('replans around an obstacle dropped on its path and still arrives', async () => {
    const id = await guide('waiting_area');
    await waitFor(id, 'guiding');
    // Once it drives straight, a person steps in front of it, 1.3 m ahead (the range sensor only sees ±15°).
    const s = await eventually(
      'driving straight',
      async () => {
        const f = await fw();
        return f.v > 0.25 && Math.abs(f.w) < 0.1 ? f : undefined;
      },
      30_000,
    );
    await sim.control({
      cmd: 'obstacle_at',
      x: s.truth.x + 1.3 * Math.cos(s.truth.theta),
      y: s.truth.y + 1.3 * Math.sin(s.truth.theta),
      radius: 0.25,
    });
    await waitFor(id, 'arrived', 90_000);
    const at = await fw();
    const target = demoPlace('waiting_area');
    expect(Math.hypot(at.pose.x - target.x, at.pose.y - target.y)).toBeLessThanOrEqual(0.25);
    await sim.control({ cmd: 'obstacles_clear' });
    const list = await staff.emitWithAck('mission:list', { kind: 'guide', limit: 1 });
    expect(list.ok && list.value.missions[0]?.replans).toBeGreaterThanOrEqual(1);
    await waitFor(id, 'completed');
    await atHome();
  }, 180_000);

  it('ends in `blocked` with the robot stopped when the place stays blocked', async () => {
    const target = demoPlace('exit');
    const id = await guide('exit');
    await waitFor(id, 'guiding');
    const world = mapToSimWorld(await fw(), HOME, target);
    await sim.control({ cmd: 'obstacle_at', x: world.x, y: world.y, radius: 0.3 });
    await waitFor(id, 'failed', 90_000);
    expect(lastOf(id)?.reason).toBe('blocked');
    const still = await standsStill(sim, HOME, 2000);
    expect(still.moved).toBeLessThan(0.02);
    const s = await fw();
    expect(s.estop).toBe(false); // it never touched the obstacle (that would press the bumper)
    await sim.control({ cmd: 'obstacles_clear' });
    await atHome();
  }, 180_000);

  it('e-stop mid-trip: stays latched, the mission fails `estop` and does not resume after the reset', async () => {
    const id = await guide('counter_2');
    await waitFor(id, 'guiding');
    await new Promise((r) => setTimeout(r, 4000));
    expect((await staff.emitWithAck('robot:estop', {})).ok).toBe(true);
    await eventually('kiosk told', () => (lastOf(id)?.state === 'failed' ? true : undefined), 5000);
    expect(lastOf(id)?.reason).toBe('estop');
    // Motor power is cut at once; the robot rolls to a standstill within a fraction of a second.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await standsStill(sim, HOME, 2000)).moved).toBeLessThan(0.02);
    expect((await fw()).estop).toBe(true);
    expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
    expect((await standsStill(sim, HOME, 4000)).moved).toBeLessThan(0.02);
    expect(lastOf(id)?.state).toBe('failed');
    const r = await staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.activity).toMatchObject({ needs_staff: true, reason: 'estop' });
    await recall();
    await atHome();
  }, 180_000);

  it('call-ahead escort: a called elderly ticket is fetched from the waiting area and guided to counter 3', async () => {
    const issued = await kiosk.emitWithAck('ticket:issue', {
      service_id: 'certified_copy',
      idempotency_key: crypto.randomUUID(),
      priority: { class_id: 'elderly' },
      language: 'vi',
      print: false,
    });
    if (!issued.ok) throw new Error(issued.error.message);
    expect((await staff.emitWithAck('counter:open', { counter_id: 'counter_3' })).ok).toBe(true);
    const called = await staff.emitWithAck('counter:call_next', { counter_id: 'counter_3' });
    expect(called.ok && called.value.ticket?.id).toBe(issued.value.ticket.id);
    const screenUpdates = collectUpdates(screen);
    const escort = await eventually('escort', () =>
      staffUpdates.find((u) => u.kind === 'escort' && u.ticket?.ticket_id === issued.value.ticket.id),
    );
    expect(escort.ticket).toMatchObject({
      number: issued.value.ticket.number,
      language: 'vi',
      counter_number: 3,
    });
    await waitFor(escort.mission_id, 'calling', 120_000, screenUpdates);
    const fetchPose = await fw();
    const wa = demoPlace('waiting_area');
    expect(Math.hypot(fetchPose.pose.x - wa.x, fetchPose.pose.y - wa.y)).toBeLessThanOrEqual(0.25);
    expect((await screen.emitWithAck('mission:confirm', { mission_id: escort.mission_id })).ok).toBe(true);
    await waitFor(escort.mission_id, 'arrived', 120_000, screenUpdates);
    const at = await fw();
    const c3 = demoPlace('counter_3');
    expect(Math.hypot(at.pose.x - c3.x, at.pose.y - c3.y)).toBeLessThanOrEqual(0.25);
    await waitFor(escort.mission_id, 'completed', 120_000, staffUpdates);
    await atHome();
  }, 300_000);
});

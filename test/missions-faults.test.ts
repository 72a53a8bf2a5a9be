import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FINAL_MISSION_STATES } from '@reception/protocol';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnBridge, warnOnFailure, type SpawnedBridge } from './harness/index.ts';
import {
  collectUpdates,
  connectSocket,
  demoPlace,
  eventually,
  firmwareState,
  staffToken,
  standsStill,
  updateOf,
  type KioskSocket,
  type StaffSocket,
} from './harness/robot.ts';

// Faults in the middle of a trip, with the real bridge and firmware: the cable is pulled; the bridge is
// killed. In both the wheels stop, the mission ends with its reason, and nothing drives by itself after.

const HOME = demoPlace('home');
let sim: SimProcess;
let bridge: SpawnedBridge;
let dataDir: string;
let staff: StaffSocket;
let kiosk: KioskSocket;

const fw = () => firmwareState(sim, HOME);

async function open(): Promise<void> {
  bridge = await spawnBridge({
    dataDir,
    env: { ROBOT_PORT: sim.ready.port, MISSION_WAIT_S: '2' },
  });
  staff = await connectSocket<StaffSocket>(bridge.url, '/staff', await staffToken(bridge.url));
  kiosk = await connectSocket<KioskSocket>(bridge.url, '/kiosk', 'demo-kiosk');
  await eventually('robot link up and anchored', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.link === 'up' && r.value.pose ? true : undefined;
  });
}

async function homeAgain(): Promise<void> {
  const staffUpdates = collectUpdates(staff);
  const r = await staff.emitWithAck('robot:recall', {});
  if (!r.ok) throw new Error(r.error.message);
  const id = r.value.mission_id;
  // Ends any way: a recall that failed or was cancelled says why at once instead of a 120 s wait for "completed".
  const end = await eventually(
    'recalled',
    () => staffUpdates.find((u) => u.mission_id === id && FINAL_MISSION_STATES.has(u.state)),
    120_000,
  );
  expect(end).toMatchObject({ state: 'completed' });
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'missions-faults-'));
  dataDir = path.join(dir, 'data');
  sim = await startSim(path.join(dir, 'robot-tty'));
  await open();
  expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
  await eventually('e-stop released', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.activity?.state === 'IDLE' ? true : undefined;
  });
}, 300_000);

afterAll(async () => {
  staff.close();
  kiosk.close();
  await bridge.stop();
  await sim.stop();
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

beforeEach(({ onTestFailed }) => warnOnFailure(() => bridge, onTestFailed));

describe('faults mid-trip against the firmware', () => {
  it('cable pulled: the wheels stop, the mission fails `link_lost`, nothing moves when it is back', async () => {
    const updates = collectUpdates(kiosk);
    const g = await kiosk.emitWithAck('mission:guide', { place: 'counter_6' });
    if (!g.ok) throw new Error(g.error.message);
    await eventually('moving', async () => ((await fw()).v > 0.2 ? true : undefined), 30_000);
    await sim.control({ cmd: 'silence', ms: 3000 });
    // The base's heartbeat watchdog brakes within 0.5 s of silence (plus the braking itself).
    await new Promise((r) => setTimeout(r, 1500));
    const s = await fw();
    expect(Math.abs(s.v)).toBeLessThan(0.02);
    expect(Math.abs(s.wheels.left) + Math.abs(s.wheels.right)).toBeLessThan(0.02);
    const failed = await eventually(
      'link_lost',
      () => updateOf(updates, g.value.mission_id, 'failed'),
      10_000,
    );
    expect(failed.reason).toBe('link_lost');
    await eventually(
      'link back',
      async () => {
        const r = await staff.emitWithAck('robot:get', {});
        return r.ok && r.value.link === 'up' ? true : undefined;
      },
      20_000,
    );
    expect((await standsStill(sim, HOME, 4000)).moved).toBeLessThan(0.02);
    const r = await staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.activity).toMatchObject({ needs_staff: true, reason: 'link_lost' });
    await homeAgain();
  }, 240_000);

  it('bridge killed mid-trip: the robot stops; after the restart the mission is `interrupted` and it waits for staff', async () => {
    const g = await kiosk.emitWithAck('mission:guide', { place: 'counter_7' });
    if (!g.ok) throw new Error(g.error.message);
    await eventually('moving', async () => ((await fw()).v > 0.2 ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    staff.close();
    kiosk.close();
    await bridge.kill();
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = await fw();
    expect(Math.abs(stopped.v)).toBeLessThan(0.02);
    await open();
    const list = await staff.emitWithAck('mission:list', { kind: 'guide', limit: 1 });
    expect(list.ok && list.value.missions[0]).toMatchObject({
      mission_id: g.value.mission_id,
      state: 'failed',
      reason: 'interrupted',
    });
    expect((await standsStill(sim, HOME, 4000)).moved).toBeLessThan(0.02);
    const r = await staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.activity).toMatchObject({
      needs_staff: true,
      reason: 'interrupted',
      anchor: 'persisted',
    });
    // The published pose is the firmware's, in the map frame, where it stopped (not home).
    const s = await fw();
    const pose = r.ok ? r.value.pose : null;
    expect(pose && Math.hypot(pose.x - s.pose.x, pose.y - s.pose.y)).toBeLessThan(0.1);
    expect(Math.hypot(s.pose.x - HOME.x, s.pose.y - HOME.y)).toBeGreaterThan(0.5);
    const refused = await kiosk.emitWithAck('mission:guide', { place: 'counter_1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: 'needs_staff' } });
    await homeAgain();
  }, 240_000);
});

/**
 * One bridge and one simulated robot (the real firmware, host build, on a pty) for a file of mission tests,
 * with the robot brought home and free before every test. Mission files share it so that they can run side
 * by side: most of their time is the robot driving in real time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simDockArgs } from '@reception/missions/testing';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { spawnBridge, type SpawnedBridge, warnOnFailure } from './bridge.ts';
import {
  collectUpdates,
  connectSocket,
  demoDock,
  demoPlace,
  eventually,
  firmwareState,
  idleAtHome,
  staffToken,
  updateOf,
  type FirmwareState,
  type KioskSocket,
  type StaffSocket,
} from './robot.ts';
import type { MissionUpdate } from '@reception/protocol';

export const HOME = demoPlace('home');

export interface MissionRig {
  sim: SimProcess;
  bridge: SpawnedBridge;
  staff: StaffSocket;
  /** The kiosk that asks for trips. */
  kiosk: KioskSocket;
  /** The robot's own screen (a kiosk registered as such). */
  screen: KioskSocket;
  kioskUpdates: MissionUpdate[];
  staffUpdates: MissionUpdate[];
}

/** Registers the file's hooks; the returned helpers work inside tests (after `beforeAll`). */
export function useMissionRig() {
  const r = {} as MissionRig;
  const fw = (): Promise<FirmwareState> => firmwareState(r.sim, HOME);
  const lastOf = (id: string) => r.kioskUpdates.filter((u) => u.mission_id === id).at(-1);
  const waitFor = (id: string, state: string, ms = 120_000, list?: MissionUpdate[]) =>
    eventually(`${id} ${state}`, () => updateOf(list ?? r.kioskUpdates, id, state), ms);

  async function atHome(ms = 120_000): Promise<void> {
    await idleAtHome(r.staff, ms);
    const s = await fw();
    expect(Math.hypot(s.pose.x - HOME.x, s.pose.y - HOME.y)).toBeLessThanOrEqual(0.25);
  }
  async function guide(place: string): Promise<string> {
    const a = await r.kiosk.emitWithAck('mission:guide', { place });
    if (!a.ok) throw new Error(`guide refused: ${a.error.message}`);
    return a.value.mission_id;
  }
  async function recall(): Promise<void> {
    const a = await r.staff.emitWithAck('robot:recall', {});
    if (!a.ok) throw new Error(a.error.message);
    await waitFor(a.value.mission_id, 'completed', 120_000, r.staffUpdates);
  }
  /** Each test starts with the robot at home and free, whatever the one before left behind. */
  async function ensureReady(): Promise<void> {
    await r.sim.control({ cmd: 'obstacles_clear' });
    // A test that failed with the battery low (the docking test) must not refuse the next one's trips.
    await r.sim.control({ cmd: 'battery', soc: 0.9 });
    const got = await r.staff.emitWithAck('robot:get', {});
    const a = got.ok ? got.value.activity : undefined;
    if (a?.state === 'ESTOP') await r.staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' });
    if (!a || a.needs_staff || !a.at_home || a.state !== 'IDLE') {
      await new Promise((res) => setTimeout(res, 500));
      await recall();
    }
  }

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'missions-e2e-'));
    r.sim = await startSim(path.join(dir, 'robot-tty'), simDockArgs(HOME, demoDock()));
    r.bridge = await spawnBridge({
      env: { ROBOT_PORT: r.sim.ready.port, MISSION_WAIT_S: '2', MISSION_BLOCKED_TIMEOUT_S: '6' },
    });
    r.staff = await connectSocket<StaffSocket>(r.bridge.url, '/staff', await staffToken(r.bridge.url));
    r.kiosk = await connectSocket<KioskSocket>(r.bridge.url, '/kiosk', 'demo-kiosk');
    r.screen = await connectSocket<KioskSocket>(r.bridge.url, '/kiosk', 'demo-kiosk');
    r.kioskUpdates = collectUpdates(r.kiosk);
    r.staffUpdates = collectUpdates(r.staff);
    await eventually('robot link up and anchored', async () => {
      const a = await r.staff.emitWithAck('robot:get', {});
      return a.ok && a.value.link === 'up' && a.value.pose ? true : undefined;
    });
    expect((await r.screen.emitWithAck('kiosk:register_robot_screen', {})).ok).toBe(true);
    expect((await r.staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
    await atHome(20_000);
  }, 300_000);

  beforeEach(({ onTestFailed }) => {
    warnOnFailure(() => r.bridge, onTestFailed);
    return ensureReady();
  }, 180_000);

  afterAll(async () => {
    for (const s of [r.staff, r.kiosk, r.screen]) s.close();
    await r.bridge.stop();
    await r.sim.stop();
  });

  return { rig: r, fw, lastOf, waitFor, atHome, guide, recall };
}

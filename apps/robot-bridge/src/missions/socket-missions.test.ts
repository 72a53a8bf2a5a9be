import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  KioskClientEvents,
  KioskServerEvents,
  MissionUpdate,
  StaffClientEvents,
  StaffServerEvents,
} from '@reception/protocol';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../log.ts';

// Mission requests over socket.io with the real firmware (host build) on a pty: bad input of every kind
// is a typed error and changes nothing; a kiosk may not give staff commands; a short guidance runs.
type Kiosk = Socket<KioskServerEvents, KioskClientEvents>;
type Staff = Socket<StaffServerEvents, StaffClientEvents>;
let sim: SimProcess;
let bridge: RunningBridge;
let dir: string;
let staff: Staff;
let kiosk: Kiosk;
const updates: MissionUpdate[] = [];

async function connect<S extends Socket>(nsp: string, token: string): Promise<S> {
  const s = io(`${bridge.url}${nsp}`, { auth: { token }, transports: ['websocket'] }) as S;
  await new Promise((resolve, reject) => {
    s.once('connect', () => resolve(null));
    s.once('connect_error', reject);
  });
  return s;
}

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'missions-sock-'));
  sim = await startSim(path.join(dir, 'robot-tty'));
  bridge = await startBridge(
    readConfig({
      BRIDGE_PORT: '0',
      BRIDGE_HOST: '127.0.0.1',
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ROBOT_PORT: sim.ready.port,
      MISSION_WAIT_S: '1',
    }),
    createLogger('silent'),
  );
  const login = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lead', password: 'demo-admin-pass' }),
  });
  staff = await connect<Staff>('/staff', ((await login.json()) as { token: string }).token);
  kiosk = await connect<Kiosk>('/kiosk', 'demo-kiosk');
  kiosk.on('mission:update', (u) => updates.push(u));
  await until('link up', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.link === 'up' && r.value.pose !== null ? true : undefined;
  });
  expect((await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).ok).toBe(true);
  await until('e-stop released', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    return r.ok && r.value.activity?.state === 'IDLE' ? true : undefined;
  });
}, 300_000);

afterAll(async () => {
  staff.close();
  kiosk.close();
  await bridge.close();
  await sim.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('mission requests', () => {
  it('publishes the robot pose in the map frame, at home after start', async () => {
    const r = await staff.emitWithAck('robot:get', {});
    expect(r.ok && r.value.pose).toMatchObject({
      x: expect.closeTo(18, 1) as number,
      y: expect.closeTo(2.2, 1) as number,
    });
    expect(r.ok && r.value.activity).toMatchObject({ state: 'IDLE', at_home: true, anchor: 'start:home' });
  });

  it('answers bad input with a typed error and changes nothing', async () => {
    const before = await staff.emitWithAck('mission:list', {});
    const commands = (await sim.control({ cmd: 'state' })).stats as { commands: number };
    const send = (ev: string, payload: unknown) =>
      (
        kiosk as unknown as {
          emitWithAck: (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
        }
      ).emitWithAck(ev, payload);
    const sendStaff = (ev: string, payload: unknown) =>
      (
        staff as unknown as {
          emitWithAck: (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
        }
      ).emitWithAck(ev, payload);
    const cases: [Promise<{ ok: boolean; error?: { code: string } }>, string][] = [
      [send('mission:guide', { place: { x: 10.25, y: 14.1 } }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: [10.25, 14.1] }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: 42 }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: 'x'.repeat(5000) }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: 'counter_3', x: 1 }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: 'counter_3', ticket_id: 'A012' }), 'INVALID_PAYLOAD'],
      [send('mission:guide', { place: 'counter_99' }), 'NOT_FOUND'],
      [send('mission:guide', { place: 'home' }), 'FORBIDDEN'],
      [
        send('mission:guide', { place: 'counter_3', ticket_id: '0190a0b0-0000-7000-8000-000000000001' }),
        'NOT_FOUND',
      ],
      [send('mission:confirm', { mission_id: '0190a0b0-0000-7000-8000-000000000001' }), 'FORBIDDEN'],
      [send('mission:stop', { mission_id: 'nope' }), 'INVALID_PAYLOAD'],
      [send('robot:recall', {}), 'FORBIDDEN'],
      [send('robot:send', { place: 'counter_1' }), 'FORBIDDEN'],
      [send('mission:cancel', {}), 'FORBIDDEN'],
      [send('mission:list', {}), 'FORBIDDEN'],
      [send('robot:estop', {}), 'FORBIDDEN'],
      [sendStaff('robot:send', { place: { x: 1, y: 2 } }), 'INVALID_PAYLOAD'],
      [sendStaff('robot:send', { place: 'nowhere' }), 'NOT_FOUND'],
      [sendStaff('mission:cancel', { mission_id: 'not-a-uuid' }), 'INVALID_PAYLOAD'],
      [sendStaff('mission:list', { limit: 100000 }), 'INVALID_PAYLOAD'],
      [sendStaff('robot:anchor', { pose: { x: 'a', y: 1, theta: 0 } }), 'INVALID_PAYLOAD'],
      [sendStaff('robot:anchor', { place: 'counter_99' }), 'NOT_FOUND'],
      [sendStaff('robot:anchor', { pose: { x: 900, y: 1, theta: 0 } }), 'INVALID_PAYLOAD'],
      [sendStaff('robot:resume', {}), 'CONFLICT'],
      [sendStaff('mission:guide', { place: 'counter_3' }), 'FORBIDDEN'],
    ];
    for (const [pending, code] of cases) expect((await pending).error?.code).toBe(code);
    expect(await staff.emitWithAck('mission:list', {})).toEqual(before);
    expect(((await sim.control({ cmd: 'state' })).stats as { commands: number }).commands).toBe(
      commands.commands,
    );
    expect(updates).toEqual([]);
  });

  it('guides to the waiting area and back, telling the kiosk each state', async () => {
    const r = await kiosk.emitWithAck('mission:guide', { place: 'waiting_area' });
    expect(r.ok && r.value.queue_position).toBe(0);
    const id = r.ok ? r.value.mission_id : '';
    await until(
      'completed',
      () => (updates.some((u) => u.mission_id === id && u.state === 'completed') ? true : undefined),
      90_000,
    );
    const states = updates
      .filter((u) => u.mission_id === id)
      .map((u) => u.state)
      .filter((s, i, a) => a[i - 1] !== s);
    expect(states).toEqual(['guiding', 'arrived', 'returning', 'completed']);
    const list = await staff.emitWithAck('mission:list', { kind: 'guide' });
    expect(list.ok && list.value.missions[0]).toMatchObject({
      mission_id: id,
      state: 'completed',
      requested_by: 'kiosk:lobby_kiosk_1',
    });
    expect(list.ok && list.value.missions[0]?.arrival_error_m).toBeLessThanOrEqual(0.25);
  }, 120_000);
});

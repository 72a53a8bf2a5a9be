import type { Result, StaffCall, StaffCallReceipt } from '@reception/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { call, TestBridges } from '../testing/bridge-clients.ts';

const bridges = new TestBridges();
const bridgeWith = (env: Record<string, string>) =>
  bridges.start({ env, kiosks: ['lobby-kiosk', 'robot-kiosk'] });
const connect = (bridge: RunningBridge, ns: string, name: string) => bridges.connect(bridge, ns, name);

const next = <T>(s: Socket, event: string) => new Promise<T>((resolve) => s.once(event, resolve));
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

async function staffLogin(bridge: RunningBridge, username: string, password: string): Promise<string> {
  const res = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}

afterAll(() => bridges.closeAll());

describe('staff calls over socket.io', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await bridgeWith({ STAFF_CALL_LIMIT: '3', STAFF_CALL_LIMIT_WINDOW_S: '600' });
  });

  it('kiosk calls, staff see it, a staff member acknowledges, and only the calling kiosk is told', async () => {
    const lobby = await connect(bridge, '/kiosk', 'lobby-kiosk');
    const robot = await connect(bridge, '/kiosk', 'robot-kiosk');
    const counter1 = await connect(bridge, '/staff', await staffLogin(bridge, 'counter1', 'demo-counter'));
    const counter2 = await connect(bridge, '/staff', await staffLogin(bridge, 'counter2', 'demo-counter'));
    const robotHeard: string[] = [];
    robot.on('staff_call:acknowledged', () => robotHeard.push('acknowledged'));

    const seen = next<StaffCall>(counter2, 'staff_call:new');
    const receipt = value(
      await call<StaffCallReceipt>(lobby, 'staff:call', { reason: 'language', language: 'hi' }),
    );
    expect(receipt.replayed).toBe(false);
    expect(await seen).toEqual({
      call_id: receipt.call_id,
      kiosk_name: 'lobby-kiosk',
      at: receipt.at,
      reason: 'language',
      language: 'hi',
      state: 'open',
      expires_at: receipt.expires_at,
      acknowledged_by: null,
      closed_at: null,
    });
    // Pressing again while waiting is the same call, not a second alert.
    expect(value(await call<StaffCallReceipt>(lobby, 'staff:call', {}))).toEqual({
      ...receipt,
      replayed: true,
    });
    const listed = value(await call<{ calls: StaffCall[] }>(counter1, 'staff_call:list', {}));
    expect(listed.calls.map((c) => c.call_id)).toEqual([receipt.call_id]);

    const told = next<{ call_id: string; by: string }>(lobby, 'staff_call:acknowledged');
    const updated = next<StaffCall>(counter2, 'staff_call:update');
    const acked = value(await call<StaffCall>(counter1, 'staff_call:ack', { call_id: receipt.call_id }));
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledged_by: 'Nguyễn Thị Lan' });
    expect(await told).toEqual({ call_id: receipt.call_id, by: 'Nguyễn Thị Lan' });
    expect(await updated).toEqual(acked);

    const late = await call(counter2, 'staff_call:ack', { call_id: receipt.call_id });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!late.ok && late.error.message).toMatch(/acknowledged by Nguyễn Thị Lan/);
    // A round trip on the robot's socket after the broadcasts: it heard nothing of the lobby's call.
    value(await call(robot, 'site:get', {}));
    expect(robotHeard).toEqual([]);
  });

  it('refuses bad payloads, unknown calls and roles that may not take part', async () => {
    const lobby = await connect(bridge, '/kiosk', 'lobby-kiosk');
    const staff = await connect(bridge, '/staff', await staffLogin(bridge, 'counter3', 'demo-counter'));
    const display = await connect(bridge, '/display', 'demo-display');
    expect(await call(lobby, 'staff:call', { reason: 'free text, call my cousin' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await call(lobby, 'staff:call', { note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await call(staff, 'staff_call:ack', { call_id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(
      await call(staff, 'staff_call:ack', { call_id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Displays may not call staff: a typed refusal.
    expect(await call(display, 'staff:call', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('limits how many calls a kiosk can make, without touching another kiosk', async () => {
    const robot = await connect(bridge, '/kiosk', 'robot-kiosk');
    const lobby = await connect(bridge, '/kiosk', 'lobby-kiosk');
    const staff = await connect(bridge, '/staff', await staffLogin(bridge, 'counter4', 'demo-counter'));
    const alerts: StaffCall[] = [];
    staff.on('staff_call:new', (c: StaffCall) => alerts.push(c));
    for (let i = 0; i < 3; i++) {
      const { call_id } = value(await call<StaffCallReceipt>(robot, 'staff:call', { reason: 'general' }));
      expect(await call(robot, 'staff_call:cancel', { call_id })).toEqual({ ok: true, value: null });
    }
    const refused = await call(robot, 'staff:call', { reason: 'general' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // The lobby kiosk used one call in the first test and still has its own allowance.
    const other = value(await call<StaffCallReceipt>(lobby, 'staff:call', {}));
    value(await call(staff, 'site:get', {}));
    expect(alerts.map((c) => c.kiosk_name)).toEqual([
      'robot-kiosk',
      'robot-kiosk',
      'robot-kiosk',
      'lobby-kiosk',
    ]);
    expect(alerts.at(-1)?.call_id).toBe(other.call_id);
    // A kiosk cannot cancel another kiosk's call.
    expect(await call(robot, 'staff_call:cancel', { call_id: other.call_id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(metrics).toMatch(/^staff_calls_total\{outcome="rate_limited"\} 1$/m);
    expect(metrics).toMatch(/^staff_calls_open 1$/m);
  });
});

describe('a staff call nobody acknowledges', () => {
  it('expires, staff see it expire and the calling kiosk is told', async () => {
    const bridge = await bridgeWith({ STAFF_CALL_EXPIRY_S: '1' });
    const lobby = await connect(bridge, '/kiosk', 'lobby-kiosk');
    const staff = await connect(bridge, '/staff', await staffLogin(bridge, 'counter1', 'demo-counter'));
    const expired = next<{ call_id: string }>(lobby, 'staff_call:expired');
    const update = next<StaffCall>(staff, 'staff_call:update');
    const { call_id } = value(await call<StaffCallReceipt>(lobby, 'staff:call', { reason: 'mobility' }));
    expect(await expired).toEqual({ call_id });
    expect(await update).toMatchObject({ call_id, state: 'expired', acknowledged_by: null });
    expect(await call(staff, 'staff_call:ack', { call_id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The kiosk may call again after an expiry.
    expect(value(await call<StaffCallReceipt>(lobby, 'staff:call', {})).replayed).toBe(false);
  });
});

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RobotState, StaffClientEvents, StaffServerEvents } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { createLogger } from '../log.ts';

// The bridge with the real firmware (host build) on a pty: staff see its state and command the e-stop.
let sim: SimProcess;
let bridge: RunningBridge;
let staff: Socket<StaffServerEvents, StaffClientEvents>;

async function until(pred: (s: RobotState) => boolean): Promise<RobotState> {
  for (let i = 0; i < 200; i++) {
    const r = await staff.emitWithAck('robot:get', {});
    if (r.ok && pred(r.value)) return r.value;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('robot state never matched');
}

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'robot-svc-'));
  sim = await startSim(path.join(dir, 'robot-tty'));
  const config = readConfig({
    BRIDGE_PORT: '0',
    BRIDGE_HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ROBOT_PORT: sim.ready.port,
  });
  bridge = await startBridge(config, createLogger('silent'));
  // The lead (admin) may reset the e-stop; counter staff may stop the robot but not reset it.
  const login = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lead', password: 'demo-admin-pass' }),
  });
  const { token } = (await login.json()) as { token: string };
  staff = io(`${bridge.url}/staff`, { auth: { token }, transports: ['websocket'] });
  await new Promise((resolve) => staff.once('connect', () => resolve(null)));
}, 300_000);

afterAll(async () => {
  staff.close();
  await bridge.close();
  await sim.stop();
});

describe('RobotService with the simulated base', () => {
  it('reports the link up and the e-stop latched after boot', async () => {
    const s = await until((x) => x.link === 'up' && x.mode !== null && x.battery !== null);
    expect(s.estop_latched).toBe(true);
    expect(s.firmware).toMatch(/^\d+\.\d+\.\d+/);
    expect(s.battery?.soc_pct).toBeGreaterThan(0);
    // A latched e-stop is not healthy, and /healthz says why in plain words.
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as {
      status: string;
      summary: string;
      checks: { name: string; ok: boolean; detail: string }[];
    };
    expect(health.status).toBe('degraded');
    expect(health.checks.find((c) => c.name === 'robot')).toMatchObject({ ok: false });
    expect(health.summary).toContain('emergency stop is latched');
  });

  it('refuses an e-stop reset without the confirmation, and accepts it with', async () => {
    // @ts-expect-error -- the one-click reset a careless client might try
    const careless = await staff.emitWithAck('robot:estop_reset', {});
    expect(careless).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect((await staff.emitWithAck('robot:get', {})).ok && (await until(() => true)).estop_latched).toBe(
      true,
    );

    expect(await staff.emitWithAck('robot:estop_reset', { confirm: 'RESET_ESTOP' })).toEqual({
      ok: true,
      value: null,
    });
    await until((x) => x.estop_latched === false);
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });

  it('latches the e-stop on staff command and broadcasts the state', async () => {
    const seen = new Promise<RobotState>((resolve) => {
      const on = (s: RobotState) => {
        if (s.estop_latched) {
          staff.off('robot:state', on);
          resolve(s);
        }
      };
      staff.on('robot:state', on);
    });
    expect(await staff.emitWithAck('robot:estop', {})).toEqual({ ok: true, value: null });
    expect((await seen).mode).toBe('ESTOP');
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(metrics).toMatch(/robot_link_frames_in_total [1-9]\d*/);
    expect(metrics).toContain('robot_link_up 1');
  });
});

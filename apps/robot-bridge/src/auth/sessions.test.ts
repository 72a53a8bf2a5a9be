import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { BridgeClients, call, disconnected, startTestBridge } from '../testing/bridge-clients.ts';

// Issue 17's session defects, each named after it.
let bridge: RunningBridge;
let root: string;
let dataDir: string;
let clock = Date.now();
const clients = new BridgeClients(() => bridge);

beforeAll(async () => {
  ({ bridge, root, dataDir } = await startTestBridge({
    now: () => clock,
    sweepMs: 3600_000, // sweeps only when a test calls bridge.auth.sweep(): requests alone must re-check
    env: { STAFF_SESSION_IDLE_MINUTES: '30', STAFF_SESSION_HOURS: '8' },
  }));
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('staff sessions', () => {
  it('socket_loses_its_rights_when_the_session_expires', async () => {
    const token = await clients.token('counter1');
    const staff = await clients.connect('/staff', token);
    expect((await call(staff, 'robot:get', {})).ok).toBe(true);
    clock += 29 * 60_000; // idle, but under the 30 min limit
    expect((await call(staff, 'robot:get', {})).ok).toBe(true);
    clock += 31 * 60_000; // idle too long
    const gone = disconnected(staff);
    expect(await call(staff, 'robot:get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await gone;
    await expect(clients.connect('/staff', token)).rejects.toThrow('UNAUTHORIZED');
  });

  it('an_expired_session_is_swept_and_its_idle_socket_disconnected_without_any_request', async () => {
    const staff = await clients.connect('/staff', await clients.token('counter3'));
    clock += 31 * 60_000;
    const gone = disconnected(staff);
    bridge.auth.sweep();
    await gone;
  });

  it('session_ends_at_its_absolute_expiry_even_when_active', async () => {
    const token = await clients.token('counter1');
    const staff = await clients.connect('/staff', token);
    for (let h = 0; h < 8 * 4 - 1; h++) {
      clock += 15 * 60_000;
      expect((await call(staff, 'robot:get', {})).ok, `after ${h}`).toBe(true);
    }
    clock += 15 * 60_000;
    expect(await call(staff, 'robot:get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('logout_ends_the_session_and_disconnects_its_sockets', async () => {
    const token = await clients.token('counter2');
    const staff = await clients.connect('/staff', token);
    const gone = disconnected(staff);
    const out = await fetch(`${bridge.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    await gone;
    await expect(clients.connect('/staff', token)).rejects.toThrow('UNAUTHORIZED');
    const again = await fetch(`${bridge.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(401);
  });

  it('admin_revocation_disconnects_live_sockets_at_once', async () => {
    const staff = await clients.connect('/staff', await clients.token('counter4'));
    const admin = await clients.connect('/admin', await clients.token('lead'));
    const list = await call<{ sessions: { id: string; username: string; sockets: number }[] }>(
      admin,
      'session:list',
      {},
    );
    expect(list.ok && list.value.sessions.find((s) => s.username === 'counter4')?.sockets).toBe(1);
    const gone = disconnected(staff);
    expect(await call(admin, 'session:revoke', { username: 'counter4' })).toEqual({
      ok: true,
      value: { revoked: 1 },
    });
    await gone;
  });

  it('sessions_are_persisted_hashed_and_survive_a_restart', async () => {
    const token = await clients.token('counter1');
    const db = readFileSync(path.join(dataDir, 'bridge.sqlite'));
    const wal = readFileSync(path.join(dataDir, 'bridge.sqlite-wal'));
    expect(Buffer.concat([db, wal]).includes(Buffer.from(token))).toBe(false);
    await bridge.close();
    const restarted = await startTestBridge({ now: () => clock, dataDir, sweepMs: 3600_000 });
    rmSync(restarted.root, { recursive: true, force: true });
    bridge = restarted.bridge;
    await expect(clients.connect('/staff', token)).resolves.toBeDefined();
  });
});

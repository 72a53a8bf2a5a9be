import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  KioskClientEvents,
  KioskServerEvents,
  AdminClientEvents,
  AdminServerEvents,
} from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { smallSite, writeSiteDir } from '@reception/protocol/testing/site-fixtures';

let bridge: RunningBridge;
let siteDir: string;
const sockets: Socket[] = [];

function connect<S extends Socket>(nsp: string, token: string): Promise<S> {
  const socket = io(`${bridge.url}${nsp}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  }) as S;
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function leadToken(): Promise<string> {
  const res = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lead', password: 'demo-admin-pass' }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  siteDir = await writeSiteDir(smallSite());
  const config = readConfig({
    BRIDGE_PORT: '0',
    BRIDGE_HOST: '127.0.0.1',
    SITE_DIR: siteDir,
    LOG_LEVEL: 'silent',
  });
  bridge = await startBridge(config, createLogger('silent'));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await bridge.close();
});

describe('bridge application', () => {
  it('answers /healthz and /metrics', async () => {
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(metrics).toContain('# TYPE bridge_uptime_seconds gauge');
    expect(metrics).toMatch(/^bridge_http_requests_total\{route="\/healthz",status="200"\} 1$/m);
  });

  it('serves the site catalogue to an authenticated kiosk', async () => {
    const kiosk = await connect<Socket<KioskServerEvents, KioskClientEvents>>('/kiosk', 'demo-kiosk');
    const res = await kiosk.emitWithAck('site:get', {});
    expect(res.ok && res.value.services.map((s) => s.prefix)).toEqual(['A', 'B']);
  });

  it('rejects a kiosk with a wrong token', async () => {
    await expect(connect('/kiosk', 'not-a-token')).rejects.toThrow('UNAUTHORIZED');
  });

  it('validates payloads and answers with a typed error', async () => {
    const kiosk = await connect<Socket<KioskServerEvents, KioskClientEvents>>('/kiosk', 'demo-kiosk');
    // @ts-expect-error -- a payload the contract forbids, as a misbehaving client would send it
    const res = await kiosk.emitWithAck('session:language', { language: 'fr' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(res.ok ? '' : res.error.message).toContain('language');
  });

  it('keeps the old site when a reload finds a bad file, and broadcasts a good one', async () => {
    const admin = await connect<Socket<AdminServerEvents, AdminClientEvents>>('/admin', await leadToken());
    const kiosk = await connect<Socket<KioskServerEvents, KioskClientEvents>>('/kiosk', 'demo-kiosk');
    const file = path.join(siteDir, 'site.yaml');
    await writeFile(file, 'id: [broken\n');
    const bad = await admin.emitWithAck('site:reload', {});
    expect(bad.ok).toBe(false);
    expect(bridge.site.current.site.id).toBe('test_ward');

    const next = smallSite();
    next.id = 'renamed_ward';
    await writeFile(file, JSON.stringify(next));
    const changed = new Promise((resolve) => kiosk.once('site:changed', resolve));
    const good = await admin.emitWithAck('site:reload', {});
    expect(good).toEqual({ ok: true, value: { site_id: 'renamed_ward' } });
    expect(await changed).toEqual({ site_id: 'renamed_ward' });
  });

  it('logs staff in and lets only staff tokens into /staff', async () => {
    const bad = await fetch(`${bridge.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'counter1', password: 'wrong-password' }),
    });
    expect(bad.status).toBe(401);
    const good = await fetch(`${bridge.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'counter1', password: 'demo-counter' }),
    });
    const session = (await good.json()) as { token: string; who: { counters: string[] } };
    expect(session.who.counters).toEqual(['counter_1']);
    await expect(connect('/staff', session.token)).resolves.toBeDefined();
    await expect(connect('/staff', 'demo-kiosk')).rejects.toThrow('UNAUTHORIZED');
    // A staff session is not an admin one, and a device token is no session.
    await expect(connect('/admin', session.token)).rejects.toThrow('UNAUTHORIZED');
    await expect(connect('/admin', 'demo-display')).rejects.toThrow('UNAUTHORIZED');
  });
});

import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { QueueEvent, Result, TicketReceipt } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { makeTicketSiteDir } from '@reception/protocol/testing/site-fixtures';

let bridge: RunningBridge;
let root: string;
const sockets: Socket[] = [];

function connect(ns: string, token: string): Promise<Socket> {
  const s = io(`${bridge.url}${ns}`, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}
const call = <T>(s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload) as Promise<Result<T>>;

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${bridge.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  const dirs = makeTicketSiteDir();
  root = dirs.root;
  const config = readConfig({
    BRIDGE_PORT: '0',
    BRIDGE_HOST: '127.0.0.1',
    SITE_DIR: dirs.siteDir,
    DATA_DIR: dirs.dataDir,
  });
  bridge = await startBridge(config, createLogger('silent'));
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('tickets over socket.io', () => {
  it('issues at a kiosk, broadcasts to displays, lets staff call and refuses bad actions with typed errors', async () => {
    const kiosk = await connect('/kiosk', 'demo-kiosk');
    const display = await connect('/display', 'demo-display');
    const staff = await connect('/staff', await login('counter1', 'demo-counter'));
    const events: QueueEvent[] = [];
    display.on('queue:event', (e: QueueEvent) => events.push(e));

    const key = randomUUID();
    const issued = await call<TicketReceipt>(kiosk, 'ticket:issue', {
      service_id: 'civil_status',
      idempotency_key: key,
      language: 'en',
    });
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.value).toMatchObject({
      position: 1,
      counters: [1, 2],
      replayed: false,
      print: { status: 'no_printer' },
    });
    const again = await call<TicketReceipt>(kiosk, 'ticket:issue', {
      service_id: 'civil_status',
      idempotency_key: key,
    });
    expect(again.ok && again.value.ticket.id).toBe(issued.value.ticket.id);

    const bad = await call(kiosk, 'ticket:issue', {
      service_id: 'civil_status',
      idempotency_key: 'not-a-uuid',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    const closed = await call(staff, 'counter:call_next', { counter_id: 'counter_1' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!closed.ok && closed.error.message).toMatch(/^COUNTER_CLOSED/);
    const notMine = await call(staff, 'counter:open', { counter_id: 'counter_3' });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await call(staff, 'counter:open', { counter_id: 'counter_1' })).toEqual({ ok: true, value: null });
    const id = issued.value.ticket.id;
    const never = await call(staff, 'ticket:complete', { counter_id: 'counter_1', ticket_id: id });
    expect(never).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const next = await call<{ ticket: { id: string } | null }>(staff, 'counter:call_next', {
      counter_id: 'counter_1',
    });
    expect(next.ok && next.value.ticket?.id).toBe(id);
    const transfer = await call(staff, 'ticket:transfer', {
      counter_id: 'counter_1',
      ticket_id: id,
      service_id: 'nope',
      position: 'end',
    });
    expect(transfer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const done = await call(staff, 'ticket:complete', { counter_id: 'counter_1', ticket_id: id });
    expect(done.ok).toBe(true);
    expect(await call(kiosk, 'ticket:rate', { ticket_id: id, score: 4 })).toEqual({ ok: true, value: null });

    await expect
      .poll(() => events.map((e) => e.type))
      .toEqual(['ticket.created', 'counter.opened', 'ticket.called', 'ticket.completed', 'ticket.rated']);
    const snap = await call<{ seq: number; counters: { counter_id: string; status: string }[] }>(
      display,
      'queue:snapshot',
      {},
    );
    expect(snap.ok && snap.value.seq).toBe(events.at(-1)?.seq);
    const gap = await call<{ events: QueueEvent[] }>(display, 'queue:events', { after: events[1]?.seq ?? 0 });
    expect(gap.ok && gap.value.events.map((e) => e.type)).toEqual([
      'ticket.called',
      'ticket.completed',
      'ticket.rated',
    ]);

    const report = await call<{ total: { completed: number; rating_mean: number } }>(
      staff,
      'queue:report',
      {},
    );
    expect(report.ok && report.value.total).toMatchObject({ completed: 1, rating_mean: 4 });
  });

  it('reports the ticket database in /healthz, its syncs and checkpoints in /metrics', async () => {
    const health = (await (await fetch(`${bridge.url}/healthz`)).json()) as {
      checks: { name: string; ok: boolean; detail?: string }[];
    };
    expect(health.checks.find((c) => c.name === 'ticket_database')).toEqual({
      name: 'ticket_database',
      ok: true,
      detail: 'synchronous FULL',
    });
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    // The test above issued and acted: each group of commits was synced before it was answered.
    const syncs = Number(/^tickets_durable_sync_seconds_count (\d+)$/m.exec(metrics)?.[1]);
    const commits = Number(/^tickets_durable_sync_commits_total (\d+)$/m.exec(metrics)?.[1]);
    expect(syncs).toBeGreaterThan(0);
    expect(commits).toBeGreaterThanOrEqual(syncs);
    // Checkpoint rounds run every second while there are new commits; the tests above made some.
    await vi.waitFor(
      async () => {
        const text = await (await fetch(`${bridge.url}/metrics`)).text();
        expect(text).toMatch(/^tickets_wal_checkpoint_rounds_total\{outcome="[a-z_]+"\} \d+$/m);
      },
      { timeout: 4000, interval: 100 },
    );
  });

  it('exports the day as CSV for logged-in staff only, and serves the rating page', async () => {
    const token = await login('counter2', 'demo-counter');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const denied = await fetch(`${bridge.url}/api/tickets/report.csv?from=${today}`);
    expect(denied.status).toBe(401);
    const res = await fetch(`${bridge.url}/api/tickets/report.csv?from=${today}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read UTF-8
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'business_date,number,service_id,priority_class,source,language,status,counter_id,call_count,created_at,called_at,started_at,finished_at,waiting_s,handling_s,rating',
    );
    expect(text).toContain(',A001,civil_status,,kiosk,en,completed,counter_1,1,');
    const page = await fetch(`${bridge.url}/rate/${randomUUID()}`);
    expect(page.status).toBe(404);
  });

  it('takes a rating through the QR page once the ticket is completed, once', async () => {
    const kiosk = await connect('/kiosk', 'demo-kiosk');
    const staff = await connect('/staff', await login('counter3', 'demo-counter'));
    const issued = await call<TicketReceipt>(kiosk, 'ticket:issue', {
      service_id: 'land',
      idempotency_key: randomUUID(),
    });
    if (!issued.ok) throw new Error(issued.error.message);
    const id = issued.value.ticket.id;
    const rate = (body: string) =>
      fetch(`${bridge.url}/rate/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await rate('score=5')).status).toBe(409); // not served yet
    // Until then the QR page follows the ticket live: its place in the queue, then the call.
    const waiting = await (await fetch(`${bridge.url}/rate/${id}?lang=en`)).text();
    expect(waiting).toContain('<meta http-equiv="refresh" content="15">');
    expect(waiting).toContain(`Your number: ${issued.value.ticket.number}`);
    expect(waiting).toContain('Nobody is ahead of you');
    expect(waiting).not.toContain('name="score"');
    await call(staff, 'counter:open', { counter_id: 'counter_3' });
    await call(staff, 'counter:call_next', { counter_id: 'counter_3' });
    const called = await (await fetch(`${bridge.url}/rate/${id}?lang=en`)).text();
    expect(called).toContain('It is your turn! Please go to counter 3.');
    await call(staff, 'ticket:complete', { counter_id: 'counter_3', ticket_id: id });
    const form = await fetch(`${bridge.url}/rate/${id}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="score"');
    // The test site offers vi and en: English on request, Urdu refused for the site's default.
    expect(await (await fetch(`${bridge.url}/rate/${id}?lang=en`)).text()).toContain(
      'how satisfied are you?',
    );
    expect(await (await fetch(`${bridge.url}/rate/${id}?lang=ur`)).text()).toContain('<html lang="vi"');
    const refused = await rate('score=9');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Vui lòng chọn từ 1 đến 5 sao.');
    const thanks = await rate(`score=2&reason=${encodeURIComponent('Chờ lâu quá')}`);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Cảm ơn');
    expect((await rate('score=5')).status).toBe(409); // once only
    const report = await call<{ reasons: { score: number; reason: string }[] }>(staff, 'queue:report', {
      counter_id: 'counter_3',
    });
    expect(report.ok && report.value.reasons).toEqual([{ score: 2, reason: 'Chờ lâu quá' }]);
  });
});

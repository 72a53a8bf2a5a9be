import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { WEEKDAYS, type QueueEvent, type Ticket } from '@reception/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { businessDate } from '../business-day.ts';
import { HttpTicketQueue } from './http-ticket-queue.ts';
import { receiveWebhook } from './webhook-receiver.ts';
import { makeTicketSiteDir } from '@reception/protocol/testing/site-fixtures';
import { ticketTestSite } from '@reception/protocol/testing/ticket-site';
import { TicketError } from '../ticket-queue.ts';

/**
 * The outage the adapter must ride out: five times its 2 s retry-backoff cap by default, so the deliverer
 * has long given up quick retries before the server comes back. The queue issue's 60 s figure is the same
 * test with `QUEUE_OUTAGE_MS=60000` (a soak, too slow for every CI run: it waits in real time).
 */
const OUTAGE_MS = Number(process.env.QUEUE_OUTAGE_MS ?? 10_000);
/**
 * Issue pace during the outage: one ticket per 1/60 of it, after each answer (while the system is down every
 * issue first waits up to the adapter's confirm time, 800 ms, so fewer than 60 go out).
 */
const OUTAGE_TICKETS = 60;
const TOKEN = 'test-queue-token';
const SECRET = 'test-webhook-secret';

let dirs: ReturnType<typeof makeTicketSiteDir>;
let server: ChildProcess | undefined;
let port = 0;
let hook: Server;
let queue: HttpTicketQueue;
const site = ticketTestSite();
const events: QueueEvent[] = [];

async function startReference(fixedPort: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, '../testing/reference-server-main.ts'),
      ...['--db', path.join(dirs.dataDir, 'external.sqlite'), '--site', path.join(dirs.siteDir, 'site.yaml')],
      ...['--port', String(fixedPort), '--token', TOKEN, '--secret', SECRET],
      ...['--webhook', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/queue/webhook`],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  server = child;
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`reference server exited with ${String(code)}`)));
  });
  port = (JSON.parse(line) as { port: number }).port;
}

async function kill(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

async function remoteTickets(): Promise<Ticket[]> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: site.timezone }).format(new Date());
  const res = await fetch(`http://127.0.0.1:${port}/v1/tickets?from=${day}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return ((await res.json()) as { tickets: Ticket[] }).tickets;
}

const issue = (service_id: string) =>
  queue.issue({ service_id, idempotency_key: randomUUID(), source: 'kiosk', actor: 'kiosk:test' });

beforeAll(async () => {
  dirs = makeTicketSiteDir(site);
  const log = pino({ level: 'silent' });
  hook = createServer((req, res) => {
    void (async () => {
      if (req.url !== '/api/queue/webhook' || req.method !== 'POST') return res.writeHead(404).end();
      let body = '';
      for await (const chunk of req as AsyncIterable<Buffer>) body += chunk.toString('utf8');
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const answer = await receiveWebhook(queue, SECRET, log, {
        timestamp: header('x-queue-timestamp'),
        signature: header('x-queue-signature'),
        body,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    })();
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  await startReference(0);
  queue = new HttpTicketQueue({
    baseUrl: `http://127.0.0.1:${port}`,
    token: TOKEN,
    site: () => site,
    outboxFile: path.join(dirs.dataDir, 'outbox.sqlite'),
    blockSize: 40,
    log,
  });
  queue.subscribe((e) => events.push(e));
  for (let i = 0; i < 200 && !queue.online; i++) await new Promise((r) => setTimeout(r, 50));
}, 30_000);

afterAll(async () => {
  await queue.close();
  await kill();
  await new Promise((r) => hook.close(r));
  rmSync(dirs.root, { recursive: true, force: true });
});

describe('HttpTicketQueue against the reference server (separate process)', () => {
  it('issues online, counter actions pass through, refusals keep their code, webhooks arrive in order', async () => {
    const a = await issue('civil_status');
    expect(a.ticket.number).toMatch(/^A\d{3}$/);
    expect(queue.pendingDeliveries()).toBe(0);
    await queue.openCounter('counter_1', 'counter1');
    const closed = await queue.callNext('counter_3', 'x').catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(TicketError);
    expect((closed as TicketError).code).toBe('COUNTER_CLOSED');
    const called = await queue.callNext('counter_1', 'counter1');
    expect(called?.id).toBe(a.ticket.id);
    await queue.complete('counter_1', a.ticket.id, 'counter1');
    await expect
      .poll(() => events.map((e) => e.type), { timeout: 10_000 })
      .toEqual(['ticket.created', 'counter.opened', 'ticket.called', 'ticket.completed']);
    for (let i = 1; i < events.length; i++) expect(events[i]?.seq).toBe((events[i - 1]?.seq ?? 0) + 1);
  });

  it(
    `keeps issuing through a ${OUTAGE_MS / 1000} s outage and delivers every ticket afterwards once, in order`,
    async () => {
      const before = (await remoteTickets()).length;
      await kill();
      const issued: Ticket[] = [];
      const services = ['civil_status', 'certified_copy', 'land'];
      const started = Date.now();
      let i = 0;
      while (Date.now() - started < OUTAGE_MS) {
        const r = await issue(services[i++ % 3] ?? 'land');
        issued.push(r.ticket);
        await new Promise((res) => setTimeout(res, OUTAGE_MS / OUTAGE_TICKETS));
      }
      expect(queue.online).toBe(false);
      expect(queue.pendingDeliveries()).toBe(issued.length);
      const outageMs = Date.now() - started;
      await startReference(port);
      const back = Date.now();
      await expect.poll(() => queue.pendingDeliveries(), { timeout: 30_000, interval: 100 }).toBe(0);
      const drainMs = Date.now() - back;

      const remote = await remoteTickets();
      expect(remote.length).toBe(before + issued.length);
      const byId = new Map(remote.map((t) => [t.id, t]));
      for (const t of issued) expect(byId.get(t.id)?.number).toBe(t.number);
      const remoteOrder = remote.filter((t) => issued.some((x) => x.id === t.id)).map((t) => t.id);
      expect(remoteOrder).toEqual(issued.map((t) => t.id));
      expect(new Set(remote.map((t) => `${t.business_date}/${t.number}`)).size).toBe(remote.length);
      // Measured numbers for the issue note.
      console.log(
        JSON.stringify({ outage_ms: outageMs, issued_during_outage: issued.length, drain_ms: drainMs }),
      );
    },
    OUTAGE_MS + 60_000,
  );

  it('stops asking for later days from a queue system on the older contract (no wasted blocks)', async () => {
    // Reserves today's numbers whatever business_date says, like a server written before that field.
    const asked: unknown[] = [];
    const today = businessDate(new Date(), site.timezone, site.queue.reset_hour);
    let next = 1;
    const old = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/v1/number-blocks') {
          asked.push(JSON.parse(body));
          res
            .writeHead(201)
            .end(JSON.stringify({ business_date: today, first: next, last: (next += 10) - 1 }));
        } else if (req.url === '/v1/snapshot') {
          res.end(
            JSON.stringify({ seq: 1, business_date: today, counters: [], recent_calls: [], waiting: [] }),
          );
        } else res.writeHead(404).end('{}');
      });
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
    const q = new HttpTicketQueue({
      baseUrl: `http://127.0.0.1:${(old.address() as AddressInfo).port}`,
      token: TOKEN,
      site: () => site,
      outboxFile: path.join(dirs.dataDir, 'old-contract-outbox.sqlite'),
      blockSize: 10,
      log: pino({ level: 'silent' }),
    });
    try {
      await expect.poll(() => q.online, { timeout: 10_000 }).toBe(true);
      for (let i = 0; i < 3; i++) await q.topUp();
      // Today's block per prefix (3), plus one try for a later day; then no more.
      expect(asked).toHaveLength(site.services.length + 1);
    } finally {
      await q.close();
      await new Promise((r) => old.close(r));
    }
  });

  it('hands out no number from a block answer that breaks the contract', async () => {
    // Answers 201 with a block for today that starts at 0: numbers start at 1, so 0 breaks the contract.
    const today = businessDate(new Date(), site.timezone, site.queue.reset_hour);
    let asked = 0;
    const broken = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/v1/number-blocks') {
          asked++;
          res.writeHead(201).end(JSON.stringify({ business_date: today, first: 0, last: 9 }));
        } else res.writeHead(404).end('{}');
      });
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const q = new HttpTicketQueue({
      baseUrl: `http://127.0.0.1:${(broken.address() as AddressInfo).port}`,
      token: TOKEN,
      site: () => site,
      outboxFile: path.join(dirs.dataDir, 'broken-contract-outbox.sqlite'),
      log: pino({ level: 'silent' }),
    });
    try {
      const refused = await q
        .issue({ service_id: 'civil_status', idempotency_key: randomUUID(), source: 'kiosk', actor: 'k' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TicketError);
      expect((refused as TicketError).code).toBe('QUEUE_UNAVAILABLE');
      expect(asked).toBeGreaterThan(0);
      expect(q.online).toBe(false);
    } finally {
      await q.close();
      await new Promise((r) => broken.close(r));
    }
  });

  it('keeps issuing when a new business day starts while the queue system is down', async () => {
    // Open every day, so that the next business day is tomorrow whatever weekday this runs on.
    const everyDay = { ...site, opening_hours: [{ days: [...WEEKDAYS], open: '07:30', close: '17:00' }] };
    let clock = Date.now();
    const dayOf = (t: number) => businessDate(new Date(t), site.timezone, site.queue.reset_hour);
    const night = new HttpTicketQueue({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      site: () => everyDay,
      outboxFile: path.join(dirs.dataDir, 'night-outbox.sqlite'),
      blockSize: 10,
      log: pino({ level: 'silent' }),
      now: () => clock,
    });
    try {
      await expect.poll(() => night.online, { timeout: 10_000 }).toBe(true);
      await kill();
      const today = dayOf(clock);
      clock += 24 * 3_600_000; // midnight passes during the outage
      const tomorrow = dayOf(clock);
      expect(tomorrow).not.toBe(today);
      const issued: Ticket[] = [];
      for (const service_id of ['civil_status', 'civil_status', 'land']) {
        const r = await night.issue({
          service_id,
          idempotency_key: randomUUID(),
          source: 'kiosk',
          actor: 'k',
        });
        issued.push(r.ticket);
      }
      // Numbers of tomorrow, from the block reserved for it (the other adapter in this file holds one too).
      expect(issued.map((t) => [t.business_date, t.prefix])).toEqual([
        [tomorrow, 'A'],
        [tomorrow, 'A'],
        [tomorrow, 'C'],
      ]);
      expect(issued[1]?.seq).toBe((issued[0]?.seq ?? 0) + 1);
      await startReference(port);
      await expect.poll(() => night.pendingDeliveries(), { timeout: 30_000, interval: 100 }).toBe(0);
      const res = await fetch(`http://127.0.0.1:${port}/v1/tickets?from=${tomorrow}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const remote = ((await res.json()) as { tickets: Ticket[] }).tickets;
      expect(remote.map((t) => [t.id, t.business_date, t.number])).toEqual(
        issued.map((t) => [t.id, t.business_date, t.number]),
      );
      // The contract refuses blocks for a day that is over.
      const past = await fetch(`http://127.0.0.1:${port}/v1/number-blocks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prefix: 'A', size: 5, business_date: '2020-01-01' }),
      });
      expect(past.status).toBeGreaterThanOrEqual(400);
      expect(((await past.json()) as { error: { message: string } }).error.message).toMatch(/2020-01-01/);
    } finally {
      await night.close();
    }
  }, 60_000);
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Site } from '@reception/protocol';
import { ticketTestSite } from '@reception/protocol/testing/ticket-site';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssueInput } from '../ticket-queue.ts';
import { SqliteTicketQueue } from './sqlite-ticket-queue.ts';

// Transfers between services (issue 17): "to the front" beats priority tickets, a transfer is not a call,
// displays hear of it with the calls, and the report counts the ticket as issued where it was issued.

let dir: string;
let site: Site;
const open = (s: Site = site) =>
  new SqliteTicketQueue({
    file: path.join(dir, 'q.sqlite'),
    site: () => s,
    now: () => Date.parse('2026-11-23T02:00:00Z'),
  });
const req = (service_id: string, extra: Partial<IssueInput> = {}): IssueInput => ({
  service_id,
  idempotency_key: randomUUID(),
  source: 'kiosk',
  actor: 'kiosk:test',
  ...extra,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'transfers-'));
  site = ticketTestSite();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteTicketQueue transfers', () => {
  it('a ticket transferred to the front goes before waiting priority tickets, strict or interleaved', async () => {
    for (const ordering of [{ mode: 'strict' as const }, { mode: 'interleave' as const, every: 2 }]) {
      rmSync(path.join(dir, 'q.sqlite'), { force: true });
      site = ticketTestSite(ordering);
      const q = open();
      await q.openCounter('counter_1', 'x');
      await q.openCounter('counter_3', 'z');
      const a = await q.issue(req('civil_status'));
      const old = await q.issue(req('land', { priority: { class_id: 'elderly' } }));
      const n1 = await q.issue(req('land'));
      await q.callNext('counter_1', 'x');
      await q.transfer('counter_1', a.ticket.id, 'land', 'front', 'x');
      // Its place in line says so too: first, and the priority ticket second.
      expect((await q.status(a.ticket.id)).position).toBe(1);
      expect((await q.status(old.ticket.id)).position).toBe(2);
      expect((await q.status(n1.ticket.id)).position).toBe(3);
      const order: string[] = [];
      for (let t = await q.callNext('counter_3', 'z'); t; t = await q.callNext('counter_3', 'z')) {
        order.push(t.number);
        await q.complete('counter_3', t.id, 'z');
      }
      expect(order, ordering.mode).toEqual([a.ticket.number, old.ticket.number, n1.ticket.number]);
      await q.close();
    }
  });

  it('a priority ticket issued after a transfer to the front counts that ticket ahead of it', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    const a = await q.issue(req('civil_status'));
    await q.callNext('counter_1', 'x');
    await q.transfer('counter_1', a.ticket.id, 'land', 'front', 'x');
    const old = await q.issue(req('land', { priority: { class_id: 'elderly' } }));
    expect(old.position).toBe(2);
    await q.close();
  });

  it('a transferred ticket called at its new counter reads called once: a transfer is not a call', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    await q.openCounter('counter_3', 'z');
    const a = await q.issue(req('civil_status'));
    await q.callNext('counter_1', 'x');
    await q.recall('counter_1', a.ticket.id, 'x');
    const moved = await q.transfer('counter_1', a.ticket.id, 'land', 'end', 'x');
    expect(moved.call_count).toBe(0);
    const called = await q.callNext('counter_3', 'z');
    expect(called?.id).toBe(a.ticket.id);
    expect(called?.call_count).toBe(1);
    await q.close();
  });

  it('tells displays of a transfer with the calls, in the snapshot too', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    const a = await q.issue(req('civil_status'));
    await q.callNext('counter_1', 'x');
    await q.transfer('counter_1', a.ticket.id, 'land', 'front', 'x');
    const snap = await q.snapshot();
    expect(snap.recent_calls.map((e) => [e.type, e.ticket?.service_id, e.counter_number])).toEqual([
      ['ticket.transferred', 'land', 1],
      ['ticket.called', 'civil_status', 1],
    ]);
    expect(snap.counters.find((c) => c.counter_id === 'counter_1')?.current).toBeNull();
    await q.close();
  });
});

describe('SqliteTicketQueue report: the Issued column', () => {
  it('counts a transferred ticket as issued for its first service, and counts no issues per counter', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    await q.openCounter('counter_3', 'z');
    const a = await q.issue(req('civil_status'));
    await q.issue(req('civil_status'));
    await q.issue(req('land'));
    await q.callNext('counter_1', 'x');
    await q.transfer('counter_1', a.ticket.id, 'land', 'front', 'x');
    const moved = await q.callNext('counter_3', 'z');
    expect(moved?.id).toBe(a.ticket.id);
    await q.complete('counter_3', a.ticket.id, 'z');

    const r = await q.report({});
    const service = (k: string) => r.by_service.find((x) => x.key === k);
    expect(service('civil_status')).toMatchObject({ issued: 2, completed: 0 });
    expect(service('land')).toMatchObject({ issued: 1, completed: 1 });
    expect(r.total.issued).toBe(3);
    expect(r.by_counter.map((x) => [x.key, x.issued, x.completed])).toEqual([['counter_3', null, 1]]);
    const mine = await q.report({ counter_id: 'counter_3' });
    expect(mine.total).toMatchObject({ issued: null, completed: 1 });
    expect(mine.by_service.map((x) => x.issued)).toEqual([null]);
    await q.close();
  });

  it('opens a file from before transfers to the front, and counts its transferred ticket where issued', async () => {
    const file = path.join(dir, 'q.sqlite');
    const q1 = open();
    const a = await q1.issue(req('civil_status'));
    await q1.openCounter('counter_1', 'x');
    await q1.callNext('counter_1', 'x');
    await q1.transfer('counter_1', a.ticket.id, 'land', 'end', 'x');
    await q1.close();
    // Take the file back to the old schema: no `front` column, no index on it.
    const db = new Database(file);
    db.exec('DROP INDEX tickets_front; ALTER TABLE tickets DROP COLUMN front;');
    db.close();
    const q2 = open();
    const r = await q2.report({});
    expect(r.by_service.map((x) => [x.key, x.issued])).toEqual([
      ['civil_status', 1],
      ['land', 0],
    ]);
    expect((await q2.status(a.ticket.id)).position).toBe(1);
    await q2.openCounter('counter_3', 'z');
    const b = await q2.issue(req('land', { priority: { class_id: 'elderly' } }));
    await q2.openCounter('counter_1', 'x');
    expect((await q2.callNext('counter_3', 'z'))?.id).toBe(b.ticket.id);
    await q2.close();
  });
});

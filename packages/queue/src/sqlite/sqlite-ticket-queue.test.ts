import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { QueueEvent, Site } from '@reception/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteTicketQueue } from './sqlite-ticket-queue.ts';
import { ticketTestSite } from '@reception/protocol/testing/ticket-site';
import { TicketError, type IssueInput } from '../ticket-queue.ts';

let dir: string;
let clock: number;
let site: Site;
const open = (s: Site = site) =>
  new SqliteTicketQueue({ file: path.join(dir, 'q.sqlite'), site: () => s, now: () => clock });
const req = (service_id: string, extra: Partial<IssueInput> = {}): IssueInput => ({
  service_id,
  idempotency_key: randomUUID(),
  source: 'kiosk',
  actor: 'kiosk:test',
  ...extra,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tickets-'));
  clock = Date.parse('2026-11-23T02:00:00Z'); // 09:00 in Hanoi
  site = ticketTestSite();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<TicketError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TicketError);
  return e as TicketError;
}

describe('SqliteTicketQueue issuing', () => {
  it('numbers per prefix from 1, formatted with the site digits, on the local business date', async () => {
    const q = open();
    const a1 = await q.issue(req('civil_status'));
    const a2 = await q.issue(req('civil_status'));
    const b1 = await q.issue(req('certified_copy'));
    expect([a1.ticket.number, a2.ticket.number, b1.ticket.number]).toEqual(['A001', 'A002', 'B001']);
    expect(a1.ticket.business_date).toBe('2026-11-23');
    expect(a1.ticket.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([a1.position, a2.position, b1.position]).toEqual([1, 2, 1]);
    await q.close();
  });

  it('returns the same ticket for a retried idempotency key and refuses a different request with it', async () => {
    const q = open();
    const r = req('civil_status');
    const first = await q.issue(r);
    const again = await q.issue(r);
    expect(again.replayed).toBe(true);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect((await q.snapshot()).waiting).toEqual([{ service_id: 'civil_status', count: 1, priority: 0 }]);
    expect((await refusal(q.issue({ ...r, service_id: 'land' }))).code).toBe('IDEMPOTENCY_MISMATCH');
    await q.close();
  });

  it('commits issues of the same turn together, each with its own outcome', async () => {
    const q = open();
    const same = req('land');
    const results = await Promise.allSettled([
      q.issue(req('land')),
      q.issue(same),
      q.issue(req('land', { priority: { class_id: 'nope' } })),
      q.issue(same),
      q.issue(req('land')),
    ]);
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value.ticket.number : 'refused'));
    expect(values).toEqual(['C001', 'C002', 'refused', 'C002', 'C003']);
    expect(results[3].status === 'fulfilled' && results[3].value.replayed).toBe(true);
    const created = (await q.eventsAfter(0, 100)).events.filter((e) => e.type === 'ticket.created');
    expect(created.map((e) => e.ticket?.number)).toEqual(['C001', 'C002', 'C003']);
    await q.close();
  });

  it('refuses unknown services and priority classes', async () => {
    const q = open();
    expect((await refusal(q.issue(req('nope')))).code).toBe('UNKNOWN_SERVICE');
    const bad = req('land', { priority: { class_id: 'vip' } });
    expect((await refusal(q.issue(bad))).code).toBe('UNKNOWN_PRIORITY_CLASS');
    expect((await q.eventsAfter(0, 100)).events.filter((e) => e.type === 'ticket.created')).toEqual([]);
    await q.close();
  });

  it('keeps tickets, numbering and the event sequence across a reopen', async () => {
    let q = open();
    await q.issue(req('land'));
    const seqBefore = (await q.snapshot()).seq;
    await q.close();
    q = open();
    const next = await q.issue(req('land'));
    expect(next.ticket.number).toBe('C002');
    expect((await q.snapshot()).seq).toBe(seqBefore + 1);
    await q.close();
  });
});

describe('SqliteTicketQueue number blocks', () => {
  it('reserves blocks for today up to 14 days ahead, and refuses a past day or a later one', async () => {
    const q = open();
    // The test clock is 2026-11-23 in Hanoi.
    expect(await q.reserveNumbers('A', 5)).toEqual({ business_date: '2026-11-23', first: 1, last: 5 });
    expect(await q.reserveNumbers('A', 5, '2026-12-07')).toEqual({
      business_date: '2026-12-07',
      first: 1,
      last: 5,
    });
    for (const day of ['2026-11-22', '2026-12-08']) {
      const e = await refusal(q.reserveNumbers('A', 5, day));
      expect(e.code).toBe('INVALID_TRANSITION');
      expect(e.message).toContain(`up to 14 days ahead, not for ${day}`);
    }
    // Today's numbers go on after the block: the next ticket is A006.
    expect((await q.issue(req('civil_status'))).ticket.number).toBe('A006');
    await q.close();
  });
});

describe('SqliteTicketQueue counter actions', () => {
  it('calls in order, recalls, starts, completes and logs every step with growing seq', async () => {
    const q = open();
    const seen: QueueEvent[] = [];
    q.subscribe((e) => seen.push(e));
    const a = await q.issue(req('civil_status'));
    await q.issue(req('civil_status'));
    await q.openCounter('counter_1', 'counter1');
    const called = await q.callNext('counter_1', 'counter1');
    expect(called?.id).toBe(a.ticket.id);
    expect(called?.status).toBe('called');
    await q.recall('counter_1', a.ticket.id, 'counter1');
    await q.start('counter_1', a.ticket.id, 'counter1');
    const done = await q.complete('counter_1', a.ticket.id, 'counter1');
    expect(done.status).toBe('completed');
    expect(done.call_count).toBe(2);
    expect(seen.map((e) => e.type)).toEqual([
      'ticket.created',
      'ticket.created',
      'counter.opened',
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.completed',
    ]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.seq).toBe((seen[i - 1]?.seq ?? 0) + 1);
    expect(seen[3]?.counter_number).toBe(1);
    const tail = await q.eventsAfter(seen[4]?.seq ?? 0, 100);
    expect(tail.events.map((e) => e.type)).toEqual(['ticket.started', 'ticket.completed']);
    expect(tail.complete).toBe(true);
    const snap = await q.snapshot();
    expect(snap.recent_calls.map((e) => e.type)).toEqual(['ticket.recalled', 'ticket.called']);
    await q.close();
  });

  it('refuses invalid actions with a typed error and changes nothing', async () => {
    const q = open();
    const a = await q.issue(req('civil_status'));
    const before = { snap: await q.snapshot(), ticket: q.ticket(a.ticket.id) };
    // Complete a ticket that was never called.
    expect((await refusal(q.complete('counter_1', a.ticket.id, 'x'))).code).toBe('INVALID_TRANSITION');
    // Call next at a closed counter.
    const closed = await refusal(q.callNext('counter_1', 'x'));
    expect(closed.code).toBe('COUNTER_CLOSED');
    expect(closed.wireCode).toBe('CONFLICT');
    expect({ snap: await q.snapshot(), ticket: q.ticket(a.ticket.id) }).toEqual(before);

    await q.openCounter('counter_1', 'x');
    await q.callNext('counter_1', 'x');
    const mid = { snap: await q.snapshot(), ticket: q.ticket(a.ticket.id) };
    // Transfer to an unknown service.
    const unknown = await refusal(q.transfer('counter_1', a.ticket.id, 'no_such_service', 'front', 'x'));
    expect(unknown.code).toBe('UNKNOWN_SERVICE');
    expect(unknown.wireCode).toBe('NOT_FOUND');
    expect((await refusal(q.complete('counter_2', a.ticket.id, 'x'))).code).toBe('WRONG_COUNTER');
    expect((await refusal(q.callNext('counter_1', 'x'))).code).toBe('COUNTER_BUSY');
    expect((await refusal(q.closeCounter('counter_1', 'x'))).code).toBe('COUNTER_BUSY');
    expect((await refusal(q.callNext('counter_9', 'x'))).code).toBe('UNKNOWN_COUNTER');
    expect((await refusal(q.rate(a.ticket.id, 5, undefined, 'x'))).code).toBe('NOT_RATEABLE');
    expect({ snap: await q.snapshot(), ticket: q.ticket(a.ticket.id) }).toEqual(mid);
    await q.close();
  });

  it('answers null when nobody waits, and shares a service queue between counters', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    await q.openCounter('counter_2', 'y');
    expect(await q.callNext('counter_1', 'x')).toBeNull();
    const a1 = await q.issue(req('civil_status'));
    const b1 = await q.issue(req('certified_copy'));
    const a2 = await q.issue(req('civil_status'));
    expect((await q.callNext('counter_2', 'y'))?.id).toBe(a1.ticket.id);
    expect((await q.callNext('counter_1', 'x'))?.id).toBe(a2.ticket.id);
    await q.noShow('counter_2', a1.ticket.id, 'y');
    expect((await q.callNext('counter_2', 'y'))?.id).toBe(b1.ticket.id);
    await q.close();
  });

  it('transfers to the front or the end of another service, keeping the number', async () => {
    const q = open();
    await q.openCounter('counter_1', 'x');
    await q.openCounter('counter_3', 'z');
    const a = await q.issue(req('civil_status'));
    const c1 = await q.issue(req('land'));
    const c2 = await q.issue(req('land'));
    await q.callNext('counter_1', 'x');
    const moved = await q.transfer('counter_1', a.ticket.id, 'land', 'front', 'x');
    expect(moved).toMatchObject({ status: 'waiting', service_id: 'land', number: 'A001', counter_id: null });
    expect((await q.status(a.ticket.id)).position).toBe(1);
    expect((await q.callNext('counter_3', 'z'))?.id).toBe(a.ticket.id);
    const back = await q.transfer('counter_3', a.ticket.id, 'land', 'end', 'z');
    expect(back.service_id).toBe('land');
    expect((await q.status(a.ticket.id)).position).toBe(3);
    expect((await q.callNext('counter_3', 'z'))?.id).toBe(c1.ticket.id);
    await q.complete('counter_3', c1.ticket.id, 'z');
    expect((await q.callNext('counter_3', 'z'))?.id).toBe(c2.ticket.id);
    await q.close();
  });

  it('serves priority tickets first under strict ordering, by rank then arrival', async () => {
    const q = open();
    await q.openCounter('counter_3', 'z');
    const n1 = await q.issue(req('land'));
    const appt = await q.issue(req('land', { priority: { class_id: 'appointment' } }));
    const old = await q.issue(req('land', { priority: { class_id: 'elderly', reason: 'age 75' } }));
    expect(old.ticket.priority_reason).toBe('age 75');
    expect(old.position).toBe(1);
    expect((await q.status(n1.ticket.id)).position).toBe(3);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await q.callNext('counter_3', 'z');
      if (!t) break;
      order.push(t.id);
      await q.complete('counter_3', t.id, 'z');
    }
    expect(order).toEqual([old.ticket.id, appt.ticket.id, n1.ticket.id]);
    await q.close();
  });

  it('interleaves at most every-1 priority calls per normal call', async () => {
    site = ticketTestSite({ mode: 'interleave', every: 3 });
    const q = open();
    await q.openCounter('counter_3', 'z');
    for (let i = 0; i < 3; i++) await q.issue(req('land'));
    for (let i = 0; i < 5; i++) await q.issue(req('land', { priority: { class_id: 'elderly' } }));
    const kinds: string[] = [];
    for (;;) {
      const t = await q.callNext('counter_3', 'z');
      if (!t) break;
      kinds.push(t.priority_class ? 'P' : 'N');
      await q.complete('counter_3', t.id, 'z');
    }
    expect(kinds.join('')).toBe('PPNPPNPN');
    await q.close();
  });

  it('estimates the wait from recent handling times and open counters', async () => {
    const q = open();
    await q.openCounter('counter_3', 'z');
    for (let i = 0; i < 3; i++) {
      const { ticket } = await q.issue(req('land'));
      await q.callNext('counter_3', 'z');
      clock += 4 * 60_000;
      await q.complete('counter_3', ticket.id, 'z');
    }
    await q.issue(req('land'));
    await q.issue(req('land'));
    const third = await q.issue(req('land'));
    expect(third.position).toBe(3);
    expect(third.estimated_wait_min).toBe(8);
    await q.close();
  });
});

describe('SqliteTicketQueue daily reset', () => {
  it('restarts numbering at the reset hour in the site timezone and expires open tickets', async () => {
    site = ticketTestSite({ mode: 'strict' }, 2);
    clock = Date.parse('2026-11-23T18:30:00Z'); // 01:30 on the 24th in Hanoi: still the 23rd's business day
    const q = open();
    const late = await q.issue(req('land'));
    expect(late.ticket).toMatchObject({ number: 'C001', business_date: '2026-11-23' });
    const seen: QueueEvent[] = [];
    q.subscribe((e) => seen.push(e));
    clock = Date.parse('2026-11-23T19:00:00Z'); // 02:00 in Hanoi
    const fresh = await q.issue(req('land'));
    expect(fresh.ticket).toMatchObject({ number: 'C001', business_date: '2026-11-24' });
    expect((await q.status(late.ticket.id)).ticket.status).toBe('expired');
    expect(seen.map((e) => e.type)).toEqual(['queue.reset', 'ticket.created']);
    expect((await q.snapshot()).waiting).toEqual([{ service_id: 'land', count: 1, priority: 0 }]);
    await q.close();
  });
});

describe('SqliteTicketQueue ratings and reports', () => {
  it('rates completed tickets once and reports percentiles, no-shows and ratings', async () => {
    const q = open();
    await q.openCounter('counter_3', 'z');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await q.issue(req('land'))).ticket.id);
    for (let i = 0; i < 4; i++) {
      clock += 60_000 * (i + 1);
      const t = await q.callNext('counter_3', 'z');
      if (!t) throw new Error('expected a ticket');
      if (i === 3) {
        await q.noShow('counter_3', t.id, 'z');
        continue;
      }
      await q.start('counter_3', t.id, 'z');
      clock += 120_000;
      await q.complete('counter_3', t.id, 'z');
    }
    await q.rate(ids[0] ?? '', 5, undefined, 'kiosk');
    await q.rate(ids[1] ?? '', 2, 'too slow', 'qr');
    expect((await refusal(q.rate(ids[0] ?? '', 4, undefined, 'kiosk'))).code).toBe('NOT_RATEABLE');
    const r = await q.report({});
    expect(r.total).toMatchObject({ issued: 4, completed: 3, no_show: 1, rating_count: 2, rating_mean: 3.5 });
    expect(r.total.handling).toEqual({ count: 3, p50_s: 120, p90_s: 120 });
    expect(r.total.waiting.count).toBe(4);
    expect(r.by_counter.map((x) => x.key)).toEqual(['counter_3']);
    expect(r.reasons).toEqual([{ score: 2, reason: 'too slow' }]);
    expect(r.ratings.find((x) => x.score === 5)?.count).toBe(1);
    await q.close();
  });
});

describe('SqliteTicketQueue durability (synchronous FULL)', () => {
  /** A disk whose syncs finish only when the test says so. */
  function heldDisk() {
    const held: ((e: Error | null) => void)[] = [];
    return {
      held,
      syncFile: (_fd: number, done: (e: Error | null) => void) => void held.push(done),
      release: (e: Error | null = null) => held.shift()?.(e),
    };
  }
  const openWith = (disk: ReturnType<typeof heldDisk>, synchronous: 'FULL' | 'NORMAL' = 'FULL') =>
    new SqliteTicketQueue({
      file: path.join(dir, 'q.sqlite'),
      site: () => site,
      now: () => clock,
      synchronous,
      syncFile: disk.syncFile,
    });
  const rowsOnFile = () => {
    const db = new Database(path.join(dir, 'q.sqlite'), { readonly: true });
    const n = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tickets').get()?.n ?? -1;
    db.close();
    return n;
  };
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(
      () => (done = true),
      () => (done = true),
    );
    await new Promise((r) => setTimeout(r, 20));
    return done;
  };

  it('answers and publishes nothing before the sync, and starts no commit while one runs', async () => {
    const disk = heldDisk();
    const q = openWith(disk);
    const seen: string[] = [];
    q.subscribe((e) => seen.push(`${e.type} ${e.ticket?.number ?? ''}`));
    const first = q.issue(req('civil_status'));
    expect(await settled(first)).toBe(false);
    expect(disk.held).toHaveLength(1);
    expect(seen).toEqual([]);
    expect(rowsOnFile()).toBe(1); // committed (in the WAL), waiting for its sync

    const second = q.issue(req('civil_status'));
    const third = q.issue(req('civil_status'));
    expect(await settled(second)).toBe(false);
    expect(rowsOnFile()).toBe(1); // no commit while the first sync runs

    disk.release();
    expect((await first).ticket.number).toBe('A001');
    expect(seen).toEqual(['ticket.created A001']);
    // The two that waited form one group: one commit, one sync.
    await new Promise((r) => setTimeout(r, 20));
    expect(rowsOnFile()).toBe(3);
    expect(disk.held).toHaveLength(1);
    expect(await settled(second)).toBe(false);
    disk.release();
    expect([(await second).ticket.number, (await third).ticket.number]).toEqual(['A002', 'A003']);
    expect(seen).toEqual(['ticket.created A001', 'ticket.created A002', 'ticket.created A003']);
    await q.close();
    expect(disk.held).toHaveLength(0); // nothing was left to sync
  });

  it('holds counter actions and reads behind the sync too', async () => {
    const disk = heldDisk();
    const q = openWith(disk);
    const opening = q.openCounter('counter_1', 'staff');
    expect(await settled(opening)).toBe(false);
    const snapshot = q.snapshot();
    expect(await settled(snapshot)).toBe(false);
    disk.release();
    await opening;
    expect((await snapshot).counters.find((c) => c.counter_id === 'counter_1')?.status).toBe('open');
    await q.close();
  });

  it('after a failed sync refuses everything, waiting or new, and says why', async () => {
    const disk = heldDisk();
    const q = openWith(disk);
    const first = q.issue(req('civil_status'));
    await settled(first);
    const second = q.issue(req('civil_status'));
    disk.release(new Error('EIO: i/o error'));
    await expect(first).rejects.toThrow(/could not be made durable \(EIO/);
    await expect(second).rejects.toThrow(/could not be made durable/);
    await expect(q.issue(req('civil_status'))).rejects.toThrow(/restart the bridge/);
    await expect(q.callNext('counter_1', 'staff')).rejects.toThrow(/could not be made durable/);
    expect(q.durabilityFailure?.message).toMatch(/EIO/);
    expect(disk.held).toHaveLength(0); // no retry of a failed fsync
    await q.close();
  });

  it('with synchronous NORMAL answers at once and never syncs per request', async () => {
    const disk = heldDisk();
    const q = openWith(disk, 'NORMAL');
    expect((await q.issue(req('civil_status'))).ticket.number).toBe('A001');
    expect(disk.held).toHaveLength(0);
    await q.close();
  });
});

describe('SqliteTicketQueue checkpoints', () => {
  /**
   * Issues `n` tickets as a steady stream (`parallel` requests always in flight, like several kiosks at
   * once). Returns the WAL's largest size and how many times SQLite started the WAL over, read from the
   * file itself: a restart writes a new header with the next salt-1 (bytes 16-19).
   */
  async function steadyStream(holdMs: number | undefined, n: number, parallel: number) {
    const file = path.join(dir, `hold-${holdMs ?? 'default'}.sqlite`);
    const q = new SqliteTicketQueue({
      file,
      site: () => site,
      now: () => clock,
      checkpointMs: 5,
      checkpointHoldMs: holdMs,
    });
    let walMax = 0;
    const salts = new Set<number>();
    const header = Buffer.alloc(32);
    let issued = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (issued < n) {
          issued++;
          await q.issue(req('civil_status'));
          const fd = openSync(`${file}-wal`, 'r');
          readSync(fd, header, 0, 32, 0);
          closeSync(fd);
          salts.add(header.readUInt32BE(16));
          walMax = Math.max(walMax, statSync(`${file}-wal`).size);
        }
      }),
    );
    const waiting = (await q.snapshot()).waiting.find((w) => w.service_id === 'civil_status')?.count;
    await q.close();
    return { walMax, restarts: salts.size - 1, waiting };
  }

  it('keeps the WAL bounded under a steady stream of commits (no checkpoint starvation)', async () => {
    // Without holding, a checkpoint that runs beside steady commits almost never sees the moment when
    // every frame is copied, so the WAL keeps growing: each commit appends its pages.
    const starved = await steadyStream(0, 2000, 6);
    const held = await steadyStream(undefined, 2000, 6);
    expect(held.waiting).toBe(2000);
    expect(starved.waiting).toBe(2000);
    // Held: ~120-140 restarts and a WAL under 0.7 MB here; starved: 2-5 restarts and 5-9 MB. On a loaded
    // machine both move towards each other: the starved run's commits come slower and its checkpoints find
    // gaps, and held's second pass can outlast its 20 ms hold. Beside four busy loops (five runs): held
    // 111-146 restarts and 0.55-1.63 MB, starved 9-55 restarts and 1.4-3.0 MB; once, beside two training
    // jobs, held reached 2.47 MB. So the bounds leave that room: held restarts the WAL many times and
    // more often than the baseline, and stays well under the baseline's unloaded 5-9 MB. Without holding,
    // held is the baseline: a handful of restarts.
    expect(held.restarts).toBeGreaterThan(10);
    expect(held.restarts).toBeGreaterThan(starved.restarts);
    expect(held.walMax).toBeLessThan(4 * 1024 * 1024);
  });
});

import type Database from 'better-sqlite3';
import type { EventRow, TicketRow } from './sqlite-schema.ts';

const ACTIVE = "('called','serving')";

/** Every statement of the embedded queue, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const p = <T = unknown>(sql: string) => db.prepare<unknown[], T>(sql);
  return {
    byId: p<TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    byKey: p<TicketRow>('SELECT * FROM tickets WHERE idempotency_key = ?'),
    nextSeq: p<{ last: number }>(
      `INSERT INTO number_seq (prefix, business_date, last) VALUES (?, ?, 1)
       ON CONFLICT (prefix, business_date) DO UPDATE SET last = last + 1 RETURNING last`,
    ),
    reserve: p<{ last: number }>(
      `INSERT INTO number_seq (prefix, business_date, last) VALUES (?, ?, ?)
       ON CONFLICT (prefix, business_date) DO UPDATE SET last = last + excluded.last RETURNING last`,
    ),
    lastSeq: p<{ last: number }>('SELECT last FROM number_seq WHERE prefix = ? AND business_date = ?'),
    maxOrder: p<{ k: number | null }>('SELECT MAX(order_key) AS k FROM tickets'),
    insert: p(
      `INSERT INTO tickets (id, number, prefix, seq, business_date, service_id, priority_class, priority_rank,
         priority_reason, source, language, status, order_key, created_at, idempotency_key, request_hash)
       VALUES (@id, @number, @prefix, @seq, @business_date, @service_id, @priority_class, @priority_rank,
         @priority_reason, @source, @language, 'waiting', @order_key, @created_at, @idempotency_key,
         @request_hash)`,
    ),
    event: p<{ seq: number }>(
      `INSERT INTO events (id, type, at, business_date, ticket, counter_id, counter_number, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    ),
    counter: p<{ status: string; staff: string | null; priority_streak: number }>(
      'SELECT status, staff, priority_streak FROM counters WHERE counter_id = ?',
    ),
    setCounter: p(
      `INSERT INTO counters (counter_id, status, staff, priority_streak) VALUES (?, ?, ?, 0)
       ON CONFLICT (counter_id) DO UPDATE SET status = excluded.status, staff = excluded.staff`,
    ),
    setStreak: p('UPDATE counters SET priority_streak = ? WHERE counter_id = ?'),
    active: p<TicketRow>(`SELECT * FROM tickets WHERE counter_id = ? AND status IN ${ACTIVE}`),
    /** Sent to the front of the line by a transfer: before priority tickets, latest transfer first. */
    bestFront: p<TicketRow>(
      `SELECT * FROM tickets WHERE business_date = ? AND status = 'waiting' AND front = 1
         AND service_id IN (SELECT value FROM json_each(?))
       ORDER BY order_key LIMIT 1`,
    ),
    bestNormal: p<TicketRow>(
      `SELECT * FROM tickets WHERE business_date = ? AND status = 'waiting'
         AND service_id IN (SELECT value FROM json_each(?)) AND priority_rank IS NULL
       ORDER BY order_key LIMIT 1`,
    ),
    bestPriority: p<TicketRow>(
      `SELECT * FROM tickets WHERE business_date = ? AND status = 'waiting'
         AND service_id IN (SELECT value FROM json_each(?)) AND priority_rank IS NOT NULL
       ORDER BY priority_rank, order_key LIMIT 1`,
    ),
    aheadPriority: p<{ n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE business_date = ? AND status = 'waiting' AND service_id = ?
         AND priority_rank IS NOT NULL AND (priority_rank < ? OR (priority_rank = ? AND order_key < ?))`,
    ),
    /** Two index range counts: every waiting priority ticket, plus normal tickets that came earlier. */
    aheadNormal: p<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM tickets WHERE business_date = @d AND status = 'waiting'
                 AND service_id = @s AND priority_rank IS NOT NULL)
            + (SELECT COUNT(*) FROM tickets WHERE business_date = @d AND status = 'waiting'
                 AND service_id = @s AND priority_rank IS NULL AND order_key < @k) AS n`,
    ),
    /** Tickets at the front of the line ahead of a ticket that is there too. */
    aheadFront: p<{ n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE business_date = ? AND status = 'waiting' AND service_id = ?
         AND front = 1 AND order_key < ?`,
    ),
    /** Tickets at the front of the line that `aheadPriority` (rank @r, order @k) did not count already. */
    frontBeforePriority: p<{ n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE business_date = @d AND status = 'waiting' AND service_id = @s
         AND front = 1
         AND NOT (priority_rank IS NOT NULL AND (priority_rank < @r OR (priority_rank = @r AND order_key < @k)))`,
    ),
    handling: p<{ avg: number | null }>(
      `SELECT AVG(finished_at - COALESCE(started_at, called_at)) AS avg FROM (
         SELECT * FROM tickets WHERE service_id = ? AND status = 'completed' AND called_at IS NOT NULL
         ORDER BY finished_at DESC LIMIT 20)`,
    ),
    openCounters: p<{ counter_id: string }>("SELECT counter_id FROM counters WHERE status = 'open'"),
    frontKey: p<{ k: number | null }>(
      `SELECT MIN(order_key) AS k FROM tickets WHERE business_date = ? AND status = 'waiting' AND service_id = ?`,
    ),
    update: p(
      `UPDATE tickets SET status = @status, counter_id = @counter_id, call_count = @call_count,
         called_at = @called_at, started_at = @started_at, finished_at = @finished_at,
         service_id = @service_id, order_key = @order_key, front = @front WHERE id = @id`,
    ),
    rate: p('UPDATE tickets SET rating = ?, rating_reason = ?, rated_at = ? WHERE id = ?'),
    meta: p<{ value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: p(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    expire: p<TicketRow>(
      `UPDATE tickets SET status = 'expired', finished_at = ?, counter_id = NULL
       WHERE business_date < ? AND status IN ('waiting','called','serving') RETURNING *`,
    ),
    eventsAfter: p<EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    maxSeq: p<{ s: number | null }>('SELECT MAX(seq) AS s FROM events'),
    recentCalls: p<EventRow>(
      `SELECT * FROM events WHERE business_date = ?
         AND type IN ('ticket.called','ticket.recalled','ticket.transferred')
       ORDER BY seq DESC LIMIT ?`,
    ),
    waiting: p<{ service_id: string; count: number; priority: number }>(
      `SELECT service_id, COUNT(*) AS count, COUNT(priority_rank) AS priority FROM tickets
       WHERE business_date = ? AND status = 'waiting' GROUP BY service_id`,
    ),
    range: p<TicketRow>(
      'SELECT * FROM tickets WHERE business_date BETWEEN ? AND ? ORDER BY business_date, created_at',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

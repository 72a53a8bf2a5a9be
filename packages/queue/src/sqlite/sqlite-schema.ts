import type Database from 'better-sqlite3';
import type {
  Language,
  QueueEvent,
  QueueEventType,
  Ticket,
  TicketSource,
  TicketStatus,
} from '@reception/protocol';

/** Schema of the embedded queue. Times are Unix milliseconds; the API turns them into ISO strings. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS number_seq (
  prefix TEXT NOT NULL, business_date TEXT NOT NULL, last INTEGER NOT NULL,
  PRIMARY KEY (prefix, business_date)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY, number TEXT NOT NULL, prefix TEXT NOT NULL, seq INTEGER NOT NULL,
  business_date TEXT NOT NULL, service_id TEXT NOT NULL,
  priority_class TEXT, priority_rank INTEGER, priority_reason TEXT,
  source TEXT NOT NULL, language TEXT, status TEXT NOT NULL, counter_id TEXT,
  call_count INTEGER NOT NULL DEFAULT 0, order_key INTEGER NOT NULL,
  front INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, called_at INTEGER, started_at INTEGER, finished_at INTEGER,
  rating INTEGER, rating_reason TEXT, rated_at INTEGER,
  idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL,
  UNIQUE (prefix, business_date, seq)
);
-- Partial indexes: a new ticket touches only the waiting-queue index, not the counter or handling-time
-- ones, so each commit writes fewer pages. (Full indexes of earlier versions are replaced on open.)
DROP INDEX IF EXISTS tickets_queue;
DROP INDEX IF EXISTS tickets_counter;
DROP INDEX IF EXISTS tickets_done;
CREATE INDEX IF NOT EXISTS tickets_waiting ON tickets (business_date, service_id, priority_rank, order_key)
  WHERE status = 'waiting';
CREATE INDEX IF NOT EXISTS tickets_active ON tickets (counter_id) WHERE status IN ('called','serving');
CREATE INDEX IF NOT EXISTS tickets_completed ON tickets (service_id, finished_at) WHERE status = 'completed';
CREATE INDEX IF NOT EXISTS tickets_order ON tickets (order_key);
CREATE TABLE IF NOT EXISTS counters (
  counter_id TEXT PRIMARY KEY, status TEXT NOT NULL, staff TEXT,
  priority_streak INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
  -- No AUTOINCREMENT: events are never deleted, so rowids only grow, without a sqlite_sequence write each.
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,
  business_date TEXT NOT NULL, ticket TEXT, counter_id TEXT, counter_number INTEGER, actor TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Columns added after the first release, as they are added to a file that predates them. */
const ADDED_COLUMNS: { name: string; sql: string }[] = [
  { name: 'front', sql: 'ALTER TABLE tickets ADD COLUMN front INTEGER NOT NULL DEFAULT 0' },
];

/**
 * Creates the schema, or brings an older file up to it (columns added since, then their indexes). Tickets
 * sent to the front of a line on transfer have their own small partial index: issuing never touches it.
 */
export function applySchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  const have = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('tickets')")
      .all()
      .map((c) => c.name),
  );
  const missing = ADDED_COLUMNS.filter((c) => !have.has(c.name));
  if (missing.length) {
    db.transaction(() => {
      for (const c of missing) db.exec(c.sql);
    })();
  }
  db.exec(`CREATE INDEX IF NOT EXISTS tickets_front ON tickets (business_date, service_id, order_key)
           WHERE status = 'waiting' AND front = 1`);
}

export interface TicketRow {
  id: string;
  number: string;
  prefix: string;
  seq: number;
  business_date: string;
  service_id: string;
  priority_class: string | null;
  priority_rank: number | null;
  priority_reason: string | null;
  source: string;
  language: string | null;
  status: string;
  counter_id: string | null;
  call_count: number;
  order_key: number;
  /** 1 when transferred to the front of its line: called before every other waiting ticket, priority too. */
  front: number;
  created_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  rating: number | null;
  rating_reason: string | null;
  idempotency_key: string;
  /** `requestHash(...)` of the issue request: it starts with the service the ticket was issued for. */
  request_hash: string;
}

export interface EventRow {
  seq: number;
  id: string;
  type: string;
  at: number;
  business_date: string;
  ticket: string | null;
  counter_id: string | null;
  counter_number: number | null;
  actor: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    prefix: r.prefix,
    seq: r.seq,
    business_date: r.business_date,
    service_id: r.service_id,
    priority_class: r.priority_class,
    priority_reason: r.priority_reason,
    source: r.source as TicketSource,
    language: r.language as Language | null,
    status: r.status as TicketStatus,
    counter_id: r.counter_id,
    call_count: r.call_count,
    created_at: new Date(r.created_at).toISOString(),
    called_at: iso(r.called_at),
    started_at: iso(r.started_at),
    finished_at: iso(r.finished_at),
    rating: r.rating,
  };
}

export function toEvent(r: EventRow): QueueEvent {
  return {
    seq: r.seq,
    id: r.id,
    type: r.type as QueueEventType,
    at: new Date(r.at).toISOString(),
    business_date: r.business_date,
    ticket: r.ticket === null ? null : (JSON.parse(r.ticket) as Ticket),
    counter_id: r.counter_id,
    counter_number: r.counter_number,
    actor: r.actor,
  };
}

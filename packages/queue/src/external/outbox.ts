import Database from 'better-sqlite3';

export interface OutboxRow {
  pos: number;
  idempotency_key: string;
  request_hash: string;
  ticket_id: string;
  service_id: string;
  /** JSON body of `POST /v1/tickets`. */
  body: string;
  /** JSON `Ticket` as the kiosk was told. */
  local_ticket: string;
  delivered_at: number | null;
  /** JSON answer of the external system once delivered. */
  answer: string | null;
  failed: string | null;
}

/**
 * Durable state of `HttpTicketQueue`: number blocks reserved from the external system, and the outbox of
 * tickets issued locally, in issue order. SQLite WAL with synchronous=FULL: a row is on disk before the
 * kiosk is answered, so tickets survive a crash of the bridge while the external system is down.
 */
export class Outbox {
  private readonly db: Database.Database;
  private readonly s;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS blocks (
        id INTEGER PRIMARY KEY AUTOINCREMENT, prefix TEXT NOT NULL, business_date TEXT NOT NULL,
        next INTEGER NOT NULL, last INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS outbox (
        pos INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL,
        ticket_id TEXT NOT NULL UNIQUE, service_id TEXT NOT NULL, body TEXT NOT NULL, local_ticket TEXT NOT NULL,
        delivered_at INTEGER, answer TEXT, failed TEXT
      );
      CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (delivered_at, failed, pos);`);
    const p = <T = unknown>(sql: string) => this.db.prepare<unknown[], T>(sql);
    this.s = {
      available: p<{ n: number | null }>(
        'SELECT SUM(last - next + 1) AS n FROM blocks WHERE prefix = ? AND business_date = ? AND next <= last',
      ),
      block: p<{ id: number; next: number }>(
        'SELECT id, next FROM blocks WHERE prefix = ? AND business_date = ? AND next <= last ORDER BY next LIMIT 1',
      ),
      advance: p('UPDATE blocks SET next = next + 1 WHERE id = ?'),
      addBlock: p('INSERT INTO blocks (prefix, business_date, next, last) VALUES (?, ?, ?, ?)'),
      insert: p(
        `INSERT INTO outbox (idempotency_key, request_hash, ticket_id, service_id, body, local_ticket)
         VALUES (@idempotency_key, @request_hash, @ticket_id, @service_id, @body, @local_ticket)`,
      ),
      byKey: p<OutboxRow>('SELECT * FROM outbox WHERE idempotency_key = ?'),
      byTicket: p<OutboxRow>('SELECT * FROM outbox WHERE ticket_id = ?'),
      head: p<OutboxRow>(
        'SELECT * FROM outbox WHERE delivered_at IS NULL AND failed IS NULL ORDER BY pos LIMIT 1',
      ),
      pending: p<{ n: number }>(
        'SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL AND failed IS NULL',
      ),
      pendingAhead: p<{ n: number }>(
        'SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL AND failed IS NULL AND service_id = ? AND pos < ?',
      ),
      delivered: p('UPDATE outbox SET delivered_at = ?, answer = ? WHERE pos = ?'),
      failed: p('UPDATE outbox SET failed = ? WHERE pos = ?'),
    };
  }

  available(prefix: string, day: string): number {
    return this.s.available.get(prefix, day)?.n ?? 0;
  }

  addBlock(prefix: string, day: string, first: number, last: number): void {
    this.s.addBlock.run(prefix, day, first, last);
  }

  /**
   * Takes the next reserved number and records the ticket in one transaction; undefined when no number is
   * left for that prefix and day (nothing is written then).
   */
  take(
    prefix: string,
    day: string,
    make: (seq: number) => Omit<OutboxRow, 'pos' | 'delivered_at' | 'answer' | 'failed'>,
  ) {
    return this.db
      .transaction(() => {
        const b = this.s.block.get(prefix, day);
        if (!b) return undefined;
        this.s.advance.run(b.id);
        const row = make(b.next);
        this.s.insert.run(row);
        return row;
      })
      .immediate();
  }

  byKey(key: string): OutboxRow | undefined {
    return this.s.byKey.get(key);
  }

  byTicket(id: string): OutboxRow | undefined {
    return this.s.byTicket.get(id);
  }

  head(): OutboxRow | undefined {
    return this.s.head.get();
  }

  pending(): number {
    return this.s.pending.get()?.n ?? 0;
  }

  pendingAhead(serviceId: string, pos: number): number {
    return this.s.pendingAhead.get(serviceId, pos)?.n ?? 0;
  }

  markDelivered(pos: number, answer: unknown, at: number): void {
    this.s.delivered.run(at, JSON.stringify(answer), pos);
  }

  markFailed(pos: number, reason: string): void {
    this.s.failed.run(reason, pos);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

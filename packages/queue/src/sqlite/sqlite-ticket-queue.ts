/**
 * The embedded queue: `TicketQueue` on one SQLite file. `DurableSqlite` carries group commit and
 * durability; the queue's rules live in issuing.ts, counter-actions.ts and views.ts; this class wires
 * them: every change goes through a group commit, every read waits until what it may see is durable, and
 * the business day rolls over (expiring the day's open tickets) first thing in every transaction.
 */
import { randomUUID } from 'node:crypto';
import type {
  EventsAfter,
  QueueEvent,
  QueueEventType,
  QueueReport,
  QueueSnapshot,
  ReportQuery,
  Site,
  Ticket,
} from '@reception/protocol';
import { businessDate } from '../business-day.ts';
import {
  TicketError,
  type IssuedTicket,
  type IssueInput,
  type TicketPosition,
  type TicketQueue,
  type TransferPosition,
} from '../ticket-queue.ts';
import * as counters from './counter-actions.ts';
import { DurableSqlite, type DurabilityOptions } from './durable-sqlite.ts';
import { issueTicket, positionOf, reserveNumbers, type PresetNumber } from './issuing.ts';
import { requireTicket, type QueueContext } from './queue-context.ts';
import { buildReport } from './reports.ts';
import { applySchema, toTicket } from './sqlite-schema.ts';
import { prepareStatements, type Statements } from './sqlite-statements.ts';
import { eventsAfter, snapshotOf } from './views.ts';

export type { PresetNumber } from './issuing.ts';

export interface SqliteTicketQueueOptions extends DurabilityOptions {
  /** Database file; created with its folder's permissions if missing. */
  file: string;
  /** The site in force (services, counters, priority rules, timezone); read on every call. */
  site: () => Site;
  /** Handling time assumed for a service with no completed tickets yet. */
  defaultHandlingSeconds?: number;
  now?: () => number;
}

/** The embedded queue: one SQLite file in WAL mode, one writer (this process), see `TicketQueue`. */
export class SqliteTicketQueue implements TicketQueue {
  private readonly store: DurableSqlite<QueueEvent>;
  private readonly listeners = new Set<(e: QueueEvent) => void>();
  private day = '';
  private readonly housekeepingTimer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly s: Statements;
  private readonly ctx: QueueContext;

  constructor(private readonly o: SqliteTicketQueueOptions) {
    this.now = o.now ?? Date.now;
    this.store = new DurableSqlite<QueueEvent>({
      ...o,
      beforeTransaction: () => this.rolloverInTx(),
      publish: (events) => {
        for (const e of events) for (const l of this.listeners) l(e);
      },
    });
    // A timer notices the reset hour, so displays hear `queue.reset` even when nobody is issuing.
    this.housekeepingTimer = setInterval(() => {
      try {
        if (this.store.open) this.rollover();
      } catch {
        // Housekeeping only: the next tick, or the next request, does it again.
      }
    }, 30_000);
    this.housekeepingTimer.unref();
    applySchema(this.store.db);
    this.s = prepareStatements(this.store.db);
    const day = () => this.day;
    this.ctx = {
      s: this.s,
      get site() {
        return o.site();
      },
      get day() {
        return day();
      },
      now: this.now,
      tx: (fn) => this.store.tx(fn),
      append: (type, ticket, counterId, actor) => this.append(type, ticket, counterId, actor),
      defaultHandlingSeconds: o.defaultHandlingSeconds ?? 300,
    };
    this.rollover();
    // Whatever the schema setup and rollover wrote is on disk before the first request is served.
    this.store.syncNow();
  }

  /** The site in force, for servers that expose this queue. */
  siteNow(): Site {
    return this.o.site();
  }

  /** Set once a sync failed: the disk may have dropped acknowledged writes, so nothing more is accepted. */
  get durabilityFailure(): Error | undefined {
    return this.store.durabilityFailure;
  }

  // ---- issuing ----------------------------------------------------------------------------------------

  /** Issues a ticket; acknowledged once durable, see `DurableSqlite.write`. */
  issue(input: IssueInput): Promise<IssuedTicket> {
    return this.store.write(() => issueTicket(this.ctx, input));
  }

  /** Issues with a number allocated elsewhere (a block reserved by an external adapter's client). */
  issuePreset(input: IssueInput, preset: PresetNumber): Promise<IssuedTicket> {
    return this.store.write(() => issueTicket(this.ctx, input, preset));
  }

  /** Reserves numbers for an external client's offline block, see `reserveNumbers` in issuing.ts. */
  reserveNumbers(
    prefix: string,
    count: number,
    businessDate?: string,
  ): Promise<{ business_date: string; first: number; last: number }> {
    return this.store.write(() => reserveNumbers(this.ctx, prefix, count, businessDate));
  }

  status(ticketId: string): Promise<TicketPosition> {
    return this.store.run(() => positionOf(this.ctx, requireTicket(this.ctx, ticketId)));
  }

  ticket(ticketId: string): Ticket | undefined {
    const r = this.s.byId.get(ticketId);
    return r ? toTicket(r) : undefined;
  }

  // ---- counters -----------------------------------------------------------------------------------------

  openCounter(counterId: string, actor: string): Promise<void> {
    return this.store.write(() => counters.openCounter(this.ctx, counterId, actor));
  }

  closeCounter(counterId: string, actor: string): Promise<void> {
    return this.store.write(() => counters.closeCounter(this.ctx, counterId, actor));
  }

  callNext(counterId: string, actor: string): Promise<Ticket | null> {
    return this.store.write(() => counters.callNext(this.ctx, counterId, actor));
  }

  recall(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.store.write(() => counters.recall(this.ctx, counterId, ticketId, actor));
  }

  start(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.store.write(() => counters.start(this.ctx, counterId, ticketId, actor));
  }

  complete(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.store.write(() => counters.complete(this.ctx, counterId, ticketId, actor));
  }

  noShow(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.store.write(() => counters.noShow(this.ctx, counterId, ticketId, actor));
  }

  transfer(
    counterId: string,
    ticketId: string,
    serviceId: string,
    position: TransferPosition,
    actor: string,
  ): Promise<Ticket> {
    if (!this.o.site().services.some((s) => s.id === serviceId)) {
      return Promise.reject(new TicketError('UNKNOWN_SERVICE', `no service '${serviceId}'`));
    }
    return this.store.write(() =>
      counters.transfer(this.ctx, counterId, ticketId, serviceId, position, actor),
    );
  }

  cancel(ticketId: string, actor: string): Promise<Ticket> {
    return this.store.write(() => counters.cancel(this.ctx, ticketId, actor));
  }

  rate(ticketId: string, score: number, reason: string | undefined, actor: string): Promise<void> {
    return this.store.write(() => counters.rate(this.ctx, ticketId, score, reason, actor));
  }

  // ---- views --------------------------------------------------------------------------------------------

  snapshot(): Promise<QueueSnapshot> {
    return this.store.run(() => {
      this.rollover();
      return snapshotOf(this.ctx);
    });
  }

  eventsAfter(seq: number, limit: number): Promise<EventsAfter> {
    return this.store.run(() => eventsAfter(this.ctx, seq, limit));
  }

  report(query: ReportQuery): Promise<QueueReport> {
    const from = query.from ?? this.today();
    const to = query.to ?? from;
    const rows = this.s.range.all(from, to);
    return Promise.resolve(buildReport(rows, from, to, query.counter_id ?? null));
  }

  tickets(from: string, to: string): Promise<Ticket[]> {
    return Promise.resolve(this.s.range.all(from, to).map(toTicket));
  }

  subscribe(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.housekeepingTimer);
    await this.store.close();
    this.listeners.clear();
  }

  // ---- business day and event log ----------------------------------------------------------------------

  private today(): string {
    const site = this.o.site();
    return businessDate(new Date(this.now()), site.timezone, site.queue.reset_hour);
  }

  private rollover(): void {
    this.store.tx(() => undefined);
  }

  /** At the reset hour: the day's open tickets expire, numbering starts again, displays hear `queue.reset`. */
  private rolloverInTx(): void {
    const today = this.today();
    if (today === this.day) return;
    const stored = this.s.meta.get('business_date')?.value;
    this.day = today;
    if (stored === today) return;
    this.s.setMeta.run('business_date', today);
    if (stored === undefined) return;
    this.s.expire.all(this.now(), today);
    this.store.db.prepare('UPDATE counters SET priority_streak = 0').run();
    this.append('queue.reset', null, null, 'system');
  }

  private append(type: QueueEventType, ticket: Ticket | null, counterId: string | null, actor: string): void {
    const id = randomUUID();
    const at = this.now();
    const number =
      counterId === null ? null : (this.o.site().counters.find((c) => c.id === counterId)?.number ?? null);
    const day = this.day;
    const ticketJson = ticket === null ? null : JSON.stringify(ticket);
    const row = this.s.event.get(id, type, at, day, ticketJson, counterId, number, actor);
    if (!row) throw new Error('event insert returned no sequence number');
    this.store.emit({
      seq: row.seq,
      id,
      type,
      at: new Date(at).toISOString(),
      business_date: day,
      ticket,
      counter_id: counterId,
      counter_number: number,
      actor,
    });
  }
}

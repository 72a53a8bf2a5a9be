import { randomUUID } from 'node:crypto';
import type { QueueEvent, ReportQuery, Site, Ticket } from '@reception/protocol';
import type { Logger } from 'pino';
import { z } from 'zod';
import { businessDate, formatNumber, nextOpeningDays } from '../business-day.ts';
import { backoffMs, ExternalRefusal, ExternalUnavailable, rest, type RestOptions } from './http-client.ts';
import {
  numberBlock,
  type ActorBody,
  type CallNextAnswer,
  type CreateTicketRequest,
  type EventsAnswer,
  type NumberBlock,
  type NumberBlockRequest,
  type RatingRequest,
  type ReportAnswer,
  type SnapshotAnswer,
  type TicketAnswer,
  type TicketList,
  type TransferRequest,
} from './contract.ts';
import { Outbox, type OutboxRow } from './outbox.ts';
import {
  TicketError,
  type IssuedTicket,
  type IssueInput,
  type TicketPosition,
  type TicketQueue,
  type TransferPosition,
} from '../ticket-queue.ts';

export interface HttpTicketQueueOptions extends RestOptions {
  site: () => Site;
  /** SQLite file of the outbox and the reserved number blocks. */
  outboxFile: string;
  /** Numbers reserved per request; another block is asked for when fewer than half are left. */
  blockSize?: number;
  /**
   * Opening days ahead (after today) for which a block per prefix is kept in reserve, so that issuing goes
   * on when a new business day starts while the queue system is unreachable. Default 2.
   */
  daysAhead?: number;
  /** How long `issue` waits for the external system's answer before answering from the outbox alone. */
  confirmMs?: number;
  log: Logger;
  now?: () => number;
}

/**
 * Adapter for a centre's own queue system over the REST contract in EXTERNAL_QUEUE.md.
 *
 * Every ticket takes its number from a block reserved in advance from the external system and is written
 * to a durable local outbox before the kiosk is answered; a single deliverer sends the outbox in order
 * with the ticket's idempotency key, retrying with backoff, so an outage of the external system delays
 * delivery but never loses, duplicates or reorders a ticket. Counter actions and views go straight to the
 * external system (they need its state); events arrive by signed webhook (`acceptWebhook`).
 */
export class HttpTicketQueue implements TicketQueue {
  private readonly outbox: Outbox;
  private readonly listeners = new Set<(e: QueueEvent) => void>();
  private readonly now: () => number;
  private readonly blockSize: number;
  private wake: (() => void) | undefined;
  private readonly delivered = new Map<number, (answer: TicketAnswer) => void>();
  private running = true;
  private lastSeq = 0;
  private reachable = false;
  private readonly waitingCount = new Map<string, number>();
  /** False once the queue system showed it cannot reserve numbers for a later day. */
  private futureBlocks = true;
  private readonly timer: NodeJS.Timeout;
  private readonly loop: Promise<void>;

  constructor(private readonly o: HttpTicketQueueOptions) {
    this.now = o.now ?? Date.now;
    this.blockSize = o.blockSize ?? 100;
    this.outbox = new Outbox(o.outboxFile);
    this.loop = this.deliver();
    this.timer = setInterval(() => void this.topUp(), 2000);
    this.timer.unref();
    void this.topUp();
  }

  private get site(): Site {
    return this.o.site();
  }

  private today(): string {
    return businessDate(new Date(this.now()), this.site.timezone, this.site.queue.reset_hour);
  }

  /** True when the external system answered the last request. */
  get online(): boolean {
    return this.reachable;
  }

  /** Tickets issued here and not yet accepted by the external system. */
  pendingDeliveries(): number {
    return this.outbox.pending();
  }

  /**
   * Keeps at least half a block of numbers per prefix for today and one block for each of the next
   * opening days (see `daysAhead`); refreshes the waiting counts.
   */
  async topUp(): Promise<void> {
    const today = this.today();
    const open = new Set(this.site.opening_hours.flatMap((p) => p.days));
    const ahead = this.futureBlocks ? nextOpeningDays(today, open, this.o.daysAhead ?? 2) : [];
    const days = [today, ...ahead];
    try {
      for (const day of days) {
        for (const s of this.site.services) {
          if (day !== today && !this.futureBlocks) break;
          const left = this.outbox.available(s.prefix, day);
          if (day === today ? left >= this.blockSize / 2 : left > 0) continue;
          let b: NumberBlock;
          try {
            const request: NumberBlockRequest = {
              prefix: s.prefix,
              size: this.blockSize,
              business_date: day,
            };
            b = parseBlock(await rest<unknown>(this.o, 'POST', '/v1/number-blocks', request, randomUUID()));
          } catch (e) {
            if (day === today || e instanceof ExternalUnavailable) throw e;
            this.noFutureBlocks(day, e instanceof Error ? e.message : String(e));
            break;
          }
          this.outbox.addBlock(s.prefix, b.business_date, b.first, b.last);
          // A queue system on the older contract ignores business_date and reserves today's numbers:
          // asking again every round would waste a block each time.
          if (b.business_date !== day) this.noFutureBlocks(day, `got a block for ${b.business_date}`);
        }
      }
      const snap = await rest<SnapshotAnswer>(this.o, 'GET', '/v1/snapshot');
      this.waitingCount.clear();
      for (const w of snap.waiting) this.waitingCount.set(w.service_id, w.count);
      // First contact: start listening from now; later, fill whatever webhooks were missed.
      if (this.lastSeq === 0) this.lastSeq = snap.seq;
      else if (snap.seq > this.lastSeq) await this.catchUp();
      this.reachable = true;
    } catch (e) {
      this.reachable = false;
      if (!(e instanceof ExternalUnavailable))
        this.o.log.error({ err: e }, 'number block reservation refused');
    }
  }

  private noFutureBlocks(day: string, why: string): void {
    this.futureBlocks = false;
    this.o.log.warn(
      { asked: day, why },
      'queue system does not reserve numbers for later days; a day that starts while it is down will not issue',
    );
  }

  // ---- issuing ----------------------------------------------------------------------------------------

  async issue(input: IssueInput): Promise<IssuedTicket> {
    const hash = `${input.service_id}|${input.priority?.class_id ?? ''}`;
    const earlier = this.outbox.byKey(input.idempotency_key);
    if (earlier) {
      if (earlier.request_hash !== hash) {
        throw new TicketError('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for another request');
      }
      return { ...(await this.positionOfRow(earlier)), replayed: true };
    }
    const service = this.site.services.find((s) => s.id === input.service_id);
    if (!service) throw new TicketError('UNKNOWN_SERVICE', `no service '${input.service_id}'`);
    if (input.priority && !this.site.priority.classes.some((c) => c.id === input.priority?.class_id)) {
      throw new TicketError('UNKNOWN_PRIORITY_CLASS', `no priority class '${input.priority.class_id}'`);
    }
    const day = this.today();
    const make = (seq: number) => {
      const id = randomUUID();
      const ticket: Ticket = {
        id,
        number: formatNumber(service.prefix, seq, this.site.queue.number_digits),
        prefix: service.prefix,
        seq,
        business_date: day,
        service_id: service.id,
        priority_class: input.priority?.class_id ?? null,
        priority_reason: input.priority?.reason ?? null,
        source: input.source,
        language: input.language ?? null,
        status: 'waiting',
        counter_id: null,
        call_count: 0,
        created_at: new Date(this.now()).toISOString(),
        called_at: null,
        started_at: null,
        finished_at: null,
        rating: null,
      };
      const body: CreateTicketRequest = {
        id,
        service_id: service.id,
        priority: input.priority,
        language: input.language,
        source: input.source,
        actor: input.actor,
        number: { business_date: day, seq },
      };
      return {
        idempotency_key: input.idempotency_key,
        request_hash: hash,
        ticket_id: id,
        service_id: service.id,
        body: JSON.stringify(body),
        local_ticket: JSON.stringify(ticket),
      };
    };
    let row = this.outbox.take(service.prefix, day, make);
    if (!row) {
      await this.topUp();
      row = this.outbox.take(service.prefix, day, make);
    }
    if (!row) {
      throw new TicketError(
        'QUEUE_UNAVAILABLE',
        `no reserved numbers left for ${service.prefix} and the queue system is unreachable`,
      );
    }
    const stored = this.outbox.byTicket(row.ticket_id);
    if (!stored) throw new Error('outbox row vanished after commit');
    const confirmed = new Promise<TicketAnswer | undefined>((resolve) => {
      const t = setTimeout(() => {
        this.delivered.delete(stored.pos);
        resolve(undefined);
      }, this.o.confirmMs ?? 800);
      this.delivered.set(stored.pos, (a) => {
        clearTimeout(t);
        resolve(a);
      });
    });
    this.wake?.();
    const answer = await confirmed;
    return answer ? { ...answer, replayed: false } : { ...this.localPosition(stored), replayed: false };
  }

  private localPosition(row: OutboxRow): TicketPosition {
    const ticket = JSON.parse(row.local_ticket) as Ticket;
    const ahead =
      (this.waitingCount.get(row.service_id) ?? 0) + this.outbox.pendingAhead(row.service_id, row.pos);
    const counters = this.site.services.find((s) => s.id === row.service_id)?.counters.length ?? 1;
    return {
      ticket,
      position: ahead + 1,
      estimated_wait_min: Math.ceil((ahead * 5) / Math.max(1, counters)),
    };
  }

  private async positionOfRow(row: OutboxRow): Promise<TicketPosition> {
    if (row.delivered_at === null) return this.localPosition(row);
    try {
      return await rest<TicketAnswer>(this.o, 'GET', `/v1/tickets/${row.ticket_id}`);
    } catch (e) {
      if (e instanceof ExternalUnavailable) return this.localPosition(row);
      throw e;
    }
  }

  /** The single deliverer: oldest undelivered row first; an outage blocks the line, never reorders it. */
  private async deliver(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      const row = this.outbox.head();
      if (!row) {
        await new Promise<void>((r) => {
          this.wake = r;
          setTimeout(r, 1000);
        });
        continue;
      }
      try {
        const answer = await rest<TicketAnswer>(
          this.o,
          'POST',
          '/v1/tickets',
          JSON.parse(row.body),
          row.idempotency_key,
        );
        this.outbox.markDelivered(row.pos, answer, this.now());
        this.reachable = true;
        attempt = 0;
        this.delivered.get(row.pos)?.(answer);
        this.delivered.delete(row.pos);
      } catch (e) {
        if (e instanceof ExternalRefusal) {
          // The external system refuses this ticket for good (e.g. it no longer knows the service):
          // keep the row as failed for an operator, and go on with the rest in order.
          this.o.log.error({ ticket: row.ticket_id, err: e.message }, 'external queue refused a ticket');
          this.outbox.markFailed(row.pos, e.message);
          continue;
        }
        this.reachable = false;
        await new Promise((r) => setTimeout(r, backoffMs(attempt++)));
      }
    }
  }

  // ---- everything else goes to the external system ------------------------------------------------------

  /** A POST with one idempotency key for all its retries; an outage that outlasts them is QUEUE_UNAVAILABLE. */
  private async post<T>(path: string, body: ActorBody): Promise<T> {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        return await rest<T>(this.o, 'POST', path, body, key);
      } catch (e) {
        if (!(e instanceof ExternalUnavailable)) throw e;
        if (attempt >= 2)
          throw new TicketError('QUEUE_UNAVAILABLE', `queue system unreachable: ${e.message}`);
        await new Promise((r) => setTimeout(r, backoffMs(attempt)));
      }
    }
  }

  private async get<T>(path: string): Promise<T> {
    try {
      return await rest<T>(this.o, 'GET', path);
    } catch (e) {
      if (e instanceof ExternalUnavailable) throw new TicketError('QUEUE_UNAVAILABLE', e.message);
      throw e;
    }
  }

  async status(ticketId: string): Promise<TicketPosition> {
    const row = this.outbox.byTicket(ticketId);
    if (row) return this.positionOfRow(row);
    return this.get<TicketAnswer>(`/v1/tickets/${ticketId}`);
  }

  async openCounter(counterId: string, actor: string): Promise<void> {
    await this.post(`/v1/counters/${counterId}/open`, { actor });
  }
  async closeCounter(counterId: string, actor: string): Promise<void> {
    await this.post(`/v1/counters/${counterId}/close`, { actor });
  }
  async callNext(counterId: string, actor: string): Promise<Ticket | null> {
    return (await this.post<CallNextAnswer>(`/v1/counters/${counterId}/call-next`, { actor })).ticket;
  }
  private action(
    counterId: string,
    ticketId: string,
    verb: 'recall' | 'start' | 'complete' | 'no-show' | 'transfer',
    body: ActorBody | TransferRequest,
  ): Promise<Ticket> {
    return this.post<Ticket>(`/v1/counters/${counterId}/tickets/${ticketId}/${verb}`, body);
  }
  recall(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.action(counterId, ticketId, 'recall', { actor });
  }
  start(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.action(counterId, ticketId, 'start', { actor });
  }
  complete(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.action(counterId, ticketId, 'complete', { actor });
  }
  noShow(counterId: string, ticketId: string, actor: string): Promise<Ticket> {
    return this.action(counterId, ticketId, 'no-show', { actor });
  }
  transfer(
    counterId: string,
    ticketId: string,
    serviceId: string,
    position: TransferPosition,
    actor: string,
  ) {
    const body: TransferRequest = { actor, service_id: serviceId, position };
    return this.action(counterId, ticketId, 'transfer', body);
  }
  cancel(ticketId: string, actor: string): Promise<Ticket> {
    return this.post<Ticket>(`/v1/tickets/${ticketId}/cancel`, { actor });
  }
  async rate(ticketId: string, score: number, reason: string | undefined, actor: string): Promise<void> {
    const body: RatingRequest = { score, reason, actor };
    await this.post(`/v1/tickets/${ticketId}/rating`, body);
  }

  snapshot(): Promise<SnapshotAnswer> {
    return this.get<SnapshotAnswer>('/v1/snapshot');
  }
  eventsAfter(seq: number, limit: number): Promise<EventsAnswer> {
    return this.get<EventsAnswer>(`/v1/events?after=${seq}&limit=${limit}`);
  }
  report(query: ReportQuery): Promise<ReportAnswer> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query) as [string, string | undefined][]) if (v) q.set(k, v);
    return this.get<ReportAnswer>(`/v1/report?${q.toString()}`);
  }
  async tickets(from: string, to: string): Promise<Ticket[]> {
    return (await this.get<TicketList>(`/v1/tickets?from=${from}&to=${to}`)).tickets;
  }

  // ---- events -----------------------------------------------------------------------------------------

  /**
   * An event from a verified webhook. Duplicates (seq already seen) are dropped; a gap is filled from
   * `/v1/events` first, so listeners always hear events in seq order.
   */
  async acceptWebhook(event: QueueEvent): Promise<void> {
    if (event.seq <= this.lastSeq) return;
    if (this.lastSeq > 0 && event.seq > this.lastSeq + 1) await this.catchUp();
    if (event.seq <= this.lastSeq) return;
    this.emit(event);
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await rest<EventsAnswer>(this.o, 'GET', `/v1/events?after=${this.lastSeq}&limit=500`);
      for (const e of page.events) if (e.seq > this.lastSeq) this.emit(e);
      if (page.complete || page.events.length === 0) return;
    }
  }

  private emit(e: QueueEvent): void {
    this.lastSeq = e.seq;
    for (const l of this.listeners) l(e);
  }

  subscribe(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    this.wake?.();
    await this.loop;
    this.listeners.clear();
    this.outbox.close();
  }
}

/**
 * A number block must be exactly what the contract says before any of its numbers is handed out: a
 * malformed answer could otherwise give two tickets one number.
 */
function parseBlock(answer: unknown): NumberBlock {
  const parsed = numberBlock.safeParse(answer);
  if (!parsed.success) {
    throw new Error(`number block answer does not match the contract: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

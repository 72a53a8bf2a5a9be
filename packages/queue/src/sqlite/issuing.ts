/**
 * Issuing: numbers unique per (prefix, business day), allocated in the same transaction as the ticket;
 * the same idempotency key always gives the same ticket; blocks of numbers reserved for external clients;
 * a ticket's place in line and its estimated wait.
 */
import { daysBetween, formatNumber, MAX_DAYS_AHEAD } from '../business-day.ts';
import { TicketError, type IssuedTicket, type IssueInput, type TicketPosition } from '../ticket-queue.ts';
import { uuid7 } from '../uuid7.ts';
import type { QueueContext } from './queue-context.ts';
import { toTicket, type TicketRow } from './sqlite-schema.ts';

/**
 * What an idempotency key stands for: the service and priority class asked for. A retry with the same key
 * must ask for the same. Kept with the ticket, it also says which service the ticket was issued for, after
 * transfers changed `service_id` (the report counts issues by it), so issuing writes nothing more.
 */
export function requestHash(serviceId: string, priorityClass: string | undefined): string {
  return `${serviceId}|${priorityClass ?? ''}`;
}

/** The service a ticket was issued for, from its request hash. */
export function issuedServiceOf(r: Pick<TicketRow, 'request_hash'>): string {
  return r.request_hash.slice(0, r.request_hash.indexOf('|'));
}

/** Numbers chosen by someone else (a reserved block of an external system), see the reference server. */
export interface PresetNumber {
  id: string;
  /** With `business_date` and `seq`: a number from a reserved block. Without: the queue numbers it. */
  business_date?: string;
  seq?: number;
}

/** How many waiting tickets are called before this one: see `callNext` for the order. */
function ticketsAhead(ctx: QueueContext, r: TicketRow): number {
  const { s } = ctx;
  const d = r.business_date;
  if (r.front === 1) return s.aheadFront.get(d, r.service_id, r.order_key)?.n ?? 0;
  // A normal ticket's count already holds the tickets sent to the front: their order key is smaller.
  if (r.priority_rank === null) return s.aheadNormal.get({ d, s: r.service_id, k: r.order_key })?.n ?? 0;
  const rank = r.priority_rank;
  const priority = s.aheadPriority.get(d, r.service_id, rank, rank, r.order_key)?.n ?? 0;
  const front = s.frontBeforePriority.get({ d, s: r.service_id, r: rank, k: r.order_key })?.n ?? 0;
  return priority + front;
}

/** Waiting tickets ahead of this one, and the wait they make. */
export function positionOf(ctx: QueueContext, r: TicketRow): TicketPosition {
  const { s } = ctx;
  const ticket = toTicket(r);
  if (r.status !== 'waiting') return { ticket, position: 0, estimated_wait_min: 0 };
  const ahead = ticketsAhead(ctx, r);
  const avgMs = s.handling.get(r.service_id)?.avg ?? ctx.defaultHandlingSeconds * 1000;
  const service = ctx.site.services.find((v) => v.id === r.service_id);
  const open = s.openCounters.all().filter((c) => service?.counters.includes(c.counter_id)).length;
  const minutes = Math.ceil((ahead * avgMs) / Math.max(1, open) / 60_000);
  return { ticket, position: ahead + 1, estimated_wait_min: minutes };
}

export function issueTicket(ctx: QueueContext, input: IssueInput, preset?: PresetNumber): IssuedTicket {
  const { s, site } = ctx;
  const service = site.services.find((v) => v.id === input.service_id);
  if (!service) throw new TicketError('UNKNOWN_SERVICE', `no service '${input.service_id}'`);
  let rank: number | null = null;
  if (input.priority) {
    const cls = site.priority.classes.find((c) => c.id === input.priority?.class_id);
    if (!cls)
      throw new TicketError('UNKNOWN_PRIORITY_CLASS', `no priority class '${input.priority.class_id}'`);
    rank = cls.rank;
  }
  const hash = requestHash(input.service_id, input.priority?.class_id);
  return ctx.tx(() => {
    const earlier = s.byKey.get(input.idempotency_key);
    if (earlier) {
      if (earlier.request_hash !== hash) {
        throw new TicketError('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for another request');
      }
      return { ...positionOf(ctx, earlier), replayed: true };
    }
    const day = preset?.business_date ?? ctx.day;
    let seq: number;
    if (preset?.seq !== undefined) {
      const reserved = s.lastSeq.get(service.prefix, day)?.last ?? 0;
      if (preset.seq < 1 || preset.seq > reserved) {
        throw new TicketError('INVALID_TRANSITION', `number ${preset.seq} was never reserved`);
      }
      seq = preset.seq;
    } else {
      const next = s.nextSeq.get(service.prefix, day);
      if (!next) throw new Error('number allocation returned nothing');
      seq = next.last;
    }
    const row: TicketRow = {
      id: preset?.id ?? uuid7(ctx.now()),
      number: formatNumber(service.prefix, seq, site.queue.number_digits),
      prefix: service.prefix,
      seq,
      business_date: day,
      service_id: service.id,
      priority_class: input.priority?.class_id ?? null,
      priority_rank: rank,
      priority_reason: input.priority?.reason ?? null,
      source: input.source,
      language: input.language ?? null,
      status: 'waiting',
      counter_id: null,
      call_count: 0,
      order_key: (s.maxOrder.get()?.k ?? 0) + 1,
      front: 0,
      created_at: ctx.now(),
      called_at: null,
      started_at: null,
      finished_at: null,
      rating: null,
      rating_reason: null,
      idempotency_key: input.idempotency_key,
      request_hash: hash,
    };
    s.insert.run(row);
    ctx.append('ticket.created', toTicket(row), null, input.actor);
    return { ...positionOf(ctx, row), replayed: false };
  });
}

/**
 * Reserves `count` numbers of a prefix (external clients' offline blocks) for today or, so that a client
 * can keep issuing when a new day starts while this system is unreachable, for a later business date
 * (at most `MAX_DAYS_AHEAD`). Returns the range.
 */
export function reserveNumbers(
  ctx: QueueContext,
  prefix: string,
  count: number,
  businessDate?: string,
): { business_date: string; first: number; last: number } {
  const day = businessDate ?? ctx.day;
  const ahead = daysBetween(ctx.day, day);
  if (!(ahead >= 0 && ahead <= MAX_DAYS_AHEAD)) {
    throw new TicketError(
      'INVALID_TRANSITION',
      `numbers can be reserved for ${ctx.day} up to ${MAX_DAYS_AHEAD} days ahead, not for ${day}`,
    );
  }
  const row = ctx.s.reserve.get(prefix, day, count);
  if (!row) throw new Error('reservation returned nothing');
  return { business_date: day, first: row.last - count + 1, last: row.last };
}

/**
 * What the embedded queue's rules (issuing.ts, counter-actions.ts, views.ts) work with, and the lookups
 * they share. The rules are synchronous and run inside a transaction of `DurableSqlite`; a refusal throws
 * a `TicketError` and its savepoint takes back whatever it wrote.
 */
import type { QueueEventType, Site, Ticket } from '@reception/protocol';
import { TicketError } from '../ticket-queue.ts';
import { toTicket, type TicketRow } from './sqlite-schema.ts';
import type { Statements } from './sqlite-statements.ts';

export interface QueueContext {
  readonly s: Statements;
  /** The site in force (services, counters, priority rules, timezone); read on every call. */
  readonly site: Site;
  /** The current business day (YYYY-MM-DD), as of the last rollover. */
  readonly day: string;
  now(): number;
  /** Runs `fn` in a transaction (a savepoint inside another); its events are published after the commit. */
  tx<T>(fn: () => T): T;
  /** Appends one event to the log, in the current transaction. */
  append(type: QueueEventType, ticket: Ticket | null, counterId: string | null, actor: string): void;
  /** Handling time assumed for a service with no completed tickets yet. */
  readonly defaultHandlingSeconds: number;
}

export function requireCounter(ctx: QueueContext, id: string) {
  const c = ctx.site.counters.find((k) => k.id === id);
  if (!c) throw new TicketError('UNKNOWN_COUNTER', `no counter '${id}' in this site`);
  return c;
}

export function requireTicket(ctx: QueueContext, id: string): TicketRow {
  const r = ctx.s.byId.get(id);
  if (!r) throw new TicketError('UNKNOWN_TICKET', `no ticket ${id}`);
  return r;
}

/** The ticket must be in one of the `allowed` states and called or served at this counter. */
export function requireAtCounter(
  ctx: QueueContext,
  counterId: string,
  ticketId: string,
  action: string,
  allowed: string[],
): TicketRow {
  requireCounter(ctx, counterId);
  const r = requireTicket(ctx, ticketId);
  if (!allowed.includes(r.status)) {
    throw new TicketError('INVALID_TRANSITION', `cannot ${action} ${r.number}: it is ${r.status}`);
  }
  if (r.counter_id !== counterId) {
    throw new TicketError('WRONG_COUNTER', `${r.number} is at counter '${r.counter_id ?? 'none'}'`);
  }
  return r;
}

export function save(ctx: QueueContext, r: TicketRow): Ticket {
  ctx.s.update.run(r);
  return toTicket(r);
}

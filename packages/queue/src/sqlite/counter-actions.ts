/**
 * What a counter does with the queue: open and close, call the next ticket (priority classes by rank,
 * strictly first or interleaved with normal tickets, as the site says), recall, start, complete, no-show,
 * transfer to another service (front or end of its line), cancel, and the citizen's rating. Each change
 * appends its event; a refusal throws a `TicketError` and changes nothing.
 */
import type { QueueEventType, Ticket } from '@reception/protocol';
import { TicketError, type TransferPosition } from '../ticket-queue.ts';
import { requireAtCounter, requireCounter, requireTicket, save, type QueueContext } from './queue-context.ts';
import { toTicket, type TicketRow } from './sqlite-schema.ts';

export function openCounter(ctx: QueueContext, counterId: string, actor: string): void {
  requireCounter(ctx, counterId);
  ctx.tx(() => {
    ctx.s.setCounter.run(counterId, 'open', actor);
    ctx.append('counter.opened', null, counterId, actor);
  });
}

export function closeCounter(ctx: QueueContext, counterId: string, actor: string): void {
  requireCounter(ctx, counterId);
  ctx.tx(() => {
    const busy = ctx.s.active.get(counterId);
    if (busy) throw new TicketError('COUNTER_BUSY', `${busy.number} is still ${busy.status} here`);
    ctx.s.setCounter.run(counterId, 'closed', null);
    ctx.append('counter.closed', null, counterId, actor);
  });
}

export function callNext(ctx: QueueContext, counterId: string, actor: string): Ticket | null {
  const counter = requireCounter(ctx, counterId);
  return ctx.tx(() => {
    const { s } = ctx;
    const state = s.counter.get(counterId);
    if (state?.status !== 'open')
      throw new TicketError('COUNTER_CLOSED', `counter ${counter.number} is closed`);
    const busy = s.active.get(counterId);
    if (busy) {
      throw new TicketError('COUNTER_BUSY', `finish, no-show or transfer ${busy.number} before calling next`);
    }
    const services = JSON.stringify(counter.services);
    // A ticket transferred to the front of a line has had its turn already: it goes before priority
    // tickets too, and does not count as a priority call for interleaving.
    const front = s.bestFront.get(ctx.day, services);
    const pick = front ?? pickByPriority(ctx, services, state.priority_streak);
    if (!pick) return null;
    if (!front) s.setStreak.run(pick.priority_rank === null ? 0 : state.priority_streak + 1, counterId);
    const t = save(ctx, {
      ...pick,
      status: 'called',
      counter_id: counterId,
      call_count: pick.call_count + 1,
      called_at: ctx.now(),
      front: 0,
    });
    ctx.append('ticket.called', t, counterId, actor);
    return t;
  });
}

/** The next ticket by the site's priority ordering: strictly priority first, or interleaved. */
function pickByPriority(ctx: QueueContext, services: string, streak: number): TicketRow | undefined {
  const priority = ctx.s.bestPriority.get(ctx.day, services);
  const normal = ctx.s.bestNormal.get(ctx.day, services);
  const ordering = ctx.site.priority.ordering;
  switch (ordering.mode) {
    case 'strict':
      return priority ?? normal;
    case 'interleave':
      return priority && (!normal || streak < ordering.every - 1) ? priority : normal;
    default: {
      const never: never = ordering;
      throw new Error(`unknown ordering ${JSON.stringify(never)}`);
    }
  }
}

/** One transition of a ticket called or served at this counter. */
interface Transition {
  action: string;
  allowed: string[];
  type: QueueEventType;
  change: (r: TicketRow) => TicketRow;
}

function act(ctx: QueueContext, counterId: string, ticketId: string, actor: string, t: Transition): Ticket {
  return ctx.tx(() => {
    const r = requireAtCounter(ctx, counterId, ticketId, t.action, t.allowed);
    const ticket = save(ctx, t.change(r));
    ctx.append(t.type, ticket, counterId, actor);
    return ticket;
  });
}

export function recall(ctx: QueueContext, counterId: string, ticketId: string, actor: string): Ticket {
  return act(ctx, counterId, ticketId, actor, {
    action: 'recall',
    allowed: ['called'],
    type: 'ticket.recalled',
    change: (r) => ({ ...r, call_count: r.call_count + 1 }),
  });
}

export function start(ctx: QueueContext, counterId: string, ticketId: string, actor: string): Ticket {
  return act(ctx, counterId, ticketId, actor, {
    action: 'start',
    allowed: ['called'],
    type: 'ticket.started',
    change: (r) => ({ ...r, status: 'serving', started_at: ctx.now() }),
  });
}

export function complete(ctx: QueueContext, counterId: string, ticketId: string, actor: string): Ticket {
  return act(ctx, counterId, ticketId, actor, {
    action: 'complete',
    allowed: ['called', 'serving'],
    type: 'ticket.completed',
    change: (r) => ({ ...r, status: 'completed', finished_at: ctx.now() }),
  });
}

export function noShow(ctx: QueueContext, counterId: string, ticketId: string, actor: string): Ticket {
  return act(ctx, counterId, ticketId, actor, {
    action: 'mark as no-show',
    allowed: ['called'],
    type: 'ticket.no_show',
    change: (r) => ({ ...r, status: 'no_show', finished_at: ctx.now() }),
  });
}

/**
 * Back to waiting, in another service's line: before everyone waiting there (priority tickets included),
 * or after. A transfer is not a call: the count of calls starts again for the counter that takes it.
 */
export function transfer(
  ctx: QueueContext,
  counterId: string,
  ticketId: string,
  serviceId: string,
  position: TransferPosition,
  actor: string,
): Ticket {
  return act(ctx, counterId, ticketId, actor, {
    action: 'transfer',
    allowed: ['called', 'serving'],
    type: 'ticket.transferred',
    change: (r) => {
      const key =
        position === 'front'
          ? (ctx.s.frontKey.get(ctx.day, serviceId)?.k ?? r.order_key) - 1
          : (ctx.s.maxOrder.get()?.k ?? 0) + 1;
      return {
        ...r,
        status: 'waiting',
        service_id: serviceId,
        counter_id: null,
        call_count: 0,
        called_at: null,
        started_at: null,
        order_key: key,
        front: position === 'front' ? 1 : 0,
      };
    },
  });
}

export function cancel(ctx: QueueContext, ticketId: string, actor: string): Ticket {
  return ctx.tx(() => {
    const r = requireTicket(ctx, ticketId);
    if (r.status !== 'waiting' && r.status !== 'called') {
      throw new TicketError('INVALID_TRANSITION', `cannot cancel ${r.number}: it is ${r.status}`);
    }
    const t = save(ctx, { ...r, status: 'cancelled', finished_at: ctx.now() });
    ctx.append('ticket.cancelled', t, r.counter_id, actor);
    return t;
  });
}

/** Once per ticket, only after it was completed. */
export function rate(
  ctx: QueueContext,
  ticketId: string,
  score: number,
  reason: string | undefined,
  actor: string,
): void {
  ctx.tx(() => {
    const r = requireTicket(ctx, ticketId);
    if (r.status !== 'completed') {
      throw new TicketError('NOT_RATEABLE', `${r.number} is ${r.status}, not completed`);
    }
    if (r.rating !== null) throw new TicketError('NOT_RATEABLE', `${r.number} was already rated`);
    ctx.s.rate.run(score, reason ?? null, ctx.now(), ticketId);
    ctx.append('ticket.rated', toTicket({ ...r, rating: score }), r.counter_id, actor);
  });
}

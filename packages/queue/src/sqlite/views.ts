/** Read-only views of the embedded queue: the snapshot displays recover from, and the event log. */
import type { EventsAfter, QueueSnapshot } from '@reception/protocol';
import type { QueueContext } from './queue-context.ts';
import { toEvent, toTicket } from './sqlite-schema.ts';

/** Counters with their current ticket, the day's last calls, and who waits for which service. */
export function snapshotOf(ctx: QueueContext): QueueSnapshot {
  const { s } = ctx;
  const counters = ctx.site.counters.map((c) => {
    const st = s.counter.get(c.id);
    const cur = s.active.get(c.id);
    return {
      counter_id: c.id,
      number: c.number,
      status: st?.status === 'open' ? ('open' as const) : ('closed' as const),
      staff: st?.staff ?? null,
      current: cur ? toTicket(cur) : null,
    };
  });
  return {
    seq: s.maxSeq.get()?.s ?? 0,
    business_date: ctx.day,
    counters,
    recent_calls: s.recentCalls.all(ctx.day, 10).map(toEvent),
    waiting: s.waiting.all(ctx.day),
  };
}

/** Up to `limit` events after `seq`, oldest first; `complete` when they reach the newest. */
export function eventsAfter(ctx: QueueContext, seq: number, limit: number): EventsAfter {
  const events = ctx.s.eventsAfter.all(seq, limit).map(toEvent);
  const max = ctx.s.maxSeq.get()?.s ?? 0;
  const last = events.at(-1)?.seq ?? seq;
  return { events, complete: last >= max };
}

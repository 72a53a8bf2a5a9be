import { describe, expect, it } from 'vitest';
import type { QueueEvent, QueueSnapshot, Ticket } from './tickets.ts';
import { applyEvent } from './display-state.ts';
import { sampleTicket as ticket } from './testing/ticket-site.ts';

const snap: QueueSnapshot = {
  seq: 10,
  business_date: '2026-11-23',
  counters: [{ counter_id: 'counter_3', number: 3, status: 'open', staff: 'c3', current: null }],
  recent_calls: [],
  waiting: [{ service_id: 'certified_copy', count: 1, priority: 0 }],
};
const event = (
  seq: number,
  type: QueueEvent['type'],
  t: Ticket | null,
  counter: string | null = null,
): QueueEvent => ({
  seq,
  id: `e${seq}`,
  type,
  at: '2026-11-23T02:00:00.000Z',
  business_date: '2026-11-23',
  ticket: t,
  counter_id: counter,
  counter_number: counter ? 3 : null,
  actor: 'c3',
});

describe('display state', () => {
  it('applies a call: counter shows the ticket, recent calls grow, waiting shrinks', () => {
    const r = applyEvent(snap, event(11, 'ticket.called', ticket({ status: 'called' }), 'counter_3'));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.seq).toBe(11);
    expect(r.state.counters[0]?.current?.number).toBe('B012');
    expect(r.state.recent_calls.map((e) => e.seq)).toEqual([11]);
    expect(r.state.waiting).toEqual([]);
    const done = applyEvent(
      r.state,
      event(12, 'ticket.completed', ticket({ status: 'completed' }), 'counter_3'),
    );
    expect(done.kind === 'applied' && done.state.counters[0]?.current).toBeNull();
  });

  it('after a transfer lists the ticket with the calls, in its new line, and frees the counter', () => {
    const called = applyEvent(snap, event(11, 'ticket.called', ticket({ status: 'called' }), 'counter_3'));
    if (called.kind !== 'applied') throw new Error(called.kind);
    const moved = ticket({ status: 'waiting', service_id: 'land' });
    const r = applyEvent(called.state, event(12, 'ticket.transferred', moved, 'counter_3'));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.recent_calls.map((e) => [e.type, e.ticket?.service_id])).toEqual([
      ['ticket.transferred', 'land'],
      ['ticket.called', 'certified_copy'],
    ]);
    expect(r.state.counters[0]?.current).toBeNull();
    expect(r.state.waiting).toEqual([{ service_id: 'land', count: 1, priority: 0 }]);
  });

  it('ignores old events, reports gaps and day changes', () => {
    expect(applyEvent(snap, event(10, 'ticket.created', ticket())).kind).toBe('stale');
    expect(applyEvent(snap, event(13, 'ticket.created', ticket())).kind).toBe('gap');
    expect(applyEvent(snap, event(11, 'queue.reset', null)).kind).toBe('resync');
  });
});

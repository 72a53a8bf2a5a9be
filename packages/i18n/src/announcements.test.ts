import type { Language, QueueEvent, QueueSnapshot, Ticket } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { Announcer, callText, type Utterance } from './announcements.ts';
import { applyEvent } from '@reception/protocol/display-state';
import { sampleTicket } from '@reception/protocol/testing/ticket-site';

const ticket = sampleTicket;
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

  it('ignores old events, reports gaps and day changes', () => {
    expect(applyEvent(snap, event(10, 'ticket.created', ticket())).kind).toBe('stale');
    expect(applyEvent(snap, event(13, 'ticket.created', ticket())).kind).toBe('gap');
    expect(applyEvent(snap, event(11, 'queue.reset', null)).kind).toBe('resync');
  });
});

describe('announcements', () => {
  it('says the Vietnamese call as the centres do', () => {
    expect(callText('vi', 'B012', 3)).toBe('Mời số B012 đến quầy số 3');
    expect(callText('vi', 'B012', 3, true)).toBe('Mời số B 0 1 2 đến quầy số 3');
  });

  it('keeps the Latin ticket number in place in Urdu on screen, and plain for the voice', () => {
    expect(callText('ur', 'B012', 3)).toBe('نمبر \u2068B012\u2069، براہ کرم کاؤنٹر 3 پر تشریف لائیں');
    expect(callText('ur', 'B012', 3, true)).toBe('نمبر B 0 1 2، براہ کرم کاؤنٹر 3 پر تشریف لائیں');
  });

  it('speaks one call at a time, in every language, in call order', async () => {
    const spoken: string[] = [];
    let active = 0;
    let maxActive = 0;
    const speak = async (u: Utterance) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      spoken.push(`${u.lang}:${u.text}`);
      active--;
    };
    const langs: Language[] = ['vi', 'en'];
    const a = new Announcer(() => langs, speak);
    a.announce('A001', 1);
    a.announce('B002', 2);
    await expect.poll(() => a.pending).toBe(0);
    expect(maxActive).toBe(1);
    expect(spoken).toEqual([
      'vi:Mời số A 0 0 1 đến quầy số 1',
      'en:Number A 0 0 1, please go to counter 1',
      'vi:Mời số B 0 0 2 đến quầy số 2',
      'en:Number B 0 0 2, please go to counter 2',
    ]);
  });
});

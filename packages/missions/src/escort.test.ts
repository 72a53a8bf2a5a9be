import type { QueueEvent, Ticket } from '@reception/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineRig, near, type EngineRig } from './testing/engine-rig.ts';

let rig: EngineRig | undefined;
afterEach(() => {
  rig?.close();
  rig = undefined;
});

let seq = 0;
function ticket(over: Partial<Ticket> = {}): Ticket {
  seq++;
  return {
    id: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    number: `A${String(seq).padStart(3, '0')}`,
    prefix: 'A',
    seq,
    business_date: '2026-03-02',
    service_id: 'certified_copy',
    priority_class: null,
    priority_reason: null,
    source: 'kiosk',
    language: 'vi',
    status: 'called',
    counter_id: 'counter_3',
    call_count: 1,
    created_at: '2026-03-02T01:00:00.000Z',
    called_at: '2026-03-02T01:10:00.000Z',
    started_at: null,
    finished_at: null,
    rating: null,
    ...over,
  };
}
const event = (type: QueueEvent['type'], t: Ticket): QueueEvent => ({
  seq: seq,
  id: `ev-${seq}`,
  type,
  at: '2026-03-02T01:10:00.000Z',
  business_date: '2026-03-02',
  ticket: t,
  counter_id: 'counter_3',
  counter_number: 3,
  actor: 'counter3',
});
const r = (): EngineRig => {
  if (!rig) throw new Error('no rig');
  return rig;
};
const escortOf = (t: Ticket) => r().updates.find((u) => u.kind === 'escort' && u.ticket?.ticket_id === t.id);
const stateIs = (id: string, state: string) => () =>
  r().updates.some((u) => u.mission_id === id && u.state === state);

describe('call-ahead escort', () => {
  it('fetches a called elderly citizen from the waiting area, shows the number, guides to the counter', async () => {
    rig = await createEngineRig({ waitS: 2, confirmTimeoutS: 60 });
    const t = ticket({ priority_class: 'elderly' });
    rig.engine.onQueueEvent(event('ticket.called', t));
    const first = escortOf(t);
    expect(first).toMatchObject({
      place: 'counter_3',
      ticket: { number: t.number, language: 'vi', counter_number: 3 },
    });
    const id = first!.mission_id;
    await rig.clock.until('calling', stateIs(id, 'calling'));
    expect(near(rig.mapPose(), rig.places.stopPose('waiting_area')!)).toBe(true);
    expect(rig.engine.activity().state).toBe('CALLING');
    await rig.clock.advance(10_000);
    expect(rig.engine.confirm(id).ok).toBe(true);
    await rig.clock.until('arrived', stateIs(id, 'arrived'));
    expect(near(rig.mapPose(), rig.places.stopPose('counter_3')!)).toBe(true);
    await rig.clock.until('completed', stateIs(id, 'completed'));
    expect(rig.statesOf(id)).toEqual([
      'queued',
      'fetching',
      'calling',
      'guiding',
      'arrived',
      'returning',
      'completed',
    ]);
  });

  it('returns home and tells the counter `escort_unclaimed` when nobody confirms', async () => {
    rig = await createEngineRig({ waitS: 1, confirmTimeoutS: 5 });
    const t = ticket({ priority_class: 'disabled' });
    rig.engine.onQueueEvent(event('ticket.called', t));
    const id = escortOf(t)!.mission_id;
    await rig.clock.until('failed', stateIs(id, 'failed'));
    expect(rig.updates.filter((u) => u.mission_id === id).at(-1)?.reason).toBe('escort_unclaimed');
    await rig.clock.until(
      'home',
      () => r().engine.activity().state === 'IDLE' && r().engine.activity().at_home,
    );
  });

  it('escorts holders who asked at the kiosk, and nobody else without a listed priority class', async () => {
    rig = await createEngineRig({ waitS: 1 });
    const asked = ticket();
    const pregnant = ticket({ priority_class: 'pregnant' });
    expect(rig.engine.requestEscort(asked.id, 'kiosk:demo').ok).toBe(true);
    rig.engine.onQueueEvent(event('ticket.called', pregnant));
    expect(escortOf(pregnant)).toBeUndefined();
    rig.engine.onQueueEvent(event('ticket.called', asked));
    expect(escortOf(asked)).toBeDefined();
    // A recall of the same ticket does not start a second escort.
    rig.engine.onQueueEvent(event('ticket.called', asked));
    expect(r().updates.filter((u) => u.kind === 'escort' && u.state === 'queued')).toHaveLength(1);
  });

  it('drops an escort whose ticket was closed before pickup', async () => {
    rig = await createEngineRig({ waitS: 1 });
    const t = ticket({ priority_class: 'elderly' });
    rig.engine.onQueueEvent(event('ticket.called', t));
    const id = escortOf(t)!.mission_id;
    await rig.clock.until('fetching', stateIs(id, 'fetching'));
    rig.engine.onQueueEvent(event('ticket.no_show', t));
    await rig.clock.advance(100);
    expect(rig.updates.filter((u) => u.mission_id === id).at(-1)).toMatchObject({
      state: 'cancelled',
      reason: 'ticket_closed',
    });
  });

  it('goes ahead of queued kiosk requests without preempting the trip under way', async () => {
    rig = await createEngineRig({ waitS: 1 });
    const g1 = rig.engine.guide({ place: 'counter_1', ticket: null }, { role: 'kiosk', actor: 'k' });
    const g2 = rig.engine.guide({ place: 'counter_2', ticket: null }, { role: 'kiosk', actor: 'k' });
    const t = ticket({ priority_class: 'elderly' });
    rig.engine.onQueueEvent(event('ticket.called', t));
    const id = escortOf(t)!.mission_id;
    expect(
      r()
        .updates.filter((u) => u.mission_id === id)
        .at(-1)?.queue_position,
    ).toBe(1);
    const g2id = g2.ok ? g2.value.mission_id : '';
    expect(
      r()
        .updates.filter((u) => u.mission_id === g2id)
        .at(-1)?.queue_position,
    ).toBe(2);
    await rig.clock.until('first guide done', stateIs(g1.ok ? g1.value.mission_id : '', 'completed'));
    await rig.clock.until('escort starts', stateIs(id, 'fetching'));
  });
});

describe('the robot screen', () => {
  it('Stop ends the trip as cancelled; the robot then goes home by itself', async () => {
    rig = await createEngineRig({ waitS: 1 });
    const g = rig.engine.guide({ place: 'photocopy', ticket: null }, { role: 'kiosk', actor: 'k' });
    const id = g.ok ? g.value.mission_id : '';
    await rig.clock.advance(6000);
    expect(rig.engine.screenStop(id).ok).toBe(true);
    await rig.clock.advance(100);
    expect(rig.updates.filter((u) => u.mission_id === id).at(-1)).toMatchObject({
      state: 'cancelled',
      reason: 'cancelled',
    });
    expect(rig.engine.screenStop(id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await rig.clock.until(
      'home',
      () => r().engine.activity().state === 'IDLE' && r().engine.activity().at_home,
    );
  });
});

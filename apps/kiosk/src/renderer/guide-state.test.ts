import type { MissionUpdate, Result } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { askForGuide, describeGuide, refusalKey } from './guide-screen.tsx';
import { robotPanel } from './robot-screen.tsx';

const update = (state: MissionUpdate['state'], extra: Partial<MissionUpdate> = {}): MissionUpdate => ({
  mission_id: '6f1c1b1e-0000-4000-8000-000000000001',
  kind: 'guide',
  state,
  place: 'counter_3',
  remaining_m: 12,
  eta_s: 20,
  queue_position: 0,
  ticket: null,
  at: '2026-12-08T02:00:00.000Z',
  ...extra,
});
const accepted = { mission_id: '6f1c1b1e-0000-4000-8000-000000000001', queue_position: 0, eta_s: 20 };

describe('Guide me', () => {
  it('explains each refusal in the citizen’s words, and anything unknown as "cannot guide you now"', () => {
    expect(refusalKey('UNAVAILABLE', 'queue_full')).toBe('kiosk.guide_refused_busy');
    expect(refusalKey('UNAVAILABLE', 'battery_low')).toBe('kiosk.guide_refused_battery');
    expect(refusalKey('UNAVAILABLE', 'estop')).toBe('kiosk.guide_refused_stopped');
    for (const r of ['link_down', 'needs_staff', 'no_robot', undefined])
      expect(refusalKey('UNAVAILABLE', r)).toBe('kiosk.guide_unavailable');
    expect(refusalKey('TIMEOUT', 'queue_full')).toBe('kiosk.guide_unavailable');
  });

  it('follows the mission: queued or coming, guiding, arrived, finished, stopped or failed', () => {
    expect(describeGuide({ kind: 'requesting' }).state).toBe('requesting');
    expect(describeGuide({ kind: 'mission', accepted, update: undefined }).state).toBe('coming');
    expect(
      describeGuide({ kind: 'mission', accepted: { ...accepted, queue_position: 2 }, update: undefined })
        .state,
    ).toBe('queued');
    const states: [MissionUpdate['state'], string][] = [
      ['queued', 'queued'],
      ['guiding', 'guiding'],
      ['arrived', 'arrived'],
      ['paused', 'paused'],
      ['returning', 'finished'],
      ['completed', 'finished'],
      ['cancelled', 'cancelled'],
      ['failed', 'failed'],
    ];
    for (const [state, shown] of states)
      expect(describeGuide({ kind: 'mission', accepted, update: update(state) }).state).toBe(shown);
  });
});

describe('the robot’s own screen', () => {
  it('covers the kiosk only while a trip runs, and never for a request still waiting its turn', () => {
    expect(robotPanel(null)).toBe('none');
    expect(robotPanel(update('queued'))).toBe('none');
    expect(robotPanel(update('guiding'))).toBe('guiding');
    expect(robotPanel(update('fetching', { kind: 'escort' }))).toBe('fetching');
    expect(robotPanel(update('calling', { kind: 'escort' }))).toBe('calling');
    expect(robotPanel(update('arrived'))).toBe('arrived');
    expect(robotPanel(update('returning'))).toBe('returning');
    for (const s of ['completed', 'failed', 'cancelled'] as const) expect(robotPanel(update(s))).toBe('none');
  });
});

describe('asking for a guide', () => {
  const accepted = { ok: true as const, value: 'mission' };
  const refused = (reason: string) => ({
    ok: false as const,
    error: { code: 'UNAVAILABLE' as const, message: reason, reason },
  });
  const script = (...answers: Result<string>[]) => {
    const asked: number[] = [];
    const ask = () => {
      asked.push(asked.length);
      return Promise.resolve(answers[Math.min(asked.length - 1, answers.length - 1)] ?? accepted);
    };
    return { ask, asked };
  };
  const noWait = () => Promise.resolve();

  it('asks again while the robot link is down for a moment, and gets the trip once it is back', async () => {
    const { ask, asked } = script(refused('link_down'), refused('link_down'), accepted);
    await expect(askForGuide(ask, noWait)).resolves.toEqual(accepted);
    expect(asked).toHaveLength(3);
  });

  it('gives up after five tries, and never asks again for a refusal a moment cannot cure', async () => {
    const down = script(refused('link_down'));
    await expect(askForGuide(down.ask, noWait)).resolves.toMatchObject({ ok: false });
    expect(down.asked).toHaveLength(5);
    for (const reason of ['battery_low', 'estop', 'needs_staff', 'queue_full']) {
      const other = script(refused(reason), accepted);
      await expect(askForGuide(other.ask, noWait)).resolves.toMatchObject({ ok: false, error: { reason } });
      expect(other.asked).toHaveLength(1);
    }
  });
});

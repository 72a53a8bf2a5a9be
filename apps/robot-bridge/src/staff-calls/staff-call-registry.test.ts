import type { StaffCall } from '@reception/protocol';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffCallError, StaffCallRegistry, type StaffCallChange } from './staff-call-registry.ts';

const lobby = { key: 'kiosk:lobb', name: 'Lobby kiosk 1' };
const robot = { key: 'kiosk:robo', name: 'Robot screen' };

function registry(over: Partial<ConstructorParameters<typeof StaffCallRegistry>[0]> = {}) {
  const outcomes: string[] = [];
  const changes: StaffCallChange[] = [];
  const calls = new StaffCallRegistry({
    expiryMs: 120_000,
    limit: { calls: 3, windowS: 600 },
    log: pino({ level: 'silent' }),
    onOutcome: (o) => outcomes.push(o),
    ...over,
  });
  calls.on('change', (c) => changes.push(c));
  return { calls, outcomes, changes };
}

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (e) {
    if (e instanceof StaffCallError) return `${e.code}/${e.wireCode}`;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('StaffCallRegistry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-07T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('opens a call, and an acknowledgement closes it with who is coming', async () => {
    const { calls, changes, outcomes } = registry();
    const receipt = await calls.call(lobby, { reason: 'mobility', language: 'ur' });
    expect(receipt).toEqual({
      call_id: expect.any(String) as string,
      at: '2026-12-07T03:00:00.000Z',
      expires_at: '2026-12-07T03:02:00.000Z',
      replayed: false,
    });
    const opened: StaffCall = {
      call_id: receipt.call_id,
      kiosk_name: 'Lobby kiosk 1',
      at: '2026-12-07T03:00:00.000Z',
      reason: 'mobility',
      language: 'ur',
      state: 'open',
      expires_at: '2026-12-07T03:02:00.000Z',
      acknowledged_by: null,
      closed_at: null,
    };
    expect(changes).toEqual([{ kind: 'new', call: opened, kiosk: 'kiosk:lobb' }]);

    vi.advanceTimersByTime(30_000);
    const acked = calls.acknowledge(receipt.call_id, 'Chị Lan');
    expect(acked).toEqual({
      ...opened,
      state: 'acknowledged',
      acknowledged_by: 'Chị Lan',
      closed_at: '2026-12-07T03:00:30.000Z',
    });
    expect(changes.at(-1)).toEqual({ kind: 'update', call: acked, kiosk: 'kiosk:lobb' });
    // A second person is told who took it; the expiry timer no longer fires.
    expect(refusal(() => calls.acknowledge(receipt.call_id, 'Anh Minh'))).toBe('CALL_CLOSED/CONFLICT');
    vi.advanceTimersByTime(600_000);
    expect(changes).toHaveLength(2);
    expect(outcomes).toEqual(['created', 'acknowledged']);
  });

  it('expires a call nobody takes, once, at its expiry time', async () => {
    const { calls, changes } = registry();
    const { call_id } = await calls.call(lobby, {});
    vi.advanceTimersByTime(119_999);
    expect(changes.map((c) => c.call.state)).toEqual(['open']);
    vi.advanceTimersByTime(1);
    expect(changes.map((c) => c.call.state)).toEqual(['open', 'expired']);
    expect(changes[1]?.call).toMatchObject({ call_id, reason: null, language: null, acknowledged_by: null });
    expect(refusal(() => calls.acknowledge(call_id, 'Chị Lan'))).toBe('CALL_CLOSED/CONFLICT');
  });

  it('keeps one open call per kiosk: pressing again returns it and costs nothing', async () => {
    const { calls, outcomes } = registry({ limit: { calls: 1, windowS: 600 } });
    const first = await calls.call(lobby, { reason: 'general' });
    const again = await calls.call(lobby, { reason: 'documents' });
    expect(again).toEqual({ ...first, replayed: true });
    const [a, b] = await Promise.all([calls.call(robot, {}), calls.call(robot, {})]);
    expect([b.call_id, b.replayed]).toEqual([a.call_id, true]);
    expect(calls.list().filter((c) => c.state === 'open')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(2);
  });

  it('limits new calls per kiosk per window, each kiosk on its own', async () => {
    const { calls, outcomes } = registry();
    for (let i = 0; i < 3; i++) {
      const { call_id } = await calls.call(lobby, {});
      calls.cancel(lobby.key, call_id);
    }
    await expect(calls.call(lobby, {})).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      wireCode: 'RATE_LIMITED',
    });
    expect((await calls.call(robot, {})).replayed).toBe(false);
    expect(outcomes.at(-2)).toBe('rate_limited');
    vi.advanceTimersByTime(600_000);
    expect((await calls.call(lobby, {})).replayed).toBe(false);
  });

  it("does not let a kiosk cancel another kiosk's call, nor learn that it exists", async () => {
    const { calls } = registry();
    const { call_id } = await calls.call(lobby, {});
    expect(refusal(() => calls.cancel(robot.key, call_id))).toBe('UNKNOWN_CALL/NOT_FOUND');
    expect(refusal(() => calls.cancel(robot.key, '00000000-0000-4000-8000-000000000000'))).toBe(
      'UNKNOWN_CALL/NOT_FOUND',
    );
    expect(calls.cancel(lobby.key, call_id).state).toBe('cancelled');
    expect(refusal(() => calls.cancel(lobby.key, call_id))).toBe('CALL_CLOSED/CONFLICT');
  });

  it('lists open and recent calls newest first, and forgets closed ones after the history window', async () => {
    const { calls } = registry({ historyMs: 3_600_000 });
    const old = await calls.call(lobby, {});
    calls.cancel(lobby.key, old.call_id);
    vi.advanceTimersByTime(60_000);
    const open = await calls.call(robot, {});
    expect(calls.list().map((c) => c.call_id)).toEqual([open.call_id, old.call_id]);
    vi.advanceTimersByTime(3_600_000);
    // The robot's call expired long ago but within the hour; the lobby's closed over an hour ago.
    expect(calls.list().map((c) => [c.call_id, c.state])).toEqual([[open.call_id, 'expired']]);
  });
});

import { describe, expect, it } from 'vitest';
import { CommandTracker, seqDistance } from './command-tracker.ts';
import { CommandRejectedError, CommandTimeoutError } from './errors.ts';
import { MSG_ID, Result, type CommandName } from './messages.generated.ts';
import { LinkMetricsRecorder } from './metrics.ts';

const idOf = (n: CommandName) => MSG_ID[n];

function setup(options: Partial<ConstructorParameters<typeof CommandTracker>[0]> = {}) {
  const sent: { name: string; seq: number; retransmit: boolean }[] = [];
  const metrics = new LinkMetricsRecorder();
  const tracker = new CommandTracker(
    { ackTimeoutMs: 150, maxRetries: 3, maxInFlight: 4, maxSeqSpan: 64, ...options },
    (name, _payload, seq, retransmit) => sent.push({ name, seq, retransmit }),
    metrics,
  );
  return { tracker, sent, metrics };
}

const STOP = { reason: 0 };

describe('CommandTracker', () => {
  it('resends with the same seq every ack timeout, then gives up after 3 retries', async () => {
    const { tracker, sent, metrics } = setup();
    const p = tracker.submit('STOP', STOP, 0, undefined);
    for (let t = 0; t <= 700; t += 10) tracker.tick(t, true);
    const error: unknown = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(sent.map((s) => s.retransmit)).toEqual([false, true, true, true]);
    expect(new Set(sent.map((s) => s.seq)).size).toBe(1);
    expect(metrics.snapshot()).toMatchObject({ retries: 3, lost: 1, commandsSent: 1 });
  });

  it('with a deadline keeps resending the same seq until acknowledged', async () => {
    const { tracker, sent } = setup();
    const p = tracker.submit('STOP', STOP, 0, 10_000);
    for (let t = 0; t <= 2000; t += 10) tracker.tick(t, true);
    const seq = sent[0]!.seq;
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((s) => s.seq === seq)).toBe(true);
    tracker.onAck(seq, MSG_ID.STOP, Result.OK, 1, idOf, 2005);
    await expect(p).resolves.toMatchObject({ seq, result: 'OK', execCount: 1, rttMs: 2005 });
  });

  it('holds commands while the link is down; the deadline still runs', async () => {
    const { tracker, sent } = setup();
    const p = tracker.submit('STOP', STOP, 0, 500);
    for (let t = 0; t <= 600; t += 10) tracker.tick(t, false);
    expect(sent).toEqual([]);
    const error: unknown = await p.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 0 });
  });

  it('rejects with a typed error carrying the result and exec_count', async () => {
    const { tracker, sent } = setup();
    const p = tracker.submit('CMD_VEL', { linear_mm_s: 1, angular_mrad_s: 0, ttl_ms: 100 }, 0, undefined);
    tracker.tick(0, true);
    tracker.onAck(sent[0]!.seq, MSG_ID.CMD_VEL, Result.REJECTED_ESTOP, 1, idOf, 3);
    const error: unknown = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandRejectedError);
    expect(error).toMatchObject({ code: 'REJECTED_ESTOP', execCount: 1 });
  });

  it('ignores acks whose msg_id does not match the pending seq', () => {
    const { tracker, sent, metrics } = setup();
    void tracker.submit('STOP', STOP, 0, undefined);
    tracker.tick(0, true);
    tracker.onAck(sent[0]!.seq, MSG_ID.DOCK, Result.OK, 1, idOf, 3);
    expect(tracker.size).toBe(1);
    expect(metrics.snapshot().duplicateAcks).toBe(1);
  });

  it('keeps at most maxInFlight unacknowledged commands on the wire', () => {
    const { tracker, sent } = setup({ maxInFlight: 4 });
    for (let i = 0; i < 10; i++) void tracker.submit('STOP', STOP, 0, 10_000);
    tracker.tick(0, true);
    expect(sent.length).toBe(4);
    tracker.onAck(sent[0]!.seq, MSG_ID.STOP, Result.OK, 1, idOf, 1);
    tracker.tick(1, true);
    expect(sent.length).toBe(5);
  });

  it.each([
    ['a random first seq', undefined],
    // Seqs skip 0 when they wrap (0xfffe, 0xffff, 1, 2...): the span counts seqs, not the modular gap.
    ['seqs that wrap past 0xffff', 0xfffc],
  ])(
    'never lets the newest seq run more than maxSeqSpan ahead of the oldest unacknowledged one (%s)',
    (_, firstSeq) => {
      const { tracker, sent } = setup({ maxInFlight: 1000, maxSeqSpan: 8, firstSeq });
      for (let i = 0; i < 20; i++) void tracker.submit('STOP', STOP, 0, 10_000);
      tracker.tick(0, true);
      expect(sent.length).toBe(8);
      for (const s of sent.slice(1)) tracker.onAck(s.seq, MSG_ID.STOP, Result.OK, 1, idOf, 1);
      tracker.tick(1, true);
      // The oldest is still unacknowledged, so nothing beyond its span may go out.
      expect(new Set(sent.map((s) => s.seq)).size).toBe(8);
    },
  );

  it('counts seq distance across the wrap without the skipped 0', () => {
    expect(seqDistance(10, 17)).toBe(7);
    expect(seqDistance(0xfffe, 0xffff)).toBe(1);
    expect(seqDistance(0xffff, 1)).toBe(1);
    expect(seqDistance(0xfffc, 3)).toBe(6);
  });

  it('reports the final result of an IN_PROGRESS command as a completion', async () => {
    const completions: unknown[] = [];
    const metrics = new LinkMetricsRecorder();
    const sent: number[] = [];
    const tracker = new CommandTracker(
      { ackTimeoutMs: 150, maxRetries: 3, maxInFlight: 4, maxSeqSpan: 64 },
      (_n, _p, seq) => sent.push(seq),
      metrics,
      (c) => completions.push(c),
    );
    const p = tracker.submit('DOCK', {}, 0, undefined);
    tracker.tick(0, true);
    tracker.onAck(sent[0]!, MSG_ID.DOCK, Result.IN_PROGRESS, 1, idOf, 2);
    await expect(p).resolves.toMatchObject({ result: 'IN_PROGRESS' });
    tracker.onAck(sent[0]!, MSG_ID.DOCK, Result.OK, 1, idOf, 9000);
    expect(completions).toEqual([{ seq: sent[0], command: 'DOCK', result: 'OK' }]);
  });
});

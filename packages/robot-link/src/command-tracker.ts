/**
 * Reliability engine for host commands, independent of the transport: seq allocation, ack matching,
 * resend with the SAME seq after the ack timeout, deadlines, and a send window small enough that every
 * seq that can still be resent is inside the base's dedupe memory. Driven by `tick(now)`.
 */
import { randomInt } from 'node:crypto';
import { CommandRejectedError, CommandTimeoutError, LinkError, rejectionCode } from './errors.ts';
import { Result, type CommandName, type Payloads } from './messages.generated.ts';
import type { LinkMetricsRecorder } from './metrics.ts';
import type { CommandAck, Completion, ResultName } from './robot-base.ts';

export interface TrackerOptions {
  ackTimeoutMs: number;
  /** Resends for commands without an explicit deadline (DESIGN: 3). */
  maxRetries: number;
  /** Most commands transmitted and not yet acknowledged at once. */
  maxInFlight: number;
  /** Newest transmitted seq minus oldest unacknowledged seq stays below this (base dedupe window / 2). */
  maxSeqSpan: number;
  /** First seq of the session (default random, PROTOCOL.md rule 2); tests start near the wrap. */
  firstSeq?: number;
}

/** Seqs allocated from `from` to `to`: seqs are 1..0xffff and skip 0 when they wrap. */
export function seqDistance(from: number, to: number): number {
  const d = (to - from) & 0xffff;
  return to < from ? d - 1 : d;
}

export type Transmit = <K extends CommandName>(
  name: K,
  payload: Payloads[K],
  seq: number,
  retransmit: boolean,
) => void;

const RESULT_NAMES = new Map(Object.entries(Result).map(([k, v]) => [v as number, k as ResultName]));

interface Pending {
  seq: number;
  name: CommandName;
  payload: Payloads[CommandName];
  deadline: number;
  maxAttempts: number;
  attempts: number;
  firstSentAt: number;
  lastSentAt: number;
  resolve: (ack: CommandAck) => void;
  reject: (error: Error) => void;
}

export class CommandTracker {
  /** Random per session (PROTOCOL.md rule 2): a stale CMD_ACK from an earlier session cannot match. */
  private nextSeq: number;
  private readonly pending = new Map<number, Pending>();

  /** Long commands acknowledged IN_PROGRESS, waiting for their final CMD_ACK. */
  private readonly inProgress = new Map<number, CommandName>();

  constructor(
    private readonly options: TrackerOptions,
    private readonly transmit: Transmit,
    private readonly metrics: LinkMetricsRecorder,
    private readonly onCompletion: (completion: Completion) => void = () => undefined,
  ) {
    this.nextSeq = options.firstSeq ?? randomInt(1, 0xffff);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Allocates a seq for a frame that is not tracked (HELLO takes seqs from the same space). */
  allocateSeq(): number {
    const seq = this.nextSeq;
    this.nextSeq = (this.nextSeq + 1) & 0xffff || 1;
    return seq;
  }

  submit<K extends CommandName>(
    name: K,
    payload: Payloads[K],
    now: number,
    deadlineMs: number | undefined,
  ): Promise<CommandAck> {
    return new Promise<CommandAck>((resolve, reject) => {
      const explicit = deadlineMs !== undefined;
      const p: Pending = {
        seq: this.allocateSeq(),
        name,
        payload,
        deadline: now + (deadlineMs ?? this.options.ackTimeoutMs * (this.options.maxRetries + 1) + 50),
        maxAttempts: explicit ? Number.POSITIVE_INFINITY : this.options.maxRetries + 1,
        attempts: 0,
        firstSentAt: 0,
        lastSentAt: 0,
        resolve,
        reject,
      };
      this.pending.set(p.seq, p);
    });
  }

  /** Sends what is due: first transmissions inside the window, resends after the ack timeout; expires deadlines. */
  tick(now: number, linkUp: boolean): void {
    let inFlight = 0;
    let oldest: number | undefined;
    for (const p of this.pending.values()) {
      if (
        now >= p.deadline ||
        (p.attempts >= p.maxAttempts && now - p.lastSentAt >= this.options.ackTimeoutMs)
      ) {
        this.expire(p);
        continue;
      }
      oldest ??= p.seq;
      if (!linkUp) continue;
      if (p.attempts === 0) {
        if (inFlight >= this.options.maxInFlight || seqDistance(oldest, p.seq) >= this.options.maxSeqSpan)
          continue;
        p.firstSentAt = now;
        this.send(p, now, false);
        this.metrics.inc('commandsSent');
      } else if (now - p.lastSentAt >= this.options.ackTimeoutMs && p.attempts < p.maxAttempts) {
        this.send(p, now, true);
        this.metrics.inc('retries');
      }
      inFlight++;
    }
  }

  /** After a (re)handshake: resend everything already transmitted at the next tick. */
  markAllDue(): void {
    for (const p of this.pending.values()) p.lastSentAt = Number.NEGATIVE_INFINITY;
  }

  onAck(
    cmdSeq: number,
    cmdMsgId: number,
    result: number,
    execCount: number,
    msgIdOf: (n: CommandName) => number,
    now: number,
  ): void {
    const long = this.inProgress.get(cmdSeq);
    if (long !== undefined && msgIdOf(long) === cmdMsgId && result !== Result.IN_PROGRESS) {
      this.inProgress.delete(cmdSeq);
      this.onCompletion({ seq: cmdSeq, command: long, result: RESULT_NAMES.get(result) ?? 'FAILED' });
      return;
    }
    const p = this.pending.get(cmdSeq);
    if (p === undefined || msgIdOf(p.name) !== cmdMsgId || p.attempts === 0) {
      this.metrics.inc('duplicateAcks');
      return;
    }
    this.pending.delete(cmdSeq);
    const rttMs = now - p.firstSentAt;
    this.metrics.observeRtt(rttMs);
    if (result === Result.OK || result === Result.IN_PROGRESS) {
      this.metrics.inc('commandsAcked');
      if (result === Result.IN_PROGRESS) {
        this.inProgress.set(p.seq, p.name);
        if (this.inProgress.size > 64) this.inProgress.delete(this.inProgress.keys().next().value ?? -1);
      }
      p.resolve({
        seq: p.seq,
        result: result === Result.OK ? 'OK' : 'IN_PROGRESS',
        execCount,
        attempts: p.attempts,
        rttMs,
      });
      return;
    }
    this.metrics.inc('commandsRejected');
    p.reject(
      new CommandRejectedError(rejectionCode(result as Result), p.name, p.seq, result as Result, execCount),
    );
  }

  rejectAll(error: LinkError): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private send(p: Pending, now: number, retransmit: boolean): void {
    p.attempts++;
    p.lastSentAt = now;
    this.transmit(p.name, p.payload, p.seq, retransmit);
  }

  private expire(p: Pending): void {
    this.pending.delete(p.seq);
    this.metrics.inc('lost');
    p.reject(new CommandTimeoutError(p.name, p.seq, p.attempts));
  }
}

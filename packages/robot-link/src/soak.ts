/**
 * Soak: N acknowledged commands through a RobotBase, each resent with the same seq until acknowledged or
 * its deadline passes. SET_SPEED_LIMIT is used because it is harmless on a real robot and accepted while
 * the e-stop is latched (the base boots latched); values vary per command so each is a distinct command.
 */
import { CommandRejectedError } from './errors.ts';
import type { RobotBase } from './robot-base.ts';

export interface SoakOptions {
  commands: number;
  deadlineMs: number;
  /** Commands in flight at once. */
  concurrency: number;
}

export interface SoakResult {
  sent: number;
  acked: number;
  lost: number;
  duplicates: number;
  p50_ms: number;
  p99_ms: number;
  crc_errors: number;
  retries: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function runSoak(base: RobotBase, options: SoakOptions): Promise<SoakResult> {
  const before = base.metrics();
  const rtts: number[] = [];
  let next = 0;
  let acked = 0;
  let lost = 0;
  let duplicates = 0;
  const worker = async () => {
    while (next < options.commands) {
      const i = next++;
      const payload = { max_linear_mm_s: 300 + (i % 900), max_angular_mrad_s: 500 + (i % 1000) };
      const started = performance.now();
      try {
        const ack = await base.sendCommand('SET_SPEED_LIMIT', payload, { deadlineMs: options.deadlineMs });
        acked++;
        rtts.push(ack.rttMs);
        if (ack.execCount > 1) duplicates++;
      } catch (error) {
        if (error instanceof CommandRejectedError) {
          // A rejection is still an acknowledgement: the base received and answered this seq.
          acked++;
          rtts.push(performance.now() - started);
          if (error.execCount > 1) duplicates++;
        } else lost++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const after = base.metrics();
  rtts.sort((a, b) => a - b);
  return {
    sent: options.commands,
    acked,
    lost,
    duplicates,
    p50_ms: round2(percentile(rtts, 50)),
    p99_ms: round2(percentile(rtts, 99)),
    crc_errors: after.crcErrors - before.crcErrors,
    retries: after.retries - before.retries,
  };
}

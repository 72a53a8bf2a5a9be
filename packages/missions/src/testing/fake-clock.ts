import { setImmediate as tick } from 'node:timers/promises';
import type { Clock, TimerHandle } from '../clock.ts';

/**
 * Simulated time for unit tests: timers fire only inside `advance`, in time order, with pending promises
 * settled between them, so an engine run of minutes takes milliseconds and never depends on the machine.
 */
export class FakeClock implements Clock {
  private t = 0;
  private seq = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(private readonly wallStart = Date.parse('2026-03-02T08:00:00+07:00')) {}

  now(): number {
    return this.t;
  }

  wallTime(): Date {
    return new Date(this.wallStart + this.t);
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.seq++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return { id };
  }

  clear(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Runs every timer due within `ms`, in order, letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers)
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
    }
    this.t = end;
    await settle();
  }

  /** Advances in steps until `predicate` holds; throws after `limitMs` of simulated time. */
  async until(what: string, predicate: () => boolean, limitMs = 120_000, stepMs = 100): Promise<number> {
    const start = this.t;
    while (!predicate()) {
      if (this.t - start > limitMs) throw new Error(`${what}: not within ${limitMs} ms of simulated time`);
      await this.advance(stepMs);
    }
    return this.t - start;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await tick();
}

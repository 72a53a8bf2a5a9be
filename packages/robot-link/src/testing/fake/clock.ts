/**
 * Time for the fake robot base. `realTimeClock()` follows `performance.now()` and ticks from a 10 ms timer,
 * like the firmware's control loop; `ManualClock` moves only when a test says so, so a test of a higher
 * layer drives a 30 s mission in milliseconds and gets the same result every run.
 */
import { performance } from 'node:perf_hooks';

/**
 * Rules: `now()` is monotonic milliseconds. `subscribe(onTick)` calls `onTick` as time passes, about every
 * 10 ms (a timer may be late: subscribers catch up on the time that passed) until the returned function is
 * called.
 */
export interface FakeClock {
  now(): number;
  subscribe(onTick: () => void): () => void;
}

export function realTimeClock(): FakeClock {
  return {
    now: () => performance.now(),
    subscribe(onTick) {
      const timer = setInterval(onTick, 10);
      return () => clearInterval(timer);
    },
  };
}

/** Simulated time that moves only through `advance` / `advanceAsync`, in steps of at most 10 ms. */
export class ManualClock implements FakeClock {
  private t: number;
  private readonly listeners = new Set<() => void>();

  constructor(startMs = 0) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  subscribe(onTick: () => void): () => void {
    this.listeners.add(onTick);
    return () => this.listeners.delete(onTick);
  }

  /**
   * Moves time forward synchronously, ticking every subscriber after each step. Promise callbacks (a
   * command's ack, code awaiting it) run only after it returns: await commands before advancing.
   */
  advance(ms: number): void {
    for (let left = ms; left > 0; left -= 10) this.step(Math.min(10, left));
  }

  /**
   * Like `advance`, but lets pending promise callbacks and I/O run after every step, so code that reacts
   * to odometry or safety events by sending commands (a mission) runs inside simulated time.
   */
  async advanceAsync(ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= 10) {
      this.step(Math.min(10, left));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private step(ms: number): void {
    this.t += ms;
    for (const listener of [...this.listeners]) listener();
  }
}

/** Timer functions, injectable so the timer can run on a test clock. */
export interface TimerFunctions {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: TimerFunctions = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Fires `onIdle` once after `timeoutMs` without activity. `poke()` on every touch, key or scroll restarts the
 * countdown; `stop()` disarms it (the welcome screen has nothing to forget). Arming again after it fired
 * needs a `poke()`.
 */
export class IdleTimer {
  private handle: unknown;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly timers: TimerFunctions = globalTimers,
  ) {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`idle timeout must be > 0 ms`);
  }

  get armed(): boolean {
    return this.handle !== undefined;
  }

  poke(): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      this.onIdle();
    }, this.timeoutMs);
  }

  stop(): void {
    if (this.handle === undefined) return;
    this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }
}

/** Activity that counts as "someone is using the kiosk". */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

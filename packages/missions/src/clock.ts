/**
 * Time for the mission engine: every wait (arrival wait, escort confirmation, blocked and stuck windows,
 * heading alignment ticks) goes through a `Clock`, so unit tests drive the engine in simulated time.
 *
 * Rules: `now()` is monotonic milliseconds (not wall time); a timer fires at most once, never before its
 * delay has passed, and never after `clear`; callbacks run outside the caller's stack (like `setTimeout`).
 * `wallTime()` is for records shown to people (ISO strings in history), nothing else.
 */
export interface Clock {
  now(): number;
  wallTime(): Date;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** Real time: `performance.now()` and Node timers (unref'd: a pending mission timer never keeps a process alive). */
export const systemClock: Clock = (() => {
  const timers = new Map<number, NodeJS.Timeout>();
  let next = 1;
  return {
    now: () => performance.now(),
    wallTime: () => new Date(),
    setTimeout(fn, ms) {
      const id = next++;
      const t = setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      t.unref();
      timers.set(id, t);
      return { id };
    },
    clear(handle) {
      const t = timers.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      timers.delete(handle.id);
    },
  };
})();

/** Resolves after `ms` on `clock`, or rejects with `signal.reason` when the signal aborts first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clock.clear(handle);
      reject(signal?.reason as Error);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

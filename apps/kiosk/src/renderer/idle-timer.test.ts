import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer.ts';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the timeout without activity', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(60_000, onIdle);
    t.poke();
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(t.armed).toBe(false);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('restarts the countdown on every poke', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(1000, onIdle);
    t.poke();
    vi.advanceTimersByTime(900);
    t.poke();
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(1000, onIdle);
    t.poke();
    t.stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(t.armed).toBe(false);
  });

  it('rejects a non-positive timeout', () => {
    expect(() => new IdleTimer(0, () => undefined)).toThrow(RangeError);
    expect(() => new IdleTimer(Number.NaN, () => undefined)).toThrow(RangeError);
  });
});

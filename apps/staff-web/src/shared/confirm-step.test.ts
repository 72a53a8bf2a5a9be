import { describe, expect, it } from 'vitest';
import { pressConfirm } from './confirm-step.ts';

const timing = { minMs: 350, windowMs: 4000 };

describe('transfers, cancels and no-shows ask to confirm', () => {
  it('do nothing on the first press, only arm the button', () => {
    expect(pressConfirm(null, 10_000, timing)).toEqual({ run: false, armedAt: 10_000 });
  });

  it('act on a second press within the window', () => {
    expect(pressConfirm(10_000, 11_500, timing)).toEqual({ run: true, armedAt: null });
    expect(pressConfirm(10_000, 14_000, timing)).toEqual({ run: true, armedAt: null });
  });

  it('take a double click for one press, and a press after the window for a new first press', () => {
    expect(pressConfirm(10_000, 10_120, timing)).toEqual({ run: false, armedAt: 10_000 });
    expect(pressConfirm(10_000, 14_001, timing)).toEqual({ run: false, armedAt: 14_001 });
  });
});

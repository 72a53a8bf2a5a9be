import { describe, expect, it } from 'vitest';
import { redoTarget, takeAt, TAKES_IN_ALL } from './takes-plan.ts';

describe('the takes of a volunteer', () => {
  it('asks for each phrase five times, Vietnamese first', () => {
    expect(TAKES_IN_ALL).toBe(10);
    expect(takeAt(0)).toEqual({ keyword: 'xin_chao_robot', n: 1 });
    expect(takeAt(4)).toEqual({ keyword: 'xin_chao_robot', n: 5 });
    expect(takeAt(5)).toEqual({ keyword: 'hello_robot', n: 1 });
    expect(takeAt(9)).toEqual({ keyword: 'hello_robot', n: 5 });
  });

  it('records again the take just saved while "Saved" shows, else the one before', () => {
    expect(redoTarget(0, false)).toBeUndefined();
    expect(redoTarget(0, true)).toEqual({ index: 0, keyword: 'xin_chao_robot' });
    expect(redoTarget(1, true)).toEqual({ index: 1, keyword: 'xin_chao_robot' });
    expect(redoTarget(1, false)).toEqual({ index: 0, keyword: 'xin_chao_robot' });
    // At the first English take, the last kept one is the fifth Vietnamese take.
    expect(redoTarget(5, false)).toEqual({ index: 4, keyword: 'xin_chao_robot' });
    expect(redoTarget(5, true)).toEqual({ index: 5, keyword: 'hello_robot' });
  });
});

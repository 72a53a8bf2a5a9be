import { describe, expect, it } from 'vitest';
import { redoTarget, takeAt, takeOrder, takesInAll } from './takes-plan.ts';

describe('the takes of a volunteer', () => {
  const both = takeOrder();

  it('asks for each phrase five times, Vietnamese first', () => {
    expect(both).toEqual(['xin_chao_robot', 'hello_robot']);
    expect(takesInAll(both)).toBe(10);
    expect(takeAt(0, both)).toEqual({ keyword: 'xin_chao_robot', n: 1 });
    expect(takeAt(4, both)).toEqual({ keyword: 'xin_chao_robot', n: 5 });
    expect(takeAt(5, both)).toEqual({ keyword: 'hello_robot', n: 1 });
    expect(takeAt(9, both)).toEqual({ keyword: 'hello_robot', n: 5 });
  });

  it('asks only for the phrases the kiosk listens for (KIOSK_WAKE_KEYWORDS)', () => {
    const vi = takeOrder(['xin_chao_robot']);
    expect(vi).toEqual(['xin_chao_robot']);
    expect(takesInAll(vi)).toBe(5);
    expect(takeAt(4, vi)).toEqual({ keyword: 'xin_chao_robot', n: 5 });
    expect(takeOrder(['hello_robot', 'xin_chao_robot'])).toEqual(['xin_chao_robot', 'hello_robot']);
    expect(takeOrder([])).toEqual(both);
  });

  it('records again the take just saved while "Saved" shows, else the one before', () => {
    expect(redoTarget(0, false, both)).toBeUndefined();
    expect(redoTarget(0, true, both)).toEqual({ index: 0, keyword: 'xin_chao_robot' });
    expect(redoTarget(1, true, both)).toEqual({ index: 1, keyword: 'xin_chao_robot' });
    expect(redoTarget(1, false, both)).toEqual({ index: 0, keyword: 'xin_chao_robot' });
    // At the first English take, the last kept one is the fifth Vietnamese take.
    expect(redoTarget(5, false, both)).toEqual({ index: 4, keyword: 'xin_chao_robot' });
    expect(redoTarget(5, true, both)).toEqual({ index: 5, keyword: 'hello_robot' });
  });
});

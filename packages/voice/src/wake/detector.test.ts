import { describe, expect, it } from 'vitest';
import { Detector } from './detector.ts';

describe('Detector', () => {
  const kws = ['xin_chao_robot', 'hello_robot'] as const;

  it('fires once per keyword utterance, then stays quiet for the refractory period', () => {
    const d = new Detector(kws, { threshold: 0.8, refractoryS: 1.5, minConsecutive: 1 });
    expect(d.update([0.5, 0.1], 0.04)).toBeNull();
    expect(d.update([0.9, 0.1], 0.08)).toEqual({ keyword: 'xin_chao_robot', score: 0.9, time: 0.08 });
    expect(d.update([0.95, 0.1], 0.12)).toBeNull();
    expect(d.update([0.1, 0.99], 1.5)).toBeNull();
    expect(d.update([0.1, 0.99], 1.6)).toEqual({ keyword: 'hello_robot', score: 0.99, time: 1.6 });
  });

  it('needs minConsecutive evaluations over the threshold', () => {
    const d = new Detector(kws, { threshold: 0.8, refractoryS: 1, minConsecutive: 2 });
    expect(d.update([0.9, 0], 0.04)).toBeNull();
    expect(d.update([0.1, 0], 0.08)).toBeNull();
    expect(d.update([0.9, 0], 0.12)).toBeNull();
    expect(d.update([0.85, 0], 0.16)?.keyword).toBe('xin_chao_robot');
  });

  it('holds each keyword to its own threshold when given one per keyword', () => {
    const d = new Detector(kws, { threshold: [0.8, 0.95], refractoryS: 0, minConsecutive: 1 });
    expect(d.update([0.85, 0], 0.04)?.keyword).toBe('xin_chao_robot');
    expect(d.update([0, 0.9], 0.08)).toBeNull();
    expect(d.update([0, 0.96], 0.12)?.keyword).toBe('hello_robot');
    expect(() => new Detector(kws, { threshold: [0.8], refractoryS: 1, minConsecutive: 1 })).toThrow(
      RangeError,
    );
    expect(() => new Detector(kws, { threshold: [0.8, 1.2], refractoryS: 1, minConsecutive: 1 })).toThrow(
      RangeError,
    );
  });

  it('forgets the refractory period on reset and validates its options', () => {
    const d = new Detector(kws, { threshold: 0.5, refractoryS: 10, minConsecutive: 1 });
    expect(d.update([0.9, 0], 1)).not.toBeNull();
    d.reset();
    expect(d.update([0.9, 0], 2)).not.toBeNull();
    expect(() => new Detector(kws, { threshold: 0, refractoryS: 1, minConsecutive: 1 })).toThrow(RangeError);
    expect(() => new Detector(kws, { threshold: 0.5, refractoryS: -1, minConsecutive: 1 })).toThrow(
      RangeError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Endpointer, type EndpointEvent } from './endpointer.ts';

// 512-sample frames at 16 kHz: 32 ms each
const FRAME_S = 0.032;

function run(probs: number[], opts = {}): EndpointEvent[] {
  const ep = new Endpointer(512, 16000, opts);
  ep.begin();
  return probs.map((p) => ep.update(p)).filter((e): e is EndpointEvent => e !== null);
}

const frames = (n: number, p: number): number[] => Array.from({ length: n }, () => p);

describe('Endpointer', () => {
  it('starts after minSpeech of speech and ends after endSilence of silence', () => {
    const ev = run([...frames(10, 0.05), ...frames(30, 0.9), ...frames(40, 0.05)], { endSilenceMs: 500 });
    expect(ev.map((e) => e.type)).toEqual(['speech_start', 'speech_end']);
    const [start, end] = ev;
    expect(start?.time).toBeCloseTo(10 * FRAME_S, 6);
    if (end?.type !== 'speech_end') throw new Error('no end');
    expect(end.reason).toBe('silence');
    expect(end.end).toBeCloseTo(40 * FRAME_S, 6);
    // decided after the first whole 500 ms of silence: ceil(0.5 / 0.032) = 16 frames
    expect(end.time).toBeCloseTo(56 * FRAME_S, 6);
  });

  it('honours a shorter configured end silence', () => {
    const ev = run([...frames(20, 0.9), ...frames(40, 0.0)], { endSilenceMs: 200 });
    const end = ev.at(-1);
    if (end?.type !== 'speech_end') throw new Error('no end');
    expect(end.time - end.end).toBeCloseTo(7 * FRAME_S, 6);
  });

  it('keeps the utterance through pauses shorter than the end silence (hysteresis)', () => {
    const ev = run([
      ...frames(10, 0.9),
      ...frames(8, 0.2),
      ...frames(10, 0.4),
      ...frames(10, 0.9),
      ...frames(30, 0.0),
    ]);
    expect(ev.filter((e) => e.type === 'speech_end')).toHaveLength(1);
    const end = ev.at(-1);
    if (end?.type !== 'speech_end') throw new Error('no end');
    expect(end.end).toBeCloseTo(38 * FRAME_S, 6);
  });

  it('ignores a click shorter than minSpeech', () => {
    expect(run([...frames(2, 0.9), ...frames(40, 0.0)], { minSpeechMs: 150 })).toEqual([]);
  });

  it('cuts at the utterance cap and reports why', () => {
    const ev = run(frames(200, 0.9), { maxUtteranceMs: 3000 });
    const end = ev.at(-1);
    if (end?.type !== 'speech_end') throw new Error('no end');
    expect(end.reason).toBe('cap');
    expect(end.end - end.start).toBeGreaterThanOrEqual(3 - 1e-9);
    expect(end.end - end.start).toBeLessThan(3 + FRAME_S);
  });

  it('gives up when nobody speaks', () => {
    const ev = run(frames(200, 0.1), { noSpeechTimeoutMs: 2000 });
    expect(ev).toHaveLength(1);
    expect(ev[0]?.type).toBe('no_speech');
  });

  it('rejects inconsistent options', () => {
    expect(() => new Endpointer(512, 16000, { startThreshold: 0.3, endThreshold: 0.5 })).toThrow(RangeError);
  });
});

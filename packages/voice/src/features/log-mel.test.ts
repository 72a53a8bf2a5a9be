import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../audio/wav.ts';
import { LogMel, logMel, N_MELS, numFrames } from './log-mel.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe('log-mel front end', () => {
  it('matches the Python golden vectors (models/wake-word/make_feature_golden.py)', () => {
    const golden = JSON.parse(readFileSync(fixture('golden-logmel.json'), 'utf8')) as {
      frames: number;
      mels: number;
      data: number[];
    };
    const wav = decodeWav(readFileSync(fixture('golden-logmel.wav')));
    const { frames, data } = logMel(wav.samples);
    expect(frames).toBe(golden.frames);
    expect(golden.mels).toBe(N_MELS);
    let maxErr = 0;
    golden.data.forEach((v, i) => (maxErr = Math.max(maxErr, Math.abs(v - (data[i] ?? NaN)))));
    // golden values are rounded to 1e-5; float32 log adds < 1e-5
    expect(maxErr).toBeLessThan(5e-5);
    // the silent stretch reaches the floor: the test would catch a different floor constant
    expect(Math.min(...golden.data)).toBeLessThan(-13);
  });

  it('gives the same frames streamed in odd-sized chunks as in one call', () => {
    const x = Float32Array.from(
      { length: 5000 },
      (_, i) => Math.sin(i * 0.05) * 0.2 + ((i * 7919) % 13) / 300,
    );
    const whole = logMel(x);
    const lm = new LogMel();
    const rows: Float32Array[] = [];
    for (let at = 0; at < x.length; at += 97) rows.push(...lm.push(x.subarray(at, at + 97)));
    expect(rows.length).toBe(whole.frames);
    expect(rows.length).toBe(numFrames(5000));
    rows.forEach((r, i) =>
      expect(Array.from(r)).toEqual(Array.from(whole.data.subarray(i * N_MELS, (i + 1) * N_MELS))),
    );
  });
});

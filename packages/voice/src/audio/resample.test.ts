import { describe, expect, it } from 'vitest';
import { resample, Resampler } from './resample.ts';

const tone = (f: number, rate: number, n: number): Float32Array =>
  Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * i) / rate));

function rmsError(a: Float32Array, b: Float32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.sqrt(s / (to - from));
}

describe('resample', () => {
  it.each([8000, 11025, 22050, 44100, 48000, 96000])('keeps a 1 kHz tone from %i Hz to 16 kHz', (rate) => {
    const out = resample(tone(1000, rate, rate), rate, 16000);
    expect(out.length).toBe(16000);
    const want = tone(1000, 16000, 16000);
    expect(rmsError(out, want, 200, 15800)).toBeLessThan(0.01);
  });

  it('removes content above the new Nyquist frequency (6 kHz tone at 48 kHz -> 8 kHz)', () => {
    const out = resample(tone(6000, 48000, 48000), 48000, 8000);
    let s = 0;
    for (let i = 200; i < out.length - 200; i++) s += (out[i] ?? 0) ** 2;
    expect(Math.sqrt(s / (out.length - 400))).toBeLessThan(0.01);
  });

  it('streams in chunks to the same samples as the offline call', () => {
    const x = tone(440, 44100, 20000);
    const whole = resample(x, 44100, 16000);
    const r = new Resampler(44100, 16000);
    const parts: number[] = [];
    for (let at = 0; at < x.length; at += 777) parts.push(...r.process(x.subarray(at, at + 777)));
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    expect(rmsError(Float32Array.from(parts), whole, 0, whole.length)).toBeLessThan(1e-6);
  });

  it('passes 16 kHz through unchanged and rejects nonsense rates', () => {
    const x = tone(300, 16000, 100);
    expect(Array.from(resample(x, 16000, 16000))).toEqual(Array.from(x));
    expect(() => new Resampler(0, 16000)).toThrow(RangeError);
    expect(() => new Resampler(44100.5, 16000)).toThrow(RangeError);
  });
});

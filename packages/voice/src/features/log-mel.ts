/**
 * Log-mel front end shared by the wake word and speech-intent models. Identical to
 * models/wake-word/voicelib/features.py (golden vectors in log-mel.test.ts prove it): 16 kHz, 25 ms periodic
 * Hann window, 10 ms hop, 512-point FFT, power spectrum, 40 HTK-mel triangles 60-7600 Hz, log(mel + 1e-6).
 * Frame i covers samples [i * 160, i * 160 + 400): no centring, so frames can be made as audio arrives.
 */
import { Fft } from './fft.ts';

export const SAMPLE_RATE = 16000;
export const N_FFT = 512;
export const WIN = 400;
export const HOP = 160;
export const N_MELS = 40;
export const F_MIN = 60;
export const F_MAX = 7600;
export const LOG_FLOOR = 1e-6;

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

function hannWindow(): Float64Array {
  const w = new Float64Array(WIN);
  for (let i = 0; i < WIN; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / WIN);
  return w;
}

/** Mel filters as [first bin, weights] pairs (rows of the Python filterbank without the zeros). */
function melFilterbank(): { first: number; weights: Float64Array }[] {
  const nBins = N_FFT / 2 + 1;
  const lo = hzToMel(F_MIN);
  const hi = hzToMel(F_MAX);
  const hz: number[] = [];
  for (let i = 0; i < N_MELS + 2; i++) hz.push(melToHz(lo + ((hi - lo) * i) / (N_MELS + 1)));
  const filters: { first: number; weights: Float64Array }[] = [];
  for (let m = 0; m < N_MELS; m++) {
    const [l, c, h] = [hz[m] ?? 0, hz[m + 1] ?? 0, hz[m + 2] ?? 0];
    const row: number[] = [];
    let first = -1;
    for (let k = 0; k < nBins; k++) {
      const f = (k * SAMPLE_RATE) / N_FFT;
      const v = Math.max(0, Math.min((f - l) / (c - l), (h - f) / (h - c)));
      if (v > 0) {
        if (first < 0) first = k;
        row[k - first] = v;
      } else if (first >= 0) break;
    }
    filters.push({ first: Math.max(0, first), weights: Float64Array.from(row, (x) => x || 0) });
  }
  return filters;
}

const WINDOW = hannWindow();
const FILTERS = melFilterbank();

/** Number of whole frames in `n` samples. */
export function numFrames(n: number): number {
  return n < WIN ? 0 : 1 + Math.floor((n - WIN) / HOP);
}

/** Computes frames hop by hop; holds the last WIN - HOP samples between calls. */
export class LogMel {
  private readonly fft = new Fft(N_FFT);
  private readonly re = new Float64Array(N_FFT);
  private readonly im = new Float64Array(N_FFT);
  private readonly power = new Float64Array(N_FFT / 2 + 1);
  private pending = new Float32Array(0);

  /** Feeds samples; returns the new frames (each N_MELS values) now complete. */
  push(samples: Float32Array): Float32Array[] {
    const buf = new Float32Array(this.pending.length + samples.length);
    buf.set(this.pending, 0);
    buf.set(samples, this.pending.length);
    const n = numFrames(buf.length);
    const frames: Float32Array[] = [];
    for (let i = 0; i < n; i++) frames.push(this.frame(buf, i * HOP));
    this.pending = buf.slice(n * HOP);
    return frames;
  }

  /** Forgets buffered samples (next push starts a new signal). */
  reset(): void {
    this.pending = new Float32Array(0);
  }

  private frame(x: Float32Array, at: number): Float32Array {
    const { re, im, power } = this;
    for (let i = 0; i < N_FFT; i++) {
      re[i] = i < WIN ? (x[at + i] ?? 0) * (WINDOW[i] ?? 0) : 0;
      im[i] = 0;
    }
    this.fft.transform(re, im);
    for (let k = 0; k <= N_FFT / 2; k++) power[k] = (re[k] ?? 0) ** 2 + (im[k] ?? 0) ** 2;
    const out = new Float32Array(N_MELS);
    for (let m = 0; m < N_MELS; m++) {
      const f = FILTERS[m];
      if (!f) continue;
      let acc = 0;
      for (let j = 0; j < f.weights.length; j++) acc += (f.weights[j] ?? 0) * (power[f.first + j] ?? 0);
      out[m] = Math.log(acc + LOG_FLOOR);
    }
    return out;
  }
}

/** Log-mel of a whole signal as one row-major Float32Array [frames x N_MELS]. */
export function logMel(samples: Float32Array): { frames: number; data: Float32Array } {
  const rows = new LogMel().push(samples);
  const data = new Float32Array(rows.length * N_MELS);
  rows.forEach((r, i) => data.set(r, i * N_MELS));
  return { frames: rows.length, data };
}

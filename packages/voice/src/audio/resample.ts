/**
 * Band-limited resampling by windowed sinc (Blackman window, 16 zero crossings each side, cut-off at 0.95
 * of the lower Nyquist), from a kernel table with linear interpolation. `Resampler` streams: feed it chunks
 * of any size; `resample()` is the offline form. Both give the same samples for the same input.
 */

const ZERO_CROSSINGS = 16;
const TABLE_RES = 512; // kernel samples per unit of input time
const ROLLOFF = 0.95;

const TABLE = ((): Float64Array => {
  const n = ZERO_CROSSINGS * TABLE_RES + 2;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i / TABLE_RES;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w =
      x >= ZERO_CROSSINGS
        ? 0
        : 0.42 +
          0.5 * Math.cos((Math.PI * x) / ZERO_CROSSINGS) +
          0.08 * Math.cos((2 * Math.PI * x) / ZERO_CROSSINGS);
    t[i] = sinc * w;
  }
  return t;
})();

function kernel(x: number): number {
  const p = Math.abs(x) * TABLE_RES;
  const i = Math.floor(p);
  if (i >= ZERO_CROSSINGS * TABLE_RES) return 0;
  const f = p - i;
  return (TABLE[i] ?? 0) * (1 - f) + (TABLE[i + 1] ?? 0) * f;
}

/** Streaming resampler from `fromRate` to `toRate` (integers, Hz). */
export class Resampler {
  readonly fromRate: number;
  readonly toRate: number;
  private readonly cutoff: number;
  private readonly halfWidth: number;
  private buf = new Float32Array(0);
  private bufStart = 0; // absolute input index of buf[0]
  private inCount = 0; // input samples received so far
  private outCount = 0; // output samples produced so far

  constructor(fromRate: number, toRate: number) {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
      throw new RangeError(`sample rates must be positive integers, got ${fromRate} -> ${toRate}`);
    }
    this.fromRate = fromRate;
    this.toRate = toRate;
    this.cutoff = Math.min(1, toRate / fromRate) * ROLLOFF;
    this.halfWidth = Math.ceil(ZERO_CROSSINGS / this.cutoff);
  }

  /** Feeds input samples; returns the output samples that are now fully determined. */
  process(chunk: Float32Array): Float32Array {
    if (this.fromRate === this.toRate) {
      this.inCount += chunk.length;
      this.outCount += chunk.length;
      return chunk.slice();
    }
    const merged = new Float32Array(this.buf.length + chunk.length);
    merged.set(this.buf, 0);
    merged.set(chunk, this.buf.length);
    this.buf = merged;
    this.inCount += chunk.length;
    return this.produce(this.inCount);
  }

  /** Ends the stream: returns the remaining output (input past the end is taken as silence). */
  flush(): Float32Array {
    if (this.fromRate === this.toRate) return new Float32Array(0);
    const total = Math.floor((this.inCount * this.toRate) / this.fromRate);
    const pad = new Float32Array(this.halfWidth + 2);
    const merged = new Float32Array(this.buf.length + pad.length);
    merged.set(this.buf, 0);
    this.buf = merged;
    return this.produce(this.inCount + this.halfWidth + 1, total);
  }

  private produce(availableEnd: number, limit = Infinity): Float32Array {
    const out: number[] = [];
    const scale = this.cutoff;
    for (;;) {
      if (this.outCount >= limit) break;
      const t = (this.outCount * this.fromRate) / this.toRate;
      const centre = Math.floor(t);
      if (centre + this.halfWidth + 1 > availableEnd) break;
      let acc = 0;
      const lo = centre - this.halfWidth + 1;
      const hi = centre + this.halfWidth;
      for (let j = lo; j <= hi; j++) {
        const k = j - this.bufStart;
        if (k < 0 || k >= this.buf.length) continue;
        acc += (this.buf[k] ?? 0) * kernel((t - j) * scale);
      }
      out.push(acc * scale);
      this.outCount++;
    }
    const nextT = Math.floor((this.outCount * this.fromRate) / this.toRate);
    const drop = Math.max(0, nextT - this.halfWidth - this.bufStart);
    if (drop > 0 && drop <= this.buf.length) {
      this.buf = this.buf.slice(drop);
      this.bufStart += drop;
    }
    return Float32Array.from(out);
  }
}

/** Offline resampling of a whole signal; output length floor(n * toRate / fromRate). */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples.slice();
  const r = new Resampler(fromRate, toRate);
  const a = r.process(samples);
  const b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

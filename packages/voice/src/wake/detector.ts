import { thresholdOf, type Keyword, type WakeDetection, type WakeThreshold } from './wake-word-engine.ts';

export interface DetectorOptions {
  /** Score a keyword must reach: one for all, or one per keyword in the detector's keyword order. */
  threshold: WakeThreshold;
  /** Seconds after a detection during which no keyword fires again (default 1.5 s). */
  refractoryS: number;
  /** Consecutive evaluations at or above the threshold needed to fire (default 1). */
  minConsecutive: number;
}

/**
 * Turns a stream of per-keyword scores into detections: threshold, consecutive hits and a refractory
 * period. Pure; one instance per stream.
 */
export class Detector {
  private readonly opts: DetectorOptions;
  private readonly keywords: readonly Keyword[];
  private readonly runs: number[];
  private readonly thresholds: number[];
  private quietUntil = -Infinity;

  constructor(keywords: readonly Keyword[], opts: DetectorOptions) {
    if (typeof opts.threshold !== 'number' && opts.threshold.length !== keywords.length)
      throw new RangeError(`${opts.threshold.length} thresholds for ${keywords.length} keywords`);
    this.thresholds = keywords.map((_, i) => thresholdOf(opts.threshold, i));
    for (const t of this.thresholds)
      if (!(t > 0 && t <= 1)) throw new RangeError(`threshold ${t} not in (0, 1]`);
    if (!(opts.refractoryS >= 0)) throw new RangeError(`refractoryS ${opts.refractoryS} < 0`);
    if (!(opts.minConsecutive >= 1)) throw new RangeError(`minConsecutive ${opts.minConsecutive} < 1`);
    this.keywords = keywords;
    this.opts = opts;
    this.runs = keywords.map(() => 0);
  }

  /** scores[i] belongs to keywords[i]; `time` is the end of the audio the scores describe, in seconds. */
  update(scores: ArrayLike<number>, time: number): WakeDetection | null {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < this.keywords.length; i++) {
      const s = scores[i] ?? 0;
      this.runs[i] = s >= (this.thresholds[i] ?? 1) ? (this.runs[i] ?? 0) + 1 : 0;
      if ((this.runs[i] ?? 0) >= this.opts.minConsecutive && s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    const keyword = this.keywords[best];
    if (keyword === undefined || time < this.quietUntil) return null;
    this.quietUntil = time + this.opts.refractoryS;
    this.runs.fill(0);
    return { keyword, score: bestScore, time };
  }

  reset(): void {
    this.runs.fill(0);
    this.quietUntil = -Infinity;
  }
}

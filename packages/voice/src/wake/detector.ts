import type { Keyword, WakeDetection } from './wake-word-engine.ts';

export interface DetectorOptions {
  /** Score a keyword must reach (default from the model's metadata). */
  threshold: number;
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
  private quietUntil = -Infinity;

  constructor(keywords: readonly Keyword[], opts: DetectorOptions) {
    if (!(opts.threshold > 0 && opts.threshold <= 1))
      throw new RangeError(`threshold ${opts.threshold} not in (0, 1]`);
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
      this.runs[i] = s >= this.opts.threshold ? (this.runs[i] ?? 0) + 1 : 0;
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

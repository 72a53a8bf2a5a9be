import type { WakeDetection } from '../src/wake/wake-word-engine.ts';
import type { KeywordEvent } from './eval-set.ts';

export interface PositiveResult {
  frr: Record<KeywordEvent['keyword'], number>;
  counts: Record<KeywordEvent['keyword'], number>;
  latenciesMs: number[];
  /** Detections not matched to a keyword (or of the wrong keyword) in the positive stream. */
  stray: number;
}

/** A keyword is found if a detection of that keyword falls within [start, end + 1 s]. */
export function scorePositives(events: KeywordEvent[], dets: WakeDetection[]): PositiveResult {
  const misses = { xin_chao_robot: 0, hello_robot: 0 };
  const counts = { xin_chao_robot: 0, hello_robot: 0 };
  const latenciesMs: number[] = [];
  const used = new Set<number>();
  let j = 0;
  for (const e of events) {
    counts[e.keyword]++;
    while (j < dets.length && (dets[j]?.time ?? 0) < e.start) j++;
    let hit = -1;
    for (let k = j; k < dets.length && (dets[k]?.time ?? Infinity) <= e.end + 1.0; k++) {
      if (dets[k]?.keyword === e.keyword) {
        hit = k;
        break;
      }
    }
    if (hit < 0) misses[e.keyword]++;
    else {
      used.add(hit);
      latenciesMs.push(((dets[hit]?.time ?? 0) - e.end) * 1000);
    }
  }
  return {
    frr: {
      xin_chao_robot: misses.xin_chao_robot / Math.max(1, counts.xin_chao_robot),
      hello_robot: misses.hello_robot / Math.max(1, counts.hello_robot),
    },
    counts,
    latenciesMs,
    stray: dets.length - used.size,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
}

export const round = (n: number, d: number): number =>
  Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n;

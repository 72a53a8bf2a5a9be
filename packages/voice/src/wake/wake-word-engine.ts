import { z } from 'zod';

/** The keywords the kiosk wakes on (DESIGN.md section 7). */
export type Keyword = 'xin_chao_robot' | 'hello_robot';

export const KEYWORDS: readonly Keyword[] = ['xin_chao_robot', 'hello_robot'];

/** The keywords of `listened` (default all) that are keywords, in `KEYWORDS` order. */
export function inKeywordOrder(listened: readonly string[] = KEYWORDS): Keyword[] {
  return KEYWORDS.filter((k) => listened.includes(k));
}

/**
 * The score a keyword must reach: one for every keyword, or one per keyword (in `KEYWORDS` order), so a
 * keyword whose look-alikes are rarer can wake on a lower score than the other.
 */
export type WakeThreshold = number | readonly number[];

/** One threshold per keyword as the model's metadata and a site calibration keep them. */
export const keywordThresholdsSchema = z
  .object({ xin_chao_robot: z.number().gt(0).lte(1), hello_robot: z.number().gt(0).lte(1) })
  .strict();
export type KeywordThresholds = z.infer<typeof keywordThresholdsSchema>;

/** Per-keyword thresholds if given, else the one for all, as the Detector takes them. */
export function wakeThreshold(threshold: number, thresholds: KeywordThresholds | undefined): WakeThreshold {
  return thresholds ? KEYWORDS.map((k) => thresholds[k]) : threshold;
}

/** The threshold of the `i`th keyword. */
export function thresholdOf(threshold: WakeThreshold, i: number): number {
  return typeof threshold === 'number' ? threshold : (threshold[i] ?? NaN);
}

/** The lowest score that wakes any keyword: below it, no rule can fire. */
export function lowestThreshold(threshold: WakeThreshold): number {
  return typeof threshold === 'number' ? threshold : Math.min(...threshold);
}

/** For logs and reports: "0.95954", or "0.95954 / 0.94955" in `KEYWORDS` order. */
export function formatThreshold(threshold: WakeThreshold): string {
  return typeof threshold === 'number' ? String(threshold) : threshold.join(' / ');
}

/** One wake word detection. */
export interface WakeDetection {
  keyword: Keyword;
  /** Engine confidence in [0, 1] (Porcupine, which gives none, reports 1). */
  score: number;
  /** Seconds of audio processed by this engine when the detection fired (end of the frame that fired it). */
  time: number;
}

/**
 * A wake word engine (DESIGN.md section 7): `OnnxWakeWord` (ours, default) or `PorcupineWakeWord`.
 *
 * Rules every implementation keeps:
 * - Audio is 16 kHz mono float in [-1, 1], given in frames of exactly `frameLength` samples, in order,
 *   without gaps; any other length is rejected with a `FrameLengthError` (no silent padding).
 * - `process` resolves to a detection or `null`. Calls must not overlap: await each before the next
 *   (frames are stateful). An engine fires at most once per keyword utterance: after a detection it stays
 *   quiet for its refractory period.
 * - `time` counts from the first frame given to the engine, so a file's detections line up with the file.
 * - `reset()` forgets buffered audio and the refractory state (call it after the kiosk's own speech or
 *   after a gap in the audio). `release()` frees native resources; every later call throws an
 *   `EngineReleasedError`. Releasing twice is allowed.
 * - Construction failures (missing model, bad key, bad keyword file) are `VoiceError`s with a `code`;
 *   a factory that falls back to another engine reports why (see `createWakeWordEngine`).
 */
export interface WakeWordEngine {
  /** Engine name for logs and benchmarks ("onnx", "porcupine"). */
  readonly name: string;
  /** Samples per frame that `process` accepts. */
  readonly frameLength: number;
  /** Sample rate of the frames (always 16000 here). */
  readonly sampleRate: number;
  process(frame: Float32Array): Promise<WakeDetection | null>;
  reset(): void;
  release(): Promise<void>;
}

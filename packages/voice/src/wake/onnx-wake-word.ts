import { z } from 'zod';
import { EngineReleasedError, FrameLengthError, ModelLoadError } from '../errors.ts';
import { HOP, LOG_FLOOR, LogMel, N_MELS, SAMPLE_RATE } from '../features/log-mel.ts';
import { loadMeta, loadSession, ort, requireInputs } from '../onnx.ts';
import { WAKE_WORD_MODEL } from '../paths.ts';
import { Detector } from './detector.ts';
import {
  inKeywordOrder,
  KEYWORDS,
  keywordThresholdsSchema,
  thresholdOf,
  wakeThreshold,
  type Keyword,
  type WakeDetection,
  type WakeThreshold,
  type WakeWordEngine,
} from './wake-word-engine.ts';

const Meta = z.object({
  labels: z.tuple([z.literal('none'), z.literal('xin_chao_robot'), z.literal('hello_robot')]),
  frames: z.number().int().positive(),
  mels: z.literal(N_MELS),
  threshold: z.number().gt(0).lte(1),
  /** One threshold per keyword (scripts/calibrate-wake-threshold.ts); when present it replaces `threshold`. */
  thresholds: keywordThresholdsSchema.optional(),
  /** Calibrated with the threshold (scripts/calibrate-wake-threshold.ts); 1 when absent. */
  min_consecutive: z.number().int().min(1).max(5).optional(),
});

/** Seconds of quiet after a detection, the engine's default; replays of recorded scores use the same. */
export const REFRACTORY_S = 1.5;

export interface OnnxWakeWordOptions {
  modelPath?: string;
  /** Detection threshold, one for all keywords or one per keyword in `KEYWORDS` order (default: the model's). */
  threshold?: WakeThreshold;
  /** The keywords to wake on (default both); the others never fire. */
  keywords?: readonly Keyword[];
  /** Seconds of quiet after a detection (default 1.5). */
  refractoryS?: number;
  /** Consecutive evaluations over the threshold needed to fire (default: the model's metadata, else 1). */
  minConsecutive?: number;
  /** Feature hops (10 ms each) between model evaluations; frameLength = hops x 160 (default 4: 40 ms). */
  hopsPerFrame?: number;
  /** Called with the keyword scores after every evaluation (benchmarks, level meters). */
  onScores?: (scores: Float32Array, time: number) => void;
}

/** Our wake word model (models/wake-word): log-mel window -> keyword probabilities, every `frameLength`. */
export class OnnxWakeWord implements WakeWordEngine {
  readonly name = 'onnx';
  readonly sampleRate = SAMPLE_RATE;
  readonly frameLength: number;
  /** The rule in force, over `KEYWORDS` (a keyword not listened for shows its model threshold). */
  readonly threshold: WakeThreshold;
  /** The keywords this engine wakes on. */
  readonly keywords: readonly Keyword[];
  /** Positions in `KEYWORDS` of the keywords listened for, and a buffer for their scores. */
  private readonly listened: number[];
  private readonly listenedScores: Float32Array;
  private session: ort.InferenceSession | null;
  private readonly frames: number;
  private readonly window: Float32Array;
  private readonly logMel = new LogMel();
  private readonly detector: Detector;
  private readonly onScores: OnnxWakeWordOptions['onScores'];
  private samples = 0;
  readonly minConsecutive: number;

  private constructor(
    session: ort.InferenceSession,
    frames: number,
    threshold: WakeThreshold,
    minConsecutive: number,
    keywords: readonly Keyword[],
    opts: OnnxWakeWordOptions,
  ) {
    this.session = session;
    this.frames = frames;
    this.frameLength = (opts.hopsPerFrame ?? 4) * HOP;
    this.threshold = threshold;
    this.minConsecutive = minConsecutive;
    this.window = new Float32Array(frames * N_MELS).fill(Math.log(LOG_FLOOR));
    this.keywords = keywords;
    this.listened = keywords.map((k) => KEYWORDS.indexOf(k));
    this.listenedScores = new Float32Array(keywords.length);
    this.detector = new Detector(keywords, {
      threshold: this.listened.map((i) => thresholdOf(threshold, i)),
      refractoryS: opts.refractoryS ?? REFRACTORY_S,
      minConsecutive,
    });
    this.onScores = opts.onScores;
  }

  static async create(opts: OnnxWakeWordOptions = {}): Promise<OnnxWakeWord> {
    const keywords = inKeywordOrder(opts.keywords);
    if (keywords.length === 0) throw new RangeError('keywords: listen for at least one keyword');
    const file = opts.modelPath ?? WAKE_WORD_MODEL;
    const session = await loadSession(file);
    requireInputs(session, file, ['features']);
    const parsed = Meta.safeParse(await loadMeta(file));
    if (!parsed.success) throw new ModelLoadError('model_invalid', file, `metadata: ${parsed.error.message}`);
    const hops = opts.hopsPerFrame ?? 4;
    if (!Number.isInteger(hops) || hops < 1)
      throw new RangeError(`hopsPerFrame ${hops} must be a positive integer`);
    const { frames, threshold, thresholds, min_consecutive: minConsecutive } = parsed.data;
    // Listening for one keyword keeps its threshold: what it would gain from the other's budget is the
    // site's to measure (`wakeword:calibrate --listen`; the model card says why).
    const own = wakeThreshold(threshold, thresholds);
    return new OnnxWakeWord(
      session,
      frames,
      opts.threshold ?? own,
      opts.minConsecutive ?? minConsecutive ?? 1,
      keywords,
      opts,
    );
  }

  async process(frame: Float32Array): Promise<WakeDetection | null> {
    const session = this.session;
    if (!session) throw new EngineReleasedError('OnnxWakeWord');
    if (frame.length !== this.frameLength) throw new FrameLengthError(this.frameLength, frame.length);
    this.samples += frame.length;
    for (const row of this.logMel.push(frame)) {
      this.window.copyWithin(0, N_MELS);
      this.window.set(row, (this.frames - 1) * N_MELS);
    }
    const input = new ort.Tensor('float32', this.window.slice(), [1, this.frames, N_MELS]);
    const out = await session.run({ features: input });
    const probs = out.probs?.data;
    if (!(probs instanceof Float32Array))
      throw new ModelLoadError('model_invalid', 'wakeword', 'no "probs" output');
    const scores = probs.subarray(1, 3);
    const time = this.samples / SAMPLE_RATE;
    this.onScores?.(scores, time);
    this.listened.forEach((k, i) => (this.listenedScores[i] = scores[k] ?? 0));
    return this.detector.update(this.listenedScores, time);
  }

  reset(): void {
    this.window.fill(Math.log(LOG_FLOOR));
    this.logMel.reset();
    this.detector.reset();
  }

  async release(): Promise<void> {
    const s = this.session;
    this.session = null;
    await s?.release();
  }
}

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CalibrationError } from '../errors.ts';
import { WAKE_WORD_MODEL } from '../paths.ts';
import { REFRACTORY_S } from './onnx-wake-word.ts';
import { compressTrace, listenOnly, replayTrace, type ScoreTrace } from './score-trace.ts';
import {
  KEYWORDS,
  keywordThresholdsSchema,
  lowestThreshold,
  thresholdOf,
  type Keyword,
  type WakeThreshold,
  wakeThreshold,
} from './wake-word-engine.ts';

// The wake word's threshold chosen on a site's own audio: recordings of people saying the keywords there,
// through the kiosk's microphone, and hours of the lobby without them. The model ships with a threshold
// calibrated on synthetic dev voices (models/wake-word); a lobby's voices, microphone and chatter are not
// those, and only the site's own audio can say where its false wakes begin.

/** Thresholds tried: 0.5 to 0.999 in even steps, then on to 0.99999 in even steps of log(1 - threshold). */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 1500 }, (_, i) =>
  i <= 999 ? 0.5 + (0.499 * i) / 999 : 1 - 0.001 * 10 ** (-(i - 999) / 250),
);

/** Hit rules tried: one evaluation over the threshold, or two or three in a row (40 ms apart). */
export const HIT_RULES = [1, 2, 3] as const;

/** One recording and the model's scores over it. */
export interface TracedClip {
  file: string;
  seconds: number;
  trace: ScoreTrace;
}

export interface SiteAudio {
  /** One utterance of the keyword per clip. */
  positives: Partial<Record<Keyword, TracedClip[]>>;
  /** Audio with no keyword in it: the lobby during opening hours, the kiosk's surroundings. */
  background: TracedClip[];
}

export interface FalseAccept {
  file: string;
  /** Seconds into the file. */
  time: number;
  keyword: Keyword;
  score: number;
}

/** How a rule does on the site's audio. */
export interface OperatingPoint {
  /** One for both keywords (what a site calibration chooses), or the model's own per-keyword pair. */
  threshold: WakeThreshold;
  minConsecutive: number;
  /** Share of each recorded keyword's clips with no detection of that keyword. */
  frr: Partial<Record<Keyword, number>>;
  /** The clips missed, by keyword: listen to them. */
  missed: Partial<Record<Keyword, string[]>>;
  faPerHour: number;
  /** Where the background woke the kiosk: listen to these too. */
  falseAccepts: FalseAccept[];
}

export function backgroundHours(audio: SiteAudio): number {
  return audio.background.reduce((s, c) => s + c.seconds, 0) / 3600;
}

/** Evaluates one rule (threshold, consecutive hits) on the site's audio. */
export function operatingPoint(
  audio: SiteAudio,
  threshold: WakeThreshold,
  minConsecutive: number,
): OperatingPoint {
  const frr: OperatingPoint['frr'] = {};
  const missed: OperatingPoint['missed'] = {};
  for (const k of KEYWORDS) {
    const clips = audio.positives[k];
    if (!clips || clips.length === 0) continue;
    const lost = clips
      .filter(
        (c) => !replayTrace(c.trace, threshold, REFRACTORY_S, minConsecutive).some((d) => d.keyword === k),
      )
      .map((c) => c.file);
    frr[k] = lost.length / clips.length;
    missed[k] = lost;
  }
  const falseAccepts = audio.background.flatMap((c) =>
    replayTrace(
      compressTrace(c.trace, lowestThreshold(threshold)),
      threshold,
      REFRACTORY_S,
      minConsecutive,
    ).map((d) => ({
      file: c.file,
      time: Math.round(d.time * 1000) / 1000,
      keyword: d.keyword,
      score: Math.round(d.score * 1e4) / 1e4,
    })),
  );
  const hours = backgroundHours(audio);
  return {
    threshold,
    minConsecutive,
    frr,
    missed,
    faPerHour: hours > 0 ? falseAccepts.length / hours : 0,
    falseAccepts,
  };
}

/**
 * The lowest threshold on `THRESHOLD_GRID` whose detections over `background` (under a hit rule, with the
 * refractory period) stay at or under `targetFaPerHour`; undefined when none does. The site calibration
 * and the dev calibration (scripts/calibrate-wake-threshold.ts) both choose with it.
 */
export function lowestQuietThreshold(
  background: readonly ScoreTrace[],
  hours: number,
  targetFaPerHour: number,
  minConsecutive: number,
): number | undefined {
  const quiet = background.map((t) => compressTrace(t, THRESHOLD_GRID[0] ?? 0.5));
  return THRESHOLD_GRID.find((th) => {
    let n = 0;
    for (const t of quiet) n += replayTrace(t, th, REFRACTORY_S, minConsecutive).length;
    return n / hours <= targetFaPerHour;
  });
}

/**
 * For `keyword` alone: n -> the lowest threshold on `THRESHOLD_GRID` with at most n of its own false accepts
 * over `background` under a hit rule, for n up to `budget`.
 */
export function quietThresholdsFor(
  background: readonly ScoreTrace[],
  keyword: Keyword,
  budget: number,
  minConsecutive: number,
): Map<number, number> {
  const quiet = background.map((t) => listenOnly(compressTrace(t, THRESHOLD_GRID[0] ?? 0.5), [keyword]));
  const byCount = new Map<number, number>();
  for (const th of THRESHOLD_GRID) {
    let fa = 0;
    for (const t of quiet) fa += replayTrace(t, th, REFRACTORY_S, minConsecutive).length;
    for (let n = fa; n <= budget; n++) if (!byCount.has(n)) byCount.set(n, th);
    if (fa === 0) break;
  }
  return byCount;
}

/**
 * One threshold per keyword (`KEYWORDS` order): each keyword's lowest threshold for its share of `budget`
 * false accepts over `background`, for every split of the budget, kept when both keywords live together
 * stay within it (the refractory period can merge their wakes). Rounded up: never a wake more than counted.
 */
export function perKeywordThresholds(
  background: readonly ScoreTrace[],
  budget: number,
  minConsecutive: number,
): [number, number][] {
  const [xin, hello] = KEYWORDS.map((k) => quietThresholdsFor(background, k, budget, minConsecutive));
  const quiet = background.map((t) => compressTrace(t, THRESHOLD_GRID[0] ?? 0.5));
  const pairs: [number, number][] = [];
  for (const [nx, tx] of xin ?? []) {
    for (const [nh, th] of hello ?? []) {
      if (nx + nh > budget) continue;
      const pair: [number, number] = [Math.ceil(tx * 1e6) / 1e6, Math.ceil(th * 1e6) / 1e6];
      let n = 0;
      for (const t of quiet) n += replayTrace(t, pair, REFRACTORY_S, minConsecutive).length;
      if (n <= budget) pairs.push(pair);
    }
  }
  return pairs;
}

/** Mean miss rate over the keywords that have clips. */
export function meanFrr(p: OperatingPoint): number {
  const v = Object.values(p.frr);
  return v.length === 0 ? 0 : v.reduce((s, x) => s + x, 0) / v.length;
}

/**
 * The site's rule: for each hit rule, the lowest threshold on `THRESHOLD_GRID` whose false accepts on the
 * background stay at or under `targetFaPerHour`, and, when both keywords have clips, each pair of
 * per-keyword thresholds within the same number of false accepts (`perKeywordThresholds`); of those, the
 * one that misses fewest keyword clips (on a tie, one threshold for both, then fewer consecutive hits: it
 * fires sooner). Throws `calibration_unreachable` when even the highest threshold wakes more often than
 * the target.
 */
export function chooseOperatingPoint(audio: SiteAudio, targetFaPerHour: number): OperatingPoint {
  const hours = backgroundHours(audio);
  const background = audio.background.map((c) => c.trace);
  let best: OperatingPoint | undefined;
  for (const k of HIT_RULES) {
    const th = lowestQuietThreshold(background, hours, targetFaPerHour, k);
    if (th === undefined) continue;
    const p = operatingPoint(audio, Math.ceil(th * 1e6) / 1e6, k); // up: never a wake more than counted
    if (!best || meanFrr(p) < meanFrr(best)) best = p;
  }
  if (best && KEYWORDS.every((k) => (audio.positives[k]?.length ?? 0) > 0)) {
    const budget = Math.floor(targetFaPerHour * hours + 1e-9);
    for (const k of HIT_RULES) {
      for (const pair of perKeywordThresholds(background, budget, k)) {
        const p = operatingPoint(audio, pair, k);
        if (meanFrr(p) < meanFrr(best)) best = p;
      }
    }
  }
  if (!best) {
    throw new CalibrationError(
      'calibration_unreachable',
      `no threshold keeps false wakes at or under ${targetFaPerHour} per hour on this background audio: ` +
        'check that it holds no keyword, or record the lobby again',
    );
  }
  return best;
}

/** What `wakeword:calibrate --out` writes and the kiosk reads (KIOSK_WAKE_CALIBRATION). */
export const siteCalibrationSchema = z.object({
  version: z.literal(1),
  /** The model it was made for: another model's scores mean nothing at this threshold. */
  model_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** One for both keywords; with `thresholds`, the stricter of the two (for readers that know one). */
  threshold: z.number().gt(0).lte(1),
  /** One per keyword, when that missed fewer clips: the kiosk uses these. */
  thresholds: keywordThresholdsSchema.optional(),
  min_consecutive: z.number().int().min(1).max(5),
  /** The keywords it listened for (`--listen`); absent: both. The kiosk must listen for the same. */
  keywords: z.array(z.enum(KEYWORDS)).min(1).optional(),
  target_fa_per_hour: z.number().positive(),
  measured: z.object({
    frr: z.partialRecord(z.enum(KEYWORDS), z.number().min(0).max(1)),
    fa_per_hour: z.number().min(0),
    background_hours: z.number().positive(),
    clips: z.partialRecord(z.enum(KEYWORDS), z.number().int().min(0)),
  }),
  created: z.iso.datetime(),
});
export type SiteCalibration = z.infer<typeof siteCalibrationSchema>;

/** A chosen rule's threshold as the file keeps it: one, or one per keyword with the stricter as `threshold`. */
export function calibrationThreshold(
  threshold: WakeThreshold,
): Pick<SiteCalibration, 'threshold' | 'thresholds'> {
  if (typeof threshold === 'number') return { threshold };
  return {
    threshold: Math.max(...threshold),
    thresholds: {
      xin_chao_robot: thresholdOf(threshold, KEYWORDS.indexOf('xin_chao_robot')),
      hello_robot: thresholdOf(threshold, KEYWORDS.indexOf('hello_robot')),
    },
  };
}

export async function sha256OfFile(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/**
 * Reads a site calibration for the model at `modelPath`: its threshold and hit rule. An unreadable or
 * malformed file is `calibration_invalid`; one made for another model is `calibration_stale` (recalibrate
 * after every model update).
 */
export async function readSiteCalibration(
  file: string,
  modelPath: string = WAKE_WORD_MODEL,
  listened: readonly Keyword[] = KEYWORDS,
): Promise<{ threshold: WakeThreshold; minConsecutive: number; calibration: SiteCalibration }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CalibrationError('calibration_invalid', `${file}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = siteCalibrationSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CalibrationError(
      'calibration_invalid',
      `${file}: ${first ? `${first.path.join('.') || '(file)'}: ${first.message}` : 'invalid'}`,
    );
  }
  const model = await sha256OfFile(modelPath);
  if (parsed.data.model_sha256 !== model) {
    throw new CalibrationError(
      'calibration_stale',
      `${file} was made for another wake word model (${parsed.data.model_sha256.slice(0, 12)}, this one is ` +
        `${model.slice(0, 12)}): run wakeword:calibrate again with the site's recordings`,
    );
  }
  // Its false accepts were counted over these keywords only: listening for others wakes more often.
  const made = parsed.data.keywords ?? KEYWORDS;
  if (made.length !== listened.length || !made.every((k) => listened.includes(k))) {
    throw new CalibrationError(
      'calibration_stale',
      `${file} was made listening for ${made.join(', ')}, and this kiosk listens for ${listened.join(', ')} ` +
        '(KIOSK_WAKE_KEYWORDS): run wakeword:calibrate again with --listen for the same keywords',
    );
  }
  return {
    threshold: wakeThreshold(parsed.data.threshold, parsed.data.thresholds),
    minConsecutive: parsed.data.min_consecutive,
    calibration: parsed.data,
  };
}

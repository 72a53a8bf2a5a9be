/**
 * wakeword:calibrate CLI (contract in DESIGN.md section 9): sets our wake word's threshold on a site's own
 * audio (README, "Calibrating the wake word on site").
 *   wakeword:calibrate --keyword xin_chao_robot=PATH... --keyword hello_robot=PATH... --background PATH...
 *                      [--target-fa-per-hour X] [--out FILE] [--min-background-hours H] [--min-clips N]
 *                      [--model FILE.onnx]   (default: the shipped model; a site model from site_finetune.py)
 *                      [--listen KEYWORD...] (the keywords the kiosk listens for, KIOSK_WAKE_KEYWORDS; default
 *                      both: only their false accepts count, and the file says which they were)
 *     PATH: a WAV file or a folder of them (*.wav, not recursive). Keyword clips hold one utterance each;
 *     background audio holds none (the lobby in opening hours). Any common WAV is resampled to 16 kHz mono.
 *     Prints one JSON line: the chosen rule, its misses and false wakes on this audio (with the files and
 *     times to listen to), and how the model's shipped threshold does on the same audio. With --out, writes
 *     the site calibration the kiosk reads (KIOSK_WAKE_CALIBRATION), only when there is enough audio.
 * Errors: one JSON object {"error":{"code","message"}} on stderr, exit 2 (bad WAV, too little audio, no
 * threshold meets the target), 1 usage.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readWav16k } from '../audio/read-wav.ts';
import { CalibrationError, WavFormatError } from '../errors.ts';
import { WAKE_WORD_MODEL } from '../paths.ts';
import { listenOnly, traceSignal } from '../wake/score-trace.ts';
import {
  backgroundHours,
  calibrationThreshold,
  chooseOperatingPoint,
  meanFrr,
  operatingPoint,
  sha256OfFile,
  type OperatingPoint,
  type SiteAudio,
  type SiteCalibration,
  type TracedClip,
} from '../wake/site-calibration.ts';
import { inKeywordOrder, KEYWORDS, type Keyword, type WakeThreshold } from '../wake/wake-word-engine.ts';
import { out, parseNumber, round, runCli, UsageError } from './cli-support.ts';

const USAGE =
  'usage: wakeword:calibrate --keyword xin_chao_robot=PATH --keyword hello_robot=PATH --background PATH\n' +
  '       [--target-fa-per-hour 0.5] [--out FILE] [--min-background-hours 1] [--min-clips 20]\n' +
  '       [--model FILE.onnx]   (default: the shipped wake word model)\n' +
  '       [--listen KEYWORD]    (repeat; the keywords the kiosk listens for, KIOSK_WAKE_KEYWORDS; default both)\n' +
  '  PATH: a WAV file or a folder of WAV files; repeat --keyword and --background as needed';

/** The WAV files a path names: itself, or the *.wav files in a folder, sorted. */
async function wavFiles(path: string): Promise<string[]> {
  let s;
  try {
    s = await stat(path);
  } catch (e) {
    throw new WavFormatError(
      'wav_corrupt',
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}`,
    );
  }
  if (!s.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.wav')).sort();
  if (names.length === 0) throw new WavFormatError('wav_empty', `${path}: no .wav files in this folder`);
  return names.map((n) => join(path, n));
}

/** Our model's scores over every WAV the paths name, and the model's own rule (its metadata). */
async function traceFiles(
  paths: string[],
  model: string,
  keywords: readonly Keyword[],
): Promise<{ clips: TracedClip[]; rule: { threshold: WakeThreshold; minConsecutive: number } }> {
  const clips: TracedClip[] = [];
  let rule: { threshold: WakeThreshold; minConsecutive: number } = { threshold: 1, minConsecutive: 1 };
  for (const p of paths) {
    for (const file of await wavFiles(p)) {
      const { samples } = await readWav16k(file);
      const t = await traceSignal(samples, model);
      clips.push({ file, seconds: t.seconds, trace: listenOnly(t.trace, keywords) });
      rule = { threshold: t.threshold, minConsecutive: t.minConsecutive };
    }
  }
  return { clips, rule };
}

const duration = (hours: number): string =>
  hours < 1 ? `${round(hours * 60, 1)} min` : `${round(hours, 2)} h`;

function summary(p: OperatingPoint, maxListed = 20) {
  return {
    threshold: p.threshold,
    min_consecutive: p.minConsecutive,
    frr: Object.fromEntries(Object.entries(p.frr).map(([k, v]) => [k, round(v, 4)])),
    fa_per_hour: round(p.faPerHour, 3),
    missed: Object.fromEntries(Object.entries(p.missed).map(([k, v]) => [k, v.slice(0, maxListed)])),
    false_accepts: p.falseAccepts.slice(0, maxListed),
  };
}

runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      keyword: { type: 'string', multiple: true },
      background: { type: 'string', multiple: true },
      'target-fa-per-hour': { type: 'string' },
      out: { type: 'string' },
      'min-background-hours': { type: 'string' },
      'min-clips': { type: 'string' },
      model: { type: 'string' },
      listen: { type: 'string', multiple: true },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const target = parseNumber('target-fa-per-hour', values['target-fa-per-hour'], 0.01, 60) ?? 0.5;
  const minHours = parseNumber('min-background-hours', values['min-background-hours'], 0, 100) ?? 1;
  const minClips = parseNumber('min-clips', values['min-clips'], 1, 10000) ?? 20;
  const model = values.model ?? WAKE_WORD_MODEL;
  const keywordPaths: Partial<Record<Keyword, string[]>> = {};
  for (const arg of values.keyword ?? []) {
    const eq = arg.indexOf('=');
    const k = arg.slice(0, eq) as Keyword;
    if (eq < 0 || !KEYWORDS.includes(k))
      throw new UsageError(`--keyword takes KEYWORD=PATH with KEYWORD one of ${KEYWORDS.join(', ')}`);
    (keywordPaths[k] ??= []).push(arg.slice(eq + 1));
  }
  if (Object.keys(keywordPaths).length === 0) throw new UsageError('give the keyword recordings: --keyword');
  // The keywords the kiosk will listen for (KIOSK_WAKE_KEYWORDS): only their false accepts count.
  const listen = inKeywordOrder(values.listen);
  for (const k of values.listen ?? [])
    if (!KEYWORDS.includes(k as Keyword))
      throw new UsageError(`--listen takes one of ${KEYWORDS.join(', ')}, not ${k}`);
  for (const k of Object.keys(keywordPaths) as Keyword[])
    if (!listen.includes(k)) throw new UsageError(`--keyword ${k}=... but ${k} is not in --listen`);
  if (!values.background?.length) throw new UsageError('give audio without the keyword: --background');

  // the background first: at least one file, so the model's own rule is known (a folder with none throws)
  const background = await traceFiles(values.background, model, listen);
  const audio: SiteAudio = { positives: {}, background: background.clips };
  for (const [k, paths] of Object.entries(keywordPaths) as [Keyword, string[]][])
    audio.positives[k] = (await traceFiles(paths, model, listen)).clips;
  const hours = backgroundHours(audio);
  const clips = Object.fromEntries(Object.entries(audio.positives).map(([k, v]) => [k, v.length]));
  // How the model's own threshold (calibrated on synthetic dev voices) does here, for comparison.
  const shipped = background.rule;
  const before = operatingPoint(audio, shipped.threshold, shipped.minConsecutive);
  const chosen = chooseOperatingPoint(audio, target);
  const modelSha256 = await sha256OfFile(model);
  const short: string[] = [];
  if (hours < minHours)
    short.push(
      `${duration(hours)} of background audio (at least ${duration(minHours)} of the lobby in opening hours)`,
    );
  for (const [k, n] of Object.entries(clips))
    if (n < minClips)
      short.push(`${n} clip${n === 1 ? '' : 's'} of ${k} (at least ${minClips}, from several people)`);
  out({
    model: { file: model, sha256: modelSha256 },
    target_fa_per_hour: target,
    background_hours: round(hours, 4),
    clips,
    chosen: summary(chosen),
    mean_frr: round(meanFrr(chosen), 4),
    shipped: summary(before),
    enough_audio: short.length === 0,
  });
  if (values.out === undefined) return;
  if (short.length > 0) {
    throw new CalibrationError(
      'calibration_too_little_audio',
      `not written to ${values.out}: only ${short.join(' and ')}`,
    );
  }
  const file: SiteCalibration = {
    version: 1,
    model_sha256: modelSha256,
    ...calibrationThreshold(chosen.threshold),
    min_consecutive: chosen.minConsecutive,
    ...(listen.length < KEYWORDS.length ? { keywords: listen } : {}),
    target_fa_per_hour: target,
    measured: {
      frr: chosen.frr,
      fa_per_hour: round(chosen.faPerHour, 4),
      background_hours: round(hours, 4),
      clips,
    },
    created: new Date().toISOString(),
  };
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(file, null, 2)}\n`);
  process.stderr.write(`site calibration written to ${values.out}\n`);
});

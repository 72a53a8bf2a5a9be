import { OnnxSpeechIntent } from '@reception/voice/intent/onnx-speech-intent';
import { VoicePipeline } from '@reception/voice/pipeline/voice-pipeline';
import { SileroVad } from '@reception/voice/vad/silero-vad';
import { VoiceError } from '@reception/voice/errors';
import { createWakeWordEngine } from '@reception/voice/wake/create-wake-word';
import { OnnxWakeWord } from '@reception/voice/wake/onnx-wake-word';
import { readSiteCalibration } from '@reception/voice/wake/site-calibration';
import { KEYWORDS, type Keyword, type WakeThreshold } from '@reception/voice/wake/wake-word-engine';
import type { PorcupineWakeWordOptions } from '@reception/voice/wake/porcupine-wake-word';
import type { Logger } from 'pino';
import type { VoiceEngine } from './voice-sessions.ts';

export interface VoiceEngineOptions {
  porcupine: PorcupineWakeWordOptions | undefined;
  /** A site's own wake word model (models/wake-word/site_finetune.py), used instead of the shipped one. */
  wakeModel?: string | undefined;
  /** A site calibration of our wake word (`npm run -s wakeword:calibrate -- ... --out FILE`). */
  wakeCalibration?: string | undefined;
  /** The keywords our wake word listens for (KIOSK_WAKE_KEYWORDS; default both). */
  wakeKeywords?: readonly Keyword[] | undefined;
  endSilenceMs: number;
  maxUtteranceMs: number;
}

/**
 * Loads packages/voice's models: the wake word (Porcupine when configured and it starts, else ours; why
 * not Porcupine is logged as a warning for the IT person), Silero VAD and the speech-intent model.
 */
export async function loadVoiceEngine(opts: VoiceEngineOptions, log: Logger): Promise<VoiceEngine> {
  const modelPath = opts.wakeModel === undefined ? undefined : await siteModel(opts.wakeModel, log);
  const keywords = opts.wakeKeywords ?? KEYWORDS;
  const site =
    opts.wakeCalibration === undefined
      ? undefined
      : await siteRule(opts.wakeCalibration, modelPath, keywords, log);
  const { engine: wake, fallback } = await createWakeWordEngine({
    porcupine: opts.porcupine,
    onnx: { ...(modelPath === undefined ? {} : { modelPath }), ...site, keywords },
  });
  if (fallback) {
    log.warn({ code: fallback.code, err: fallback.message }, 'Porcupine not used; our wake word runs');
  }
  const wakeRule =
    wake instanceof OnnxWakeWord
      ? {
          threshold: wake.threshold,
          minConsecutive: wake.minConsecutive,
          keywords: wake.keywords,
          source: site ? ('site' as const) : ('model' as const),
          model: modelPath === undefined ? ('shipped' as const) : ('site' as const),
        }
      : undefined;
  const [vad, intent] = await Promise.all([SileroVad.create(), OnnxSpeechIntent.create()]);
  const endpointer = { endSilenceMs: opts.endSilenceMs, maxUtteranceMs: opts.maxUtteranceMs };
  return {
    wakeEngine: wake.name,
    ...(wakeRule ? { wakeRule } : {}),
    pipeline: () => {
      // The models are shared; a new session starts them fresh (the VAD resets at every wake).
      wake.reset();
      return new VoicePipeline({ wake, vad, intent }, { endpointer });
    },
    release: async () => {
      await Promise.all([wake.release(), vad.release(), intent.release()]);
    },
  };
}

/**
 * The site's wake word model if it loads, or none: a missing or broken file is logged for the IT person and
 * the shipped model runs (the kiosk never goes deaf over it; a calibration made for the site model is then
 * stale, so the shipped model's own threshold applies too).
 */
async function siteModel(file: string, log: Logger): Promise<string | undefined> {
  try {
    const probe = await OnnxWakeWord.create({ modelPath: file });
    log.info({ file, threshold: probe.threshold }, 'wake word model from site');
    await probe.release();
    return file;
  } catch (e) {
    if (!(e instanceof VoiceError)) throw e;
    log.warn({ code: e.code, err: e.message }, 'site wake word model not used; the shipped model runs');
    return undefined;
  }
}

/**
 * The site calibration's rule, or none: a file that cannot be read, or one made for another model, is
 * logged for the IT person and the model's own threshold applies (the kiosk never goes deaf over it).
 */
async function siteRule(
  file: string,
  modelPath: string | undefined,
  keywords: readonly Keyword[],
  log: Logger,
): Promise<{ threshold: WakeThreshold; minConsecutive: number } | undefined> {
  try {
    const { threshold, minConsecutive, calibration } = await readSiteCalibration(file, modelPath, keywords);
    log.info(
      { file, threshold, min_consecutive: minConsecutive, measured: calibration.measured },
      'wake word calibrated on site',
    );
    return { threshold, minConsecutive };
  } catch (e) {
    if (!(e instanceof VoiceError)) throw e;
    log.warn({ code: e.code, err: e.message }, "site calibration not used; the model's threshold applies");
    return undefined;
  }
}

import { type IntentClassifier, OnnxIntentClassifier } from '@reception/intent';
import pino, { type Logger } from 'pino';
import type { PorcupineWakeWordOptions } from '@reception/voice/wake/porcupine-wake-word';
import { CHECKOUT_DIR, type KioskConfig } from './config.ts';
import { EspeakSpeechOutput } from './espeak-speech-output.ts';
import { KioskHost, type KioskHostParts } from './kiosk-host.ts';
import { Speaker } from './speaker.ts';
import { VoiceSampleStore } from './voice-samples.ts';
import { VoiceSessions } from './voice-sessions.ts';

/**
 * The intent model named by config, loaded once for the life of the host. A model that fails to load is
 * logged as an error and left out: the kiosk still starts, `capabilities().intent` is false and the search
 * box searches the catalogue only, which is what a citizen can still use.
 */
async function loadClassifier(config: KioskConfig, log: Logger): Promise<IntentClassifier | undefined> {
  switch (config.KIOSK_INTENT) {
    case 'onnx':
      try {
        const started = performance.now();
        const classifier = await OnnxIntentClassifier.load(config.KIOSK_INTENT_MODEL_DIR);
        log.info(
          {
            model: config.KIOSK_INTENT_MODEL_DIR,
            version: classifier.files.meta.version,
            ms: Math.round(performance.now() - started),
          },
          'intent model loaded',
        );
        return classifier;
      } catch (e) {
        log.error(
          { model: config.KIOSK_INTENT_MODEL_DIR, err: (e as Error).message },
          'intent model failed to load; the search box will use the catalogue only',
        );
        return undefined;
      }
    case 'none':
      return undefined;
    default: {
      const never: never = config.KIOSK_INTENT;
      throw new Error(`unknown KIOSK_INTENT ${String(never)}`);
    }
  }
}

/**
 * The composition root of the kiosk's Node side: the only place that names the concrete parts (espeak-ng,
 * the ONNX intent classifier, packages/voice's microphone pipeline; a local printer later), picked from
 * config.
 */
export async function createKioskHost(
  config: KioskConfig,
  log: Logger = pino({ level: config.LOG_LEVEL }),
): Promise<KioskHost> {
  const hlog = log.child({ ns: 'kiosk-host' });
  let speaker: Speaker | undefined;
  switch (config.KIOSK_SPEECH) {
    case 'espeak-ng':
      speaker = new Speaker(new EspeakSpeechOutput({ rate: config.KIOSK_SPEECH_RATE }), hlog);
      break;
    case 'none':
      speaker = undefined;
      break;
    default: {
      const never: never = config.KIOSK_SPEECH;
      throw new Error(`unknown KIOSK_SPEECH ${String(never)}`);
    }
  }
  const classifier = await loadClassifier(config, hlog);
  let voice: KioskHostParts['voice'];
  switch (config.KIOSK_VOICE) {
    case 'onnx': {
      const vlog = log.child({ ns: 'kiosk-voice' });
      const opts = {
        porcupine: porcupineOptions(config),
        wakeModel: config.KIOSK_WAKE_MODEL,
        wakeCalibration: config.KIOSK_WAKE_CALIBRATION,
        wakeKeywords: config.KIOSK_WAKE_KEYWORDS,
        endSilenceMs: config.KIOSK_VOICE_END_SILENCE_MS,
        maxUtteranceMs: config.KIOSK_VOICE_MAX_UTTERANCE_MS,
      };
      // Loaded on the first `listen`: a kiosk whose page never listens never loads the voice models.
      const load = async () => (await import('./voice-engine.ts')).loadVoiceEngine(opts, vlog);
      voice = (emit) => new VoiceSessions({ load, emit, log: vlog });
      break;
    }
    case 'none':
      voice = undefined;
      break;
    default: {
      const never: never = config.KIOSK_VOICE;
      throw new Error(`unknown KIOSK_VOICE ${String(never)}`);
    }
  }
  let samples: VoiceSampleStore | undefined;
  if (config.KIOSK_VOICE_SAMPLES_DIR) {
    // Set on purpose by the IT person, who is there: a folder that cannot be made stops the start, loudly.
    samples = new VoiceSampleStore(config.KIOSK_VOICE_SAMPLES_DIR, log.child({ ns: 'kiosk-samples' }), {
      checkout: CHECKOUT_DIR,
      listen: config.KIOSK_WAKE_KEYWORDS,
    });
    await samples.init();
    hlog.warn(
      { folder: config.KIOSK_VOICE_SAMPLES_DIR },
      'collecting voice samples: the kiosk shows the recording screens, not the citizen journey',
    );
  }
  return new KioskHost({
    config: {
      bridgeUrl: config.KIOSK_BRIDGE_URL,
      token: config.KIOSK_TOKEN,
      idleSeconds: config.KIOSK_IDLE_SECONDS,
      robotScreen: config.KIOSK_ROBOT_SCREEN,
      microphone: config.KIOSK_MICROPHONE,
    },
    speaker,
    classifier,
    voice,
    wakeKeywords: config.KIOSK_WAKE_KEYWORDS,
    samples,
    log: hlog,
  });
}

/** Porcupine's options when an AccessKey and at least one keyword file are configured. */
function porcupineOptions(config: KioskConfig): PorcupineWakeWordOptions | undefined {
  const keywordPaths = {
    ...(config.KIOSK_PORCUPINE_XIN_CHAO_ROBOT
      ? { xin_chao_robot: config.KIOSK_PORCUPINE_XIN_CHAO_ROBOT }
      : {}),
    ...(config.KIOSK_PORCUPINE_HELLO_ROBOT ? { hello_robot: config.KIOSK_PORCUPINE_HELLO_ROBOT } : {}),
  };
  if (!config.KIOSK_PORCUPINE_ACCESS_KEY || Object.keys(keywordPaths).length === 0) return undefined;
  return { accessKey: config.KIOSK_PORCUPINE_ACCESS_KEY, keywordPaths };
}

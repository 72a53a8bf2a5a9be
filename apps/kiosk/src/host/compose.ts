import { type IntentClassifier, OnnxIntentClassifier } from '@reception/intent';
import pino, { type Logger } from 'pino';
import type { KioskConfig } from './config.ts';
import { EspeakSpeechOutput } from './espeak-speech-output.ts';
import { KioskHost } from './kiosk-host.ts';
import { Speaker } from './speaker.ts';

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
 * the ONNX intent classifier; the microphone pipeline and a local printer later), picked from config.
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
  return new KioskHost({
    config: {
      bridgeUrl: config.KIOSK_BRIDGE_URL,
      token: config.KIOSK_TOKEN,
      idleSeconds: config.KIOSK_IDLE_SECONDS,
      robotScreen: config.KIOSK_ROBOT_SCREEN,
    },
    speaker,
    classifier,
    log: hlog,
  });
}

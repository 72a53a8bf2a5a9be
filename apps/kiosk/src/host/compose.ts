import pino, { type Logger } from 'pino';
import type { KioskConfig } from './config.ts';
import { EspeakSpeechOutput } from './espeak-speech-output.ts';
import { KioskHost } from './kiosk-host.ts';
import { Speaker } from './speaker.ts';

/**
 * The composition root of the kiosk's Node side: the only place that names the concrete parts (espeak-ng
 * today; the intent classifier, the microphone pipeline and a local printer later), picked from config.
 */
export function createKioskHost(
  config: KioskConfig,
  log: Logger = pino({ level: config.LOG_LEVEL }),
): KioskHost {
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
  return new KioskHost({
    config: {
      bridgeUrl: config.KIOSK_BRIDGE_URL,
      token: config.KIOSK_TOKEN,
      idleSeconds: config.KIOSK_IDLE_SECONDS,
      robotScreen: config.KIOSK_ROBOT_SCREEN,
    },
    speaker,
    log: hlog,
  });
}

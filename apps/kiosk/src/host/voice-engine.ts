import { OnnxSpeechIntent } from '@reception/voice/intent/onnx-speech-intent';
import { VoicePipeline } from '@reception/voice/pipeline/voice-pipeline';
import { SileroVad } from '@reception/voice/vad/silero-vad';
import { createWakeWordEngine } from '@reception/voice/wake/create-wake-word';
import type { PorcupineWakeWordOptions } from '@reception/voice/wake/porcupine-wake-word';
import type { Logger } from 'pino';
import type { VoiceEngine } from './voice-sessions.ts';

export interface VoiceEngineOptions {
  porcupine: PorcupineWakeWordOptions | undefined;
  endSilenceMs: number;
  maxUtteranceMs: number;
}

/**
 * Loads packages/voice's models: the wake word (Porcupine when configured and it starts, else ours; why
 * not Porcupine is logged as a warning for the IT person), Silero VAD and the speech-intent model.
 */
export async function loadVoiceEngine(opts: VoiceEngineOptions, log: Logger): Promise<VoiceEngine> {
  const { engine: wake, fallback } = await createWakeWordEngine({ porcupine: opts.porcupine });
  if (fallback) {
    log.warn({ code: fallback.code, err: fallback.message }, 'Porcupine not used; our wake word runs');
  }
  const [vad, intent] = await Promise.all([SileroVad.create(), OnnxSpeechIntent.create()]);
  const endpointer = { endSilenceMs: opts.endSilenceMs, maxUtteranceMs: opts.maxUtteranceMs };
  return {
    wakeEngine: wake.name,
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

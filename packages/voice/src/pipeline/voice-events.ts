import type { SpeechIntentResult } from '../intent/speech-intent.ts';
import type { WakeDetection } from '../wake/wake-word-engine.ts';

/**
 * What `VoicePipeline` emits, in order, for each interaction: `wake`, then `speech_start` (or
 * `no_speech`), then `speech_end`, then `intent`. Times are seconds of audio since the pipeline started
 * (the same clock as the frames pushed), so a UI can show "listening" from `wake` to `speech_end`.
 */
export type VoiceEvent =
  | { type: 'wake'; detection: WakeDetection }
  | { type: 'speech_start'; time: number }
  | { type: 'no_speech'; time: number }
  | { type: 'speech_end'; reason: 'silence' | 'cap'; start: number; end: number; time: number }
  | {
      type: 'intent';
      result: SpeechIntentResult;
      /** End of the speech (audio clock), seconds. */
      speechEnd: number;
      /** Wall-clock milliseconds from the endpoint decision to the intent (model time). */
      computeMs: number;
    };

export type VoiceEventType = VoiceEvent['type'];

import type { Language } from '../intent/speech-intent.ts';

/**
 * The kiosk's voice (DESIGN.md section 7): speaks answers in the citizen's language.
 *
 * Rules: `synthesize` returns a complete 16-bit PCM WAV file of the text (any sample rate; decode with
 * `decodeWav`), for tests, caching or playing elsewhere. `speak` plays through the device's speaker and
 * resolves when playback has finished, so the caller can mute the microphone pipeline for exactly that
 * long. Text is data, never command-line options or markup. Failures are `SpeechOutputError`s saying
 * what to install or fix. An empty text is a no-op (`synthesize` then rejects: there is nothing to encode).
 */
export interface SpeechOutput {
  readonly name: string;
  synthesize(text: string, language: Language): Promise<Uint8Array>;
  speak(text: string, language: Language): Promise<void>;
}

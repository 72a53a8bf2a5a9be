import type { Language } from '@reception/protocol';

/**
 * The kiosk's voice (DESIGN.md section 7): speaks on the device's own speaker in the citizen's language.
 * The same contract as packages/voice's `SpeechOutput` (`name`, `speak(text, language)`), plus the one
 * thing a touch screen needs that the voice pipeline does not: stopping mid-sentence when the citizen
 * leaves the screen. When packages/voice lands on main, its `EspeakSpeechOutput` replaces the one here.
 *
 * Rules: `speak` resolves when playback has ended, or early, without error, once `signal` aborts (the
 * sound stops at once). Text is data, never command-line options or markup. An empty text is a no-op.
 * Failures reject with a `SpeechOutputError` that says what to install or fix.
 */
export interface SpeechOutput {
  readonly name: string;
  speak(text: string, language: Language, signal?: AbortSignal): Promise<void>;
}

export class SpeechOutputError extends Error {
  readonly code = 'SPEECH_OUTPUT_FAILED';
}

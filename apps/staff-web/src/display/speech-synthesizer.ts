import type { Utterance } from '@reception/i18n';

/**
 * The lobby display's voice: the browser's speech synthesis in production (`BrowserSpeech`), a silent hold
 * while sound is off (`SilentSpeech`), a fake with a virtual clock in tests. Rules every implementation keeps:
 * - `speak` says one announcement: its utterances back to back, in order, as one item (no gap for the page
 *   to fill between languages), after whatever attention sound it makes.
 * - It resolves when the last utterance ended, failed or took too long; it never rejects. An utterance
 *   in a language without a voice is skipped (the display shows its text anyway).
 * - It is called again only after the previous call resolved: one announcement at a time.
 */
export interface SpeechSynthesizer {
  speak(utterances: readonly Utterance[]): Promise<void>;
}

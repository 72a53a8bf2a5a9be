import type { Language } from '@reception/protocol';
import { translator } from './translator.ts';

/** BCP 47 tags for speech synthesis voices. */
export const SPEECH_LANG: Record<Language, string> = { vi: 'vi-VN', en: 'en-US', hi: 'hi-IN', ur: 'ur-PK' };

/** "B012" spoken as "B 0 1 2" so every voice reads the digits one by one, as the paper shows them. */
export function spokenNumber(number: string): string {
  return number.split('').join(' ');
}

/**
 * The call in one language: "Mời số B012 đến quầy số 3" (digits spaced for the voice when `spoken`). A call
 * holds no date or time, so the translator's time zone plays no part. The voice gets no bidi isolates:
 * they only order text on screen.
 */
export function callText(lang: Language, number: string, counter: number, spoken = false): string {
  const text = translator(lang, 'UTC').t('announce.call', {
    number: spoken ? spokenNumber(number) : number,
    counter,
  });
  return spoken ? text.replace(/[\u2066-\u2069]/g, '') : text;
}

/** One sentence for a voice in one language (the lobby display's queue lives in apps/staff-web). */
export interface Utterance {
  lang: Language;
  text: string;
}

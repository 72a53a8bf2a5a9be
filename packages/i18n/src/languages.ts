import { LANGUAGES, RTL_LANGUAGES, type Language } from '@reception/protocol';

/**
 * BCP 47 locale per language: number grouping, dates and plural rules come from it. English is British
 * (day-month-year, 24 h clock like the rest of the centre); Urdu is Pakistan's (Latin digits by default).
 */
export const LOCALES: Record<Language, string> = {
  vi: 'vi-VN',
  en: 'en-GB',
  hi: 'hi-IN',
  ur: 'ur-PK',
};

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

export { LANGUAGES, type Language };

/** An arrow pointing the way the language reads ("B012 → counter 3"), mirrored for right-to-left text. */
export function forwardArrow(language: Language): '→' | '←' {
  return directionOf(language) === 'rtl' ? '←' : '→';
}

/**
 * Inputs the model is not asked about: they are out of scope by rule, before any inference.
 * - More than MAX_INPUT_CHARS UTF-16 units: nobody types or says that much at a kiosk search box.
 * - Nothing left after normalisation (empty, whitespace, punctuation, emoji, control characters).
 * - Fewer than half of the letters in the scripts the kiosk serves (Latin for vi/en and romanised hi/ur,
 *   Devanagari for hi, Arabic for ur): Chinese, Cyrillic, Hebrew... cannot be understood, only guessed.
 */
export const MAX_INPUT_CHARS = 1000;

const SERVED = /[\p{Script=Latin}\p{Script=Devanagari}\p{Script=Arabic}]/u;
const LETTER = /\p{L}/u;

export type GuardReason = 'too_long' | 'empty' | 'unserved_script';

/** Why a raw text / its normalised form is out of scope without asking the model, or undefined. */
export function guard(raw: string, norm: string): GuardReason | undefined {
  if (raw.length > MAX_INPUT_CHARS) return 'too_long';
  if (norm === '') return 'empty';
  let letters = 0;
  let served = 0;
  for (const ch of norm) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (SERVED.test(ch)) served++;
  }
  if (letters > 0 && served * 2 < letters) return 'unserved_script';
  return undefined;
}

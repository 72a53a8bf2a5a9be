/**
 * Text normalisation and hashed n-gram features. A line-by-line port of models/intent/features.py: both are
 * checked against the same golden vectors (models/intent/golden/features.json), so the model sees exactly
 * the features it was trained on. The steps and their reasons are in models/intent/MODEL_CARD.md.
 */

/** Only the first this many code points of the normalised text produce features (as in training). */
export const MAX_FEATURE_CHARS = 300;
const CHAR_NGRAM_MIN = 1;
const CHAR_NGRAM_MAX = 5;

const DIGITS = new Map<string, string>();
for (const base of [0x0966, 0x0660, 0x06f0]) {
  for (let i = 0; i < 10; i++) DIGITS.set(String.fromCodePoint(base + i), String(i));
}
// Letters that Urdu writers get from Arabic keyboards, mapped to the Urdu letters.
const URDU_LETTERS = new Map([
  ['\u0643', '\u06a9'],
  ['\u064a', '\u06cc'],
  ['\u0649', '\u06cc'],
  ['\u0647', '\u06c1'],
]);
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff']);
const KEEP = /^[\p{L}\p{N}\p{M}]$/u;

function isDroppedMark(cp: number): boolean {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670;
}

/** NFC, lower case, digit and Urdu-letter mapping, diacritic folding (đ→d), punctuation to spaces. */
export function normalise(text: string): string {
  let s = '';
  for (const ch of text.normalize('NFC').toLowerCase()) s += URDU_LETTERS.get(ch) ?? DIGITS.get(ch) ?? ch;
  let folded = '';
  for (const ch of s.normalize('NFD')) {
    if (!isDroppedMark(ch.codePointAt(0) ?? 0)) folded += ch;
  }
  folded = folded.replaceAll('đ', 'd').normalize('NFC');
  let out = '';
  for (const ch of folded) {
    if (ZERO_WIDTH.has(ch)) continue;
    out += KEEP.test(ch) ? ch : ' ';
  }
  return out
    .split(/\s+/u)
    .filter((w) => w !== '')
    .join(' ');
}

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over the UTF-8 bytes of `s`. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The feature strings of a normalised text, in training order (char n-grams, words, word pairs). */
export function featureStrings(norm: string): string[] {
  const t = Array.from(norm).slice(0, MAX_FEATURE_CHARS).join('').trim();
  if (t === '') return [];
  const feats: string[] = [];
  const cps = Array.from(` ${t} `);
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let i = 0; i + n <= cps.length; i++) {
      const g = cps.slice(i, i + n).join('');
      if (g !== ' ') feats.push(`c${g}`);
    }
  }
  const words = t.split(' ');
  for (const w of words) feats.push(`w${w}`);
  for (let i = 0; i + 1 < words.length; i++) feats.push(`b${words[i] ?? ''} ${words[i + 1] ?? ''}`);
  return feats;
}

/** Hashed feature ids in [0, buckets): what the ONNX model's `ids` input takes. */
export function featureIds(norm: string, buckets: number): number[] {
  return featureStrings(norm).map((f) => fnv1a32(f) % buckets);
}

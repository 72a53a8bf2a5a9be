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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

const step = (h: number, byte: number) => Math.imul(h ^ byte, FNV_PRIME) >>> 0;

/** Feeds the UTF-8 bytes of one code point into an FNV-1a state (lone surrogates as U+FFFD, like TextEncoder). */
function fnvCodePoint(h: number, cp: number): number {
  const c = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
  if (c < 0x80) return step(h, c);
  if (c < 0x800) return step(step(h, 0xc0 | (c >> 6)), 0x80 | (c & 0x3f));
  if (c < 0x10000) return step(step(step(h, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 0x3f)), 0x80 | (c & 0x3f));
  const h1 = step(step(h, 0xf0 | (c >> 18)), 0x80 | ((c >> 12) & 0x3f));
  return step(step(h1, 0x80 | ((c >> 6) & 0x3f)), 0x80 | (c & 0x3f));
}

function fnvRange(prefix: number, cps: Int32Array, from: number, to: number): number {
  let h = Math.imul(FNV_OFFSET ^ prefix, FNV_PRIME) >>> 0;
  for (let i = from; i < to; i++) h = fnvCodePoint(h, cps[i] ?? 0);
  return h;
}

/**
 * Most ids `featureIdsInto` can write: char n-grams of the padded text (at most 5 per code point, with two
 * padding spaces), one per word and one per word pair.
 */
export const MAX_FEATURES = CHAR_NGRAM_MAX * (MAX_FEATURE_CHARS + 2) + MAX_FEATURE_CHARS + 1;

// Scratch space for one utterance's padded code points and word boundaries. featureIdsInto runs to the end
// without awaiting, so one module-level buffer is never shared by two calls at once.
const scratchCps = new Int32Array(MAX_FEATURE_CHARS + 2);
const scratchStarts = new Int32Array(MAX_FEATURE_CHARS);
const scratchEnds = new Int32Array(MAX_FEATURE_CHARS);

/**
 * Writes the hashed feature ids in [0, buckets) of a normalised text into `out` and returns how many there
 * are: the same values, in the same order, as `featureStrings(norm).map((f) => fnv1a32(f) % buckets)`,
 * computed without building strings or arrays (the kiosk calls this on every request; no allocation, so no
 * garbage-collection pauses in the latency tail). `out` must hold MAX_FEATURES entries.
 */
export function featureIdsInto(norm: string, buckets: number, out: Int32Array): number {
  if (out.length < MAX_FEATURES) throw new RangeError(`featureIdsInto needs ${MAX_FEATURES} entries`);
  // The first MAX_FEATURE_CHARS code points of norm (lone surrogates count as one, like Array.from), with
  // the trailing spaces trim() would remove dropped; then padded with a space on each side.
  const cps = scratchCps;
  let len = 1;
  for (let i = 0; i < norm.length && len <= MAX_FEATURE_CHARS;) {
    const cp = norm.codePointAt(i) ?? 0;
    cps[len++] = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  while (len > 1 && cps[len - 1] === SPACE) len--;
  let start = 1;
  while (start < len && cps[start] === SPACE) start++;
  if (start >= len) return 0;
  // Leading spaces cannot occur in a normalised text; shift anyway so the padding stays one space.
  if (start > 1) {
    cps.copyWithin(1, start, len);
    len -= start - 1;
  }
  cps[0] = SPACE;
  cps[len++] = SPACE;
  let k = 0;
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let i = 0; i + n <= len; i++) {
      if (n === 1 && cps[i] === SPACE) continue;
      out[k++] = fnvRange(0x63 /* c */, cps, i, i + n) % buckets;
    }
  }
  // Words are the runs between single spaces of the padded array.
  let words = 0;
  for (let i = 1; i < len - 1; i++) {
    if (cps[i - 1] === SPACE) scratchStarts[words] = i;
    if (cps[i + 1] === SPACE) scratchEnds[words++] = i + 1;
  }
  for (let w = 0; w < words; w++)
    out[k++] = fnvRange(0x77 /* w */, cps, scratchStarts[w] ?? 0, scratchEnds[w] ?? 0) % buckets;
  for (let w = 0; w + 1 < words; w++) {
    out[k++] = fnvRange(0x62 /* b */, cps, scratchStarts[w] ?? 0, scratchEnds[w + 1] ?? 0) % buckets;
  }
  return k;
}

/** `featureIdsInto` as a plain array (tests, evaluation tools). */
export function featureIds(norm: string, buckets: number): number[] {
  const out = new Int32Array(MAX_FEATURES);
  return Array.from(out.subarray(0, featureIdsInto(norm, buckets, out)));
}

"""Text normalisation and hashed n-gram features, shared byte for byte with packages/intent/src/features.ts.

Both implementations are checked against golden vectors (models/intent/golden/features.json): change one,
change the other and regenerate the vectors with `python3 models/intent/golden.py`.

Pipeline (see MODEL_CARD.md, "Features"):
 1. Unicode NFC, then lower case (Python str.lower == JS toLowerCase for the scripts we serve).
 2. Devanagari, Arabic-Indic and Extended Arabic-Indic digits -> ASCII digits.
 3. Urdu letter variants typed on Arabic keyboards -> Urdu letters (ك->ک, ي/ى->ی, ه->ہ).
 4. Diacritic folding: NFD, drop U+0300-036F (Latin combining marks: Vietnamese tones and vowel marks) and
    Arabic harakat U+064B-065F and U+0670, then đ -> d, then NFC again. Devanagari marks are kept.
 5. Zero-width characters (U+200B-200F, U+2060, U+FEFF) are deleted; every other character that is not a
    letter, number or mark (Unicode general category L*, N*, M*) becomes a space; spaces collapse; trim.
Features of the normalised text t (each hashed with FNV-1a 32-bit over UTF-8, modulo the bucket count):
  "c" + g   for every code-point n-gram g of " " + t + " " with 1 <= n <= 5, except g == " "
  "w" + w   for every word (space-separated token)
  "b" + w1 + " " + w2 for every pair of adjacent words
Only the first MAX_FEATURE_CHARS code points of t are used.
"""

from __future__ import annotations

import unicodedata

MAX_FEATURE_CHARS = 300
CHAR_NGRAM_MIN = 1
CHAR_NGRAM_MAX = 5

_DIGITS = {}
for _base in (0x0966, 0x0660, 0x06F0):
    for _i in range(10):
        _DIGITS[chr(_base + _i)] = str(_i)
_URDU_LETTERS = {"\u0643": "\u06a9", "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0647": "\u06c1"}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"}


def _is_dropped_mark(cp: int) -> bool:
    return 0x0300 <= cp <= 0x036F or 0x064B <= cp <= 0x065F or cp == 0x0670


def normalise(text: str) -> str:
    s = unicodedata.normalize("NFC", text).lower()
    s = "".join(_URDU_LETTERS.get(ch, _DIGITS.get(ch, ch)) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if not _is_dropped_mark(ord(ch)))
    s = unicodedata.normalize("NFC", s.replace("đ", "d"))
    out = []
    for ch in s:
        if ch in _ZERO_WIDTH:
            continue
        out.append(ch if unicodedata.category(ch)[0] in "LNM" else " ")
    return " ".join("".join(out).split())


def fnv1a32(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def feature_strings(norm: str) -> list[str]:
    t = "".join(list(norm)[:MAX_FEATURE_CHARS]).strip()
    if not t:
        return []
    feats: list[str] = []
    cps = list(" " + t + " ")
    for n in range(CHAR_NGRAM_MIN, CHAR_NGRAM_MAX + 1):
        for i in range(len(cps) - n + 1):
            g = "".join(cps[i : i + n])
            if g != " ":
                feats.append("c" + g)
    words = t.split(" ")
    feats.extend("w" + w for w in words)
    feats.extend("b" + a + " " + b for a, b in zip(words, words[1:]))
    return feats


def feature_ids(norm: str, buckets: int) -> list[int]:
    return [fnv1a32(f.encode("utf-8")) % buckets for f in feature_strings(norm)]

/** Slot lexicon: slot value -> normalised surface forms (models/intent/lexicon.json, made by lexicon.py). */
export type Lexicon = Readonly<Record<string, readonly string[]>>;

/**
 * The value whose longest entry occurs in the normalised text as whole words, ties going to the first
 * value in sorted order; the same rule as `match()` in models/intent/lexicon.py.
 */
export function matchLexicon(lexicon: Lexicon, norm: string): string | undefined {
  const text = ` ${norm} `;
  let best: string | undefined;
  let bestLength = 0;
  for (const value of Object.keys(lexicon).sort()) {
    for (const entry of lexicon[value] ?? []) {
      // Python compares lengths in code points; so do we.
      const length = Array.from(entry).length;
      if (length > bestLength && text.includes(` ${entry} `)) {
        best = value;
        bestLength = length;
      }
    }
  }
  return best;
}

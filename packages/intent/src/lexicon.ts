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

interface Entry {
  /** The entry followed by one space, so a match is `startsWith` at a word start of `norm + ' '`. */
  spaced: string;
  value: string;
  /** Length in code points, as the rule compares them. */
  length: number;
}

/**
 * `matchLexicon` for one lexicon, compiled once: entries indexed by their first word, so a lookup tries only
 * the entries that start with a word of the text instead of every entry of the lexicon (hundreds of
 * substring searches per call). Same answers as `matchLexicon` (a test compares them).
 */
export class CompiledLexicon {
  readonly #byFirstWord = new Map<string, Entry[]>();
  readonly #rank = new Map<string, number>();

  constructor(lexicon: Lexicon) {
    for (const [rank, value] of Object.keys(lexicon).sort().entries()) {
      this.#rank.set(value, rank);
      for (const entry of lexicon[value] ?? []) {
        if (entry === '' || entry.trim() !== entry) continue; // cannot occur as whole words of a normalised text
        const first = entry.split(' ', 1)[0] ?? '';
        const list = this.#byFirstWord.get(first) ?? [];
        list.push({ spaced: `${entry} `, value, length: Array.from(entry).length });
        this.#byFirstWord.set(first, list);
      }
    }
  }

  match(norm: string): string | undefined {
    const text = `${norm} `;
    let best: Entry | undefined;
    for (let start = 0; start < norm.length;) {
      let end = text.indexOf(' ', start);
      if (end < 0) end = text.length;
      const candidates = this.#byFirstWord.get(text.slice(start, end));
      if (candidates !== undefined) {
        for (const e of candidates) {
          if (!text.startsWith(e.spaced, start)) continue;
          if (
            best === undefined ||
            e.length > best.length ||
            (e.length === best.length && (this.#rank.get(e.value) ?? 0) < (this.#rank.get(best.value) ?? 0))
          ) {
            best = e;
          }
        }
      }
      start = end + 1;
    }
    return best?.value;
  }
}

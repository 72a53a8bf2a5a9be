import { createRequire } from 'node:module';
import type { Language } from '@reception/protocol';

const require = createRequire(import.meta.url);

/** One bundled font file: a Noto face (bold) cut to one Unicode subset by its @fontsource package. */
export interface PaperFontFace {
  /** The name the file is registered under; never a family an installed font could also have. */
  family: string;
  /** The @fontsource package that ships it, and the subset (a key of the package's `unicode.json`). */
  fontsource: string;
  subset: string;
  /** Which scripts it is the first choice for. */
  script: 'latin' | 'devanagari' | 'arabic';
}

/**
 * The faces tickets are printed with: the same Noto faces the kiosk screen uses, from npm, so every
 * machine draws the same pixels. Noto Sans covers Latin and Vietnamese (its Vietnamese subset holds the
 * precomposed letters with stacked marks, `ầ`, `ự`...), Noto Sans Devanagari covers Hindi and Noto
 * Nastaliq Urdu covers Urdu.
 */
export const PAPER_FONT_FACES: readonly PaperFontFace[] = [
  { family: 'Ticket Noto Sans', fontsource: '@fontsource/noto-sans', subset: 'latin', script: 'latin' },
  {
    family: 'Ticket Noto Sans Vietnamese',
    fontsource: '@fontsource/noto-sans',
    subset: 'vietnamese',
    script: 'latin',
  },
  {
    family: 'Ticket Noto Sans Latin Ext',
    fontsource: '@fontsource/noto-sans',
    subset: 'latin-ext',
    script: 'latin',
  },
  {
    family: 'Ticket Noto Sans Devanagari',
    fontsource: '@fontsource/noto-sans-devanagari',
    subset: 'devanagari',
    script: 'devanagari',
  },
  {
    family: 'Ticket Noto Nastaliq Urdu',
    fontsource: '@fontsource/noto-nastaliq-urdu',
    subset: 'arabic',
    script: 'arabic',
  },
];

/** Path of a face's bold WOFF file inside its package. */
export function fontFile(face: PaperFontFace): string {
  const name = face.fontsource.replace('@fontsource/', '');
  return require.resolve(`${face.fontsource}/files/${name}-${face.subset}-700-normal.woff`);
}

const SCRIPT_OF: Record<Language, PaperFontFace['script']> = {
  vi: 'latin',
  en: 'latin',
  hi: 'devanagari',
  ur: 'arabic',
};

/**
 * The CSS font list for a line in `language`: that language's faces first, then every other bundled
 * face, so each character is drawn by the first face that has it (a digit in an Urdu line comes from
 * Noto Sans, an Urdu word from Nastaliq).
 */
export function fontList(language: Language, sizePx: number): string {
  const own = PAPER_FONT_FACES.filter((f) => f.script === SCRIPT_OF[language]);
  const rest = PAPER_FONT_FACES.filter((f) => f.script !== SCRIPT_OF[language]);
  return `${sizePx}px ${[...own, ...rest].map((f) => `"${f.family}"`).join(', ')}`;
}

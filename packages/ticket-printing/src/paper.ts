import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { directionOf } from '@reception/i18n';
import type { Language } from '@reception/protocol';
import { Bitmap } from './bitmap.ts';
import { fontFile, fontList, PAPER_FONT_FACES } from './paper-fonts.ts';

export class PaperFontError extends Error {
  readonly code = 'TICKET_FONT_UNAVAILABLE';
}

let registered = false;

/**
 * Registers the bundled faces once per process (Skia keeps them for every canvas); throws
 * `PaperFontError` when one cannot be loaded. `Paper` calls it; a printer calls it at start to fail early.
 */
export function loadPaperFonts(): void {
  if (registered) return;
  for (const face of PAPER_FONT_FACES) {
    const file = fontFile(face);
    if (!GlobalFonts.registerFromPath(file, face.family))
      throw new PaperFontError(`font ${file} could not be loaded`);
  }
  registered = true;
}

/** Size and language of a line: the language picks the font order, the direction and the shaping. */
export interface TextStyle {
  sizePx: number;
  language: Language;
}

/** How wide a line is and how far its ink reaches above and below the baseline, in dots. */
export interface Ink {
  width: number;
  ascent: number;
  descent: number;
}

/**
 * The one text path for paper tickets, and the only module that knows the renderer: Skia through
 * `@napi-rs/canvas`, which shapes with HarfBuzz (Devanagari conjuncts and vowel order, Nastaliq joining,
 * Vietnamese stacked marks), orders mixed directions by the Unicode bidi algorithm (digits and Latin in an
 * Urdu line) and falls back from face to face per character.
 *
 * Rules: text is drawn only with the bundled faces (`PAPER_FONT_FACES`); a character none of them has
 * would come from an installed font and differ between machines, so the tests check every printed string
 * against the faces' coverage. Text is NFC-normalised first, so a Vietnamese letter is one precomposed
 * glyph. Output is anti-aliased grey made 1-bit at half intensity. One `Paper` per ticket; not shared
 * between concurrent layouts.
 */
export class Paper {
  private readonly ctx: SKRSContext2D;
  private font = '';

  constructor(
    readonly width: number,
    readonly maxHeight: number,
  ) {
    loadPaperFonts();
    this.ctx = createCanvas(width, maxHeight).getContext('2d');
    this.ctx.fillStyle = '#ffffff';
    this.ctx.fillRect(0, 0, width, maxHeight);
    this.ctx.fillStyle = '#000000';
    this.ctx.textBaseline = 'alphabetic';
  }

  private use(style: TextStyle): void {
    const font = fontList(style.language, style.sizePx);
    if (font !== this.font) {
      this.ctx.font = font;
      this.font = font;
    }
    this.ctx.lang = style.language;
    this.ctx.direction = directionOf(style.language);
  }

  measure(text: string, style: TextStyle): Ink {
    this.use(style);
    const m = this.ctx.measureText(text.normalize('NFC'));
    return { width: m.width, ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent };
  }

  /** Greedy word wrap: as many words per line as fit in `width` dots (a longer word gets its own line). */
  wrap(text: string, style: TextStyle, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.measure(next, style).width > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Draws one line from `x` (its centre, or its left edge), its baseline at `baseline`. */
  text(
    text: string,
    style: TextStyle,
    x: number,
    baseline: number,
    align: 'center' | 'left' = 'center',
  ): void {
    this.use(style);
    this.ctx.textAlign = align;
    this.ctx.fillText(text.normalize('NFC'), x, baseline);
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.ctx.fillRect(x, y, w, h);
  }

  /** The top `height` rows as a 1-bit bitmap. */
  toBitmap(height: number): Bitmap {
    const rows = Math.min(height, this.maxHeight);
    return Bitmap.fromRgba(this.width, rows, this.ctx.getImageData(0, 0, this.width, rows).data);
  }
}

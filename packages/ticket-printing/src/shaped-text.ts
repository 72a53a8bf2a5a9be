import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { drawText, fillPolygons, measureText, wrapWords, type Bitmap } from './bitmap.ts';
import type { TrueTypeFont } from './ttf-font.ts';
import { sfntFromWoff } from './woff.ts';

type Point = { x: number; y: number };

/** One shaped glyph: id, advance and offset in font units (y up), and the character index it came from. */
export interface ShapedGlyph {
  gid: number;
  cluster: number;
  ax: number;
  ay: number;
  dx: number;
  dy: number;
}

/**
 * A font shaped with HarfBuzz (WebAssembly, from npm), for scripts whose letters change shape and order
 * with their neighbours: Devanagari conjuncts and vowel signs, Urdu's cursive Nastaliq. Latin and
 * Vietnamese keep the simpler `TrueTypeFont` path. Accepts TrueType/OpenType or WOFF 1.0 files.
 */
export class ShapingFont {
  private readonly font: hb.Font;
  readonly unitsPerEm: number;
  private readonly outlines = new Map<number, Point[][]>();

  constructor(data: Buffer) {
    const face = new hb.Face(new hb.Blob(sfntFromWoff(data)));
    this.unitsPerEm = face.upem;
    this.font = new hb.Font(face);
  }

  static fromFile(file: string): ShapingFont {
    return new ShapingFont(readFileSync(file));
  }

  /** Glyphs in visual order (left to right on paper, also for right-to-left text). */
  shape(text: string): ShapedGlyph[] {
    const buffer = new hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(this.font, buffer);
    return buffer.getGlyphInfosAndPositions().map((g) => ({
      gid: g.codepoint,
      cluster: g.cluster,
      ax: g.xAdvance ?? 0,
      ay: g.yAdvance ?? 0,
      dx: g.xOffset ?? 0,
      dy: g.yOffset ?? 0,
    }));
  }

  /** The glyph's contours as polygons in font units (y up), quadratic and cubic curves flattened. */
  outline(gid: number): Point[][] {
    let polys = this.outlines.get(gid);
    if (!polys) {
      polys = parsePath(this.font.glyphToPath(gid));
      this.outlines.set(gid, polys);
    }
    return polys;
  }
}

/** Parses the SVG path HarfBuzz draws a glyph with (M, L, Q, C, Z). */
function parsePath(d: string): Point[][] {
  const polys: Point[][] = [];
  let cur: Point[] = [];
  let pen: Point = { x: 0, y: 0 };
  const STEPS = 8;
  for (const [, op, args] of d.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    const v = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (op === 'M') {
      if (cur.length > 2) polys.push(cur);
      pen = { x: v[0] ?? 0, y: v[1] ?? 0 };
      cur = [pen];
    } else if (op === 'L') {
      pen = { x: v[0] ?? 0, y: v[1] ?? 0 };
      cur.push(pen);
    } else if (op === 'Q') {
      const [cx = 0, cy = 0, x = 0, y = 0] = v;
      const p0 = pen;
      for (let s = 1; s <= STEPS; s++) {
        const t = s / STEPS;
        const u = 1 - t;
        cur.push({
          x: u * u * p0.x + 2 * u * t * cx + t * t * x,
          y: u * u * p0.y + 2 * u * t * cy + t * t * y,
        });
      }
      pen = { x, y };
    } else if (op === 'C') {
      const [c1x = 0, c1y = 0, c2x = 0, c2y = 0, x = 0, y = 0] = v;
      const p0 = pen;
      for (let s = 1; s <= STEPS; s++) {
        const t = s / STEPS;
        const u = 1 - t;
        cur.push({
          x: u * u * u * p0.x + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
          y: u * u * u * p0.y + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
        });
      }
      pen = { x, y };
    } else if (op === 'Z') {
      if (cur.length > 2) polys.push(cur);
      cur = [];
    }
  }
  if (cur.length > 2) polys.push(cur);
  return polys;
}

export function measureShaped(font: ShapingFont, text: string, sizePx: number): number {
  return (font.shape(text).reduce((w, g) => w + g.ax, 0) * sizePx) / font.unitsPerEm;
}

/** Draws one shaped line with its baseline at `baseline`, starting at `x` on the left; returns its width. */
export function drawShaped(
  b: Bitmap,
  font: ShapingFont,
  text: string,
  x: number,
  baseline: number,
  sizePx: number,
): number {
  const scale = sizePx / font.unitsPerEm;
  const polys: Point[][] = [];
  let penX = 0;
  let penY = 0;
  for (const g of font.shape(text)) {
    const ox = x + (penX + g.dx) * scale;
    const oy = baseline - (penY + g.dy) * scale;
    for (const c of font.outline(g.gid))
      polys.push(c.map((p) => ({ x: ox + p.x * scale, y: oy - p.y * scale })));
    penX += g.ax;
    penY += g.ay;
  }
  fillPolygons(b, polys);
  return penX * scale;
}

/**
 * A line in a complex script that may hold Latin digits and letters too (counter numbers, ticket
 * numbers). HarfBuzz shapes but does not reorder mixed directions, so the line is cut at spaces into runs
 * of script words and of other words (digits, Latin, punctuation); those are drawn with the Latin font, left to right, and for a
 * right-to-left language the runs are laid out right to left (the bidi rule for these simple lines).
 */
export interface MixedFonts {
  latin: TrueTypeFont;
  script: ShapingFont;
  rtl: boolean;
}

interface Run {
  ascii: boolean;
  text: string;
  /** A space separates this run from the next one (logical order). */
  spaced: boolean;
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
};

/** Devanagari and Arabic-script letters, marks and joiners: what the shaped script font draws. */
function isScriptChar(cp: number): boolean {
  return (
    (cp >= 0x0900 && cp <= 0x097f) ||
    (cp >= 0xa8e0 && cp <= 0xa8ff) ||
    (cp >= 0x1cd0 && cp <= 0x1cff) ||
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff) ||
    cp === 0x200c ||
    cp === 0x200d
  );
}

/**
 * Runs of script text and of everything else (digits, Latin, punctuation such as brackets and dashes,
 * which the script fonts may lack), drawn with the Latin font. `ascii` means "not script" here.
 */
function runs(text: string): Run[] {
  const out: Run[] = [];
  let pendingSpace = false;
  for (const ch of text.trim()) {
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    const ascii = !isScriptChar(ch.codePointAt(0) ?? 0);
    const last = out.at(-1);
    if (last?.ascii === ascii) last.text += pendingSpace ? ` ${ch}` : ch;
    else {
      if (last) last.spaced = pendingSpace;
      out.push({ ascii, text: ch, spaced: false });
    }
    pendingSpace = false;
  }
  return out;
}

const runWidth = (f: MixedFonts, r: Run, size: number) =>
  r.ascii ? measureText(f.latin, r.text, size) : measureShaped(f.script, r.text, size);

export function measureMixed(f: MixedFonts, text: string, sizePx: number): number {
  const gap = measureText(f.latin, ' ', sizePx);
  return runs(text).reduce((w, r) => w + runWidth(f, r, sizePx) + (r.spaced ? gap : 0), 0);
}

/**
 * Draws the line from `x` (its left edge on paper); returns its width. In a right-to-left line the runs
 * go right to left and brackets in ASCII runs are mirrored, as the Unicode bidi rules would show them.
 */
export function drawMixed(
  b: Bitmap,
  f: MixedFonts,
  text: string,
  x: number,
  baseline: number,
  sizePx: number,
): number {
  const logical = runs(text);
  const gap = measureText(f.latin, ' ', sizePx);
  let pen = x;
  const visual = f.rtl ? [...logical].reverse() : logical;
  visual.forEach((r, i) => {
    if (r.ascii) {
      const shown = f.rtl ? r.text.replace(/[()[\]{}<>]/g, (c) => MIRRORED[c] ?? c) : r.text;
      pen += drawText(b, f.latin, shown, pen, baseline, sizePx);
    } else pen += drawShaped(b, f.script, r.text, pen, baseline, sizePx);
    const next = visual[i + 1];
    // The space between two runs is recorded on the one that comes first in reading order.
    if (next && (f.rtl ? next.spaced : r.spaced)) pen += gap;
  });
  return pen - x;
}

export function wrapMixed(f: MixedFonts, text: string, sizePx: number, width: number): string[] {
  return wrapWords(text, width, (line) => measureMixed(f, line, sizePx));
}

/**
 * How far the ink of a line reaches above and below its baseline, in pixels. Nastaliq stacks letters
 * diagonally and reaches far above and below the Latin line, so lines are spaced by their real ink.
 */
export function mixedInk(f: MixedFonts, text: string, sizePx: number): { above: number; below: number } {
  let above = 0.75 * sizePx; // Latin capitals and digits
  let below = 0.22 * sizePx;
  const scale = sizePx / f.script.unitsPerEm;
  for (const r of runs(text)) {
    if (r.ascii) continue;
    let penY = 0;
    for (const g of f.script.shape(r.text)) {
      for (const c of f.script.outline(g.gid))
        for (const p of c) {
          above = Math.max(above, (penY + g.dy + p.y) * scale);
          below = Math.max(below, -(penY + g.dy + p.y) * scale);
        }
      penY += g.ay;
    }
  }
  return { above, below };
}

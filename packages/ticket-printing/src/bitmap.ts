import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { TrueTypeFont } from './ttf-font.ts';

/** A 1-bit image, one byte per pixel (1 = black), row-major: what a thermal printer prints. */
export class Bitmap {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height);
  }

  get(x: number, y: number): boolean {
    return this.pixels[y * this.width + x] === 1;
  }

  set(x: number, y: number): void {
    if (x >= 0 && y >= 0 && x < this.width && y < this.height) this.pixels[y * this.width + x] = 1;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.pixels[j * this.width + i] = 1;
    }
  }

  /** A copy cut to `height` rows (layouts draw on a tall canvas, then crop). */
  crop(height: number): Bitmap {
    const b = new Bitmap(this.width, height);
    b.pixels.set(this.pixels.subarray(0, this.width * height));
    return b;
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    for (let i = 0; i < this.pixels.length; i++) {
      const v = this.pixels[i] === 1 ? 0 : 255;
      png.data[i * 4] = png.data[i * 4 + 1] = png.data[i * 4 + 2] = v;
      png.data[i * 4 + 3] = 255;
    }
    return PNG.sync.write(png);
  }
}

type Edge = { x0: number; y0: number; x1: number; y1: number; dir: number };

/** Fills closed polygons with the non-zero winding rule, 4 samples per pixel row, centre column. */
export function fillPolygons(b: Bitmap, polys: { x: number; y: number }[][]): void {
  const edges: Edge[] = [];
  let top = Infinity;
  let bottom = -Infinity;
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i];
      const c = poly[(i + 1) % poly.length];
      if (!a || !c || a.y === c.y) continue;
      const dir = c.y > a.y ? 1 : -1;
      edges.push(
        dir === 1 ? { x0: a.x, y0: a.y, x1: c.x, y1: c.y, dir } : { x0: c.x, y0: c.y, x1: a.x, y1: a.y, dir },
      );
      top = Math.min(top, a.y, c.y);
      bottom = Math.max(bottom, a.y, c.y);
    }
  }
  const SUB = 4;
  for (let row = Math.max(0, Math.floor(top)); row < Math.min(b.height, Math.ceil(bottom)); row++) {
    const cover = new Map<number, number>();
    for (let s = 0; s < SUB; s++) {
      const y = row + (s + 0.5) / SUB;
      const xs: { x: number; dir: number }[] = [];
      for (const e of edges) {
        if (y < e.y0 || y >= e.y1) continue;
        xs.push({ x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
      }
      xs.sort((p, q) => p.x - q.x);
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += xs[i]?.dir ?? 0;
        if (wind === 0) continue;
        const from = Math.ceil((xs[i]?.x ?? 0) - 0.5);
        const to = Math.floor((xs[i + 1]?.x ?? 0) - 0.5);
        for (let x = from; x <= to; x++) cover.set(x, (cover.get(x) ?? 0) + 1);
      }
    }
    for (const [x, n] of cover) if (n >= SUB / 2) b.set(x, row);
  }
}

/** Flattens a TrueType contour (quadratic B-splines with implied on-curve points) to a polygon. */
function flatten(
  contour: { x: number; y: number; on: boolean }[],
  steps: number,
): { x: number; y: number }[] {
  const n = contour.length;
  if (n === 0) return [];
  const startIdx = contour.findIndex((p) => p.on);
  const pts: { x: number; y: number; on: boolean }[] = [];
  if (startIdx < 0) {
    // All off-curve: start at the midpoint of the first two.
    const a = contour[0];
    const c = contour[1] ?? a;
    if (a && c) pts.push({ x: (a.x + c.x) / 2, y: (a.y + c.y) / 2, on: true });
    pts.push(...contour);
  } else {
    for (let i = 0; i < n; i++) {
      const p = contour[(startIdx + i) % n];
      if (p) pts.push(p);
    }
  }
  const out: { x: number; y: number }[] = [];
  const first = pts[0];
  if (!first) return out;
  out.push(first);
  let prev: { x: number; y: number } = first;
  let ctrl: { x: number; y: number } | undefined;
  const quad = (c: { x: number; y: number }, e: { x: number; y: number }) => {
    for (let s = 1; s <= steps; s++) {
      const t = s / steps;
      const u = 1 - t;
      out.push({
        x: u * u * prev.x + 2 * u * t * c.x + t * t * e.x,
        y: u * u * prev.y + 2 * u * t * c.y + t * t * e.y,
      });
    }
    prev = e;
  };
  for (let i = 1; i <= pts.length; i++) {
    const p = pts[i % pts.length] ?? first;
    if (p.on) {
      if (ctrl) quad(ctrl, p);
      else {
        out.push(p);
        prev = p;
      }
      ctrl = undefined;
    } else if (ctrl) {
      const mid = { x: (ctrl.x + p.x) / 2, y: (ctrl.y + p.y) / 2 };
      quad(ctrl, mid);
      ctrl = p;
    } else ctrl = p;
  }
  return out;
}

/** Glyph ids of a string; precomposed (NFC) first, falling back to base + combining marks. */
function glyphs(font: TrueTypeFont, text: string): number[] {
  const ids: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const g = font.glyphIndex(ch.codePointAt(0) ?? 0);
    if (g !== 0) ids.push(g);
    else for (const part of ch.normalize('NFD')) ids.push(font.glyphIndex(part.codePointAt(0) ?? 0));
  }
  return ids;
}

export function measureText(font: TrueTypeFont, text: string, sizePx: number): number {
  const scale = sizePx / font.unitsPerEm;
  return glyphs(font, text).reduce((w, g) => w + font.glyph(g).advance * scale, 0);
}

/** Draws one line of text with its baseline at `baseline`; returns the advance in pixels. */
export function drawText(
  b: Bitmap,
  font: TrueTypeFont,
  text: string,
  x: number,
  baseline: number,
  sizePx: number,
): number {
  const scale = sizePx / font.unitsPerEm;
  const steps = sizePx > 60 ? 8 : 4;
  const polys: { x: number; y: number }[][] = [];
  let pen = x;
  for (const g of glyphs(font, text)) {
    const outline = font.glyph(g);
    for (const c of outline.contours) {
      polys.push(flatten(c, steps).map((p) => ({ x: pen + p.x * scale, y: baseline - p.y * scale })));
    }
    pen += outline.advance * scale;
  }
  fillPolygons(b, polys);
  return pen - x;
}

/** Greedy word wrap: as many words per line as `measure` (pixels) lets fit in `width`. */
export function wrapWords(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Greedy word wrap to `width` pixels. */
export function wrapText(font: TrueTypeFont, text: string, sizePx: number, width: number): string[] {
  return wrapWords(text, width, (line) => measureText(font, line, sizePx));
}

/** Draws a QR code of `text` with `module` pixels per module; returns its side in pixels. */
export function drawQr(b: Bitmap, text: string, x: number, y: number, module: number): number {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++)
      if (qr.modules.get(r, c)) b.fillRect(x + c * module, y + r * module, module, module);
  }
  return size * module;
}

/** Modules per side of the QR code of `text`. */
export function qrModules(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
}

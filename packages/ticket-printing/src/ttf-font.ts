import { readFileSync } from 'node:fs';

/** One glyph outline: closed contours of points in font units, y up. */
export interface GlyphOutline {
  contours: { x: number; y: number; on: boolean }[][];
  advance: number;
}

export class FontError extends Error {
  readonly code = 'FONT_INVALID';
}

/**
 * Just enough of a TrueType reader to draw tickets: cmap (formats 4 and 12), hmtx, loca and glyf with
 * simple and composite glyphs. No hinting, kerning or shaping: fine for Latin and precomposed Vietnamese,
 * not for scripts that need shaping (Devanagari, Arabic), which the ticket layout does not print.
 */
export class TrueTypeFont {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly view: DataView;
  private readonly longLoca: boolean;
  private readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly cmap: (code: number) => number;
  private readonly cache = new Map<number, GlyphOutline>();

  constructor(private readonly data: Buffer) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const tag = this.view.getUint32(0);
    if (tag !== 0x00010000 && tag !== 0x74727565) throw new FontError('not a TrueType (glyf) font');
    const n = this.view.getUint16(4);
    for (let i = 0; i < n; i++) {
      const rec = 12 + i * 16;
      const name = data.toString('latin1', rec, rec + 4);
      this.tables.set(name, { offset: this.view.getUint32(rec + 8), length: this.view.getUint32(rec + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.longLoca = this.view.getInt16(head + 50) === 1;
    const hhea = this.table('hhea');
    this.ascender = this.view.getInt16(hhea + 4);
    this.descender = this.view.getInt16(hhea + 6);
    this.numHMetrics = this.view.getUint16(hhea + 34);
    this.numGlyphs = this.view.getUint16(this.table('maxp') + 4);
    this.cmap = this.readCmap();
  }

  static fromFile(file: string): TrueTypeFont {
    return new TrueTypeFont(readFileSync(file));
  }

  private table(name: string): number {
    const t = this.tables.get(name);
    if (!t) throw new FontError(`font has no '${name}' table`);
    return t.offset;
  }

  private readCmap(): (code: number) => number {
    const base = this.table('cmap');
    const count = this.view.getUint16(base + 2);
    let best: { offset: number; format: number } | undefined;
    for (let i = 0; i < count; i++) {
      const platform = this.view.getUint16(base + 4 + i * 8);
      const encoding = this.view.getUint16(base + 6 + i * 8);
      const offset = base + this.view.getUint32(base + 8 + i * 8);
      const format = this.view.getUint16(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode || (format !== 4 && format !== 12)) continue;
      if (!best || format === 12) best = { offset, format };
    }
    if (!best) throw new FontError('font has no Unicode cmap');
    const v = this.view;
    const o = best.offset;
    if (best.format === 12) {
      const groups = v.getUint32(o + 12);
      return (code) => {
        let lo = 0;
        let hi = groups - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const g = o + 16 + mid * 12;
          const start = v.getUint32(g);
          const end = v.getUint32(g + 4);
          if (code < start) hi = mid - 1;
          else if (code > end) lo = mid + 1;
          else return v.getUint32(g + 8) + (code - start);
        }
        return 0;
      };
    }
    const segs = v.getUint16(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const ranges = deltas + segs * 2;
    return (code) => {
      if (code > 0xffff) return 0;
      for (let i = 0; i < segs; i++) {
        if (code > v.getUint16(ends + i * 2)) continue;
        const start = v.getUint16(starts + i * 2);
        if (code < start) return 0;
        const delta = v.getInt16(deltas + i * 2);
        const range = v.getUint16(ranges + i * 2);
        if (range === 0) return (code + delta) & 0xffff;
        const g = v.getUint16(ranges + i * 2 + range + (code - start) * 2);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
  }

  glyphIndex(codePoint: number): number {
    return this.cmap(codePoint);
  }

  private advanceOf(g: number): number {
    const hmtx = this.table('hmtx');
    return this.view.getUint16(hmtx + 4 * Math.min(g, this.numHMetrics - 1));
  }

  private glyphRange(g: number): [number, number] {
    const loca = this.table('loca');
    const at = (i: number) =>
      this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2;
    const glyf = this.table('glyf');
    return [glyf + at(g), glyf + at(g + 1)];
  }

  glyph(g: number): GlyphOutline {
    const hit = this.cache.get(g);
    if (hit) return hit;
    const out: GlyphOutline = {
      contours: g < this.numGlyphs ? this.contoursOf(g, 0) : [],
      advance: this.advanceOf(g),
    };
    this.cache.set(g, out);
    return out;
  }

  private contoursOf(g: number, depth: number): GlyphOutline['contours'] {
    const [start, end] = this.glyphRange(g);
    if (end <= start || depth > 8) return [];
    const v = this.view;
    const n = v.getInt16(start);
    let p = start + 10;
    if (n >= 0) {
      const endPts: number[] = [];
      for (let i = 0; i < n; i++) endPts.push(v.getUint16(p + i * 2));
      p += n * 2;
      p += 2 + v.getUint16(p);
      const count = n ? (endPts[n - 1] ?? -1) + 1 : 0;
      const flags: number[] = [];
      while (flags.length < count) {
        const f = v.getUint8(p++);
        flags.push(f);
        if (f & 8) for (let r = v.getUint8(p++); r > 0; r--) flags.push(f);
      }
      const coords = (short: number, same: number) => {
        const list: number[] = [];
        let c = 0;
        for (const f of flags) {
          if (f & short) {
            const d = v.getUint8(p++);
            c += f & same ? d : -d;
          } else if (!(f & same)) {
            c += v.getInt16(p);
            p += 2;
          }
          list.push(c);
        }
        return list;
      };
      const xs = coords(2, 16);
      const ys = coords(4, 32);
      const contours: GlyphOutline['contours'] = [];
      let first = 0;
      for (const last of endPts) {
        const c = [];
        for (let i = first; i <= last; i++)
          c.push({ x: xs[i] ?? 0, y: ys[i] ?? 0, on: ((flags[i] ?? 0) & 1) === 1 });
        contours.push(c);
        first = last + 1;
      }
      return contours;
    }
    const contours: GlyphOutline['contours'] = [];
    for (;;) {
      const flags = v.getUint16(p);
      const child = v.getUint16(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = v.getInt16(p);
        dy = v.getInt16(p + 2);
        p += 4;
      } else {
        dx = v.getInt8(p);
        dy = v.getInt8(p + 1);
        p += 2;
      }
      if (!(flags & 2)) dx = dy = 0; // point-matched components: not used by the fonts we print with
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2 = (at: number) => v.getInt16(at) / 16384;
      if (flags & 8) {
        a = d = f2(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2(p);
        d = f2(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        [a, b, c, d] = [f2(p), f2(p + 2), f2(p + 4), f2(p + 6)];
        p += 8;
      }
      for (const contour of this.contoursOf(child, depth + 1)) {
        contours.push(
          contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, on: pt.on })),
        );
      }
      if (!(flags & 0x20)) break;
    }
    return contours;
  }
}

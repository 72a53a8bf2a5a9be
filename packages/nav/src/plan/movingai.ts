import { MovingAiFormatError } from '../errors.ts';
import { paddedGridFromMask, type PaddedGrid } from './grid.ts';

/** One MovingAI scenario: 0-based id after the version line, start, goal and the published optimum. */
export interface Scenario {
  readonly id: number;
  readonly bucket: number;
  readonly sx: number;
  readonly sy: number;
  readonly gx: number;
  readonly gy: number;
  readonly optimal: number;
}

/**
 * Parses a MovingAI `.map` (movingai.com/benchmarks/formats.html). '.', 'G' and 'S' are passable; '@',
 * 'O', 'T', 'W' and anything else blocked. Row 0 is the top line, x is the column. CRLF tolerated.
 */
export function parseMovingAiMap(text: string, file = 'map'): PaddedGrid {
  const lines = text.split(/\r?\n/);
  let height = -1;
  let width = -1;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === 'map') break;
    const [key, value] = line.split(/\s+/);
    if (key === 'height') height = Number(value);
    else if (key === 'width') width = Number(value);
    else if (key === 'type' || line === '') continue;
    else throw new MovingAiFormatError(file, i + 1, `unexpected header line '${line}'`);
  }
  if (i >= lines.length) throw new MovingAiFormatError(file, i, "missing 'map' line");
  if (!(Number.isInteger(height) && height > 0 && Number.isInteger(width) && width > 0)) {
    throw new MovingAiFormatError(file, i + 1, `bad or missing width/height (${width} x ${height})`);
  }
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = lines[i + 1 + y];
    if (row === undefined || row.length < width) {
      throw new MovingAiFormatError(file, i + 2 + y, `map row ${y} shorter than width ${width}`);
    }
    for (let x = 0; x < width; x++) {
      const c = row.charCodeAt(x);
      mask[y * width + x] = c === 46 || c === 71 || c === 83 ? 1 : 0; // . G S
    }
  }
  return paddedGridFromMask(width, height, mask);
}

/** Parses a version-1 `.scen` file (tab-separated: bucket, map, width, height, sx, sy, gx, gy, optimal). */
export function parseMovingAiScen(text: string, file = 'scen'): Scenario[] {
  const lines = text.split(/\r?\n/);
  if (!/^version\s+1(\.0)?\s*$/.test(lines[0] ?? '')) {
    throw new MovingAiFormatError(file, 1, "expected 'version 1'");
  }
  const out: Scenario[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const f = line.split('\t');
    if (f.length < 9)
      throw new MovingAiFormatError(file, i + 1, `expected 9 tab-separated fields, got ${f.length}`);
    const num = (k: number): number => {
      const v = Number(f[k]);
      if (!Number.isFinite(v)) throw new MovingAiFormatError(file, i + 1, `field ${k + 1} is not a number`);
      return v;
    };
    out.push({
      id: out.length,
      bucket: num(0),
      sx: num(4),
      sy: num(5),
      gx: num(6),
      gy: num(7),
      optimal: num(8),
    });
  }
  return out;
}

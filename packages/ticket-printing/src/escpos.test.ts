import { createRequire } from 'node:module';
import type { Language } from '@reception/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bitmap } from './bitmap.ts';
import { encodeTicket } from './escpos.ts';
import { sampleJob } from './sample-job.ts';
import { layoutTicket } from './ticket-layout.ts';

/** The parts of npos (an ESC/POS parser and decoder on npm, not written here) that the test uses. */
interface NposAst {
  error?: Error;
  tree: { ascii: string; fn?: string }[];
  entries: {
    type: string;
    data: { width: number; height: number; getPixel(x: number, y: number): number };
  }[];
}
const npos = createRequire(import.meta.url)('npos') as { parser(): { parse(raw: Buffer): Promise<NposAst> } };

/** Dots where npos's decoded image (0 = dot) and our bitmap disagree; all of them if the sizes differ. */
function differingDots(image: NposAst['entries'][number]['data'] | undefined, bitmap: Bitmap): number {
  if (!image || image.width !== bitmap.width || image.height !== bitmap.height)
    return bitmap.width * bitmap.height;
  let differing = 0;
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++) if ((image.getPixel(x, y) === 0) !== bitmap.get(x, y)) differing++;
  return differing;
}

/**
 * Our own reading of the byte stream by the ESC/POS rules, stricter than npos about what may appear:
 * every command is recognised, raster bands are decoded into an image.
 */
function decodeEscPos(bytes: Buffer): { commands: string[]; image: Bitmap } {
  const commands: string[] = [];
  const bands: { bytesPerRow: number; data: Buffer }[] = [];
  let i = 0;
  while (i < bytes.length) {
    const [b0, b1, b2] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const simple = (name: string, length: number) => {
      commands.push(name);
      i += length;
    };
    if (b0 === 0x1b && b1 === 0x40) simple('init', 2);
    else if (b0 === 0x1b && b1 === 0x61) simple(`align:${b2 ?? -1}`, 3);
    else if (b0 === 0x1b && b1 === 0x64) simple(`feed:${b2 ?? -1}`, 3);
    else if (b0 === 0x1d && b1 === 0x56 && b2 === 0x42) simple('cut', 4);
    else if (b0 === 0x1d && b1 === 0x76 && b2 === 0x30 && bytes[i + 3] === 0) {
      const bytesPerRow = bytes.readUInt16LE(i + 4);
      const rows = bytes.readUInt16LE(i + 6);
      commands.push(`raster:${bytesPerRow}x${rows}`);
      bands.push({ bytesPerRow, data: bytes.subarray(i + 8, i + 8 + bytesPerRow * rows) });
      i += 8 + bytesPerRow * rows;
    } else throw new Error(`unknown ESC/POS byte 0x${(b0 ?? 0).toString(16)} at ${i}`);
  }
  const width = (bands[0]?.bytesPerRow ?? 0) * 8;
  const data = Buffer.concat(bands.map((b) => b.data));
  return { commands, image: new Bitmap(width, data.length / (width / 8), data) };
}

const LANGUAGES: Language[] = ['vi', 'ur'];

describe('ESC/POS stream of a ticket', () => {
  const tickets = new Map<Language, Bitmap>();
  beforeAll(async () => {
    for (const language of LANGUAGES) {
      const { job, timeZone } = await sampleJob(language);
      tickets.set(language, layoutTicket(job, timeZone));
    }
  });

  it.each(LANGUAGES)(
    '%s: initialise, centre, raster bands, feed, cut; the bands are the preview exactly',
    (l) => {
      const bitmap = tickets.get(l) as Bitmap;
      expect(bitmap.width).toBe(576);
      const { commands, image } = decodeEscPos(encodeTicket(bitmap));
      expect(commands.slice(0, 2)).toEqual(['init', 'align:1']);
      expect(commands.slice(-2)).toEqual(['feed:4', 'cut']);
      expect(commands.filter((c) => c.startsWith('raster:72x'))).toHaveLength(Math.ceil(bitmap.height / 128));
      expect(image.diff(bitmap)).toBe(0);
      // The PNG preview is the same image, and something was drawn (text and a QR code).
      expect(Bitmap.fromPng(bitmap.toPng()).diff(bitmap)).toBe(0);
      expect(bitmap.ink() / (bitmap.width * bitmap.height)).toBeGreaterThan(0.05);
    },
  );

  it.each(LANGUAGES)('%s: npos, a third-party ESC/POS parser, decodes the same image', async (l) => {
    const bitmap = tickets.get(l) as Bitmap;
    const ast = await npos.parser().parse(encodeTicket(bitmap));
    expect(ast.error).toBeUndefined();
    const commands = ast.tree.map((n) => `${n.ascii}${n.fn ?? ''}`);
    expect(commands.slice(0, 2)).toEqual(['ESC@', 'ESCa']);
    expect(commands.slice(-2)).toEqual(['ESCd', 'GSV']);
    expect(commands.filter((c) => c === 'GSv0')).toHaveLength(Math.ceil(bitmap.height / 128));
    const rasters = ast.entries.filter((e) => e.type === 'raster');
    expect(rasters).toHaveLength(1); // all bands form one image
    expect(differingDots(rasters[0]?.data, bitmap)).toBe(0);
  });
});

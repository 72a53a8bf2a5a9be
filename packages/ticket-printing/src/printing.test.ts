import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toCatalogue, type Language } from '@reception/protocol';
import { PNG } from 'pngjs';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import pino from 'pino';
import { loadSite } from '@reception/protocol/site-file';
import { sampleTicket, ticketTestSite } from '@reception/protocol/testing/ticket-site';
import { printOutcome, type PrintJob } from './ticket-printer.ts';
import { Bitmap, drawText, measureText } from './bitmap.ts';
import { encodeTicket, PAPER_STATUS_REQUEST } from './escpos.ts';
import { SerialTicketPrinter } from './serial-ticket-printer.ts';
import { bundledScriptFonts } from './script-fonts.ts';
import { drawMixed, measureMixed, ShapingFont } from './shaped-text.ts';
import { layoutTicket, OWN_WORDS, PAPER_DOTS } from './ticket-layout.ts';
import { TrueTypeFont } from './ttf-font.ts';
import { sfntFromWoff } from './woff.ts';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const site = ticketTestSite();
const font = TrueTypeFont.fromFile(FONT);

function job(): PrintJob {
  const id = randomUUID();
  const ticket = sampleTicket({ id, created_at: '2026-11-23T02:15:00.000Z' });
  return {
    ticket,
    site: toCatalogue(site),
    position: 3,
    estimated_wait_min: 10,
    counters: [2],
    qr_url: `http://bridge/rate/${id}`,
  };
}

/** The parts of npos (an ESC/POS parser and decoder on npm, not written here) that the test uses. */
interface NposAst {
  error?: Error;
  tree: { ascii: string; fn?: string }[];
  entries: {
    type: string;
    nodes: unknown[];
    data: { width: number; height: number; getPixel(x: number, y: number): number };
  }[];
}
const npos = createRequire(import.meta.url)('npos') as { parser(): { parse(raw: Buffer): Promise<NposAst> } };

/** Pixels where npos's decoded image (0 = dot) and our bitmap (1 = dot) disagree; all of them if none. */
function differingPixels(image: NposAst['entries'][number]['data'] | undefined, bitmap: Bitmap): number {
  if (!image || image.width !== bitmap.width || image.height !== bitmap.height) return bitmap.pixels.length;
  let differing = 0;
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++)
      if ((image.getPixel(x, y) === 0) !== (bitmap.pixels[y * bitmap.width + x] === 1)) differing++;
  return differing;
}

/**
 * Our own reading of the byte stream by the ESC/POS rules, stricter than npos about what may appear:
 * every command is recognised, raster bands are decoded into an image.
 */
function decodeEscPos(bytes: Buffer): { commands: string[]; image: Bitmap } {
  const commands: string[] = [];
  const bands: { width: number; rows: number; data: Buffer }[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i];
    const b1 = bytes[i + 1];
    const simple = (name: string, length: number) => {
      commands.push(name);
      i += length;
    };
    if (b0 === 0x1b && b1 === 0x40) simple('init', 2);
    else if (b0 === 0x1b && b1 === 0x61) simple(`align:${bytes[i + 2] ?? -1}`, 3);
    else if (b0 === 0x1b && b1 === 0x64) simple(`feed:${bytes[i + 2] ?? -1}`, 3);
    else if (b0 === 0x1d && b1 === 0x56 && bytes[i + 2] === 0x42) simple('cut', 4);
    else if (b0 === 0x1d && b1 === 0x76 && bytes[i + 2] === 0x30) {
      const xBytes = bytes.readUInt16LE(i + 4);
      const rows = bytes.readUInt16LE(i + 6);
      commands.push(`raster:${xBytes}x${rows}`);
      bands.push({ width: xBytes, rows, data: bytes.subarray(i + 8, i + 8 + xBytes * rows) });
      i += 8 + xBytes * rows;
    } else throw new Error(`unknown ESC/POS byte 0x${(b0 ?? 0).toString(16)} at ${i}`);
  }
  const width = (bands[0]?.width ?? 0) * 8;
  const image = new Bitmap(
    width,
    bands.reduce((n, b) => n + b.rows, 0),
  );
  let top = 0;
  for (const band of bands) {
    for (let y = 0; y < band.rows; y++)
      for (let x = 0; x < width; x++)
        if (((band.data[y * band.width + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0) image.set(x, top + y);
    top += band.rows;
  }
  return { commands, image };
}

describe('ticket printing', () => {
  it('lays out the ticket on 80 mm paper and the ESC/POS stream reproduces the preview exactly', () => {
    const bitmap = layoutTicket(job(), font, site.timezone);
    expect(bitmap.width).toBe(576);
    expect(bitmap.height).toBeGreaterThan(600);
    const bytes = encodeTicket(bitmap);
    const { commands, image } = decodeEscPos(bytes);
    expect(commands[0]).toBe('init');
    expect(commands[1]).toBe('align:1');
    expect(commands.slice(-2)).toEqual(['feed:4', 'cut']);
    expect(commands.filter((c) => c.startsWith('raster:72x')).length).toBe(Math.ceil(bitmap.height / 128));
    expect(image.height).toBe(bitmap.height);
    expect(Buffer.from(image.pixels).equals(Buffer.from(bitmap.pixels))).toBe(true);
    // The PNG preview is the same image.
    const png = PNG.sync.read(bitmap.toPng());
    let black = 0;
    for (let p = 0; p < png.width * png.height; p++) if (png.data[p * 4] === 0) black++;
    expect(black).toBe(bitmap.pixels.reduce((n, v) => n + v, 0));
    expect(black / (png.width * png.height)).toBeGreaterThan(0.05); // text and QR actually drawn
  });

  it('npos, a third-party ESC/POS parser, reads the stream and decodes the same image', async () => {
    const bitmap = layoutTicket(job(), font, site.timezone);
    const ast = await npos.parser().parse(encodeTicket(bitmap));
    expect(ast.error).toBeUndefined();
    const commands = ast.tree.map((n) => `${n.ascii}${n.fn ?? ''}`);
    expect(commands.slice(0, 2)).toEqual(['ESC@', 'ESCa']);
    expect(commands.slice(-2)).toEqual(['ESCd', 'GSV']);
    expect(commands.filter((c) => c === 'GSv0')).toHaveLength(Math.ceil(bitmap.height / 128));
    const rasters = ast.entries.filter((e) => e.type === 'raster');
    expect(rasters).toHaveLength(1); // all bands form one image
    const image = rasters[0]?.data;
    expect([image?.width, image?.height]).toEqual([bitmap.width, bitmap.height]);
    expect(differingPixels(image, bitmap)).toBe(0);
  });

  it('draws Vietnamese precomposed letters from the font, not empty boxes', () => {
    const g = font.glyphIndex('ự'.codePointAt(0) ?? 0);
    expect(g).toBeGreaterThan(0);
    expect(font.glyph(g).contours.length).toBeGreaterThan(1); // letter + horn + dot
  });
});

describe('SerialTicketPrinter over a pseudo-terminal pair (socat)', () => {
  let dir: string;
  let socat: ChildProcess;
  let printerEnd: string;
  let hostEnd: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'printer-'));
    hostEnd = path.join(dir, 'host');
    printerEnd = path.join(dir, 'printer');
    socat = spawn('socat', [`pty,raw,echo=0,link=${hostEnd}`, `pty,raw,echo=0,link=${printerEnd}`]);
    for (let i = 0; i < 100 && !(existsSync(hostEnd) && existsSync(printerEnd)); i++)
      await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    socat.kill();
    await rm(dir, { recursive: true, force: true });
  });

  const printer = () =>
    new SerialTicketPrinter({
      path: hostEnd,
      baudRate: 19200,
      font,
      timeZone: () => site.timezone,
      log: pino({ level: 'silent' }),
      statusTimeoutMs: 200,
    });

  async function listen(answer?: number): Promise<{ port: SerialPort; received: () => Buffer }> {
    const port = new SerialPort({ path: printerEnd, baudRate: 19200 });
    await new Promise<void>((r) => port.once('open', () => r()));
    const chunks: Buffer[] = [];
    port.on('data', (d: Buffer) => {
      chunks.push(d);
      if (
        answer !== undefined &&
        Buffer.concat(chunks).subarray(0, 3).equals(PAPER_STATUS_REQUEST) &&
        chunks.length === 1
      ) {
        port.write(Buffer.from([answer]));
      }
    });
    return { port, received: () => Buffer.concat(chunks) };
  }

  it('writes the status request, then exactly the encoded ticket', async () => {
    const { port, received } = await listen(0x12); // paper present
    const j = job();
    await printer().print(j);
    const expected = Buffer.concat([
      PAPER_STATUS_REQUEST,
      encodeTicket(layoutTicket(j, font, site.timezone)),
    ]);
    for (let i = 0; i < 100 && received().length < expected.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(received().equals(expected)).toBe(true);
    await new Promise<void>((r) => port.close(() => r()));
  });

  it('reports paper out and an absent printer as a failed print, never as a lost ticket', async () => {
    const { port } = await listen(0x72); // paper end sensor
    const out = await printOutcome(printer(), job());
    expect(out).toEqual({ status: 'failed', message: 'printer is out of paper' });
    await new Promise<void>((r) => port.close(() => r()));
    const gone = new SerialTicketPrinter({
      path: path.join(dir, 'nope'),
      baudRate: 19200,
      font,
      timeZone: () => site.timezone,
      log: pino({ level: 'silent' }),
    });
    const missing = await printOutcome(gone, job());
    expect(missing.status).toBe('failed');
  });
});

describe('Hindi and Urdu on paper (HarfBuzz shaping)', () => {
  const scripts = bundledScriptFonts();
  const hi = scripts.hi as ShapingFont;
  const ur = scripts.ur as ShapingFont;
  const resolveFont = (spec: string) => createRequire(import.meta.url).resolve(spec);
  const devanagariWoff = resolveFont(
    '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff',
  );

  it('unwraps WOFF into a font our own outline reader accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const ttf = new TrueTypeFont(sfntFromWoff(readFileSync(devanagariWoff)));
    expect(ttf.unitsPerEm).toBe(hi.unitsPerEm);
    expect(ttf.glyphIndex(0x0915)).toBeGreaterThan(0); // क
  });

  it('shapes Devanagari: the i sign goes before its consonant, ksha is one conjunct', async () => {
    const { readFileSync } = await import('node:fs');
    const cmap = new TrueTypeFont(sfntFromWoff(readFileSync(devanagariWoff)));
    // कि: stored consonant first, printed with the vowel sign on the left.
    const ki = hi.shape('कि').map((g) => g.gid);
    expect(ki).toHaveLength(2);
    expect(ki[1]).toBe(cmap.glyphIndex(0x0915)); // (the font picks a sign width to suit the consonant)
    expect(ki[0]).not.toBe(cmap.glyphIndex(0x0915));
    const ksha = hi.shape('क्ष'); // three code points
    expect(ksha).toHaveLength(1);
    expect(ksha[0]?.gid).not.toBe(cmap.glyphIndex(0x0915));
  });

  it('draws dashes and brackets with the Latin font, no empty boxes', () => {
    const mixed = { latin: font, script: hi, rtl: false };
    const withDash = new Bitmap(PAPER_DOTS, 80);
    drawMixed(withDash, mixed, 'काउंटर 3 – प्रमाणीकरण', 10, 50, 24);
    const dashAlone = new Bitmap(PAPER_DOTS, 80);
    const x = 10 + measureMixed(mixed, 'काउंटर 3', 24) + measureText(font, ' ', 24);
    drawText(dashAlone, font, '–', x, 50, 24);
    for (let y = 0; y < 80; y++)
      for (let c = 0; c < PAPER_DOTS; c++) if (dashAlone.get(c, y)) expect(withDash.get(c, y)).toBe(true);
  });

  it('shapes Urdu right to left and puts Latin digits in their place', () => {
    const shaped = ur.shape('آپ کا نمبر');
    const clusters = shaped.map((g) => g.cluster);
    expect(clusters[0]).toBeGreaterThan(clusters.at(-1) ?? 0); // visual order: last letter leftmost
    const mixed = { latin: font, script: ur, rtl: true };
    const line = 'کاؤنٹر 3, 4';
    const a = new Bitmap(PAPER_DOTS, 80);
    drawMixed(a, mixed, line, 10, 50, 24);
    const digits = new Bitmap(PAPER_DOTS, 80);
    const w = drawText(digits, font, '3, 4', 10, 50, 24);
    // The digits come first from the left (an RTL line), drawn exactly as on their own.
    for (let y = 0; y < 80; y++)
      for (let x = 0; x < PAPER_DOTS; x++) if (digits.get(x, y)) expect(a.get(x, y)).toBe(true);
    let urduInk = 0;
    for (let y = 0; y < 80; y++)
      for (let x = Math.ceil(10 + w + 1); x < PAPER_DOTS; x++) if (a.get(x, y)) urduInk++;
    expect(urduInk).toBeGreaterThan(100);
    expect(measureMixed(mixed, line, 24)).toBeLessThan(PAPER_DOTS);
  });

  it('has every printed Hindi and Urdu word in its font (no empty boxes)', async () => {
    const { site } = await loadSite(`${REPO_ROOT}/sites/demo-ward/site.yaml`);
    for (const [lang, f] of [
      ['hi', hi],
      ['ur', ur],
    ] as const) {
      const w = OWN_WORDS[lang];
      const texts = [
        w.yourNumber,
        w.counters(''),
        w.ahead(0),
        w.ahead(3),
        w.wait(10),
        w.scan,
        ...site.services.map((sv) => sv.name[lang] ?? ''),
      ];
      for (const text of texts) {
        // What the script font draws: Devanagari and Arabic letters (the rest uses the Latin font).
        const words = text.split(/[^\u0900-\u097f\u0600-\u06ff\u200c\u200d]+/).filter(Boolean);
        for (const word of words)
          expect(
            f.shape(word).filter((g) => g.gid === 0),
            `${lang}: ${word}`,
          ).toEqual([]);
      }
    }
  });

  it('prints a Hindi ticket with its own lines, and the stream still reproduces the preview', async () => {
    const base = job();
    const forLanguage = (language: Language) => ({ ...base, ticket: { ...base.ticket, language } });
    const { site } = await loadSite(`${REPO_ROOT}/sites/demo-ward/site.yaml`);
    const catalogue = toCatalogue(site);
    const ticketIn = (language: Language) =>
      layoutTicket({ ...forLanguage(language), site: catalogue }, font, site.timezone, PAPER_DOTS, scripts);
    const vi = ticketIn('vi');
    const hiTicket = ticketIn('hi');
    expect(hiTicket.height).toBeGreaterThan(vi.height + 100); // label, service name, counters, wait, scan
    const ast = await npos.parser().parse(encodeTicket(hiTicket));
    expect(ast.error).toBeUndefined();
    const image = ast.entries.find((e) => e.type === 'raster')?.data;
    expect(differingPixels(image, hiTicket)).toBe(0);
  });
});

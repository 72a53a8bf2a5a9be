import { PNG } from 'pngjs';

/** An 8-bit greyscale raster, row 0 at the top (image order). */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes binary (P5) or ASCII (P2) PGM; 16-bit samples are scaled to 8 bits. */
export function decodePgm(bytes: Uint8Array): GreyImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && isSpace(bytes[pos] ?? 0)) pos++;
      if (bytes[pos] === 35) {
        while (pos < bytes.length && bytes[pos] !== 10 && bytes[pos] !== 13) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < bytes.length && !isSpace(bytes[pos] ?? 0)) pos++;
    if (start === pos) throw new Error('truncated PGM header');
    return new TextDecoder().decode(bytes.subarray(start, pos));
  };
  const magic = token();
  if (magic !== 'P5' && magic !== 'P2') throw new Error(`not a PGM file (magic '${magic.slice(0, 2)}')`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) {
    throw new Error(`bad PGM size ${width} x ${height}`);
  }
  if (!(maxval > 0 && maxval < 65536)) throw new Error(`bad PGM maxval ${maxval}`);
  const n = width * height;
  const data = new Uint8Array(n);
  if (magic === 'P5') {
    pos++; // the single whitespace after maxval
    const wide = maxval > 255;
    const need = n * (wide ? 2 : 1);
    if (bytes.length - pos < need)
      throw new Error(`PGM pixel data truncated: ${bytes.length - pos} of ${need} bytes`);
    for (let i = 0; i < n; i++) {
      const v = wide
        ? ((bytes[pos + 2 * i] ?? 0) << 8) | (bytes[pos + 2 * i + 1] ?? 0)
        : (bytes[pos + i] ?? 0);
      data[i] = Math.round((v * 255) / maxval);
    }
  } else {
    for (let i = 0; i < n; i++) data[i] = Math.round((Number(token()) * 255) / maxval);
  }
  return { width, height, data };
}

export function encodePgm(image: GreyImage, comment?: string): Uint8Array {
  const header = `P5\n${comment ? `# ${comment}\n` : ''}${image.width} ${image.height}\n255\n`;
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(head.length + image.data.length);
  out.set(head);
  out.set(image.data, head.length);
  return out;
}

/** Decodes a PNG to greyscale as map_server does: the mean of the colour channels (alpha ignored). */
export function decodePngGrey(bytes: Uint8Array): GreyImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const n = png.width * png.height;
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = png.data[4 * i] ?? 0;
    const g = png.data[4 * i + 1] ?? 0;
    const b = png.data[4 * i + 2] ?? 0;
    data[i] = Math.round((r + g + b) / 3);
  }
  return { width: png.width, height: png.height, data };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

import type { Bitmap } from './bitmap.ts';

const ESC = 0x1b;
const GS = 0x1d;

/** Rows per GS v 0 command: small bands keep within the input buffer of cheap printers. */
const BAND_ROWS = 128;

/**
 * ESC/POS byte stream of a bitmap ticket: initialise (ESC @), centre (ESC a 1), the image as raster bit
 * image bands (GS v 0, normal density, MSB = leftmost dot), feed 4 lines (ESC d 4), partial cut after a
 * feed (GS V 66 0). Pure: the same bitmap always gives the same bytes.
 */
export function encodeTicket(b: Bitmap): Buffer {
  const parts: Buffer[] = [Buffer.from([ESC, 0x40, ESC, 0x61, 0x01])];
  for (let top = 0; top < b.height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, b.height - top);
    const head = Buffer.from([
      GS,
      0x76,
      0x30,
      0x00,
      b.bytesPerRow & 0xff,
      b.bytesPerRow >> 8,
      rows & 0xff,
      rows >> 8,
    ]);
    // The bitmap's rows are already raster bytes (MSB = leftmost dot, 1 = black).
    parts.push(head, Buffer.from(b.data.subarray(top * b.bytesPerRow, (top + rows) * b.bytesPerRow)));
  }
  parts.push(Buffer.from([ESC, 0x64, 0x04, GS, 0x56, 0x42, 0x00]));
  return Buffer.concat(parts);
}

/** DLE EOT 4: real-time paper sensor status request; the printer answers one byte. */
export const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);

/** Bits 5 and 6 of the DLE EOT 4 answer: paper end detected. */
export function paperOut(status: number): boolean {
  return (status & 0x60) === 0x60;
}

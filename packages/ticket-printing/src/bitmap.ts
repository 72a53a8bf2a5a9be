import { decode, encode } from 'fast-png';

/**
 * A 1-bit image, what a thermal printer prints: rows of packed bits, the most significant bit the
 * leftmost dot, 1 = a black dot. This is the ESC/POS raster format byte for byte (see `encodeTicket`),
 * and a 1-bit grey PNG with the bits inverted (PNG's 0 is black).
 */
export class Bitmap {
  readonly bytesPerRow: number;
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    data?: Uint8Array,
  ) {
    this.bytesPerRow = Math.ceil(width / 8);
    this.data = data ?? new Uint8Array(this.bytesPerRow * height);
    if (this.data.length !== this.bytesPerRow * height)
      throw new RangeError(`bitmap ${width}x${height} needs ${this.bytesPerRow * height} bytes`);
  }

  get(x: number, y: number): boolean {
    return ((this.data[y * this.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
  }

  /** Number of black dots. */
  ink(): number {
    let n = 0;
    for (let y = 0; y < this.height; y++) for (let x = 0; x < this.width; x++) if (this.get(x, y)) n++;
    return n;
  }

  /** Dots where this and `other` differ; every dot of the larger one when their sizes differ. */
  diff(other: Bitmap): number {
    if (other.width !== this.width || other.height !== this.height)
      return Math.max(this.width * this.height, other.width * other.height);
    let n = 0;
    for (let y = 0; y < this.height; y++)
      for (let x = 0; x < this.width; x++) if (this.get(x, y) !== other.get(x, y)) n++;
    return n;
  }

  /** Thresholds an RGBA image (black ink on white) at half intensity of its red channel. */
  static fromRgba(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Bitmap {
    const b = new Bitmap(width, height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if ((rgba[(y * width + x) * 4] ?? 255) < 128) {
          const at = y * b.bytesPerRow + (x >> 3);
          b.data[at] = (b.data[at] ?? 0) | (0x80 >> (x & 7));
        }
    return b;
  }

  /** A 1-bit grey PNG (what the preview writes and the golden tests compare). */
  toPng(): Uint8Array {
    return encode({
      width: this.width,
      height: this.height,
      depth: 1,
      channels: 1,
      data: this.data.map((v) => ~v & 0xff),
    });
  }

  /** Reads a PNG written by `toPng`; throws on any other kind (the goldens must stay 1-bit). */
  static fromPng(png: Uint8Array): Bitmap {
    const image = decode(png);
    if (image.depth !== 1 || image.channels !== 1)
      throw new RangeError(`expected a 1-bit grey PNG, got depth ${image.depth}, ${image.channels} channels`);
    return new Bitmap(
      image.width,
      image.height,
      Uint8Array.from(image.data, (v) => ~v & 0xff),
    );
  }
}

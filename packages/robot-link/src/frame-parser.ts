/**
 * Stream side of the codec: splits bytes at 0x00, decodes each block and pushes decoded frames (object
 * mode). Corrupt blocks are dropped and counted, never repaired; after any corruption the parser is
 * back in sync at the next 0x00. An over-long block (a lost delimiter) is discarded up to the next 0x00.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { cobsMaxEncodedLength } from './cobs.ts';
import { CRC_LENGTH, decodeFrame, HEADER_LENGTH, type DecodeErrorKind, type Frame } from './codec.ts';
import { MAX_PAYLOAD } from './messages.generated.ts';

export const MAX_BLOCK = cobsMaxEncodedLength(HEADER_LENGTH + MAX_PAYLOAD + CRC_LENGTH);

export type ParserErrorKind = DecodeErrorKind | 'overflow';

export interface ParserStats {
  bytes: number;
  frames: number;
  errors: Record<ParserErrorKind, number>;
}

export const emptyParserErrors = (): Record<ParserErrorKind, number> => ({
  cobs: 0,
  short: 0,
  version: 0,
  length: 0,
  unknown_msg: 0,
  crc: 0,
  payload: 0,
  overflow: 0,
});

/** Pure incremental splitter/decoder; `FrameParser` wraps it in a Transform. */
export class FrameDecoder {
  readonly stats: ParserStats = { bytes: 0, frames: 0, errors: emptyParserErrors() };
  private readonly block = new Uint8Array(MAX_BLOCK);
  private length = 0;
  private overflowed = false;

  constructor(
    private readonly onFrame: (frame: Frame) => void,
    private readonly onError: (kind: ParserErrorKind, detail: string) => void = () => undefined,
  ) {}

  push(chunk: Uint8Array): void {
    this.stats.bytes += chunk.length;
    for (const byte of chunk) {
      if (byte !== 0) {
        if (this.length < MAX_BLOCK) this.block[this.length++] = byte;
        else this.overflowed = true;
        continue;
      }
      if (this.overflowed) this.fail('overflow', `block longer than ${MAX_BLOCK} bytes`);
      else if (this.length > 0) {
        const result = decodeFrame(this.block.subarray(0, this.length));
        if (result.ok) {
          this.stats.frames++;
          this.onFrame(result.frame);
        } else this.fail(result.error.error, result.error.detail);
      }
      this.length = 0;
      this.overflowed = false;
    }
  }

  /** Drops a partial block, e.g. when the port is reopened. */
  reset(): void {
    this.length = 0;
    this.overflowed = false;
  }

  private fail(kind: ParserErrorKind, detail: string): void {
    this.stats.errors[kind]++;
    this.onError(kind, detail);
  }
}

/** Transform: bytes in, decoded `Frame` objects out. Emits 'frame-error' (kind, detail) for dropped blocks. */
export class FrameParser extends Transform {
  private readonly decoder: FrameDecoder;

  constructor() {
    super({ readableObjectMode: true });
    this.decoder = new FrameDecoder(
      (frame) => this.push(frame),
      (kind, detail) => this.emit('frame-error', kind, detail),
    );
  }

  get stats(): ParserStats {
    return this.decoder.stats;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.decoder.push(chunk);
    callback();
  }
}

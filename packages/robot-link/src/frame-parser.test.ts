import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cobsEncode } from './cobs.ts';
import { encodeFrame, encodeRawFrame, type Frame } from './codec.ts';
import { FrameParser } from './frame-parser.ts';

describe('FrameParser (Transform)', () => {
  it('turns a damaged byte stream into the intact frames and counts what it dropped', async () => {
    const hb = (seq: number) => encodeFrame('HEARTBEAT', { uptime_ms: seq, mode: 0, status: 0 }, { seq });
    const raw = encodeRawFrame('HEARTBEAT', { uptime_ms: 2, mode: 0, status: 0 }, { seq: 2 });
    raw[9]! ^= 0x10; // a payload bit: framing intact, CRC wrong
    const corrupt = Buffer.concat([cobsEncode(raw), Buffer.from([0])]);
    const bytes = Buffer.concat(
      [hb(1), corrupt, Buffer.from([0x13, 0x37, 0x00]), hb(3)].map((b) => Buffer.from(b)),
    );
    // Split at awkward places, as a serial port delivers it.
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 17), bytes.subarray(17)];
    const parser = new FrameParser();
    const errors: string[] = [];
    parser.on('frame-error', (kind: string) => errors.push(kind));
    const frames: Frame[] = [];
    await new Promise<void>((resolve, reject) => {
      Readable.from(chunks)
        .pipe(parser)
        .on('data', (f: Frame) => frames.push(f))
        .on('end', resolve)
        .on('error', reject);
    });
    expect(frames.map((f) => f.seq)).toEqual([1, 3]);
    expect(errors).toEqual(['crc', 'cobs']);
    expect(parser.stats).toMatchObject({ frames: 2, bytes: bytes.length, errors: { crc: 1, cobs: 1 } });
  });
});

/**
 * Decoder fuzzing: random bytes, random valid frames with mutations, truncations and splices, fed to
 * FrameDecoder in random chunk sizes. Any exception is a crash. Optionally streams the same garbage into
 * a serial port so the base's decoder is exercised too (the caller then checks the base still answers).
 */
import { encodeFrame } from './codec.ts';
import { prng } from '@reception/testkit/prng';
import { FrameDecoder } from './frame-parser.ts';
import { MESSAGES } from './messages.generated.ts';

export interface FuzzResult {
  seconds: number;
  bytes: number;
  frames: number;
  dropped: number;
  crashes: number;
  first_crash?: string;
}

/** Produces one chunk of hostile input: mostly mutated valid frames, sometimes pure noise. */
export function fuzzChunk(random: () => number): Uint8Array {
  const r = random();
  if (r < 0.3)
    return Uint8Array.from({ length: 1 + Math.floor(random() * 600) }, () => Math.floor(random() * 256));
  const def = MESSAGES[Math.floor(random() * MESSAGES.length)] ?? MESSAGES[0];
  const raw = new Uint8Array(8 + Math.floor(random() * 240) + 2);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(random() * 256);
  let frame: Uint8Array;
  if (r < 0.5) {
    // A valid HEARTBEAT / safety ack to splice in, so some frames decode.
    frame = encodeFrame(
      'HEARTBEAT',
      { uptime_ms: Math.floor(random() * 1e6), mode: 0, status: 0 },
      { seq: 1 },
    );
  } else {
    raw[0] = 1;
    raw[6] = def.id;
    raw[7] = Math.floor(random() * 256);
    frame = Uint8Array.from(raw);
  }
  const mutated = Array.from(frame);
  const flips = Math.floor(random() * 3);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(random() * mutated.length);
    mutated[at] = (mutated[at] ?? 0) ^ (1 << Math.floor(random() * 8));
  }
  if (random() < 0.2) mutated.length = Math.floor(random() * mutated.length);
  if (random() < 0.3) mutated.push(0);
  return Uint8Array.from(mutated);
}

export function fuzzDecoder(seconds: number, seed = 1, sink?: (chunk: Uint8Array) => void): FuzzResult {
  const random = prng(seed);
  const decoder = new FrameDecoder(() => undefined);
  const result: FuzzResult = { seconds, bytes: 0, frames: 0, dropped: 0, crashes: 0 };
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) {
      const chunk = fuzzChunk(random);
      result.bytes += chunk.length;
      sink?.(chunk);
      try {
        let o = 0;
        while (o < chunk.length) {
          const n = 1 + Math.floor(random() * 64);
          decoder.push(chunk.subarray(o, o + n));
          o += n;
        }
      } catch (error) {
        result.crashes++;
        result.first_crash ??= error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
    }
  }
  result.frames = decoder.stats.frames;
  result.dropped = Object.values(decoder.stats.errors).reduce((a, b) => a + b, 0);
  return result;
}

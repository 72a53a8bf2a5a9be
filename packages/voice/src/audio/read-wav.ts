import { readFile } from 'node:fs/promises';
import { WavFormatError } from '../errors.ts';
import { resample } from './resample.ts';
import { decodeWav, type WavInfo } from './wav.ts';

export const SAMPLE_RATE = 16000;

export interface Audio16k {
  /** Mono samples in [-1, 1] at 16 kHz. */
  samples: Float32Array;
  /** What the file was before conversion. */
  source: WavInfo;
}

/** Decodes a WAV buffer and converts it to 16 kHz mono. */
export function wavTo16kMono(bytes: Uint8Array): Audio16k {
  const wav = decodeWav(bytes);
  const { samples, ...source } = wav;
  return { samples: resample(samples, wav.sampleRate, SAMPLE_RATE), source };
}

/** Reads a WAV file from disk as 16 kHz mono; a missing or unreadable file is a `WavFormatError` too. */
export async function readWav16k(path: string): Promise<Audio16k> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new WavFormatError('wav_corrupt', `cannot read ${path}: ${code}`);
  }
  try {
    return wavTo16kMono(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    if (e instanceof WavFormatError) throw new WavFormatError(e.code, `${path}: ${e.message}`);
    throw e;
  }
}

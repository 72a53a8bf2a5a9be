/**
 * WAV decoding (pure): RIFF/WAVE with PCM 8-bit unsigned, 16/24/32-bit signed, IEEE float 32/64-bit, or
 * WAVE_FORMAT_EXTENSIBLE wrapping one of those; any channel count is mixed down to mono.
 * Every failure is a `WavFormatError` whose message says what is wrong with the file.
 */
import { WavFormatError } from '../errors.ts';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  encoding: 'pcm' | 'float';
  /** Frames (samples per channel) actually present. */
  frames: number;
  /** True when the data chunk claimed more bytes than the file holds (streamed or cut-off WAV). */
  truncated: boolean;
}

export interface WavAudio extends WavInfo {
  /** Mono samples in [-1, 1] at `sampleRate`. */
  samples: Float32Array;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
export const MIN_RATE = 4000;
export const MAX_RATE = 384000;

function fourcc(buf: Uint8Array, at: number): string {
  return String.fromCharCode(buf[at] ?? 0, buf[at + 1] ?? 0, buf[at + 2] ?? 0, buf[at + 3] ?? 0);
}

interface Fmt {
  format: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
}

function parseFmt(view: DataView, at: number, size: number): Fmt {
  if (size < 16) throw new WavFormatError('wav_corrupt', `fmt chunk is ${size} bytes, needs at least 16`);
  let format = view.getUint16(at, true);
  const fmt: Fmt = {
    format,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    blockAlign: view.getUint16(at + 12, true),
    bits: view.getUint16(at + 14, true),
  };
  if (format === FORMAT_EXTENSIBLE) {
    if (size < 40)
      throw new WavFormatError('wav_corrupt', 'WAVE_FORMAT_EXTENSIBLE fmt chunk shorter than 40 bytes');
    format = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
    fmt.format = format;
  }
  return fmt;
}

function checkFmt(f: Fmt): 'pcm' | 'float' {
  if (f.channels === 0) throw new WavFormatError('wav_corrupt', 'fmt chunk says 0 channels');
  if (f.sampleRate < MIN_RATE || f.sampleRate > MAX_RATE) {
    throw new WavFormatError(
      'wav_unsupported',
      `sample rate ${f.sampleRate} Hz outside ${MIN_RATE}-${MAX_RATE} Hz`,
    );
  }
  let encoding: 'pcm' | 'float';
  if (f.format === FORMAT_PCM && [8, 16, 24, 32].includes(f.bits)) encoding = 'pcm';
  else if (f.format === FORMAT_FLOAT && (f.bits === 32 || f.bits === 64)) encoding = 'float';
  else {
    throw new WavFormatError(
      'wav_unsupported',
      `format ${f.format} with ${f.bits} bits per sample (supported: PCM 8/16/24/32-bit, float 32/64-bit)`,
    );
  }
  if (f.blockAlign !== (f.bits / 8) * f.channels) {
    throw new WavFormatError(
      'wav_corrupt',
      `block align ${f.blockAlign} does not match ${f.channels} x ${f.bits} bits`,
    );
  }
  return encoding;
}

function sampleReader(view: DataView, bits: number, encoding: 'pcm' | 'float'): (at: number) => number {
  if (encoding === 'float') {
    return bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  }
  switch (bits) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => {
        const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return v / 8388608;
      };
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/** Decodes a whole WAV file held in memory. */
export function decodeWav(bytes: Uint8Array): WavAudio {
  if (bytes.length === 0) throw new WavFormatError('wav_empty', 'the file is empty (0 bytes)');
  if (bytes.length < 12 || fourcc(bytes, 0) !== 'RIFF' || fourcc(bytes, 8) !== 'WAVE') {
    throw new WavFormatError('wav_corrupt', 'not a RIFF/WAVE file (missing "RIFF....WAVE" header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Fmt | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = fourcc(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (body + Math.min(size, 16) > bytes.length)
        throw new WavFormatError('wav_corrupt', 'fmt chunk cut off');
      fmt = parseFmt(view, body, Math.min(size, bytes.length - body));
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('wav_corrupt', 'data chunk before any fmt chunk');
      const encoding = checkFmt(fmt);
      const available = bytes.length - body;
      const truncated = size > available;
      const frames = Math.floor(Math.min(size, available) / fmt.blockAlign);
      if (frames === 0) throw new WavFormatError('wav_empty', 'the data chunk holds no audio');
      const read = sampleReader(view, fmt.bits, encoding);
      const bytesPer = fmt.bits / 8;
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        const frameAt = body + i * fmt.blockAlign;
        for (let c = 0; c < fmt.channels; c++) sum += read(frameAt + c * bytesPer);
        const v = sum / fmt.channels;
        samples[i] = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
      }
      return {
        sampleRate: fmt.sampleRate,
        channels: fmt.channels,
        bitsPerSample: fmt.bits,
        encoding,
        frames,
        truncated,
        samples,
      };
    }
    at = body + size + (size & 1);
  }
  throw new WavFormatError('wav_corrupt', fmt ? 'no data chunk' : 'no fmt chunk');
}

/** Bytes of the header that `wav16Header` writes before the samples. */
export const WAV16_HEADER_BYTES = 44;

/**
 * The 44-byte header of a mono 16-bit PCM WAV file holding `dataBytes` of samples (a file written as it
 * is recorded rewrites it as the data grows).
 */
export function wav16Header(dataBytes: number, sampleRate: number): Uint8Array {
  const out = new Uint8Array(WAV16_HEADER_BYTES);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return out;
}

/** Encodes mono float samples as a 16-bit PCM WAV file (used for test fixtures and speech output). */
export function encodeWav16(samples: Float32Array, sampleRate: number): Uint8Array {
  const out = new Uint8Array(WAV16_HEADER_BYTES + samples.length * 2);
  out.set(wav16Header(samples.length * 2, sampleRate));
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(WAV16_HEADER_BYTES + i * 2, Math.round(v < 0 ? v * 32768 : v * 32767), true);
  }
  return out;
}

/** Builds WAV files of any layout in memory, for tests (not a general encoder). */
export interface WavSpec {
  rate: number;
  channels: number;
  bits: 8 | 16 | 24 | 32 | 64;
  format?: 'pcm' | 'float' | 'extensible-pcm' | 'extensible-float';
  /** Channel-interleaved samples in [-1, 1]; frames = length / channels. */
  samples: ArrayLike<number>;
  /** Extra chunk before fmt (tests that unknown chunks are skipped), odd-sized to test padding. */
  junk?: boolean;
}

export function buildWav(spec: WavSpec): Uint8Array {
  const bytesPer = spec.bits / 8;
  const dataLen = spec.samples.length * bytesPer;
  const ext = spec.format?.startsWith('extensible') ?? false;
  const fmtLen = ext ? 40 : 16;
  const junkLen = spec.junk ? 8 + 5 + 1 : 0;
  const out = new Uint8Array(12 + junkLen + 8 + fmtLen + 8 + dataLen);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, out.length - 8, true);
  ascii(8, 'WAVE');
  let at = 12;
  if (spec.junk) {
    ascii(at, 'LIST');
    v.setUint32(at + 4, 5, true);
    at += junkLen;
  }
  const isFloat = spec.format === 'float' || spec.format === 'extensible-float';
  ascii(at, 'fmt ');
  v.setUint32(at + 4, fmtLen, true);
  v.setUint16(at + 8, ext ? 0xfffe : isFloat ? 3 : 1, true);
  v.setUint16(at + 10, spec.channels, true);
  v.setUint32(at + 12, spec.rate, true);
  v.setUint32(at + 16, spec.rate * spec.channels * bytesPer, true);
  v.setUint16(at + 20, spec.channels * bytesPer, true);
  v.setUint16(at + 22, spec.bits, true);
  if (ext) {
    v.setUint16(at + 24, 22, true);
    v.setUint16(at + 26, spec.bits, true);
    v.setUint16(at + 32, isFloat ? 3 : 1, true); // sub-format GUID starts with the format tag
  }
  at += 8 + fmtLen;
  ascii(at, 'data');
  v.setUint32(at + 4, dataLen, true);
  at += 8;
  for (let i = 0; i < spec.samples.length; i++, at += bytesPer) {
    const x = Math.max(-1, Math.min(1, spec.samples[i] ?? 0));
    if (isFloat) {
      if (spec.bits === 32) v.setFloat32(at, x, true);
      else v.setFloat64(at, x, true);
    } else if (spec.bits === 8) v.setUint8(at, Math.round(x * 127) + 128);
    else if (spec.bits === 16) v.setInt16(at, Math.round(x * 32767), true);
    else if (spec.bits === 24) {
      const n = Math.round(x * 8388607);
      v.setUint8(at, n & 0xff);
      v.setUint8(at + 1, (n >> 8) & 0xff);
      v.setInt8(at + 2, n >> 16);
    } else v.setInt32(at, Math.round(x * 2147483647), true);
  }
  return out;
}

export const sine = (f: number, rate: number, n: number, amp = 0.5): number[] =>
  Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * f * i) / rate));

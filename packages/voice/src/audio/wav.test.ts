import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WavFormatError } from '../errors.ts';
import { readWav16k, wavTo16kMono } from './read-wav.ts';
import { buildWav, sine } from './wav-fixtures.ts';
import { decodeWav, encodeWav16 } from './wav.ts';

function expectWavError(fn: () => unknown, code: WavFormatError['code'], text: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WavFormatError);
    expect((e as WavFormatError).code).toBe(code);
    expect((e as Error).message).toMatch(text);
    return;
  }
  throw new Error('expected a WavFormatError');
}

describe('decodeWav', () => {
  const tone = sine(440, 16000, 1600);

  it.each([8, 16, 24, 32] as const)('decodes %i-bit PCM to within its quantisation step', (bits) => {
    const wav = decodeWav(buildWav({ rate: 16000, channels: 1, bits, samples: tone }));
    expect(wav.bitsPerSample).toBe(bits);
    expect(wav.frames).toBe(1600);
    const step = bits === 8 ? 1 / 100 : 1e-4;
    tone.forEach((x, i) => expect(Math.abs((wav.samples[i] ?? 9) - x)).toBeLessThan(step));
  });

  it.each(['float', 'extensible-float', 'extensible-pcm'] as const)('decodes %s', (format) => {
    const wav = decodeWav(buildWav({ rate: 16000, channels: 1, bits: 32, format, samples: tone }));
    expect(Math.abs((wav.samples[100] ?? 9) - (tone[100] ?? 0))).toBeLessThan(1e-6);
  });

  it('mixes stereo down to mono and skips unknown odd-sized chunks', () => {
    const inter: number[] = [];
    tone.forEach((x) => inter.push(x, -x * 0.5));
    const wav = decodeWav(buildWav({ rate: 16000, channels: 2, bits: 16, samples: inter, junk: true }));
    expect(wav.channels).toBe(2);
    expect(wav.frames).toBe(1600);
    expect(Math.abs((wav.samples[10] ?? 9) - (tone[10] ?? 0) * 0.25)).toBeLessThan(1e-4);
  });

  it('reports empty, corrupt and unsupported files with a code and a reason', () => {
    expectWavError(() => decodeWav(new Uint8Array(0)), 'wav_empty', /empty/);
    expectWavError(() => decodeWav(new TextEncoder().encode('hello, not a wav file')), 'wav_corrupt', /RIFF/);
    const good = buildWav({ rate: 16000, channels: 1, bits: 16, samples: tone });
    expectWavError(() => decodeWav(good.slice(0, 30)), 'wav_corrupt', /fmt|data/);
    expectWavError(() => decodeWav(good.slice(0, 44)), 'wav_empty', /no audio/);
    expectWavError(
      () => decodeWav(buildWav({ rate: 16000, channels: 1, bits: 16, samples: [] })),
      'wav_empty',
      /no audio/,
    );
    expectWavError(
      () => decodeWav(buildWav({ rate: 1000, channels: 1, bits: 16, samples: tone })),
      'wav_unsupported',
      /1000 Hz/,
    );
    const alaw = buildWav({ rate: 8000, channels: 1, bits: 8, samples: tone });
    alaw[20] = 6; // WAVE_FORMAT_ALAW
    expectWavError(() => decodeWav(alaw), 'wav_unsupported', /format 6/);
    const noChannels = good.slice();
    noChannels[22] = 0;
    expectWavError(() => decodeWav(noChannels), 'wav_corrupt', /0 channels/);
    const badAlign = good.slice();
    badAlign[32] = 3;
    expectWavError(() => decodeWav(badAlign), 'wav_corrupt', /block align/);
  });

  it('reads a cut-off file up to its last whole frame and says it was truncated', () => {
    const good = buildWav({ rate: 16000, channels: 1, bits: 16, samples: tone });
    const cut = decodeWav(good.slice(0, 44 + 1001));
    expect(cut.truncated).toBe(true);
    expect(cut.frames).toBe(500);
  });

  it('round-trips encodeWav16', () => {
    const x = Float32Array.from(tone);
    const wav = decodeWav(encodeWav16(x, 22050));
    expect(wav.sampleRate).toBe(22050);
    expect(Math.abs((wav.samples[33] ?? 9) - (x[33] ?? 0))).toBeLessThan(1e-4);
  });
});

describe('wavTo16kMono / readWav16k', () => {
  it.each([
    [8000, 8],
    [22050, 16],
    [44100, 24],
    [48000, 32],
  ] as const)('resamples %i Hz %i-bit stereo to 16 kHz mono with the tone intact', (rate, bits) => {
    const mono = sine(1000, rate, rate);
    const inter: number[] = [];
    mono.forEach((x) => inter.push(x, x));
    const { samples, source } = wavTo16kMono(buildWav({ rate, channels: 2, bits, samples: inter }));
    expect(source.sampleRate).toBe(rate);
    expect(samples.length).toBe(16000);
    const want = sine(1000, 16000, 16000);
    let err = 0;
    for (let i = 500; i < 15500; i++) err = Math.max(err, Math.abs((samples[i] ?? 0) - (want[i] ?? 0)));
    expect(err).toBeLessThan(bits === 8 ? 0.03 : 0.01);
  });

  it('names the file in errors and reports a missing file as a WavFormatError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voice-wav-'));
    const empty = join(dir, 'empty.wav');
    writeFileSync(empty, '');
    const err: unknown = await readWav16k(empty).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WavFormatError);
    expect((err as WavFormatError).code).toBe('wav_empty');
    expect((err as WavFormatError).message).toContain(empty);
    await expect(readWav16k(join(dir, 'missing.wav'))).rejects.toMatchObject({ code: 'wav_corrupt' });
  });
});

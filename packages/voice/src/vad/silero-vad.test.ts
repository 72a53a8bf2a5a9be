import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wavTo16kMono } from '../audio/read-wav.ts';
import { Endpointer } from './endpointer.ts';
import { SileroVad } from './silero-vad.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe('SileroVad (the ONNX file shipped in @ricky0123/vad-web)', () => {
  it('finds the speech in a committed dialog and endpoints it after the configured silence', async () => {
    const x = wavTo16kMono(readFileSync(fixture('dialog-en.wav'))).samples;
    const vad = await SileroVad.create();
    const probs: number[] = [];
    for (let at = 0; at + 512 <= x.length; at += 512) probs.push(await vad.process(x.subarray(at, at + 512)));
    // the first second is noise only; somewhere after it there is confident speech
    expect(Math.max(...probs.slice(0, 25))).toBeLessThan(0.5);
    expect(Math.max(...probs)).toBeGreaterThan(0.8);
    for (const endSilenceMs of [300, 800]) {
      const ep = new Endpointer(512, 16000, { endSilenceMs });
      ep.begin();
      const ev = probs.map((p) => ep.update(p)).filter((e) => e !== null);
      const end = ev.find((e) => e.type === 'speech_end');
      if (end?.type !== 'speech_end') throw new Error(`no end with ${endSilenceMs} ms`);
      expect(end.time - end.end).toBeGreaterThanOrEqual(endSilenceMs / 1000 - 1e-9);
      expect(end.time - end.end).toBeLessThan(endSilenceMs / 1000 + 0.033);
    }
    vad.reset();
    await vad.release();
    await expect(vad.process(new Float32Array(512))).rejects.toMatchObject({ code: 'engine_released' });
  });

  it('rejects frames that are not 512 samples', async () => {
    const vad = await SileroVad.create();
    await expect(vad.process(new Float32Array(480))).rejects.toMatchObject({ code: 'frame_length' });
    await vad.release();
  });
});

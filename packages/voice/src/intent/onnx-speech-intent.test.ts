import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wavTo16kMono } from '../audio/read-wav.ts';
import { ort } from '../onnx.ts';
import { SPEECH_INTENT_MODEL } from '../paths.ts';
import { OnnxSpeechIntent } from './onnx-speech-intent.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe('OnnxSpeechIntent', () => {
  it('reproduces the PyTorch outputs of the golden vectors (models/speech-intent/train.py)', async () => {
    const golden = JSON.parse(readFileSync(fixture('golden-speech-intent.json'), 'utf8')) as {
      frames: number;
      features: number[];
      outputs: number[][];
    }[];
    const session = await ort.InferenceSession.create(SPEECH_INTENT_MODEL);
    for (const g of golden) {
      const out = await session.run({
        features: new ort.Tensor('float32', Float32Array.from(g.features), [1, g.frames, 40]),
      });
      ['intent', 'procedure', 'facility', 'language'].forEach((name, k) => {
        const got = out[name]?.data as Float32Array;
        (g.outputs[k] ?? []).forEach((p, i) => expect(Math.abs((got[i] ?? NaN) - p)).toBeLessThan(1e-4));
      });
    }
    await session.release();
  });

  it('answers out_of_scope for empty, silent and noise-only audio, never throwing', async () => {
    const model = await OnnxSpeechIntent.create();
    for (const audio of [
      new Float32Array(0),
      new Float32Array(16000),
      Float32Array.from({ length: 32000 }, (_, i) => ((i * 7919) % 200) / 2000 - 0.05),
    ]) {
      const r = await model.recognize(audio);
      expect(r.intent).toBe('out_of_scope');
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    await model.release();
    await expect(model.recognize(new Float32Array(100))).rejects.toMatchObject({ code: 'engine_released' });
  });

  it('understands the request in a committed dialog (eval-only voice), with its slot and language', async () => {
    const model = await OnnxSpeechIntent.create();
    const x = wavTo16kMono(readFileSync(fixture('dialog-en.wav'))).samples;
    // the request follows the keyword: skip the first 2.2 s (1 s noise + "Hello Robot" + pause)
    const r = await model.recognize(x.subarray(Math.round(2.2 * 16000)));
    expect(r).toMatchObject({ intent: 'find_facility', slots: { facility: 'restroom' }, language: 'en' });
    await model.release();
  });
});

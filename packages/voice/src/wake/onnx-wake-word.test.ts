import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wavTo16kMono } from '../audio/read-wav.ts';
import { ort } from '../onnx.ts';
import { WAKE_WORD_MODEL } from '../paths.ts';
import { EspeakSpeechOutput } from '../speech-out/espeak-speech-output.ts';
import { KIOSK_PHRASES } from '../speech-out/kiosk-phrases.ts';
import { detectInSignal } from './detect-in-signal.ts';
import { OnnxWakeWord } from './onnx-wake-word.ts';
import { KEYWORDS, thresholdOf } from './wake-word-engine.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const load = (name: string): Float32Array => wavTo16kMono(readFileSync(fixture(name))).samples;

describe('OnnxWakeWord', () => {
  it('reproduces the PyTorch outputs of the golden vectors (models/wake-word/train.py)', async () => {
    const golden = JSON.parse(readFileSync(fixture('golden-wakeword.json'), 'utf8')) as {
      shape: [number, number, number];
      features: number[];
      probs: number[][];
    };
    const session = await ort.InferenceSession.create(WAKE_WORD_MODEL);
    const out = await session.run({
      features: new ort.Tensor('float32', Float32Array.from(golden.features), golden.shape),
    });
    const probs = out.probs?.data as Float32Array;
    golden.probs.flat().forEach((p, i) => expect(Math.abs((probs[i] ?? NaN) - p)).toBeLessThan(1e-4));
    // the golden set holds both classes: the check would fail on a constant model
    expect(new Set(golden.probs.map((r) => r.indexOf(Math.max(...r)))).size).toBeGreaterThan(1);
    await session.release();
  });

  it('detects each keyword once in the committed test WAVs (eval-only voices)', async () => {
    const engine = await OnnxWakeWord.create();
    const vi = await detectInSignal(engine, load('xin-chao-robot.wav'));
    expect(vi.map((d) => d.keyword)).toEqual(['xin_chao_robot']);
    engine.reset();
    const en = await detectInSignal(engine, load('hello-robot.wav'));
    expect(en.map((d) => d.keyword)).toEqual(['hello_robot']);
    expect(en[0]?.score).toBeGreaterThanOrEqual(
      thresholdOf(engine.threshold, KEYWORDS.indexOf('hello_robot')),
    );
    await engine.release();
  });

  it('wakes only on the keywords it listens for', async () => {
    const vi = await OnnxWakeWord.create({ keywords: ['xin_chao_robot'] });
    expect(vi.keywords).toEqual(['xin_chao_robot']);
    expect(await detectInSignal(vi, load('hello-robot.wav'))).toEqual([]);
    vi.reset();
    expect((await detectInSignal(vi, load('xin-chao-robot.wav'))).map((d) => d.keyword)).toEqual([
      'xin_chao_robot',
    ]);
    await vi.release();
    await expect(OnnxWakeWord.create({ keywords: [] })).rejects.toThrow(RangeError);
  });

  it("does not wake on the kiosk's own espeak-ng answers (which say xin chào, hello and robot)", async () => {
    const tts = new EspeakSpeechOutput();
    const engine = await OnnxWakeWord.create();
    const woke: string[] = [];
    for (const [lang, phrases] of Object.entries(KIOSK_PHRASES) as [keyof typeof KIOSK_PHRASES, string[]][]) {
      for (const text of phrases) {
        engine.reset();
        const dets = await detectInSignal(engine, wavTo16kMono(await tts.synthesize(text, lang)).samples);
        if (dets.length > 0)
          woke.push(`${lang}: ${text} (${dets.map((d) => d.score.toFixed(3)).join(', ')})`);
      }
    }
    expect(woke).toEqual([]);
    await engine.release();
    // 48 sentences synthesised and scored: about 20 s on two shared cores.
  }, 90_000);

  it('rejects frames of the wrong length and use after release', async () => {
    const engine = await OnnxWakeWord.create({ hopsPerFrame: 2 });
    expect(engine.frameLength).toBe(320);
    await expect(engine.process(new Float32Array(640))).rejects.toMatchObject({ code: 'frame_length' });
    await engine.release();
    await engine.release();
    await expect(engine.process(new Float32Array(320))).rejects.toMatchObject({ code: 'engine_released' });
  });

  it('reports a missing model file with its path', async () => {
    await expect(OnnxWakeWord.create({ modelPath: '/nonexistent/wakeword.onnx' })).rejects.toMatchObject({
      code: 'model_missing',
      message: expect.stringContaining('/nonexistent/wakeword.onnx') as unknown,
    });
  });

  it("takes one threshold per keyword from the model's metadata, and an option over both", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wake-thresholds-'));
    const model = join(dir, 'wakeword.onnx');
    copyFileSync(WAKE_WORD_MODEL, model);
    const meta = JSON.parse(readFileSync(WAKE_WORD_MODEL.replace(/\.onnx$/, '.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const write = (m: Record<string, unknown>) =>
      writeFileSync(model.replace(/\.onnx$/, '.json'), JSON.stringify(m));
    try {
      write({ ...meta, threshold: 0.95, thresholds: { xin_chao_robot: 0.85, hello_robot: 0.95 } });
      const engine = await OnnxWakeWord.create({ modelPath: model });
      expect(engine.threshold).toEqual([0.85, 0.95]);
      await engine.release();
      const over = await OnnxWakeWord.create({ modelPath: model, threshold: 0.9 });
      expect(over.threshold).toBe(0.9);
      await over.release();
      write({ ...meta, thresholds: { xin_chao_robot: 0.85 } });
      await expect(OnnxWakeWord.create({ modelPath: model })).rejects.toMatchObject({
        code: 'model_invalid',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

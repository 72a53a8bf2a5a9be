import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltinKeyword, getBuiltinKeywordPath } from '@picovoice/porcupine-node';
import { describe, expect, it } from 'vitest';
import { PorcupineError, VoiceError } from '../errors.ts';
import { createWakeWordEngine } from './create-wake-word.ts';
import { PorcupineWakeWord, type PorcupineLike } from './porcupine-wake-word.ts';

const dir = mkdtempSync(join(tmpdir(), 'voice-pv-'));
const garbage = join(dir, 'garbage.ppn');
writeFileSync(garbage, 'not a keyword file');
const empty = join(dir, 'empty.ppn');
writeFileSync(empty, '');
const realKeyword = getBuiltinKeywordPath(BuiltinKeyword.COMPUTER);

async function failure(p: Promise<unknown>): Promise<PorcupineError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PorcupineError);
  return e as PorcupineError;
}

describe('PorcupineWakeWord error paths (real library, no network)', () => {
  it('reports a missing AccessKey', async () => {
    const e = await failure(
      PorcupineWakeWord.create({ accessKey: ' ', keywordPaths: { hello_robot: realKeyword } }),
    );
    expect(e.code).toBe('porcupine_access_key');
    expect(e.message).toMatch(/no Porcupine AccessKey/);
  });

  it('reports an AccessKey the library cannot parse', async () => {
    const e = await failure(
      PorcupineWakeWord.create({ accessKey: 'bm90LWEta2V5', keywordPaths: { hello_robot: realKeyword } }),
    );
    expect(e.code).toBe('porcupine_access_key');
    expect(e.message).toMatch(/AccessKey/);
  });

  it('reports missing, empty, misnamed and malformed keyword files', async () => {
    const key = 'bm90LWEta2V5';
    const missing = await failure(
      PorcupineWakeWord.create({ accessKey: key, keywordPaths: { hello_robot: join(dir, 'x.ppn') } }),
    );
    expect(missing.code).toBe('porcupine_keyword_file');
    expect(missing.message).toMatch(/not found/);
    expect(
      (await failure(PorcupineWakeWord.create({ accessKey: key, keywordPaths: { hello_robot: empty } })))
        .message,
    ).toMatch(/empty/);
    expect(
      (
        await failure(
          PorcupineWakeWord.create({
            accessKey: key,
            keywordPaths: { hello_robot: garbage.replace('.ppn', '.txt') },
          }),
        )
      ).message,
    ).toMatch(/\.ppn/);
    expect((await failure(PorcupineWakeWord.create({ accessKey: key, keywordPaths: {} }))).code).toBe(
      'porcupine_keyword_file',
    );
    const malformed = await failure(
      PorcupineWakeWord.create({ accessKey: key, keywordPaths: { hello_robot: garbage } }),
    );
    expect(malformed.code).toBe('porcupine_keyword_file');
    expect(malformed.message).toMatch(/incorrect format/);
  });
});

describe('PorcupineWakeWord adapter (injected Porcupine)', () => {
  class FakePorcupine implements PorcupineLike {
    readonly frameLength = 512;
    readonly sampleRate = 16000;
    static last: Int16Array | null = null;
    released = false;
    process(frame: Int16Array): number {
      FakePorcupine.last = frame.slice();
      return frame[0] === 32767 ? 1 : -1;
    }
    release(): void {
      this.released = true;
    }
  }

  it('converts float frames to 16-bit PCM and maps keyword indices back to names', async () => {
    const engine = await PorcupineWakeWord.create({
      accessKey: 'k',
      keywordPaths: { xin_chao_robot: realKeyword, hello_robot: realKeyword },
      porcupine: FakePorcupine,
    });
    expect(engine.frameLength).toBe(512);
    const frame = new Float32Array(512).fill(0.5);
    expect(await engine.process(frame)).toBeNull();
    expect(FakePorcupine.last?.[0]).toBe(16384);
    frame[0] = 1.5; // clipped to full scale
    expect(await engine.process(frame)).toEqual({ keyword: 'hello_robot', score: 1, time: 1024 / 16000 });
    await expect(engine.process(new Float32Array(100))).rejects.toMatchObject({ code: 'frame_length' });
    await engine.release();
    await expect(engine.process(frame)).rejects.toMatchObject({ code: 'engine_released' });
  });
});

describe('createWakeWordEngine', () => {
  it('falls back to the ONNX engine and says why when Porcupine cannot start', async () => {
    const { engine, fallback } = await createWakeWordEngine({
      porcupine: { accessKey: 'bm90LWEta2V5', keywordPaths: { hello_robot: realKeyword } },
    });
    expect(engine.name).toBe('onnx');
    expect(fallback).toBeInstanceOf(VoiceError);
    expect(fallback?.code).toBe('porcupine_access_key');
    await engine.release();
  });

  it('uses ours without a fallback reason when Porcupine is not configured', async () => {
    const choice = await createWakeWordEngine();
    expect(choice.engine.name).toBe('onnx');
    expect(choice.fallback).toBeUndefined();
    await choice.engine.release();
  });
});

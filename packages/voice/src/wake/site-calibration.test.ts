import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationError } from '../errors.ts';
import { compressTrace, replayTrace, type ScoreTrace } from './score-trace.ts';
import {
  calibrationThreshold,
  chooseOperatingPoint,
  operatingPoint,
  readSiteCalibration,
  sha256OfFile,
  type SiteAudio,
  type TracedClip,
} from './site-calibration.ts';

const STEP = 0.04; // one evaluation every 40 ms, like the engine

/** A trace of `seconds` at score 0.01 with `peaks` (time, keyword index, score, evaluations long). */
function clip(file: string, seconds: number, peaks: [number, 0 | 1, number, number][]): TracedClip {
  const n = Math.round(seconds / STEP);
  const trace: ScoreTrace = {
    time: Float64Array.from({ length: n }, (_, i) => (i + 1) * STEP),
    scores: [new Float32Array(n).fill(0.01), new Float32Array(n).fill(0.01)],
  };
  for (const [t, k, s, len] of peaks) {
    const at = Math.round(t / STEP);
    for (let i = at; i < at + len && i < n; i++) trace.scores[k][i] = s;
  }
  return { file, seconds, trace };
}

const keyword = (file: string, k: 0 | 1, score: number, len = 3): TracedClip =>
  clip(file, 3, [[1.5, k, score, len]]);

describe('site calibration of the wake word', () => {
  it('picks the lowest threshold that keeps false wakes under the target, and lists misses and wakes', () => {
    // one hour of lobby with three confusable moments scoring 0.7, 0.8 and 0.9
    const lobby = clip('lobby.wav', 3600, [
      [100, 0, 0.7, 3],
      [200, 1, 0.8, 3],
      [300, 1, 0.9, 3],
    ]);
    const audio: SiteAudio = {
      positives: {
        xin_chao_robot: [keyword('x1.wav', 0, 0.95), keyword('x2.wav', 0, 0.85)],
        hello_robot: [keyword('h1.wav', 1, 0.99), keyword('h2.wav', 0, 0.99)], // h2 heard as the other keyword
      },
      background: [lobby],
    };
    const loose = chooseOperatingPoint(audio, 1); // one wake an hour allowed: just over 0.8
    expect(loose.threshold).toBeGreaterThan(0.8);
    expect(loose.threshold).toBeLessThan(0.801);
    expect(loose.faPerHour).toBe(1);
    expect(loose.falseAccepts).toEqual([
      { file: 'lobby.wav', time: 300.04, keyword: 'hello_robot', score: 0.9 },
    ]);
    expect(loose.frr).toEqual({ xin_chao_robot: 0, hello_robot: 0.5 });
    expect(loose.missed).toEqual({ xin_chao_robot: [], hello_robot: ['h2.wav'] });

    // None in the hour: one threshold for both would be over 0.9 and lose x2 (0.85). The lobby's
    // "xin chào robot" look-alike scores only 0.7, so that keyword gets its own threshold and keeps x2.
    const strict = chooseOperatingPoint(audio, 0.5);
    if (typeof strict.threshold === 'number') throw new Error('one threshold per keyword expected');
    const [tx = NaN, th = NaN] = strict.threshold;
    expect(tx).toBeGreaterThan(0.7);
    expect(tx).toBeLessThan(0.85);
    expect(th).toBeGreaterThan(0.9);
    expect(strict.faPerHour).toBe(0);
    expect(strict.missed.xin_chao_robot).toEqual([]);
    expect(operatingPoint(audio, th, 1).missed.xin_chao_robot).toEqual(['x2.wav']);
    // With clips of one keyword only, a split cannot be judged: one threshold for both.
    const one = chooseOperatingPoint(
      { ...audio, positives: { xin_chao_robot: audio.positives.xin_chao_robot } },
      0.5,
    );
    expect(typeof one.threshold).toBe('number');
  });

  it('prefers consecutive hits when the lobby wakes it in single evaluations and the keyword lasts', () => {
    const lobby = clip('lobby.wav', 3600, [
      [10, 0, 0.999, 1],
      [20, 1, 0.999, 1],
    ]);
    const audio: SiteAudio = {
      positives: { xin_chao_robot: [keyword('x.wav', 0, 0.6, 4)] },
      background: [lobby],
    };
    const p = chooseOperatingPoint(audio, 0.5);
    expect(p.minConsecutive).toBe(2);
    expect(p.threshold).toBe(0.5);
    expect(p.frr).toEqual({ xin_chao_robot: 0 });
    // one hit at the same threshold would have woken twice
    expect(operatingPoint(audio, 0.5, 1).faPerHour).toBe(2);
  });

  it('says so when no threshold keeps the background quiet enough', () => {
    const noisy = clip('tv.wav', 600, [[5, 1, 1, 200]]);
    const audio: SiteAudio = { positives: { hello_robot: [keyword('h.wav', 1, 0.9)] }, background: [noisy] };
    expect(() => chooseOperatingPoint(audio, 0.5)).toThrow(CalibrationError);
    try {
      chooseOperatingPoint(audio, 0.5);
    } catch (e) {
      expect((e as CalibrationError).code).toBe('calibration_unreachable');
    }
  });

  it('reads a calibration only for the model it was made for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wake-cal-'));
    const model = join(dir, 'model.onnx');
    writeFileSync(model, 'not really a model, only its bytes are hashed');
    const good = {
      version: 1,
      model_sha256: await sha256OfFile(model),
      threshold: 0.91,
      min_consecutive: 2,
      target_fa_per_hour: 0.5,
      measured: {
        frr: { hello_robot: 0.04 },
        fa_per_hour: 0.25,
        background_hours: 4,
        clips: { hello_robot: 50 },
      },
      created: '2026-12-06T22:00:00.000Z',
    };
    const file = join(dir, 'cal.json');
    writeFileSync(file, JSON.stringify(good));
    await expect(readSiteCalibration(file, model)).resolves.toMatchObject({
      threshold: 0.91,
      minConsecutive: 2,
    });
    // one per keyword, when the site's audio chose that: written with the stricter as `threshold`, read
    // back as the pair
    expect(calibrationThreshold(0.9)).toEqual({ threshold: 0.9 });
    const both = calibrationThreshold([0.8, 0.91]);
    expect(both).toEqual({ threshold: 0.91, thresholds: { xin_chao_robot: 0.8, hello_robot: 0.91 } });
    const pair = join(dir, 'pair.json');
    writeFileSync(pair, JSON.stringify({ ...good, ...both }));
    await expect(readSiteCalibration(pair, model)).resolves.toMatchObject({ threshold: [0.8, 0.91] });

    writeFileSync(model, 'another model');
    await expect(readSiteCalibration(file, model)).rejects.toMatchObject({ code: 'calibration_stale' });
    writeFileSync(file, JSON.stringify({ ...good, threshold: 1.5 }));
    await expect(readSiteCalibration(file, model)).rejects.toMatchObject({
      code: 'calibration_invalid',
      message: expect.stringContaining('threshold') as unknown,
    });
    writeFileSync(file, '{"version": 1,');
    await expect(readSiteCalibration(file, model)).rejects.toMatchObject({ code: 'calibration_invalid' });
    await expect(readSiteCalibration(join(dir, 'missing.json'), model)).rejects.toMatchObject({
      code: 'calibration_invalid',
    });
  });
});

describe('compressTrace', () => {
  it('replays to the same detections as the whole trace at every threshold from its floor up', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 20000;
    const trace: ScoreTrace = {
      time: Float64Array.from({ length: n }, (_, i) => (i + 1) * STEP),
      scores: [
        Float32Array.from({ length: n }, () => rand() ** 12),
        Float32Array.from({ length: n }, () => rand() ** 12),
      ],
    };
    const small = compressTrace(trace, 0.5);
    expect(small.time.length).toBeLessThan(n / 2);
    for (const th of [0.5, 0.6, 0.75, 0.9, 0.97])
      for (const k of [1, 2, 3])
        expect(replayTrace(small, th, 1.5, k)).toEqual(replayTrace(trace, th, 1.5, k));
  });
});

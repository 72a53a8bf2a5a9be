import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWav } from '../audio/wav-fixtures.ts';
import { decodeWav } from '../audio/wav.ts';
import { WAKE_WORD_MODEL } from '../paths.ts';
import { readSiteCalibration } from '../wake/site-calibration.ts';

const PKG = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string): string => join(PKG, 'fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'voice-cli-'));

function cli(
  script: 'wakeword' | 'voice' | 'wakeword-calibrate',
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PKG, 'src', 'cli', `${script}.ts`), ...args],
      { cwd: PKG },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const lines = (s: string): Record<string, unknown>[] =>
  s.trim()
    ? s
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

/** The committed keyword WAV re-encoded in another layout (rate, bits, channels). */
function reencode(name: string, rate: number, bits: 8 | 16 | 24 | 32, channels: number): string {
  const src = decodeWav(readFileSync(fixture('xin-chao-robot.wav')));
  const n = Math.floor((src.samples.length * rate) / 16000);
  const inter: number[] = [];
  for (let i = 0; i < n; i++) {
    // linear interpolation is enough to make a file at another rate; our resampler brings it back
    const t = (i * 16000) / rate;
    const k = Math.floor(t);
    const v = (src.samples[k] ?? 0) * (1 - (t - k)) + (src.samples[k + 1] ?? 0) * (t - k);
    for (let c = 0; c < channels; c++) inter.push(v);
  }
  const file = join(dir, name);
  writeFileSync(file, buildWav({ rate, bits, channels, samples: inter }));
  return file;
}

describe('wakeword CLI (DESIGN.md section 9)', () => {
  it('prints one JSON line per detection with time, keyword and score', async () => {
    const r = await cli('wakeword', fixture('xin-chao-robot.wav'));
    expect(r.code).toBe(0);
    const dets = lines(r.out);
    expect(dets).toHaveLength(1);
    expect(Object.keys(dets[0] ?? {})).toEqual(['time', 'keyword', 'score']);
    expect(dets[0]?.keyword).toBe('xin_chao_robot');
    // the keyword ends about 1 s + its length into the file; the detection comes after it, within 0.6 s
    const t = dets[0]?.time as number;
    expect(t).toBeGreaterThan(1.5);
    expect(t).toBeLessThan(3.2);
    const en = lines((await cli('wakeword', fixture('hello-robot.wav'))).out);
    expect(en.map((d) => d.keyword)).toEqual(['hello_robot']);
  });

  it.each([
    ['16 kHz 8-bit mono', 16000, 8, 1],
    ['44.1 kHz 24-bit stereo', 44100, 24, 2],
    ['48 kHz 32-bit stereo', 48000, 32, 2],
    ['22.05 kHz 16-bit mono', 22050, 16, 1],
  ] as const)('resamples %s and still finds the keyword', async (label, rate, bits, ch) => {
    const r = await cli('wakeword', reencode(`${label.replace(/\W+/g, '-')}.wav`, rate, bits, ch));
    expect(r.err).toBe('');
    expect(lines(r.out).map((d) => d.keyword)).toEqual(['xin_chao_robot']);
  });

  it.each([8, 16] as const)(
    'reads 8 kHz %i-bit telephone-band audio (weaker: half the mel bands are empty)',
    async (bits) => {
      const file = reencode(`tel-${bits}.wav`, 8000, bits, 1);
      // the model scores band-limited keywords lower (a known limit, see the model card): a lower threshold
      // here checks that the 8 kHz path keeps the keyword, not the operating point
      const r = await cli('wakeword', file, '--threshold', '0.3');
      expect(r.code).toBe(0);
      expect(lines(r.out).map((d) => d.keyword)).toEqual(['xin_chao_robot']);
    },
  );

  it.each([
    ['empty', '', 'wav_empty'],
    ['corrupt', 'RIFF\u0000\u0000\u0000\u0000WAVEjunkjunkjunk', 'wav_corrupt'],
    ['text', 'this is not audio', 'wav_corrupt'],
  ])('reports a %s file as a JSON error on stderr with exit code 2', async (name, content, code) => {
    const file = join(dir, `${name}.wav`);
    writeFileSync(file, content);
    const r = await cli('wakeword', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const err = JSON.parse(r.err.trim()) as { error: { code: string; message: string } };
    expect(err.error.code).toBe(code);
    expect(err.error.message).toContain(file);
  });

  it('reports an unsupported rate, a missing file and bad usage', async () => {
    const low = join(dir, 'low.wav');
    writeFileSync(low, buildWav({ rate: 2000, channels: 1, bits: 16, samples: [0, 0.1, 0.2] }));
    const r = await cli('wakeword', low);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/wav_unsupported/);
    expect((await cli('wakeword', join(dir, 'nope.wav'))).code).toBe(2);
    const usage = await cli('wakeword');
    expect(usage.code).toBe(1);
    expect(usage.err).toMatch(/usage/);
    expect((await cli('wakeword', fixture('hello-robot.wav'), '--threshold', '7')).code).toBe(1);
  });
});

describe('voice CLI', () => {
  it('hears "Xin chào Robot ... tôi muốn đăng ký khai sinh" as start_procedure birth_registration in Vietnamese', async () => {
    const r = await cli('voice', fixture('dialog-vi.wav'));
    expect(r.code).toBe(0);
    const [line, ...rest] = lines(r.out);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      keyword: 'xin_chao_robot',
      intent: 'start_procedure',
      slots: { procedure: 'birth_registration' },
      language: 'vi',
    });
  });

  it('hears "Hello Robot ... where is the restroom" as find_facility in English', async () => {
    const [line] = lines((await cli('voice', fixture('dialog-en.wav'))).out);
    expect(line).toMatchObject({ keyword: 'hello_robot', intent: 'find_facility', language: 'en' });
    // The first speech-intent model heard "parking" here (this voice is held out from training); the
    // random-voice models (models/speech-intent, -rvW and after) hear it right.
    expect(line?.slots).toEqual({ facility: 'restroom' });
  });

  it('rejects an out-of-scope request instead of guessing', async () => {
    const [line] = lines((await cli('voice', fixture('dialog-oos.wav'))).out);
    expect(line).toMatchObject({ keyword: 'hello_robot', intent: 'out_of_scope', language: 'en' });
  });

  it('says when there is no wake word, and reports bad files like wakeword does', async () => {
    const noise = join(dir, 'quiet.wav');
    writeFileSync(noise, buildWav({ rate: 16000, channels: 1, bits: 16, samples: new Array(32000).fill(0) }));
    expect(lines((await cli('voice', noise)).out)).toEqual([{ intent: null, reason: 'no_wake_word' }]);
    const empty = join(dir, 'empty2.wav');
    writeFileSync(empty, '');
    const r = await cli('voice', empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/wav_empty/);
  });
});

interface ModelMeta {
  threshold: number;
  thresholds?: { xin_chao_robot: number; hello_robot: number };
}
const modelMeta = (): ModelMeta =>
  JSON.parse(readFileSync(WAKE_WORD_MODEL.replace(/\.onnx$/, '.json'), 'utf8')) as ModelMeta;
/** The committed model's own rule as the CLIs report it: one threshold, or one per keyword. */
function shippedThreshold(): number | number[] {
  const m = modelMeta();
  return m.thresholds ? [m.thresholds.xin_chao_robot, m.thresholds.hello_robot] : m.threshold;
}

describe('wakeword:calibrate CLI (DESIGN.md section 9)', () => {
  /** Keyword clips in folders (the committed ones, and one re-encoded at 44.1 kHz stereo), and a minute of hum and hiss. */
  function siteAudio(): { xin: string; hello: string; lobby: string } {
    const xin = join(dir, 'site-xin');
    const hello = join(dir, 'site-hello');
    mkdirSync(xin, { recursive: true });
    mkdirSync(hello, { recursive: true });
    copyFileSync(fixture('xin-chao-robot.wav'), join(xin, 'a.wav'));
    copyFileSync(reencode('site-b.wav', 44100, 24, 2), join(xin, 'b.wav'));
    writeFileSync(join(xin, 'notes.txt'), 'not audio: skipped');
    copyFileSync(fixture('hello-robot.wav'), join(hello, 'a.wav'));
    let seed = 3;
    const hiss = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
    const samples = Array.from(
      { length: 16000 * 60 },
      (_, i) => 0.05 * Math.sin((2 * Math.PI * 50 * i) / 16000) + 0.02 * hiss(),
    );
    const lobby = join(dir, 'site-lobby.wav');
    writeFileSync(lobby, buildWav({ rate: 16000, channels: 1, bits: 16, samples }));
    return { xin, hello, lobby };
  }

  it('chooses a threshold on the site audio, reports it, and writes it only when there is enough audio', async () => {
    const { xin, hello, lobby } = siteAudio();
    const out = join(dir, 'cal', 'wake-calibration.json');
    const args = [
      '--keyword',
      `xin_chao_robot=${xin}`,
      '--keyword',
      `hello_robot=${hello}`,
      '--background',
      lobby,
      '--out',
      out,
    ];
    // a minute of background and three clips: the analysis is printed, nothing is written
    const short = await cli('wakeword-calibrate', ...args);
    expect(short.code).toBe(2);
    expect(JSON.parse(short.err.trim())).toMatchObject({ error: { code: 'calibration_too_little_audio' } });
    expect(short.err).toMatch(
      /only 1 min of background audio \(at least 1 h .*2 clips of xin_chao_robot .* 1 clip of hello_robot/,
    );
    expect(existsSync(out)).toBe(false);
    const [report, ...more] = lines(short.out);
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      clips: { xin_chao_robot: 2, hello_robot: 1 },
      background_hours: 0.0167,
      enough_audio: false,
      chosen: { frr: { xin_chao_robot: 0, hello_robot: 0 }, fa_per_hour: 0, false_accepts: [] },
      shipped: { threshold: shippedThreshold() },
    });

    // the same with the minimums lowered (a trial): written, and the kiosk's reader accepts it
    const ok = await cli('wakeword-calibrate', ...args, '--min-background-hours', '0.01', '--min-clips', '1');
    expect(ok.code).toBe(0);
    const chosen = (lines(ok.out)[0] as { chosen: { threshold: number; min_consecutive: number } }).chosen;
    await expect(readSiteCalibration(out)).resolves.toMatchObject({
      threshold: chosen.threshold,
      minConsecutive: chosen.min_consecutive,
    });
  });

  it('calibrates for "Xin chào Robot" alone with --listen, and says so in the file', async () => {
    const { xin, lobby } = siteAudio();
    const out = join(dir, 'cal', 'vi-only.json');
    const args = ['--keyword', `xin_chao_robot=${xin}`, '--background', lobby, '--listen', 'xin_chao_robot'];
    const ok = await cli(
      'wakeword-calibrate',
      ...args,
      '--out',
      out,
      '--min-background-hours',
      '0.01',
      '--min-clips',
      '1',
    );
    expect(ok.code).toBe(0);
    // the model's own rule, for comparison: the same as with both phrases live
    expect(lines(ok.out)[0]).toMatchObject({ shipped: { threshold: shippedThreshold() } });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ keywords: ['xin_chao_robot'] });
    await expect(readSiteCalibration(out)).rejects.toMatchObject({ code: 'calibration_stale' });
    await expect(readSiteCalibration(out, undefined, ['xin_chao_robot'])).resolves.toMatchObject({
      calibration: { keywords: ['xin_chao_robot'] },
    });
    const unknown = await cli('wakeword-calibrate', ...args, '--listen', 'hey_robot');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/--listen takes one of xin_chao_robot, hello_robot/);
    const unheard = await cli('wakeword-calibrate', ...args, '--keyword', `hello_robot=${xin}`);
    expect(unheard.code).toBe(1);
    expect(unheard.err).toMatch(/hello_robot is not in --listen/);
  });

  it('reports bad usage, a folder without WAV files and a bad WAV clearly', async () => {
    const { lobby } = siteAudio();
    const bad = await cli('wakeword-calibrate', '--keyword', `xin_chao=${lobby}`, '--background', lobby);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/KEYWORD=PATH/);
    expect(
      (await cli('wakeword-calibrate', '--keyword', `hello_robot=${fixture('hello-robot.wav')}`)).code,
    ).toBe(1);
    const none = join(dir, 'no-wavs');
    mkdirSync(none, { recursive: true });
    const r = await cli('wakeword-calibrate', '--keyword', `hello_robot=${none}`, '--background', lobby);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err.trim())).toMatchObject({ error: { code: 'wav_empty' } });
    const text = join(dir, 'text.wav');
    writeFileSync(text, 'this is not audio');
    const t = await cli('wakeword-calibrate', '--keyword', `hello_robot=${text}`, '--background', lobby);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/wav_corrupt.*text\.wav/);
  });
});

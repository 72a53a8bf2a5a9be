import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LANGUAGES } from '@reception/protocol';
import { translator } from '@reception/i18n';
import { wavTo16kMono } from '@reception/voice/audio/read-wav';
import { WAKE_WORD_MODEL } from '@reception/voice/paths';
import { EspeakSpeechOutput } from '@reception/voice/speech-out/espeak-speech-output';
import { sha256OfFile } from '@reception/voice/wake/site-calibration';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceEvent } from '../shared/voice-api.ts';
import { KioskHost } from './kiosk-host.ts';
import { loadVoiceEngine } from './voice-engine.ts';
import { play, toFrames } from './testing/voice-frames.ts';
import { VoiceSessions, type VoiceEngine } from './voice-sessions.ts';

// The host's voice sessions on the real models (packages/voice), fed the committed test WAVs (spoken by
// eval-only synthetic voices) as the page would: 40 ms frames of 16-bit PCM.

const log = pino({ level: 'silent' });
const config = { bridgeUrl: 'http://127.0.0.1:8080', token: 't', idleSeconds: 60, robotScreen: false };

let engine: VoiceEngine;
let loads = 0;
const load = () => {
  loads++;
  return Promise.resolve(engine);
};

beforeAll(async () => {
  engine = await loadVoiceEngine({ porcupine: undefined, endSilenceMs: 500, maxUtteranceMs: 8000 }, log);
}, 30_000);
afterAll(() => engine.release());

describe('VoiceSessions', () => {
  it('wakes on "Xin chào Robot", endpoints the request and names birth registration', async () => {
    const events: VoiceEvent[] = [];
    const sessions = new VoiceSessions({ load, emit: (e) => events.push(e), log });
    const { session, sampleRate, wakeEngine } = await sessions.listen();
    expect({ sampleRate, wakeEngine }).toEqual({ sampleRate: 16000, wakeEngine: 'onnx' });
    const heard = await play(sessions, session, 'dialog-vi.wav', events);
    expect(heard.map((e) => e.type)).toEqual(['wake', 'speech_start', 'speech_end', 'intent']);
    expect(heard[0]).toMatchObject({ session, keyword: 'xin_chao_robot' });
    const intent = heard[3];
    if (intent?.type !== 'intent') throw new Error('no intent');
    expect(intent.result).toMatchObject({
      intent: 'start_procedure',
      slots: { procedure: 'birth_registration' },
    });
    expect(intent.language).toBe('vi');
    // The end of speech, in the session's samples, lies after the wake and before the file's end (5.18 s).
    expect(intent.speechEndSample / 16000).toBeGreaterThan(2.5);
    expect(intent.speechEndSample / 16000).toBeLessThan(5.2);
  }, 30_000);

  it('drops the audio while the kiosk speaks, and hears again once it has stopped', async () => {
    const events: VoiceEvent[] = [];
    const sessions = new VoiceSessions({ load, emit: (e) => events.push(e), log, echoTailMs: 0 });
    const { session } = await sessions.listen();
    sessions.setSpeaking(true);
    expect(await play(sessions, session, 'xin-chao-robot.wav', events)).toEqual([]);
    sessions.setSpeaking(false);
    await new Promise((r) => setTimeout(r, 10));
    const heard = await play(sessions, session, 'xin-chao-robot.wav', events);
    expect(heard[0]).toMatchObject({ type: 'wake', keyword: 'xin_chao_robot' });
  }, 30_000);

  it("does not wake on the kiosk's own spoken answers, even unmuted (they say xin chào, hello, robot)", async () => {
    const tts = new EspeakSpeechOutput();
    const events: VoiceEvent[] = [];
    const sessions = new VoiceSessions({ load, emit: (e) => events.push(e), log });
    const woke: string[] = [];
    for (const lang of LANGUAGES) {
      const t = translator(lang, 'Asia/Ho_Chi_Minh');
      const counter = t.t('kiosk.go_to_counter', { counters: '3' });
      const answers = [
        t.t('kiosk.voice_ticket_answer', { service: 'Robot', number: 'KS012', counter }),
        t.t('kiosk.voice_greeting'),
        t.t('kiosk.voice_use_screen'),
      ];
      for (const text of answers) {
        const said = wavTo16kMono(await tts.synthesize(text.replace(/[\u2066-\u2069]/g, ''), lang)).samples;
        // A fresh session each time: after a wake the pipeline listens for a request, not for the keyword.
        const { session } = await sessions.listen();
        const heard = await play(sessions, session, toFrames(said), events);
        if (heard.some((e) => e.type === 'wake')) woke.push(`${lang}: ${text}`);
      }
    }
    expect(woke).toEqual([]);
  }, 120_000);

  it('loads the models once, replaces a session by the next listen, and refuses an ended one', async () => {
    const events: VoiceEvent[] = [];
    loads = 0;
    const sessions = new VoiceSessions({ load, emit: (e) => events.push(e), log });
    const first = await sessions.listen();
    const second = await sessions.listen();
    expect(loads).toBe(1);
    expect(events).toEqual([{ type: 'ended', session: first.session, reason: 'replaced' }]);
    expect(() => sessions.push(first.session, new Uint8Array(2))).toThrow(/listen again/);
    sessions.stop(second.session);
    expect(() => sessions.stop(second.session)).toThrow(/listen again/);
  });

  it('ends a session whose unprocessed audio grows past the backlog limit (overrun)', async () => {
    const events: VoiceEvent[] = [];
    const sessions = new VoiceSessions({ load, emit: (e) => events.push(e), log, maxBacklogS: 0.1 });
    const { session } = await sessions.listen();
    // Pushed faster than any pipeline runs: 0.12 s queued before the first frame is processed.
    for (let i = 0; i < 3; i++) sessions.push(session, new Uint8Array(1280));
    expect(events).toContainEqual({ type: 'ended', session, reason: 'overrun' });
    expect(() => sessions.push(session, new Uint8Array(1280))).toThrow(/listen again/);
  });
});

describe('loadVoiceEngine', () => {
  it('falls back to our wake word when Porcupine cannot start, and logs why for the IT person', async () => {
    const { lines, spy } = logSpy('warn');
    const porcupine = { accessKey: 'not-a-key', keywordPaths: { hello_robot: '/nonexistent/hello.ppn' } };
    const voice = await loadVoiceEngine({ porcupine, endSilenceMs: 500, maxUtteranceMs: 8000 }, spy);
    expect(voice.wakeEngine).toBe('onnx');
    expect(lines).toContainEqual(
      expect.objectContaining({
        code: 'porcupine_keyword_file',
        msg: 'Porcupine not used; our wake word runs',
      }),
    );
    await voice.release();
  }, 30_000);
});

/** A logger whose lines are kept, parsed, for the test to look at. */
function logSpy(level: 'info' | 'warn'): { lines: Record<string, unknown>[]; spy: pino.Logger } {
  const lines: Record<string, unknown>[] = [];
  const spy = pino({ level }, { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { lines, spy };
}

describe('loadVoiceEngine with a site calibration (KIOSK_WAKE_CALIBRATION)', () => {
  it('uses the site threshold made for this model, and the model own when the file is stale or bad', async () => {
    const { lines, spy } = logSpy('info');
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-wake-cal-'));
    const calibration = {
      version: 1,
      model_sha256: await sha256OfFile(WAKE_WORD_MODEL),
      threshold: 0.9,
      min_consecutive: 2,
      target_fa_per_hour: 0.5,
      measured: {
        frr: { xin_chao_robot: 0.03 },
        fa_per_hour: 0.2,
        background_hours: 5,
        clips: { xin_chao_robot: 60 },
      },
      created: '2026-12-06T22:00:00.000Z',
    };
    const site = path.join(dir, 'site.json');
    writeFileSync(site, JSON.stringify(calibration));
    const opts = { porcupine: undefined, endSilenceMs: 500, maxUtteranceMs: 8000 };
    const calibrated = await loadVoiceEngine({ ...opts, wakeCalibration: site }, spy);
    expect(calibrated.wakeRule).toEqual({
      threshold: 0.9,
      minConsecutive: 2,
      keywords: ['xin_chao_robot', 'hello_robot'],
      source: 'site',
      model: 'shipped',
    });
    await calibrated.release();
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'wake word calibrated on site', threshold: 0.9 }),
    );

    const stale = path.join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ ...calibration, model_sha256: 'a'.repeat(64) }));
    const fallback = await loadVoiceEngine({ ...opts, wakeCalibration: stale }, spy);
    expect(fallback.wakeRule).toMatchObject({ threshold: engine.wakeRule?.threshold, source: 'model' });
    await fallback.release();
    expect(lines).toContainEqual(
      expect.objectContaining({
        code: 'calibration_stale',
        msg: "site calibration not used; the model's threshold applies",
      }),
    );
    const missing = await loadVoiceEngine({ ...opts, wakeCalibration: path.join(dir, 'none.json') }, spy);
    expect(missing.wakeRule?.source).toBe('model');
    await missing.release();
    expect(lines).toContainEqual(expect.objectContaining({ code: 'calibration_invalid' }));

    // One threshold per phrase, when the site's audio chose that: the engine runs with the pair.
    const pair = path.join(dir, 'pair.json');
    writeFileSync(
      pair,
      JSON.stringify({ ...calibration, thresholds: { xin_chao_robot: 0.85, hello_robot: 0.9 } }),
    );
    const paired = await loadVoiceEngine({ ...opts, wakeCalibration: pair }, spy);
    expect(paired.wakeRule).toMatchObject({ threshold: [0.85, 0.9], source: 'site' });
    await paired.release();

    // Made listening for "Xin chào Robot" alone: right for a kiosk that listens for it alone, stale for one
    // that listens for both (the English phrase's false wakes were never counted).
    const viOnly = path.join(dir, 'vi-only.json');
    writeFileSync(viOnly, JSON.stringify({ ...calibration, keywords: ['xin_chao_robot'] }));
    const both = await loadVoiceEngine({ ...opts, wakeCalibration: viOnly }, spy);
    expect(both.wakeRule?.source).toBe('model');
    await both.release();
    expect(lines).toContainEqual(
      expect.objectContaining({
        code: 'calibration_stale',
        err: expect.stringContaining('KIOSK_WAKE_KEYWORDS') as unknown,
      }),
    );
    const one = await loadVoiceEngine(
      { ...opts, wakeCalibration: viOnly, wakeKeywords: ['xin_chao_robot'] },
      spy,
    );
    expect(one.wakeRule).toMatchObject({ threshold: 0.9, source: 'site', keywords: ['xin_chao_robot'] });
    await one.release();
  }, 60_000);
});

describe('loadVoiceEngine listening for one phrase (KIOSK_WAKE_KEYWORDS)', () => {
  it('wakes on "Xin chào Robot" only, at the threshold it has when both are live', async () => {
    const vi = await loadVoiceEngine(
      { porcupine: undefined, endSilenceMs: 500, maxUtteranceMs: 8000, wakeKeywords: ['xin_chao_robot'] },
      log,
    );
    expect(vi.wakeRule).toMatchObject({
      threshold: engine.wakeRule?.threshold,
      keywords: ['xin_chao_robot'],
    });
    for (const [wav, woke] of [
      ['dialog-en.wav', false],
      ['dialog-vi.wav', true],
    ] as const) {
      const events: VoiceEvent[] = [];
      const sessions = new VoiceSessions({
        load: () => Promise.resolve(vi),
        emit: (e) => events.push(e),
        log,
      });
      const { session } = await sessions.listen();
      const heard = await play(sessions, session, wav, events);
      expect(heard.some((e) => e.type === 'wake')).toBe(woke);
      sessions.stop(session);
    }
    await vi.release();
  }, 60_000);
});

describe('loadVoiceEngine with a site model (KIOSK_WAKE_MODEL)', () => {
  it('runs the site model with its own rule, and the shipped model when the file is missing or broken', async () => {
    const { lines, spy } = logSpy('info');
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-wake-model-'));
    const opts = { porcupine: undefined, endSilenceMs: 500, maxUtteranceMs: 8000 };
    // A site model: here the shipped network with another threshold in its metadata.
    const siteModel = path.join(dir, 'wakeword.onnx');
    copyFileSync(WAKE_WORD_MODEL, siteModel);
    const meta = JSON.parse(readFileSync(WAKE_WORD_MODEL.replace(/\.onnx$/, '.json'), 'utf8')) as object;
    // (site_finetune.py writes one threshold, no per-keyword ones)
    const one = { ...meta, threshold: 0.77, thresholds: undefined };
    writeFileSync(path.join(dir, 'wakeword.json'), JSON.stringify(one));
    const site = await loadVoiceEngine({ ...opts, wakeModel: siteModel }, spy);
    expect(site.wakeRule).toMatchObject({ threshold: 0.77, source: 'model', model: 'site' });
    await site.release();
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'wake word model from site', file: siteModel }),
    );

    const broken = path.join(dir, 'broken.onnx');
    writeFileSync(broken, 'not a model');
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(meta));
    for (const [file, code] of [
      [broken, 'model_invalid'],
      [path.join(dir, 'none.onnx'), 'model_missing'],
    ] as const) {
      const shipped = await loadVoiceEngine({ ...opts, wakeModel: file }, spy);
      expect(shipped.wakeRule).toMatchObject({ threshold: engine.wakeRule?.threshold, model: 'shipped' });
      await shipped.release();
      expect(lines).toContainEqual(
        expect.objectContaining({ code, msg: 'site wake word model not used; the shipped model runs' }),
      );
    }
  }, 60_000);
});

describe('KioskHost voice methods', () => {
  it('validate the samples, answer NOT_FOUND for an unknown session, UNAVAILABLE without voice', async () => {
    const host = new KioskHost({
      config,
      speaker: undefined,
      classifier: undefined,
      voice: (emit) => new VoiceSessions({ load, emit, log }),
      log,
    });
    expect(await host.call('capabilities', {})).toMatchObject({ ok: true, value: { microphone: true } });
    const listened = await host.call('listen', {});
    if (!listened.ok) throw new Error(listened.error.message);
    const odd = await host.call('pushAudio', { session: listened.value.session, pcm: new Uint8Array(3) });
    expect(odd).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const big = await host.call('pushAudio', { session: listened.value.session, pcm: new Uint8Array(32002) });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const text = await host.call('pushAudio', { session: listened.value.session, pcm: 'AAAA' });
    expect(text).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const unknown = await host.call('pushAudio', { session: 'not-a-session', pcm: new Uint8Array(2) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const ok = await host.call('pushAudio', { session: listened.value.session, pcm: new Uint8Array(2) });
    expect(ok).toEqual({ ok: true, value: null });

    const deaf = new KioskHost({ config, speaker: undefined, classifier: undefined, log });
    expect(await deaf.call('capabilities', {})).toMatchObject({ ok: true, value: { microphone: false } });
    expect(await deaf.call('listen', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatThreshold } from '@reception/voice/wake/wake-word-engine';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frames, play, toFrames } from './testing/voice-frames.ts';
import { loadVoiceEngine } from './voice-engine.ts';
import { VOICE_LOG } from './voice-log.ts';
import { VoiceSessions, type VoiceEngine } from './voice-sessions.ts';
import { FieldReportBuilder, parseLogLine } from './wake-field-report.ts';

const HOST = fileURLToPath(new URL('.', import.meta.url));
const RULE = { threshold: [0.87962, 0.94955], minConsecutive: 1, source: 'model', model: 'shipped' };
const SITE_RULE = {
  threshold: 0.9,
  minConsecutive: 2,
  keywords: ['xin_chao_robot'],
  source: 'site',
  model: 'shipped',
};
// 2026-12-07 08:00 in Ho Chi Minh City (UTC+7), in ms.
const T0 = Date.UTC(2026, 11, 7, 1, 0, 0);
const H = 3600_000;

const line = (time: number, msg: string, fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time, pid: 1, hostname: 'kiosk', ...fields, msg });

describe('FieldReportBuilder', () => {
  it('counts hours, wakes and what followed each, by keyword, rule and local day', () => {
    const b = new FieldReportBuilder('Asia/Ho_Chi_Minh');
    const log = [
      line(T0, VOICE_LOG.opened, { session: 'a', wake: 'onnx', rule: RULE }),
      line(T0 + 0.1 * H, VOICE_LOG.wake, { session: 'a', keyword: 'xin_chao_robot', score: 0.97 }),
      line(T0 + 0.1 * H + 3000, VOICE_LOG.intent, {
        session: 'a',
        intent: 'start_procedure',
        language: 'vi',
      }),
      line(T0 + 0.5 * H, VOICE_LOG.listening, { session: 'a', seconds: 1800 }),
      line(T0 + 0.7 * H, VOICE_LOG.wake, { session: 'a', keyword: 'hello_robot', score: 0.96 }),
      line(T0 + 0.7 * H + 5000, VOICE_LOG.noSpeech, { session: 'a' }),
      'Dec 07 09:00:00 kiosk node[1]: ' +
        line(T0 + 0.9 * H, VOICE_LOG.wake, { session: 'a', keyword: 'hello_robot', score: 0.99 }),
      line(T0 + 0.9 * H + 4000, VOICE_LOG.intent, { session: 'a', intent: 'out_of_scope', language: 'en' }),
      line(T0 + H, VOICE_LOG.listening, { session: 'a', seconds: 3600 }),
      line(T0 + 1.2 * H, VOICE_LOG.wake, { session: 'a', keyword: 'xin_chao_robot', score: 0.98 }),
      // The page reloaded before anything was said: the wake was cut short.
      line(T0 + 1.2 * H + 100, VOICE_LOG.ended, { session: 'a', reason: 'replaced', seconds: 4320 }),
      line(T0 + 1.2 * H + 200, 'kiosk host started', { ns: 'browser-host' }),
      'not json at all',
      '',
      // After calibration, a day later, across local midnight (23:30 -> 00:30 on 2026-12-09).
      line(T0 + 39.5 * H, VOICE_LOG.opened, { session: 'b', wake: 'onnx', rule: SITE_RULE }),
      line(T0 + 40.5 * H, VOICE_LOG.listening, { session: 'b', seconds: 3600 }),
      line(T0 + 40.6 * H, VOICE_LOG.wake, { session: 'b', keyword: 'xin_chao_robot', score: 0.92 }),
      // The log ends here (host killed): that wake is cut short, the last hour counted is the last line's.
    ];
    for (const l of log) b.addLine(l);
    const r = b.report();
    expect(r.lines).toEqual({ read: 16, voice: 14, unreadable: 1 });
    expect(r.listened_hours).toBe(2.2);
    expect(r.wakes).toBe(5);
    expect(r.after_wake).toEqual({ request: 1, refused: 1, nothing_heard: 1, cut_short: 2 });
    expect(r.no_request_per_hour).toBe(0.91);
    expect(r.by_keyword.hello_robot).toMatchObject({
      wakes: 2,
      after_wake: { request: 0, refused: 1, nothing_heard: 1, cut_short: 0 },
      no_request_per_hour: 0.91,
    });
    expect(r.by_keyword.xin_chao_robot?.after_wake).toEqual({
      request: 1,
      refused: 0,
      nothing_heard: 0,
      cut_short: 2,
    });
    expect(r.by_rule.map((x) => [x.rule, x.listened_hours, x.wakes, x.no_request_per_hour])).toEqual([
      ['shipped model, threshold 0.87962 / 0.94955 from the model, 1 hit(s)', 1.2, 4, 1.67],
      ['shipped model, threshold 0.9 from the site, 2 hit(s), xin_chao_robot only', 1, 1, 0],
    ]);
    expect(r.days.map((d) => [d.date, d.listened_hours, d.wakes])).toEqual([
      ['2026-12-07', 1.2, 4],
      ['2026-12-09', 1, 1],
    ]);
  });

  it('counts a session first seen mid-way from its first line, not from its start', () => {
    const b = new FieldReportBuilder('UTC');
    b.addLine(line(T0, VOICE_LOG.listening, { session: 'x', seconds: 36_000 }));
    b.addLine(line(T0 + 0.5 * H, VOICE_LOG.wake, { session: 'x', keyword: 'hello_robot', score: 0.97 }));
    b.addLine(line(T0 + 0.5 * H + 10, VOICE_LOG.noSpeech, { session: 'x' }));
    b.addLine(line(T0 + H, VOICE_LOG.listening, { session: 'x', seconds: 39_600 }));
    const r = b.report();
    expect(r.listened_hours).toBe(1);
    expect(r.after_wake.nothing_heard).toBe(1);
    expect(r.by_rule[0]?.rule).toMatch(/^unknown/);
  });

  it('reads a pino line alone or after a prefix, and nothing else', () => {
    expect(parseLogLine('{"msg":"x","time":1}')).toEqual({ msg: 'x', time: 1 });
    expect(parseLogLine('Dec 07 kiosk node[9]: {"msg":"x"}')).toEqual({ msg: 'x' });
    expect(parseLogLine('-- Boot 1234 --')).toBeUndefined();
    expect(parseLogLine('{"msg": truncated')).toBeUndefined();
    expect(parseLogLine('[1, 2]')).toBeUndefined();
  });
});

// The report reads what the host really logs: a session on the real models, its log lines kept.
describe('wakeword:field on a real voice session', () => {
  let engine: VoiceEngine;
  beforeAll(async () => {
    const quiet = pino({ level: 'silent' });
    engine = await loadVoiceEngine({ porcupine: undefined, endSilenceMs: 500, maxUtteranceMs: 8000 }, quiet);
  }, 30_000);
  afterAll(() => engine.release());

  it('finds a request, a refusal and a wake with nothing after it, and the seconds heard', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    const sessions = new VoiceSessions({
      load: () => Promise.resolve(engine),
      emit: () => undefined,
      log,
      progressEveryS: 2,
    });
    const { session } = await sessions.listen();
    const said = await Promise.all(['dialog-vi.wav', 'dialog-en-oos.wav', 'hello-robot.wav'].map(frames));
    const all = [...said.flat(), ...toFrames(new Float32Array(16000 * 6))];
    await play(sessions, session, all, []);
    const pushed = all.reduce((n, f) => n + f.length / 2, 0);
    sessions.stop(session);

    const b = new FieldReportBuilder('Asia/Ho_Chi_Minh');
    for (const l of lines) b.addLine(l);
    const r = b.report();
    expect(r.lines.unreadable).toBe(0);
    expect(r.after_wake).toEqual({ request: 1, refused: 1, nothing_heard: 1, cut_short: 0 });
    expect(Object.keys(r.by_keyword).sort()).toEqual(['hello_robot', 'xin_chao_robot']);
    expect(r.listened_hours).toBe(Math.round((pushed / 16000 / 3600) * 1000) / 1000);
    expect(r.by_rule).toHaveLength(1);
    expect(r.by_rule[0]?.rule).toBe(
      `shipped model, threshold ${formatThreshold(engine.wakeRule?.threshold ?? NaN)} from the model, ` +
        `${String(engine.wakeRule?.minConsecutive)} hit(s)`,
    );
    // An open session says how much it has heard as it goes, so a host that is killed loses little.
    const progress = lines.filter((l) => l.includes(`"msg":"${VOICE_LOG.listening}"`));
    expect(progress.length).toBe(Math.floor(pushed / 16000 / 2));
  }, 60_000);
});

function cli(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HOST, 'wake-field-cli.ts'), ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}

describe('wakeword:field CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wake-field-'));

  it('prints one JSON line for a log file or the log piped in, and clear errors', async () => {
    const file = path.join(dir, 'kiosk.log');
    writeFileSync(
      file,
      [
        line(T0, VOICE_LOG.opened, { session: 'a', wake: 'onnx', rule: RULE }),
        line(T0 + 1000, VOICE_LOG.wake, { session: 'a', keyword: 'hello_robot', score: 0.97 }),
        line(T0 + 6000, VOICE_LOG.noSpeech, { session: 'a' }),
        line(T0 + H, VOICE_LOG.ended, { session: 'a', reason: 'closed', seconds: 3600 }),
      ].join('\n'),
    );
    const fromFile = await cli(['--tz', 'Asia/Ho_Chi_Minh', file]);
    expect(fromFile.code).toBe(0);
    const r = JSON.parse(fromFile.out) as Record<string, unknown>;
    expect(r).toMatchObject({ listened_hours: 1, wakes: 1, no_request_per_hour: 1 });
    expect(fromFile.out.trim().split('\n')).toHaveLength(1);

    const none = await cli([], 'Dec 07 kiosk systemd[1]: Started kiosk-host.service\n');
    expect(none.code).toBe(2);
    expect(JSON.parse(none.err)).toMatchObject({ error: { code: 'no_voice_log' } });

    const missing = await cli([path.join(dir, 'absent.log')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.err)).toMatchObject({ error: { code: 'log_unreadable' } });

    const unknown = await cli(['--since', 'yesterday', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('usage: wakeword:field');

    const zone = await cli(['--tz', 'Mars/Olympus', file]);
    expect(zone.code).toBe(1);
    expect(zone.err).toContain('not a time zone');
  }, 60_000);
});

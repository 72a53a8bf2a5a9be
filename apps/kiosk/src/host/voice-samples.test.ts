import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeWav } from '@reception/voice/audio/wav';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { consentText } from '../shared/samples-api.ts';
import { assessTake, VoiceSampleStore } from './voice-samples.ts';
import { pcm16ToFloat } from './voice-sessions.ts';
import { KioskHost } from './kiosk-host.ts';

const RATE = 16000;
const dirs: string[] = [];
const log = pino({ level: 'silent' });

function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'samples-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `seconds` of audio: quiet room noise with a 300 Hz "voice" at `amp` from `from` to `to` seconds. */
function take(seconds: number, from: number, to: number, amp = 0.2): Int16Array {
  const out = new Int16Array(Math.round(seconds * RATE));
  let seed = 7;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = ((seed / 2147483648) * 2 - 1) * 0.002;
    const t = i / RATE;
    const voice = t >= from && t < to ? amp * Math.sin(2 * Math.PI * 300 * t) : 0;
    out[i] = Math.round(Math.max(-1, Math.min(1, noise + voice)) * 32767);
  }
  return out;
}
const bytes = (s: Int16Array) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength);

describe('assessTake', () => {
  it('keeps a phrase with quiet on both sides', () => {
    expect(assessTake(pcm16ToFloat(bytes(take(2, 0.4, 1.5))))).toBeUndefined();
  });
  it.each([
    ['too_short', take(0.3, 0.05, 0.25)],
    ['too_quiet', take(2, 0.4, 1.5, 0.002)],
    ['too_quiet', take(2, 0, 0, 0)],
    ['too_loud', take(2, 0.4, 1.5, 1.5)],
    ['cut_off', take(2, 0.4, 2)],
    ['cut_off', take(2, 0, 1.2)],
  ] as const)('says %s', (problem, samples) => {
    expect(assessTake(pcm16ToFloat(bytes(samples)))).toBe(problem);
  });
});

describe('VoiceSampleStore', () => {
  it('prints the calibration for the phrases the kiosk listens for (KIOSK_WAKE_KEYWORDS)', () => {
    const both = new VoiceSampleStore('/var/samples', log).command();
    expect(both).toBe(
      'npm run -s wakeword:calibrate -- --keyword xin_chao_robot=/var/samples/xin_chao_robot ' +
        '--keyword hello_robot=/var/samples/hello_robot --background /var/samples/lobby ' +
        '--out /var/samples/wake-calibration.json',
    );
    const vi = new VoiceSampleStore('/var/samples', log, { listen: ['xin_chao_robot'] }).command();
    expect(vi).toBe(
      'npm run -s wakeword:calibrate -- --keyword xin_chao_robot=/var/samples/xin_chao_robot ' +
        '--background /var/samples/lobby --listen xin_chao_robot --out /var/samples/wake-calibration.json',
    );
  });

  it('keeps takes where wakeword:calibrate reads them, with consent, and deletes them on withdrawal', async () => {
    const dir = folder();
    const store = new VoiceSampleStore(dir, log, {
      now: () => new Date('2026-12-07T09:30:00Z'),
      checkout: '/opt/reception',
    });
    await store.init();
    await expect(store.saveTake('v00000000', 'hello_robot', bytes(take(2, 0.4, 1.5)))).rejects.toThrow(
      /no consent/,
    );
    const { volunteer } = await store.startVolunteer('vi');
    expect(volunteer).toMatch(/^v[0-9a-z]{8}$/);
    const first = await store.saveTake(volunteer, 'xin_chao_robot', bytes(take(2, 0.4, 1.5)));
    expect(first).toEqual({
      saved: true,
      file: path.join('xin_chao_robot', `${volunteer}-01.wav`),
      count: 1,
    });
    await store.saveTake(volunteer, 'xin_chao_robot', bytes(take(2.5, 0.5, 2)));
    expect(await store.saveTake(volunteer, 'hello_robot', bytes(take(2, 0.4, 2)))).toEqual({
      saved: false,
      problem: 'cut_off',
    });
    const wav = decodeWav(readFileSync(path.join(dir, 'xin_chao_robot', `${volunteer}-02.wav`)));
    expect(wav).toMatchObject({
      sampleRate: 16000,
      channels: 1,
      bitsPerSample: 16,
      frames: 40000,
      truncated: false,
    });
    expect(await store.status()).toMatchObject({
      takes: { xin_chao_robot: 2, hello_robot: 0 },
      volunteers: 1,
      lobbySeconds: 0,
      minTakes: 20,
    });
    // "Record the last one again": the last take goes, the next one takes its number.
    expect(await store.discardTake(volunteer, 'xin_chao_robot')).toEqual({ count: 1 });
    await expect(store.discardTake(volunteer, 'hello_robot')).rejects.toThrow(/no take/);
    const again = await store.saveTake(volunteer, 'xin_chao_robot', bytes(take(2, 0.4, 1.5)));
    expect(again).toMatchObject({ file: path.join('xin_chao_robot', `${volunteer}-02.wav`), count: 2 });

    const other = await store.startVolunteer('en');
    await store.saveTake(other.volunteer, 'hello_robot', bytes(take(2, 0.4, 1.5)));
    expect(await store.withdrawVolunteer(volunteer)).toEqual({ deleted: 2 });
    expect(readdirSync(path.join(dir, 'xin_chao_robot'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'hello_robot'))).toEqual([`${other.volunteer}-01.wav`]);
    await expect(store.saveTake(volunteer, 'hello_robot', bytes(take(2, 0.4, 1.5)))).rejects.toThrow(
      /no consent/,
    );
    const consent = readFileSync(path.join(dir, 'consent.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(consent).toEqual([
      { at: '2026-12-07T09:30:00.000Z', volunteer, event: 'agreed', language: 'vi', text: consentText('vi') },
      {
        at: '2026-12-07T09:30:00.000Z',
        volunteer: other.volunteer,
        event: 'agreed',
        language: 'en',
        text: expect.stringContaining('Your name is not recorded') as unknown,
      },
      { at: '2026-12-07T09:30:00.000Z', volunteer, event: 'withdrew', deleted: 2 },
    ]);
    const readme = readFileSync(path.join(dir, 'README.txt'), 'utf8');
    expect(readme).toContain('cd /opt/reception && npm run -s wakeword:calibrate -- ');
    expect(readme).toContain(`--keyword hello_robot=${path.join(dir, 'hello_robot')}`);
  });

  it('records the lobby in files of at most an hour, each readable at every moment', async () => {
    const dir = folder();
    const store = new VoiceSampleStore(dir, log);
    await store.init();
    const { recording } = await store.startLobby();
    const second = bytes(take(1, 0, 0));
    await store.pushLobby(recording, second);
    await store.pushLobby(recording, second);
    // Before the recording stops (a power cut now), the file already says how much it holds.
    const [name] = readdirSync(path.join(dir, 'lobby'));
    const open = decodeWav(readFileSync(path.join(dir, 'lobby', name!)));
    expect(open).toMatchObject({ frames: 32000, truncated: false });
    expect(await store.stopLobby(recording)).toEqual({ seconds: 2, files: [path.join('lobby', name!)] });
    await expect(store.pushLobby(recording, second)).rejects.toThrow(/no lobby recording/);
    expect((await store.status()).lobbySeconds).toBe(2);
    expect(statSync(path.join(dir, 'lobby', name!)).size).toBe(44 + 64000);
  });

  it('starts a new lobby file after an hour', async () => {
    const dir = folder();
    const store = new VoiceSampleStore(dir, log);
    await store.init();
    const { recording } = await store.startLobby();
    const second = bytes(take(1, 0, 0));
    for (let s = 0; s < 3601; s++) await store.pushLobby(recording, second);
    const out = await store.stopLobby(recording);
    expect(out.seconds).toBe(3601);
    expect(out.files).toHaveLength(2);
    const sizes = out.files.map((f) => decodeWav(readFileSync(path.join(dir, f))).frames);
    expect(sizes).toEqual([3600 * RATE, RATE]);
  }, 60_000);
});

describe('a samples folder that cannot be made', () => {
  it('stops the start with the reason (the IT person who set it is there)', async () => {
    const d = folder();
    writeFileSync(path.join(d, 'a-file'), '');
    await expect(new VoiceSampleStore(path.join(d, 'a-file', 'samples'), log).init()).rejects.toThrow(
      /ENOTDIR/,
    );
  });
});

describe('the host methods', () => {
  it('are unavailable unless a samples folder is configured, and validate their input', async () => {
    const off = new KioskHost({ config: {} as never, speaker: undefined, classifier: undefined, log });
    expect(await off.call('capabilities', {})).toMatchObject({ ok: true, value: { voiceSamples: false } });
    expect(await off.call('samplesStatus', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    const dir = folder();
    const samples = new VoiceSampleStore(dir, log);
    await samples.init();
    const on = new KioskHost({
      config: {} as never,
      speaker: undefined,
      classifier: undefined,
      samples,
      log,
    });
    expect(await on.call('capabilities', {})).toMatchObject({ ok: true, value: { voiceSamples: true } });
    expect(await on.call('startVolunteer', { language: 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    const v = await on.call('startVolunteer', { language: 'ur', consent: true });
    if (!v.ok) throw new Error(v.error.message);
    const tooLong = new Uint8Array(48001 * 2);
    expect(
      await on.call('saveTake', { volunteer: v.value.volunteer, keyword: 'hello_robot', pcm: tooLong }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(
      await on.call('pushLobby', { recording: 'not-a-recording', pcm: new Uint8Array(2) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const saved = await on.call('saveTake', {
      volunteer: v.value.volunteer,
      keyword: 'hello_robot',
      pcm: bytes(take(2, 0.4, 1.5)),
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, count: 1 } });
    writeFileSync(path.join(dir, 'hello_robot', 'notes.txt'), 'not a take');
    expect(await on.call('samplesStatus', {})).toMatchObject({
      ok: true,
      value: { folder: dir, takes: { hello_robot: 1 }, volunteers: 1 },
    });
  });
});

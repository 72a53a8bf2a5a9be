import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskConfigError, readKioskConfig } from './config.ts';

describe('readKioskConfig', () => {
  it('runs the demo with no environment', () => {
    const c = readKioskConfig({});
    expect(c).toMatchObject({
      KIOSK_BRIDGE_URL: 'http://127.0.0.1:8080',
      KIOSK_TOKEN: 'demo-kiosk',
      KIOSK_RENDERER: 'bundled',
      KIOSK_MODE: false,
      KIOSK_FULLSCREEN: false,
      KIOSK_IDLE_SECONDS: 60,
    });
    expect(c.KIOSK_WEB_DIR).toMatch(/apps[/\\]kiosk[/\\]dist$/);
    expect(c.KIOSK_INTENT).toBe('onnx');
    expect(existsSync(join(c.KIOSK_INTENT_MODEL_DIR, 'model.onnx'))).toBe(true);
  });

  it('turns the intent model off or points it elsewhere, and refuses other engines', () => {
    expect(readKioskConfig({ KIOSK_INTENT: 'none' }).KIOSK_INTENT).toBe('none');
    expect(readKioskConfig({ KIOSK_INTENT_MODEL_DIR: '/opt/kiosk/intent' }).KIOSK_INTENT_MODEL_DIR).toBe(
      '/opt/kiosk/intent',
    );
    expect(() => readKioskConfig({ KIOSK_INTENT: 'bert' })).toThrow(/KIOSK_INTENT/);
  });

  it('reduces the bridge URL to its origin and parses flags', () => {
    const c = readKioskConfig({
      KIOSK_BRIDGE_URL: 'http://10.1.2.3:8080/kiosk/',
      KIOSK_MODE: '1',
      KIOSK_FULLSCREEN: 'no',
      KIOSK_IDLE_SECONDS: '90',
    });
    expect(c.KIOSK_BRIDGE_URL).toBe('http://10.1.2.3:8080');
    expect(c.KIOSK_MODE).toBe(true);
    expect(c.KIOSK_FULLSCREEN).toBe(false);
    expect(c.KIOSK_IDLE_SECONDS).toBe(90);
  });

  it('listens for both wake phrases unless told which, and names a phrase it does not know', () => {
    expect(readKioskConfig({}).KIOSK_WAKE_KEYWORDS).toEqual(['xin_chao_robot', 'hello_robot']);
    expect(readKioskConfig({ KIOSK_WAKE_KEYWORDS: ' xin_chao_robot ' }).KIOSK_WAKE_KEYWORDS).toEqual([
      'xin_chao_robot',
    ]);
    expect(() => readKioskConfig({ KIOSK_WAKE_KEYWORDS: 'hey_robot' })).toThrow(/KIOSK_WAKE_KEYWORDS/);
    expect(() => readKioskConfig({ KIOSK_WAKE_KEYWORDS: ',' })).toThrow(/KIOSK_WAKE_KEYWORDS/);
  });

  it('names every bad variable', () => {
    expect(() => readKioskConfig({ KIOSK_BRIDGE_URL: 'file:///etc', KIOSK_MODE: 'maybe' })).toThrow(
      KioskConfigError,
    );
    expect(() => readKioskConfig({ KIOSK_BRIDGE_URL: 'file:///etc', KIOSK_IDLE_SECONDS: '1' })).toThrow(
      /KIOSK_BRIDGE_URL[\s\S]*KIOSK_IDLE_SECONDS/,
    );
  });
});

describe('device token and host settings', () => {
  it('reads the token from a file, trimmed, and refuses both sources at once', () => {
    const c = readKioskConfig({ KIOSK_TOKEN_FILE: '/etc/kiosk/token' }, (f) =>
      f === '/etc/kiosk/token' ? 'kiosk-lobby-1\n' : '',
    );
    expect(c.KIOSK_TOKEN).toBe('kiosk-lobby-1');
    expect(() => readKioskConfig({ KIOSK_TOKEN: 'a', KIOSK_TOKEN_FILE: '/x' }, () => 'b')).toThrow(
      /not both/,
    );
    expect(() => readKioskConfig({ KIOSK_TOKEN_FILE: '/x' }, () => '  \n')).toThrow(/1-512/);
    expect(() =>
      readKioskConfig({ KIOSK_TOKEN_FILE: '/missing' }, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/cannot read KIOSK_TOKEN_FILE \/missing: ENOENT/);
  });

  it('defaults the host to port 8090 with espeak-ng at a slow rate', () => {
    const c = readKioskConfig({});
    expect(c).toMatchObject({ KIOSK_HOST_PORT: 8090, KIOSK_SPEECH: 'espeak-ng', KIOSK_SPEECH_RATE: 150 });
    expect(readKioskConfig({ KIOSK_SPEECH: 'none', KIOSK_HOST_PORT: '0' })).toMatchObject({
      KIOSK_SPEECH: 'none',
      KIOSK_HOST_PORT: 0,
    });
    expect(() => readKioskConfig({ KIOSK_SPEECH: 'festival' })).toThrow(/KIOSK_SPEECH/);
    expect(readKioskConfig({})).toMatchObject({
      KIOSK_VOICE: 'onnx',
      KIOSK_VOICE_END_SILENCE_MS: 500,
      KIOSK_MICROPHONE: '',
    });
    expect(readKioskConfig({ KIOSK_VOICE: 'none', KIOSK_MICROPHONE: ' ReSpeaker ' })).toMatchObject({
      KIOSK_VOICE: 'none',
      KIOSK_MICROPHONE: 'ReSpeaker',
    });
    expect(() => readKioskConfig({ KIOSK_VOICE: 'cloud' })).toThrow(/KIOSK_VOICE/);
    expect(() => readKioskConfig({ KIOSK_VOICE_END_SILENCE_MS: '50' })).toThrow(/KIOSK_VOICE_END_SILENCE_MS/);
  });
});

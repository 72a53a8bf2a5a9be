import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { KioskHost } from './kiosk-host.ts';
import { Speaker } from './speaker.ts';
import { SpeechOutputError, type SpeechOutput } from './speech-output.ts';

/** A speech output that "speaks" until told to stop or until `finish()`; records what it was given. */
class HeldSpeech implements SpeechOutput {
  readonly name = 'held';
  said: { text: string; language: string }[] = [];
  private release: (() => void) | undefined;
  fail = false;
  speak(text: string, language: 'vi' | 'en' | 'hi' | 'ur', signal?: AbortSignal): Promise<void> {
    this.said.push({ text, language });
    if (this.fail) return Promise.reject(new SpeechOutputError('no espeak-ng'));
    return new Promise((resolve) => {
      this.release = resolve;
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  finish(): void {
    this.release?.();
  }
}

const log = pino({ level: 'silent' });
const config = { bridgeUrl: 'http://127.0.0.1:8080', token: 't', idleSeconds: 60, robotScreen: false };

describe('KioskHost', () => {
  it('validates every request before running it and answers with a Result', async () => {
    const speech = new HeldSpeech();
    const host = new KioskHost({ config, speaker: new Speaker(speech, log), classifier: undefined, log });
    expect(await host.call('getConfig', {})).toEqual({ ok: true, value: config });
    const bad = await host.call('speak', { text: '', language: 'vi' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const alien = await host.call('speak', { text: 'x', language: 'fr', extra: 1 });
    expect(alien).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(speech.said).toEqual([]);
    expect(await host.call('capabilities', {})).toEqual({
      ok: true,
      value: {
        speech: { engine: 'held' },
        intent: false,
        microphone: false,
        wakeKeywords: ['xin_chao_robot', 'hello_robot'],
        printer: false,
        voiceSamples: false,
      },
    });
  });

  it('speaks one thing at a time: a new text or stopSpeaking cuts the current one short', async () => {
    const speech = new HeldSpeech();
    const host = new KioskHost({ config, speaker: new Speaker(speech, log), classifier: undefined, log });
    const events: boolean[] = [];
    host.onSpeech(({ speaking }) => events.push(speaking));
    const first = host.call('speak', { text: 'Xin chào', language: 'vi' });
    const second = host.call('speak', { text: 'خوش آمدید', language: 'ur' });
    expect(await first).toEqual({ ok: true, value: { finished: false } });
    await host.call('stopSpeaking', {});
    expect(await second).toEqual({ ok: true, value: { finished: false } });
    const third = host.call('speak', { text: 'Hello', language: 'en' });
    speech.finish();
    expect(await third).toEqual({ ok: true, value: { finished: true } });
    expect(speech.said.map((s) => s.language)).toEqual(['vi', 'ur', 'en']);
    expect(events.at(-1)).toBe(false);
    expect(events).toContain(true);
  });

  it('says UNAVAILABLE without a speaker or when espeak-ng fails, never throws', async () => {
    const none = new KioskHost({ config, speaker: undefined, classifier: undefined, log });
    expect(await none.call('speak', { text: 'x', language: 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    expect((await none.call('capabilities', {})).ok && (await none.call('capabilities', {}))).toMatchObject({
      value: { speech: null },
    });
    const broken = new HeldSpeech();
    broken.fail = true;
    const host = new KioskHost({ config, speaker: new Speaker(broken, log), classifier: undefined, log });
    expect(await host.call('speak', { text: 'x', language: 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'no espeak-ng' },
    });
  });
});

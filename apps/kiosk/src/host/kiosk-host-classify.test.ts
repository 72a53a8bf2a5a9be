import { OnnxIntentClassifier } from '@reception/intent';
import { rankedIntentsSchema } from '@reception/protocol';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSIFY_CANDIDATES, CLASSIFY_MAX_CHARS } from '../shared/host-api.ts';
import { KioskHost } from './kiosk-host.ts';

const log = pino({ level: 'silent' });
const config = { bridgeUrl: 'http://127.0.0.1:8080', token: 't', idleSeconds: 60, robotScreen: false };

let host: KioskHost;
beforeAll(async () => {
  host = new KioskHost({ config, speaker: undefined, classifier: await OnnxIntentClassifier.load(), log });
});
afterAll(async () => {
  await host.close();
});

describe('KioskHost classify (the committed ONNX model behind IntentClassifier)', () => {
  it('says it has an intent model', async () => {
    expect(await host.call('capabilities', {})).toMatchObject({ ok: true, value: { intent: true } });
  });

  it.each([
    ['toi muon lam giay khai sinh cho con', 'vi', 'start_procedure', { procedure: 'birth_registration' }],
    ['nhà vệ sinh ở đâu', 'vi', 'find_facility', { facility: 'restroom' }],
    ['مجھے شادی کا اندراج کروانا ہے', 'ur', 'start_procedure', { procedure: 'marriage_registration' }],
  ] as const)('%s', async (text, language, intent, slots) => {
    const r = await host.call('classify', { text, language });
    if (!r.ok) throw new Error(r.error.message);
    expect(rankedIntentsSchema.parse(r.value)).toEqual(r.value);
    expect(r.value.result).toMatchObject({ intent, slots });
    expect(r.value.candidates.length).toBeLessThanOrEqual(CLASSIFY_CANDIDATES);
    expect(r.value.candidates[0]?.intent).toBe(intent);
  });

  it('answers out_of_scope for what the centre does not do, and for empty text', async () => {
    for (const text of ['which counter sells bus tickets?', '', '😀']) {
      const r = await host.call('classify', { text, language: 'en' });
      expect(r).toMatchObject({ ok: true, value: { result: { intent: 'out_of_scope', slots: {} } } });
    }
  });

  it('refuses a malformed request before the model sees it', async () => {
    for (const bad of [
      { text: 'x', language: 'fr' },
      { text: 'x'.repeat(CLASSIFY_MAX_CHARS + 1), language: 'vi' },
      { text: 'x', language: 'vi', extra: true },
      { language: 'vi' },
    ]) {
      expect(await host.call('classify', bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      });
    }
  });
});

describe('KioskHost without an intent model', () => {
  it('says so in capabilities and answers classify with UNAVAILABLE', async () => {
    const none = new KioskHost({ config, speaker: undefined, classifier: undefined, log });
    expect(await none.call('capabilities', {})).toMatchObject({ ok: true, value: { intent: false } });
    expect(await none.call('classify', { text: 'khai sinh', language: 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });

  it('frees the model on close; classify is then UNAVAILABLE, never a crash', async () => {
    const h = new KioskHost({
      config,
      speaker: undefined,
      classifier: await OnnxIntentClassifier.load(),
      log,
    });
    await h.close();
    await h.close();
    expect(await h.call('classify', { text: 'khai sinh', language: 'vi' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});

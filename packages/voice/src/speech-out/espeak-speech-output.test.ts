import { describe, expect, it } from 'vitest';
import { decodeWav } from '../audio/wav.ts';
import { SpeechOutputError } from '../errors.ts';
import { EspeakSpeechOutput, ESPEAK_VOICES } from './espeak-speech-output.ts';
import { KIOSK_PHRASES, PLEASE_USE_SCREEN } from './kiosk-phrases.ts';

describe('EspeakSpeechOutput', () => {
  const tts = new EspeakSpeechOutput();

  it.each(Object.keys(ESPEAK_VOICES) as (keyof typeof ESPEAK_VOICES)[])(
    'speaks "please use the screen" in %s as a valid WAV of plausible length',
    async (lang) => {
      const wav = decodeWav(await tts.synthesize(PLEASE_USE_SCREEN[lang], lang));
      expect(wav.truncated).toBe(false);
      const seconds = wav.frames / wav.sampleRate;
      expect(seconds).toBeGreaterThan(1);
      expect(seconds).toBeLessThan(10);
      let peak = 0;
      for (const v of wav.samples) peak = Math.max(peak, Math.abs(v));
      expect(peak).toBeGreaterThan(0.05);
    },
  );

  it('treats text as data: a leading dash is spoken, not taken as an option', async () => {
    const wav = decodeWav(await tts.synthesize('--version -v en', 'en'));
    expect(wav.frames / wav.sampleRate).toBeGreaterThan(0.5);
  });

  it('uses a different voice per language (Vietnamese and English differ)', async () => {
    const vi = decodeWav(await tts.synthesize(KIOSK_PHRASES.vi[0] ?? '', 'vi'));
    const en = decodeWav(await tts.synthesize(KIOSK_PHRASES.vi[0] ?? '', 'en'));
    expect(vi.frames).not.toBe(en.frames);
  });

  it('reports a missing executable and empty text clearly', async () => {
    const broken = new EspeakSpeechOutput({ command: 'espeak-ng-not-installed' });
    await expect(broken.synthesize('xin chào', 'vi')).rejects.toThrow(
      /install it: apt-get install espeak-ng/,
    );
    await expect(tts.synthesize('   ', 'vi')).rejects.toBeInstanceOf(SpeechOutputError);
    await expect(tts.speak('', 'vi')).resolves.toBeUndefined();
    expect(() => new EspeakSpeechOutput({ rate: 5 })).toThrow(RangeError);
  });
});

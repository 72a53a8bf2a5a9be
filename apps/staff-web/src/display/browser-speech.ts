import type { Language } from '@reception/protocol';
import { SPEECH_LANG, type Utterance } from '@reception/i18n';
import type { SpeechSynthesizer } from './speech-synthesizer.ts';

/** Longest time one announcement may take before the next one goes ahead (a stuck voice engine). */
const MAX_ANNOUNCEMENT_MS = 15_000;

/** Short two-tone chime before each call, so people look up before the words start. */
async function chime(): Promise<void> {
  const Ctx = window.AudioContext as typeof AudioContext | undefined;
  if (!Ctx) return;
  const ctx = new Ctx();
  const tone = (freq: number, at: number) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + at);
    osc.stop(ctx.currentTime + at + 0.45);
  };
  tone(880, 0);
  tone(660, 0.3);
  await new Promise((r) => setTimeout(r, 750));
  await ctx.close();
}

function voiceFor(lang: Language): SpeechSynthesisVoice | undefined {
  const tag = SPEECH_LANG[lang].toLowerCase();
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === tag) ??
    voices.find((v) => v.lang.toLowerCase().startsWith(`${lang}-`) || v.lang.toLowerCase() === lang)
  );
}

/**
 * The browser's speech synthesis: a chime, then every utterance of the announcement handed to the engine
 * at once, so it goes from one language to the next without waiting for the page.
 */
export class BrowserSpeech implements SpeechSynthesizer {
  async speak(utterances: readonly Utterance[]): Promise<void> {
    await chime().catch(() => undefined);
    if (!('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const known = synth.getVoices().length > 0;
    const queued = utterances.flatMap((u) => {
      const voice = voiceFor(u.lang);
      if (!voice && known) return [];
      const utter = new SpeechSynthesisUtterance(u.text);
      utter.lang = SPEECH_LANG[u.lang];
      if (voice) utter.voice = voice;
      utter.rate = 0.9;
      return [utter];
    });
    const last = queued.at(-1);
    if (!last) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        synth.cancel();
        resolve();
      }, MAX_ANNOUNCEMENT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      last.onend = done;
      // A failed utterance cancels nothing after it; only the last one's failure ends the announcement.
      last.onerror = done;
      for (const u of queued) synth.speak(u);
    });
  }
}

/** Sound off: no voice, each call stays in the banner for `holdMs` so it can be read. */
export class SilentSpeech implements SpeechSynthesizer {
  constructor(private readonly holdMs = 3000) {}

  speak(): Promise<void> {
    return new Promise((r) => setTimeout(r, this.holdMs));
  }
}

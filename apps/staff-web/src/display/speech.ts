import type { Language } from '@reception/protocol';
import { SPEECH_LANG, type Utterance } from '@reception/i18n';

/** Longest time one utterance may take before the next one goes ahead (a stuck voice engine). */
const MAX_UTTERANCE_MS = 12_000;

/** Short two-tone chime before each call, so people look up before the words start. */
export async function chime(): Promise<void> {
  const Ctx = window.AudioContext as typeof AudioContext | undefined;
  if (!Ctx) return;
  const ctx = new Ctx();
  const tone = (freq: number, at: number) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.45);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + at);
    osc.stop(ctx.currentTime + at + 0.5);
  };
  tone(880, 0);
  tone(660, 0.35);
  await new Promise((r) => setTimeout(r, 900));
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
 * Speaks one utterance with the browser's speech synthesis; resolves when it ends, fails, or takes too
 * long. A language without an installed voice is skipped (the text stays on screen).
 */
export function speakInBrowser(u: Utterance): Promise<void> {
  if (!('speechSynthesis' in window)) return Promise.resolve();
  const voice = voiceFor(u.lang);
  if (!voice && window.speechSynthesis.getVoices().length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const utter = new SpeechSynthesisUtterance(u.text);
    utter.lang = SPEECH_LANG[u.lang];
    if (voice) utter.voice = voice;
    utter.rate = 0.9;
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      window.speechSynthesis.cancel();
      resolve();
    }, MAX_UTTERANCE_MS);
    utter.onend = done;
    utter.onerror = done;
    window.speechSynthesis.speak(utter);
  });
}

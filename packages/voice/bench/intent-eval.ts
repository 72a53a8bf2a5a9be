import { SAMPLE_RATE } from '../src/features/log-mel.ts';
import type { SpeechIntent, SpeechIntentResult } from '../src/intent/speech-intent.ts';
import type { VoiceEvent } from '../src/pipeline/voice-events.ts';
import { VoicePipeline } from '../src/pipeline/voice-pipeline.ts';
import type { VoiceActivityDetector } from '../src/vad/voice-activity.ts';
import type { WakeWordEngine } from '../src/wake/wake-word-engine.ts';
import type { Dialog, Utterance } from './eval-set.ts';

/** Right intent, and the right procedure/facility slot where the intent has one. */
export function isCorrect(
  u: Pick<Utterance, 'intent' | 'procedure' | 'facility'>,
  r: SpeechIntentResult,
): boolean {
  if (r.intent !== u.intent) return false;
  if (u.procedure !== 'none' && r.slots.procedure !== u.procedure) return false;
  if (u.facility !== 'none' && r.slots.facility !== u.facility) return false;
  return true;
}

export interface IntentScores {
  accuracy: number;
  in_scope_accuracy: number;
  oos_recall: number;
  in_scope_rejected: number;
  language_id_accuracy: number;
  per_language: Record<string, number>;
  n: number;
  confusions: Record<string, number>;
}

/** Runs the model on each utterance cut as the pipeline cuts it (0.2 s before, 0.1 s after). */
export async function scoreUtterances(
  model: SpeechIntent,
  audio: Float32Array,
  items: Utterance[],
): Promise<IntentScores> {
  let right = 0;
  let inScope = 0;
  let inRight = 0;
  let inRejected = 0;
  let oos = 0;
  let oosRejected = 0;
  let langRight = 0;
  const perLang: Record<string, [number, number]> = {};
  const confusions: Record<string, number> = {};
  for (const u of items) {
    const a = Math.max(0, Math.round((u.start - 0.2) * SAMPLE_RATE));
    const b = Math.min(audio.length, Math.round((u.end + 0.1) * SAMPLE_RATE));
    const r = await model.recognize(audio.subarray(a, b));
    const ok = isCorrect(u, r);
    const pl = (perLang[u.lang] ??= [0, 0]);
    pl[1]++;
    if (ok) {
      right++;
      pl[0]++;
    } else {
      const key = `${u.intent}${u.procedure === 'none' ? '' : `/${u.procedure}`} -> ${r.intent}${r.slots.procedure ? `/${r.slots.procedure}` : ''}`;
      confusions[key] = (confusions[key] ?? 0) + 1;
    }
    if (r.language === u.lang) langRight++;
    if (u.intent === 'out_of_scope') {
      oos++;
      if (r.intent === 'out_of_scope') oosRejected++;
    } else {
      inScope++;
      if (ok) inRight++;
      if (r.intent === 'out_of_scope') inRejected++;
    }
  }
  const top = Object.fromEntries(
    Object.entries(confusions)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 8),
  );
  return {
    accuracy: right / items.length,
    in_scope_accuracy: inRight / Math.max(1, inScope),
    oos_recall: oosRejected / Math.max(1, oos),
    in_scope_rejected: inRejected / Math.max(1, inScope),
    language_id_accuracy: langRight / items.length,
    per_language: Object.fromEntries(Object.entries(perLang).map(([k, [r, n]]) => [k, r / n])),
    n: items.length,
    confusions: top,
  };
}

export interface DialogScores {
  wake_found: number;
  intent_accuracy: number;
  responseMs: number[];
  computeMs: number[];
  /** Endpoint decided before the speech really ended (utterance cut short). */
  early_cuts: number;
}

/** Streams the dialogs through wake -> VAD -> intent in 4096-sample chunks, as a microphone would. */
export async function scoreDialogs(
  parts: { wake: WakeWordEngine; vad: VoiceActivityDetector; intent: SpeechIntent },
  audio: Float32Array,
  dialogs: Dialog[],
  endSilenceMs: number,
): Promise<DialogScores> {
  const p = new VoicePipeline(parts, { endpointer: { endSilenceMs } });
  const events: VoiceEvent[] = [];
  for (let at = 0; at < audio.length; at += 4096)
    events.push(...(await p.push(audio.subarray(at, at + 4096))));
  let wakes = 0;
  let right = 0;
  let early = 0;
  const responseMs: number[] = [];
  const computeMs: number[] = [];
  for (const d of dialogs) {
    const inDialog = (t: number): boolean => t >= d.keyword_end - 1.5 && t <= d.end + 3.0;
    if (events.some((e) => e.type === 'wake' && inDialog(e.detection.time))) wakes++;
    const ends = events.filter((e) => e.type === 'speech_end' && e.end >= d.start && e.end <= d.end + 3.0);
    const intents = events.filter(
      (e) => e.type === 'intent' && e.speechEnd >= d.start && e.speechEnd <= d.end + 3.0,
    );
    const end = ends[0];
    const intent = intents[0];
    if (end?.type !== 'speech_end' || intent?.type !== 'intent') continue;
    if (end.end < d.end - 0.15) early++;
    if (isCorrect(d, intent.result)) right++;
    // the intent is ready when the endpoint is decided (audio time) plus the model's compute time
    responseMs.push((end.time - d.end) * 1000 + intent.computeMs);
    computeMs.push(intent.computeMs);
  }
  return {
    wake_found: wakes / dialogs.length,
    intent_accuracy: right / dialogs.length,
    responseMs,
    computeMs,
    early_cuts: early,
  };
}

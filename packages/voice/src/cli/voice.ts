/**
 * voice CLI: what the kiosk hears in a WAV file, wake word -> end of speech -> intent.
 *   voice FILE.wav [--end-silence MS] [--threshold X]
 *     one JSON line per utterance after a wake word:
 *       {"keyword","wake_time","intent","confidence","slots","language","speech_start","speech_end"}
 *     {"keyword","wake_time","intent":null,"reason":"no_speech"} when nobody spoke after the wake word,
 *     {"intent":null,"reason":"no_wake_word"} when the file holds no wake word at all.
 *     `intent` is "out_of_scope" when the request is outside the spoken domain or unsure (the kiosk then
 *     says "please use the screen" in `language`).
 * Errors: one JSON object {"error":{"code","message"}} on stderr, exit 2 (bad WAV, missing model), 1 usage.
 */
import { parseArgs } from 'node:util';
import { readWav16k } from '../audio/read-wav.ts';
import { OnnxSpeechIntent } from '../intent/onnx-speech-intent.ts';
import type { VoiceEvent } from '../pipeline/voice-events.ts';
import { VoicePipeline } from '../pipeline/voice-pipeline.ts';
import { SileroVad } from '../vad/silero-vad.ts';
import { OnnxWakeWord } from '../wake/onnx-wake-word.ts';
import { out, parseNumber, round, runCli, UsageError } from './cli-support.ts';

const USAGE = 'usage: voice FILE.wav [--end-silence MS] [--threshold X]';

runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'end-silence': { type: 'string' }, threshold: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('give exactly one WAV file');
  const endSilenceMs = parseNumber('end-silence', values['end-silence'], 100, 3000);
  const threshold = parseNumber('threshold', values.threshold, 0.01, 1);
  const audio = await readWav16k(file);
  const pipeline = new VoicePipeline(
    {
      wake: await OnnxWakeWord.create(threshold === undefined ? {} : { threshold }),
      vad: await SileroVad.create(),
      intent: await OnnxSpeechIntent.create(),
    },
    endSilenceMs === undefined ? {} : { endpointer: { endSilenceMs } },
  );
  try {
    const events: VoiceEvent[] = await pipeline.push(audio.samples);
    // silence after the file lets an utterance that runs to the end of it be endpointed
    events.push(...(await pipeline.push(new Float32Array(16000 * 6))));
    let wake: { keyword: string; wake_time: number } | null = null;
    let printed = false;
    let speechStart: number | null = null;
    for (const e of events) {
      if (e.type === 'wake') wake = { keyword: e.detection.keyword, wake_time: round(e.detection.time, 3) };
      else if (e.type === 'speech_start') speechStart = e.time;
      else if (e.type === 'no_speech' && wake) {
        out({ ...wake, intent: null, reason: 'no_speech' });
        printed = true;
      } else if (e.type === 'intent' && wake) {
        const r = e.result;
        out({
          ...wake,
          intent: r.intent,
          confidence: round(r.confidence, 4),
          slots: r.slots,
          language: r.language,
          speech_start: speechStart === null ? null : round(speechStart, 3),
          speech_end: round(e.speechEnd, 3),
        });
        printed = true;
      }
    }
    if (!printed) out({ intent: null, reason: 'no_wake_word' });
  } finally {
    await pipeline.release();
  }
});

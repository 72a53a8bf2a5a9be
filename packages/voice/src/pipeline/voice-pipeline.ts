import { SAMPLE_RATE } from '../features/log-mel.ts';
import type { SpeechIntent } from '../intent/speech-intent.ts';
import { Endpointer, type EndpointerOptions } from '../vad/endpointer.ts';
import type { VoiceActivityDetector } from '../vad/voice-activity.ts';
import type { WakeWordEngine } from '../wake/wake-word-engine.ts';
import { SampleQueue } from './sample-queue.ts';
import type { VoiceEvent } from './voice-events.ts';

export interface VoicePipelineParts {
  wake: WakeWordEngine;
  vad: VoiceActivityDetector;
  intent: SpeechIntent;
}

export interface VoicePipelineOptions {
  endpointer?: Partial<EndpointerOptions>;
  /** Audio kept before the VAD's speech start, seconds (default 0.2: onsets are soft). */
  preRollS?: number;
}

/**
 * Wake word -> VAD endpoint -> speech intent, as one streaming object. Push 16 kHz mono float audio in
 * chunks of any size (an AudioWorklet's 128-sample blocks or a file's whole buffer); each `push` resolves
 * to the events that audio caused. The VAD runs only between a wake and the end of the utterance. While
 * muted (the kiosk speaking) audio is dropped and the wake word engine starts fresh on unmute. Calls to
 * `push` must not overlap (await each).
 */
export class VoicePipeline {
  private readonly parts: VoicePipelineParts;
  private readonly endpointer: Endpointer;
  private readonly preRoll: number;
  private readonly queue = new SampleQueue();
  private capturing = false;
  private clock = 0; // samples consumed (or dropped while muted)
  private captureStart = 0;
  private utterance: Float32Array[] = [];
  private muted = false;

  constructor(parts: VoicePipelineParts, opts: VoicePipelineOptions = {}) {
    this.parts = parts;
    this.endpointer = new Endpointer(parts.vad.frameLength, SAMPLE_RATE, opts.endpointer);
    this.preRoll = Math.round((opts.preRollS ?? 0.2) * SAMPLE_RATE);
  }

  /** Seconds of audio consumed so far (including audio dropped while muted). */
  get time(): number {
    return this.clock / SAMPLE_RATE;
  }

  /** True from a wake until the utterance ends: show the "listening" indicator. */
  get listening(): boolean {
    return this.capturing;
  }

  /** Drop audio while the kiosk speaks; on unmute the wake word engine starts fresh. */
  setMuted(muted: boolean): void {
    if (muted && !this.muted) {
      this.clock += this.queue.length;
      this.queue.clear();
    }
    if (this.muted && !muted) this.parts.wake.reset();
    this.muted = muted;
  }

  async push(chunk: Float32Array): Promise<VoiceEvent[]> {
    if (this.muted) {
      this.clock += chunk.length;
      return [];
    }
    this.queue.append(chunk);
    const events: VoiceEvent[] = [];
    for (;;) {
      const frame = this.queue.take(
        this.capturing ? this.parts.vad.frameLength : this.parts.wake.frameLength,
      );
      if (!frame) return events;
      this.clock += frame.length;
      if (this.capturing) await this.captureFrame(frame, events);
      else {
        const det = await this.parts.wake.process(frame);
        if (det) {
          events.push({ type: 'wake', detection: { ...det, time: this.time } });
          this.startCapture();
        }
      }
    }
  }

  private startCapture(): void {
    this.capturing = true;
    this.captureStart = this.clock;
    this.utterance = [];
    this.endpointer.begin();
    this.parts.vad.reset();
  }

  private async captureFrame(frame: Float32Array, events: VoiceEvent[]): Promise<void> {
    this.utterance.push(frame);
    const ev = this.endpointer.update(await this.parts.vad.process(frame));
    if (!ev) return;
    const t0 = this.captureStart / SAMPLE_RATE;
    switch (ev.type) {
      case 'speech_start':
        events.push({ type: 'speech_start', time: t0 + ev.time });
        return;
      case 'no_speech':
        events.push({ type: 'no_speech', time: t0 + ev.time });
        break;
      case 'speech_end': {
        events.push({ ...ev, start: t0 + ev.start, end: t0 + ev.end, time: t0 + ev.time });
        const c0 = performance.now();
        const result = await this.parts.intent.recognize(this.cut(ev.start, ev.end));
        events.push({ type: 'intent', result, speechEnd: t0 + ev.end, computeMs: performance.now() - c0 });
        break;
      }
      default: {
        const never: never = ev;
        throw new Error(`unknown endpoint event ${JSON.stringify(never)}`);
      }
    }
    this.capturing = false;
    this.utterance = [];
    this.parts.wake.reset();
  }

  private cut(startS: number, endS: number): Float32Array {
    const all = new Float32Array(this.utterance.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of this.utterance) {
      all.set(f, at);
      at += f.length;
    }
    const a = Math.max(0, Math.round(startS * SAMPLE_RATE) - this.preRoll);
    // 0.3 s after the last speech frame: Silero often drops below the end threshold in a final nasal or stop
    const b = Math.min(all.length, Math.round((endS + 0.3) * SAMPLE_RATE));
    return all.slice(a, b);
  }

  async release(): Promise<void> {
    await Promise.all([this.parts.wake.release(), this.parts.vad.release(), this.parts.intent.release()]);
  }
}

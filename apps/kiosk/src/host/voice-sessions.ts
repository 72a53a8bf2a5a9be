import { randomUUID } from 'node:crypto';
import type { VoiceEvent as PipelineEvent } from '@reception/voice/pipeline/voice-events';
import type { VoicePipeline } from '@reception/voice/pipeline/voice-pipeline';
import type { Keyword, WakeThreshold } from '@reception/voice/wake/wake-word-engine';
import { intentSlotsSchema } from '@reception/protocol';
import type { Logger } from 'pino';
import { VOICE_SAMPLE_RATE, type ListenOutcome, type VoiceEvent } from '../shared/voice-api.ts';
import { VOICE_LOG } from './voice-log.ts';

/** The loaded voice models: one pipeline at a time is made over them (sessions never overlap). */
export interface VoiceEngine {
  /** Wake word engine in use (`onnx`, or `porcupine` when configured and its key was accepted). */
  readonly wakeEngine: string;
  /**
   * Our wake word's rule and where it came from: the threshold from the model or a site calibration, run by
   * the shipped model or a site's (KIOSK_WAKE_MODEL); none for Porcupine.
   */
  readonly wakeRule?: {
    /** One for both keywords, or one per keyword (`KEYWORDS` order) for a model calibrated that way. */
    threshold: WakeThreshold;
    minConsecutive: number;
    /** The keywords it wakes on (KIOSK_WAKE_KEYWORDS). */
    keywords: readonly Keyword[];
    source: 'model' | 'site';
    model: 'shipped' | 'site';
  };
  /** A fresh pipeline over the shared models; the previous one must no longer be pushed to. */
  pipeline(): VoicePipeline;
  release(): Promise<void>;
}

export interface VoiceSessionsOptions {
  /** Loads the models once, on the first `listen` (a kiosk whose page never listens never loads them). */
  load: () => Promise<VoiceEngine>;
  emit: (event: VoiceEvent) => void;
  log: Logger;
  /** Audio still dropped after the kiosk stops speaking (its echo in the room and in the capture), ms. */
  echoTailMs?: number;
  /** A session whose unprocessed audio exceeds this is ended (`overrun`): the host cannot keep up, s. */
  maxBacklogS?: number;
  /** How often an open session logs how much audio it has heard (for `wakeword:field`'s hours), s. */
  progressEveryS?: number;
}

/** `pushAudio` or `stopListening` for a session that is not the current one (ended, replaced, unknown). */
export class VoiceSessionNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

interface Session {
  id: string;
  pipeline: VoicePipeline;
  /** Samples pushed so far. */
  pushed: number;
  /** Samples processed so far. */
  processed: number;
  chain: Promise<void>;
}

/** Signed 16-bit little-endian PCM to floats in [-1, 1). */
export function pcm16ToFloat(pcm: Uint8Array): Float32Array {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const out = new Float32Array(pcm.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

/**
 * The host's side of `listen` / `pushAudio` / `stopListening` (shared/voice-api.ts): one voice session at a
 * time, its audio processed in order off the request path (a push resolves once queued), the pipeline's
 * events re-emitted with the session id. While the kiosk speaks, and for `echoTailMs` after, the audio is
 * dropped, so the wake word never hears the kiosk's own answers. Audio is never stored or logged.
 */
export class VoiceSessions {
  private engine: Promise<VoiceEngine> | undefined;
  private current: Session | undefined;
  private speaking = false;
  private tail: ReturnType<typeof setTimeout> | undefined;
  private readonly echoTailMs: number;
  private readonly maxBacklog: number;
  private readonly progressEvery: number;

  constructor(private readonly opts: VoiceSessionsOptions) {
    this.echoTailMs = opts.echoTailMs ?? 300;
    this.maxBacklog = Math.round((opts.maxBacklogS ?? 2) * VOICE_SAMPLE_RATE);
    this.progressEvery = Math.round((opts.progressEveryS ?? 600) * VOICE_SAMPLE_RATE);
  }

  async listen(): Promise<ListenOutcome> {
    // A failed load is not remembered: the next listen tries again (e.g. after the models were installed).
    this.engine ??= this.opts.load().catch((e: unknown) => {
      this.engine = undefined;
      throw e;
    });
    const engine = await this.engine;
    if (this.current) this.end(this.current, 'replaced');
    const session: Session = {
      id: randomUUID(),
      pipeline: engine.pipeline(),
      pushed: 0,
      processed: 0,
      chain: Promise.resolve(),
    };
    session.pipeline.setMuted(this.muted);
    this.current = session;
    this.opts.log.info(
      { session: session.id, wake: engine.wakeEngine, rule: engine.wakeRule },
      VOICE_LOG.opened,
    );
    return { session: session.id, sampleRate: VOICE_SAMPLE_RATE, wakeEngine: engine.wakeEngine };
  }

  /** Queues the samples; resolves at once. The session ends (`overrun`) when the backlog grows too long. */
  push(id: string, pcm: Uint8Array): void {
    const s = this.session(id);
    const samples = pcm16ToFloat(pcm);
    s.pushed += samples.length;
    if (s.pushed - s.processed > this.maxBacklog) {
      this.opts.log.warn({ session: s.id, backlog: s.pushed - s.processed }, 'voice backlog too long');
      this.end(s, 'overrun');
      return;
    }
    s.chain = s.chain.then(async () => {
      if (this.current !== s) return;
      try {
        const events = await s.pipeline.push(samples);
        const before = s.processed;
        s.processed += samples.length;
        if (Math.floor(s.processed / this.progressEvery) > Math.floor(before / this.progressEvery)) {
          this.opts.log.info(
            { session: s.id, seconds: s.processed / VOICE_SAMPLE_RATE },
            VOICE_LOG.listening,
          );
        }
        for (const e of events) this.emitFrom(s, e);
      } catch (e) {
        this.opts.log.error({ session: s.id, err: e }, 'voice pipeline failed');
        this.end(s, 'failed');
      }
    });
  }

  /** Resolves once the audio pushed so far to the current session has been processed. */
  settled(): Promise<void> {
    return this.current?.chain ?? Promise.resolve();
  }

  stop(id: string): void {
    this.end(this.session(id), 'closed', false);
  }

  /** The kiosk's speaker started or stopped: drop the audio while it speaks and a moment after. */
  setSpeaking(speaking: boolean): void {
    clearTimeout(this.tail);
    if (speaking) {
      this.speaking = true;
      this.current?.pipeline.setMuted(true);
      return;
    }
    this.tail = setTimeout(() => {
      this.speaking = false;
      this.current?.pipeline.setMuted(false);
    }, this.echoTailMs);
  }

  /** Ends the session and frees the models. */
  async close(): Promise<void> {
    clearTimeout(this.tail);
    if (this.current) this.end(this.current, 'closed', false);
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await engine.then((e) => e.release()).catch(() => undefined);
  }

  private get muted(): boolean {
    return this.speaking;
  }

  private session(id: string): Session {
    const s = this.current;
    if (!s || s.id !== id) throw new VoiceSessionNotFoundError(`no voice session ${id}: listen again`);
    return s;
  }

  private end(s: Session, reason: 'replaced' | 'overrun' | 'failed' | 'closed', tell = true): void {
    if (this.current !== s) return;
    this.current = undefined;
    this.opts.log.info({ session: s.id, reason, seconds: s.processed / VOICE_SAMPLE_RATE }, VOICE_LOG.ended);
    if (tell) this.opts.emit({ type: 'ended', session: s.id, reason });
  }

  private emitFrom(s: Session, e: PipelineEvent): void {
    const session = s.id;
    switch (e.type) {
      case 'wake':
        this.opts.log.info(
          { session, keyword: e.detection.keyword, score: e.detection.score },
          VOICE_LOG.wake,
        );
        this.opts.emit({ type: 'wake', session, keyword: e.detection.keyword, score: e.detection.score });
        return;
      case 'speech_start':
        this.opts.emit({ type: 'speech_start', session });
        return;
      case 'speech_end':
        this.opts.emit({ type: 'speech_end', session, reason: e.reason });
        return;
      case 'no_speech':
        this.opts.log.info({ session }, VOICE_LOG.noSpeech);
        this.opts.emit({ type: 'no_speech', session });
        return;
      case 'intent': {
        const { intent, confidence, language } = e.result;
        // The model's slot values come from the same lists; one that does not is dropped, never passed on.
        const parsed = intentSlotsSchema.safeParse(e.result.slots);
        const slots = parsed.success ? parsed.data : {};
        // Intent and language only: what was asked is personal data.
        this.opts.log.info({ session, intent, language, ms: Math.round(e.computeMs) }, VOICE_LOG.intent);
        this.opts.emit({
          type: 'intent',
          session,
          result: { intent, confidence, slots },
          language,
          speechEndSample: Math.round(e.speechEnd * VOICE_SAMPLE_RATE),
          computeMs: e.computeMs,
        });
        return;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown voice event ${JSON.stringify(never)}`);
      }
    }
  }
}

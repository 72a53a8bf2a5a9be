import type { IntentResult, Language } from '@reception/protocol';
import type { KioskHostApi } from '../../shared/host-api.ts';
import type { VoiceEvent } from '../../shared/voice-api.ts';
import { MicCaptureError, startMicCapture, type MicCapture, type MicProblem } from './mic-capture.ts';

/** What the voice indicator shows. */
export type VoicePhase =
  | { phase: 'starting' }
  /** Waiting for "Xin chào Robot" / "Hello Robot". */
  | { phase: 'ready' }
  /** Woken: the citizen's request is being captured. */
  | { phase: 'listening' }
  /** End of speech: the intent is on its way. */
  | { phase: 'thinking' }
  /** Woken, but nothing was said. */
  | { phase: 'no_speech' }
  | { phase: 'unavailable'; problem: MicProblem };

export interface HeardIntent {
  result: IntentResult;
  language: Language;
  /** From the capture of the last sample of speech (as it reached the page) to this intent, ms. */
  responseMs: number;
}

export interface VoiceLinkOptions {
  host: KioskHostApi;
  /** Part of the microphone's label to prefer. */
  microphone: string;
  onIntent: (heard: HeardIntent) => void;
  /** Milliseconds clock (performance.now). */
  now?: () => number;
  /** Opens the microphone (tests pass their own). */
  capture?: typeof startMicCapture;
}

const RETRY_MS = 2000;

/** Absent outside a secure context, whatever the DOM types say. */
function mediaDevices(): MediaDevices | undefined {
  return (navigator as { mediaDevices?: MediaDevices }).mediaDevices;
}
const NO_SPEECH_SHOWN_MS = 3000;
/** Frames kept while the host opens a session (it loads the models on the first one): 5 s. */
const HELD_FRAMES = 125;
/** Capture times of the last 10 s of frames, to time the end of speech the host reports by sample index. */
const FRAME_TIMES_KEPT = 250;

/**
 * The page's end of a voice session: opens the microphone, asks the host to `listen`, pushes each 40 ms
 * frame, and turns the host's `voice` events into the indicator's phase and `onIntent` calls. A session
 * the host ends (overrun, failure) is reopened; a microphone that is refused, missing or unplugged shows
 * why and is tried again when the devices change. `level` is the last frame's RMS (the level meter).
 */
export class VoiceLink {
  phase: VoicePhase = { phase: 'starting' };
  level = 0;
  private session: string | undefined;
  private opening = false;
  private capture: MicCapture | undefined;
  private pushed = 0;
  private frameTimes: { end: number; at: number }[] = [];
  private held: { pcm: Int16Array<ArrayBuffer>; at: number }[] = [];
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly offVoice: () => void;
  private readonly now: () => number;

  constructor(private readonly opts: VoiceLinkOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.offVoice = opts.host.on('voice', (e) => this.onEvent(e));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    try {
      this.capture = await (this.opts.capture ?? startMicCapture)({
        preferLabel: this.opts.microphone,
        onFrame: (pcm, rms) => this.onFrame(pcm, rms),
        onEnded: () => this.lost('no_microphone'),
      });
    } catch (e) {
      this.lost(e instanceof MicCaptureError ? e.code : 'failed');
      console.warn(`voice: microphone unavailable: ${String(e)}`);
      return;
    }
    if (this.stopped) {
      await this.capture.stop();
      return;
    }
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.offVoice();
    mediaDevices()?.removeEventListener('devicechange', this.retry);
    const session = this.session;
    this.session = undefined;
    await this.capture?.stop();
    if (session) await this.opts.host.stopListening({ session });
  }

  private readonly retry = () => {
    mediaDevices()?.removeEventListener('devicechange', this.retry);
    if (!this.stopped) void this.start();
  };

  /** No microphone for now: show why, and try again when a device comes or goes. */
  private lost(problem: MicProblem): void {
    const capture = this.capture;
    this.capture = undefined;
    this.session = undefined;
    void capture?.stop();
    this.set({ phase: 'unavailable', problem });
    mediaDevices()?.addEventListener('devicechange', this.retry);
  }

  private async open(): Promise<void> {
    if (this.opening || this.stopped) return;
    this.opening = true;
    const r = await this.opts.host.listen({});
    this.opening = false;
    if (this.isStopped()) {
      if (r.ok) await this.opts.host.stopListening({ session: r.value.session });
      return;
    }
    if (!r.ok) {
      this.held = [];
      console.warn(`voice: listen failed: ${r.error.code} ${r.error.message}`);
      this.set({ phase: 'unavailable', problem: 'failed' });
      this.later(() => void this.open(), RETRY_MS * 5);
      return;
    }
    this.session = r.value.session;
    this.pushed = 0;
    this.frameTimes = [];
    this.set({ phase: 'ready' });
    // What was said while the session opened ("Xin chào Robot" as the kiosk starts) is not lost.
    const held = this.held;
    this.held = [];
    for (const f of held) this.send(r.value.session, f.pcm, f.at);
  }

  private onFrame(pcm: Int16Array<ArrayBuffer>, rms: number): void {
    const shown = Math.round(rms * 50) !== Math.round(this.level * 50);
    this.level = rms;
    if (shown) this.emit();
    const session = this.session;
    if (!session) {
      if (this.opening || this.phase.phase === 'starting') {
        this.held.push({ pcm, at: this.now() });
        if (this.held.length > HELD_FRAMES) this.held.shift();
      }
      return;
    }
    this.send(session, pcm, this.now());
  }

  private send(session: string, pcm: Int16Array<ArrayBuffer>, at: number): void {
    this.pushed += pcm.length;
    this.frameTimes.push({ end: this.pushed, at });
    if (this.frameTimes.length > FRAME_TIMES_KEPT) this.frameTimes.shift();
    const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    void this.opts.host.pushAudio({ session, pcm: bytes }).then((r) => {
      if (!r.ok && r.error.code === 'NOT_FOUND' && this.session === session) {
        this.session = undefined;
        void this.open();
      }
    });
  }

  /** When the frame holding sample `index` of the session reached the page. */
  private capturedAt(index: number): number | undefined {
    return this.frameTimes.find((f) => f.end >= index)?.at;
  }

  private onEvent(e: VoiceEvent): void {
    if (e.session !== this.session) return;
    switch (e.type) {
      case 'wake':
      case 'speech_start':
        clearTimeout(this.timer);
        this.set({ phase: 'listening' });
        return;
      case 'speech_end':
        this.set({ phase: 'thinking' });
        return;
      case 'no_speech':
        this.set({ phase: 'no_speech' });
        this.later(() => this.set({ phase: 'ready' }), NO_SPEECH_SHOWN_MS);
        return;
      case 'intent': {
        const at = this.capturedAt(e.speechEndSample);
        this.set({ phase: 'ready' });
        this.opts.onIntent({
          result: e.result,
          language: e.language,
          responseMs: at === undefined ? Number.NaN : this.now() - at,
        });
        return;
      }
      case 'ended':
        this.session = undefined;
        // Another page took the microphone pipeline over (a reload): this one stays quiet.
        if (e.reason === 'replaced') this.set({ phase: 'unavailable', problem: 'failed' });
        else this.later(() => void this.open(), RETRY_MS);
        return;
      default: {
        const never: never = e;
        throw new Error(`unknown voice event ${JSON.stringify(never)}`);
      }
    }
  }

  /** Read through a method: `stop()` may have run during an await, which the type checker cannot see. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private later(fn: () => void, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.stopped) fn();
    }, ms);
  }

  private set(phase: VoicePhase): void {
    this.phase = phase;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

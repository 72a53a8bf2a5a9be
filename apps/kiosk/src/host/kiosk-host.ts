import type { IntentClassifier } from '@reception/intent';
import { describeZodError, err, ok, type Result } from '@reception/protocol';
import { VoiceError } from '@reception/voice/errors';
import type { Logger } from 'pino';
import {
  CLASSIFY_CANDIDATES,
  HOST_METHODS,
  type HostCapabilities,
  type HostEventPayload,
  type HostHandlers,
  type HostMethod,
  type HostResponse,
  type KioskHostConfig,
} from '../shared/host-api.ts';
import { keywordSchema, type Keyword } from '../shared/voice-api.ts';
import { SpeechOutputError } from './speech-output.ts';
import type { Speaker } from './speaker.ts';
import { SampleNotFoundError, type VoiceSampleStore } from './voice-samples.ts';
import { VoiceSessionNotFoundError, VoiceSessions } from './voice-sessions.ts';

export interface KioskHostParts {
  config: KioskHostConfig;
  /** Absent when the kiosk has no speaker (KIOSK_SPEECH=none). */
  speaker: Speaker | undefined;
  /** Absent when the kiosk has no intent model (KIOSK_INTENT=none, or the model failed to load). */
  classifier: IntentClassifier | undefined;
  /** Absent when the kiosk has no voice (KIOSK_VOICE=none). Made with `KioskHost.voiceSessions`. */
  voice?: ((emit: (e: HostEventPayload<'voice'>) => void) => VoiceSessions) | undefined;
  /** The wake phrases the voice listens for (KIOSK_WAKE_KEYWORDS); default both. */
  wakeKeywords?: readonly Keyword[] | undefined;
  /** Present only while the site's voice samples are collected (KIOSK_VOICE_SAMPLES_DIR). */
  samples?: VoiceSampleStore | undefined;
  log: Logger;
}

/**
 * The kiosk's Node side, independent of its shell: the handlers of `HOST_METHODS` and the events the page
 * listens to. Electron's main process and the browser-mode host both wrap one of these; neither knows what
 * a method does.
 */
export class KioskHost {
  readonly handlers: HostHandlers;
  private readonly eventListeners = new Set<(payload: HostEventPayload<'speech'>) => void>();
  private readonly voiceListeners = new Set<(payload: HostEventPayload<'voice'>) => void>();
  private readonly voice: VoiceSessions | undefined;

  constructor(private readonly parts: KioskHostParts) {
    const { config, speaker } = parts;
    const voice = parts.voice?.((e) => {
      for (const l of this.voiceListeners) l(e);
    });
    this.voice = voice;
    speaker?.onChange((speaking) => {
      voice?.setSpeaking(speaking);
      for (const l of this.eventListeners) l({ speaking });
    });
    const needSamples = (): VoiceSampleStore => {
      if (!parts.samples) {
        throw new HostUnavailableError(
          'this kiosk is not collecting voice samples (KIOSK_VOICE_SAMPLES_DIR)',
        );
      }
      return parts.samples;
    };
    const needVoice = (): VoiceSessions => {
      if (!voice) throw new HostUnavailableError('this kiosk has no voice (KIOSK_VOICE=none)');
      return voice;
    };
    this.handlers = {
      getConfig: () => Promise.resolve(config),
      capabilities: () =>
        Promise.resolve<HostCapabilities>({
          speech: speaker ? { engine: speaker.engine } : null,
          intent: this.parts.classifier !== undefined,
          microphone: voice !== undefined,
          wakeKeywords: [...(parts.wakeKeywords ?? keywordSchema.options)],
          printer: false,
          voiceSamples: parts.samples !== undefined,
        }),
      speak: async ({ text, language }) => {
        if (!speaker) throw new HostUnavailableError('this kiosk has no speech output (KIOSK_SPEECH=none)');
        return speaker.say(text, language);
      },
      stopSpeaking: () => {
        speaker?.hush();
        return Promise.resolve(null);
      },
      listen: () => needVoice().listen(),
      pushAudio: ({ session, pcm }) => {
        needVoice().push(session, pcm);
        return Promise.resolve(null);
      },
      stopListening: ({ session }) => {
        needVoice().stop(session);
        return Promise.resolve(null);
      },
      samplesStatus: () => needSamples().status(),
      startVolunteer: ({ language }) => needSamples().startVolunteer(language),
      saveTake: ({ volunteer, keyword, pcm }) => needSamples().saveTake(volunteer, keyword, pcm),
      discardTake: ({ volunteer, keyword }) => needSamples().discardTake(volunteer, keyword),
      withdrawVolunteer: ({ volunteer }) => needSamples().withdrawVolunteer(volunteer),
      startLobby: () => needSamples().startLobby(),
      pushLobby: async ({ recording, pcm }) => {
        await needSamples().pushLobby(recording, pcm);
        return null;
      },
      stopLobby: ({ recording }) => needSamples().stopLobby(recording),
      classify: async ({ text, language }) => {
        const classifier = this.parts.classifier;
        if (!classifier) throw new HostUnavailableError('this kiosk has no intent model (KIOSK_INTENT=none)');
        const started = performance.now();
        const ranked = await classifier.rank(text, language, CLASSIFY_CANDIDATES);
        // What the citizen typed is theirs: only the answer and its cost are logged.
        parts.log.debug(
          {
            intent: ranked.result.intent,
            confidence: Number(ranked.result.confidence.toFixed(3)),
            ms: Number((performance.now() - started).toFixed(2)),
          },
          'classified',
        );
        return ranked;
      },
    };
  }

  /** Speaker started or stopped. */
  onSpeech(listener: (payload: HostEventPayload<'speech'>) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** What the voice pipeline heard (every session's events; the page keeps its own session's). */
  onVoice(listener: (payload: HostEventPayload<'voice'>) => void): () => void {
    this.voiceListeners.add(listener);
    return () => this.voiceListeners.delete(listener);
  }

  /**
   * Runs one method on an untrusted request: validates it with the method's schema, then answers with a
   * `Result`. Never throws.
   */
  async call<M extends HostMethod>(method: M, raw: unknown): Promise<Result<HostResponse<M>>> {
    const spec = HOST_METHODS[method];
    const parsed = spec.rpc.request.safeParse(raw ?? {});
    if (!parsed.success) {
      return err('INVALID_PAYLOAD', describeZodError(parsed.error));
    }
    const handler = this.handlers[method] as (r: unknown) => Promise<HostResponse<M>>;
    try {
      return ok(await handler(parsed.data));
    } catch (e) {
      if (e instanceof HostUnavailableError || e instanceof SpeechOutputError || e instanceof VoiceError) {
        this.parts.log.warn({ method, err: e.message }, 'host method unavailable');
        return err('UNAVAILABLE', e.message);
      }
      if (e instanceof VoiceSessionNotFoundError || e instanceof SampleNotFoundError) {
        return err('NOT_FOUND', e.message);
      }
      this.parts.log.error({ method, err: e }, 'host method failed');
      return err('INTERNAL', `${method} failed`);
    }
  }

  /**
   * Silences the speaker, ends the voice session and frees the models; later calls of `classify` answer
   * UNAVAILABLE.
   */
  async close(): Promise<void> {
    this.parts.speaker?.hush();
    await this.voice?.close();
    await this.parts.samples?.close();
    this.eventListeners.clear();
    this.voiceListeners.clear();
    const classifier = this.parts.classifier;
    this.parts.classifier = undefined;
    await classifier?.close();
  }
}

export class HostUnavailableError extends Error {
  readonly code = 'UNAVAILABLE';
}

/** True for a string naming a host method (requests arrive by name over IPC or socket.io). */
export function isHostMethod(name: string): name is HostMethod {
  return Object.hasOwn(HOST_METHODS, name);
}

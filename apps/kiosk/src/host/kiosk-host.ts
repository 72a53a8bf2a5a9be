import { describeZodError, err, ok, type Result } from '@reception/protocol';
import type { Logger } from 'pino';
import {
  HOST_METHODS,
  type HostCapabilities,
  type HostEventPayload,
  type HostHandlers,
  type HostMethod,
  type HostResponse,
  type KioskHostConfig,
} from '../shared/host-api.ts';
import { SpeechOutputError } from './speech-output.ts';
import type { Speaker } from './speaker.ts';

export interface KioskHostParts {
  config: KioskHostConfig;
  /** Absent when the kiosk has no speaker (KIOSK_SPEECH=none). */
  speaker: Speaker | undefined;
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

  constructor(private readonly parts: KioskHostParts) {
    const { config, speaker } = parts;
    speaker?.onChange((speaking) => {
      for (const l of this.eventListeners) l({ speaking });
    });
    this.handlers = {
      getConfig: () => Promise.resolve(config),
      capabilities: () =>
        Promise.resolve<HostCapabilities>({
          speech: speaker ? { engine: speaker.engine } : null,
          intent: false,
          microphone: false,
          printer: false,
        }),
      speak: async ({ text, language }) => {
        if (!speaker) throw new HostUnavailableError('this kiosk has no speech output (KIOSK_SPEECH=none)');
        return speaker.say(text, language);
      },
      stopSpeaking: () => {
        speaker?.hush();
        return Promise.resolve(null);
      },
    };
  }

  /** Speaker started or stopped (the only event so far). */
  onSpeech(listener: (payload: HostEventPayload<'speech'>) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
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
      if (e instanceof HostUnavailableError || e instanceof SpeechOutputError) {
        this.parts.log.warn({ method, err: e.message }, 'host method unavailable');
        return err('UNAVAILABLE', e.message);
      }
      this.parts.log.error({ method, err: e }, 'host method failed');
      return err('INTERNAL', `${method} failed`);
    }
  }

  close(): void {
    this.parts.speaker?.hush();
    this.eventListeners.clear();
  }
}

export class HostUnavailableError extends Error {
  readonly code = 'UNAVAILABLE';
}

/** True for a string naming a host method (requests arrive by name over IPC or socket.io). */
export function isHostMethod(name: string): name is HostMethod {
  return Object.hasOwn(HOST_METHODS, name);
}

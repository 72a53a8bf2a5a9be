import type { Result } from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';
import {
  type HostEvent,
  type HostEventPayload,
  type HostMethod,
  type HostRequest,
  type HostResponse,
  type KioskHostApi,
} from '../shared/host-api.ts';

/** Name of the meta tag in which the browser-mode host hands its page this launch's secret. */
export const HOST_META_NAME = 'kiosk-host';
const HOST_NAMESPACE = '/host';

/**
 * The host API over socket.io, for a page served by the browser-mode host (src/host/browser-host.ts).
 * Same functions as Electron's preload; a call the host does not answer within `timeoutMs` resolves as
 * `TIMEOUT`, so a stalled host never freezes the kiosk.
 */
export class SocketHostClient implements KioskHostApi {
  private readonly socket: Socket;

  constructor(
    origin: string,
    secret: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.socket = io(new URL(HOST_NAMESPACE, origin).toString(), {
      auth: { secret },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
  }

  private call<M extends HostMethod>(method: M, request: HostRequest<M>): Promise<Result<HostResponse<M>>> {
    return new Promise((resolve) => {
      this.socket
        .timeout(this.timeoutMs)
        .emit(method, request, (e: unknown, res: Result<HostResponse<M>>) => {
          if (e) resolve({ ok: false, error: { code: 'TIMEOUT', message: `host did not answer ${method}` } });
          else resolve(res);
        });
    });
  }

  getConfig = (r: HostRequest<'getConfig'>) => this.call('getConfig', r);
  capabilities = (r: HostRequest<'capabilities'>) => this.call('capabilities', r);
  speak = (r: HostRequest<'speak'>) => this.call('speak', r);
  stopSpeaking = (r: HostRequest<'stopSpeaking'>) => this.call('stopSpeaking', r);
  listen = (r: HostRequest<'listen'>) => this.call('listen', r);
  pushAudio = (r: HostRequest<'pushAudio'>) => this.call('pushAudio', r);
  stopListening = (r: HostRequest<'stopListening'>) => this.call('stopListening', r);
  classify = (r: HostRequest<'classify'>) => this.call('classify', r);
  samplesStatus = (r: HostRequest<'samplesStatus'>) => this.call('samplesStatus', r);
  startVolunteer = (r: HostRequest<'startVolunteer'>) => this.call('startVolunteer', r);
  saveTake = (r: HostRequest<'saveTake'>) => this.call('saveTake', r);
  discardTake = (r: HostRequest<'discardTake'>) => this.call('discardTake', r);
  withdrawVolunteer = (r: HostRequest<'withdrawVolunteer'>) => this.call('withdrawVolunteer', r);
  startLobby = (r: HostRequest<'startLobby'>) => this.call('startLobby', r);
  pushLobby = (r: HostRequest<'pushLobby'>) => this.call('pushLobby', r);
  stopLobby = (r: HostRequest<'stopLobby'>) => this.call('stopLobby', r);

  on<E extends HostEvent>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void {
    const h = listener as (p: unknown) => void;
    const name: string = event;
    this.socket.on(name, h);
    return () => {
      this.socket.off(name, h);
    };
  }
}

/**
 * The kiosk's Node side, wherever the page runs: Electron's preload (`window.kioskHost`), the browser-mode
 * host that served this page (its secret is in a meta tag), or none (the page came from the bridge: no
 * speech, settings from the URL).
 */
export function findHost(win: Window): KioskHostApi | undefined {
  if (win.kioskHost) return win.kioskHost;
  const secret = win.document.querySelector<HTMLMetaElement>(`meta[name="${HOST_META_NAME}"]`)?.content;
  if (!secret) return undefined;
  return new SocketHostClient(win.location.origin, secret);
}

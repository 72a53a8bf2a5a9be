import {
  NAMESPACES,
  type ErrorCode,
  type KioskClientEvents,
  type KioskServerEvents,
  type Result,
} from '@reception/protocol';
import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';
export type KioskRequest = keyof KioskClientEvents;
export type RequestPayload<K extends KioskRequest> = Parameters<KioskClientEvents[K]>[0];
export type RequestResult<K extends KioskRequest> = Parameters<Parameters<KioskClientEvents[K]>[1]>[0];
export type KioskBroadcast = keyof KioskServerEvents;

export interface BridgeClientOptions {
  /** Origin of the bridge, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Kiosk device token. */
  token: string;
  /** How long a request may wait for its answer before it resolves as a `TIMEOUT` error. */
  timeoutMs?: number;
  /** After the bridge refused the token, try again this much later (the operator may fix it). */
  unauthorizedRetryMs?: number;
  /**
   * Skip HTTP long-polling. Needed when the page is not served by the bridge (Electron's app:// renderer):
   * the bridge allows no cross-origin HTTP, and WebSockets are not subject to CORS.
   */
  websocketOnly?: boolean;
}

type LooseEmitter = {
  timeout(ms: number): {
    emit(event: string, payload: unknown, cb: (err: unknown, res: unknown) => void): void;
  };
};

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The kiosk's connection to the bridge: socket.io namespace `/kiosk`, typed requests from
 * `KioskClientEvents`, and a connection state for the on-screen banner. Runs the same in a browser page, in
 * Electron's renderer and in Node. A request never throws and never hangs: no answer within the timeout
 * becomes a `TIMEOUT` error, a malformed answer an `INTERNAL` one. Requests made while disconnected are
 * buffered by socket.io and sent on reconnection if still within their timeout.
 */
export class BridgeClient {
  private readonly socket: Socket<KioskServerEvents, KioskClientEvents>;
  private current: ConnectionState = 'connecting';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly timeoutMs: number;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private everConnected = false;

  constructor(opts: BridgeClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 8000;
    const retryMs = opts.unauthorizedRetryMs ?? 30_000;
    this.socket = io(new URL(NAMESPACES.kiosk, opts.url).toString(), {
      auth: { token: opts.token },
      // Exponential back-off with jitter: about 10 attempts in the first minute a bridge takes to start,
      // not one every half second, and many kiosks do not knock in step.
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      ...(opts.websocketOnly ? { transports: ['websocket'] } : {}),
    });
    this.socket.on('connect', () => {
      this.everConnected = true;
      this.setState('connected');
    });
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.setState('reconnecting');
      // The server closing us on purpose stops socket.io's own retries; a kiosk must keep trying.
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', () => {
      if (this.socket.active) {
        this.setState(this.everConnected ? 'reconnecting' : 'connecting');
        return;
      }
      // Refused by the bridge's middleware (bad token): socket.io will not retry by itself.
      this.setState('unauthorized');
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.socket.connect(), retryMs);
    });
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Calls `listener` on every change of connection state; returns the unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Listens to a bridge broadcast; returns the unsubscribe function. */
  onBroadcast<K extends KioskBroadcast>(event: K, handler: KioskServerEvents[K]): () => void {
    const on = this.socket.on.bind(this.socket) as (e: string, h: (...args: unknown[]) => void) => void;
    const off = this.socket.off.bind(this.socket) as (e: string, h: (...args: unknown[]) => void) => void;
    const h = handler as (...args: unknown[]) => void;
    on(event, h);
    return () => off(event, h);
  }

  /** Sends one request and resolves with the bridge's `Result` (or a TIMEOUT / INTERNAL error). */
  request<K extends KioskRequest>(event: K, payload: RequestPayload<K>): Promise<RequestResult<K>> {
    return new Promise((resolve) => {
      const emitter = this.socket as unknown as LooseEmitter;
      emitter.timeout(this.timeoutMs).emit(event, payload, (err, res) => {
        if (err) {
          resolve(failure('TIMEOUT', `no answer to '${event}' within ${this.timeoutMs} ms`));
        } else if (!isResult(res)) {
          resolve(failure('INTERNAL', `malformed answer to '${event}'`));
        } else {
          resolve(res as RequestResult<K>);
        }
      });
    });
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.stateListeners.clear();
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const l of this.stateListeners) l(state);
  }
}

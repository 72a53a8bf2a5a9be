import { timingSafeEqual } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import { HOST_METHODS, type HostMethod } from '../shared/host-api.ts';
import type { KioskHost } from './kiosk-host.ts';

/** socket.io namespace of the host API in browser mode. */
export const HOST_NAMESPACE = '/host';

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode's IPC: the host API over socket.io on the host's own HTTP server (127.0.0.1 only). A
 * connection must come from one of `origins` (the host's own page: no other web page can open it, even
 * in the same browser) and present this launch's secret; then each `HOST_METHODS` name is one event whose
 * ack carries the `Result`, and host events are emitted by name.
 */
export function attachHostSocket(
  http: HttpServer,
  host: KioskHost,
  opts: { secret: string; origins: () => readonly string[]; log: Logger },
): Server {
  const io = new Server(http, {
    serveClient: false,
    transports: ['websocket'],
    cors: { origin: false },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin !== undefined && opts.origins().includes(origin));
    },
  });
  const nsp = io.of(HOST_NAMESPACE);
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { secret?: unknown };
    if (sameSecret(auth.secret, opts.secret)) next();
    else {
      opts.log.warn({ origin: socket.handshake.headers.origin }, 'host connection refused: wrong secret');
      next(new Error('unauthorized'));
    }
  });
  nsp.on('connection', (socket) => {
    const offSpeech = host.onSpeech((payload) => socket.emit('speech', payload));
    const offVoice = host.onVoice((payload) => socket.emit('voice', payload));
    socket.on('disconnect', () => {
      offSpeech();
      offVoice();
    });
    for (const method of Object.keys(HOST_METHODS) as HostMethod[]) {
      socket.on(method, (raw: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        void host.call(method, raw).then((result) => (ack as (r: unknown) => void)(result));
      });
    }
  });
  return io;
}

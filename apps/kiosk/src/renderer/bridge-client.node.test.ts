import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeClient, type ConnectionState } from './bridge-client.ts';

// BridgeClient against a real socket.io server on a free port (typechecked as Node code: the client must not
// depend on the DOM). The server mimics the bridge's /kiosk namespace: token check in middleware, Result acks.

let http: HttpServer;
let io: Server;
let url: string;
const clients: BridgeClient[] = [];

function client(token: string, timeoutMs = 8000): BridgeClient {
  const c = new BridgeClient({ url, token, timeoutMs, websocketOnly: true, unauthorizedRetryMs: 60_000 });
  clients.push(c);
  return c;
}

function until(c: BridgeClient, wanted: ConnectionState): Promise<void> {
  if (c.state === wanted) return Promise.resolve();
  return new Promise((resolve) => {
    const off = c.onState((s) => {
      if (s === wanted) {
        off();
        resolve();
      }
    });
  });
}

beforeEach(async () => {
  http = createServer();
  io = new Server(http);
  const kiosk = io.of('/kiosk');
  kiosk.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    next(token === 'good' ? undefined : new Error('UNAUTHORIZED'));
  });
  kiosk.on('connection', (socket) => {
    socket.on('bridge:info', (_payload: unknown, ack: (r: unknown) => void) =>
      ack({ ok: true, value: { version: '9.9.9', site_id: 'test', started_at: 'now' } }),
    );
    // Never answers: the client must turn silence into TIMEOUT.
    socket.on('site:get', () => undefined);
    socket.on('session:language', (_payload: unknown, ack: (r: unknown) => void) => ack('not a result'));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await io.close();
});

describe('BridgeClient', () => {
  it('connects and resolves a request with the bridge Result', async () => {
    const c = client('good');
    await until(c, 'connected');
    await expect(c.request('bridge:info', {})).resolves.toEqual({
      ok: true,
      value: { version: '9.9.9', site_id: 'test', started_at: 'now' },
    });
  });

  it('turns an unanswered request into a TIMEOUT error instead of hanging', async () => {
    const c = client('good', 300);
    await until(c, 'connected');
    const r = await c.request('site:get', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('TIMEOUT');
  });

  it('turns a malformed answer into an INTERNAL error', async () => {
    const c = client('good');
    await until(c, 'connected');
    const r = await c.request('session:language', { language: 'ur' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('reports a refused token as unauthorized', async () => {
    const c = client('bad');
    await until(c, 'unauthorized');
    expect(c.state).toBe('unauthorized');
  });

  it('reports reconnecting when the server goes away', async () => {
    const c = client('good');
    await until(c, 'connected');
    io.of('/kiosk').disconnectSockets(true);
    await io.close();
    await until(c, 'reconnecting');
    expect(c.state).toBe('reconnecting');
  });
});

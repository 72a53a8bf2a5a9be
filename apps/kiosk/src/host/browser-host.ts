import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { contentSecurityPolicy } from '../main/security.ts';
import type { KioskConfig } from './config.ts';
import { attachHostSocket } from './host-socket.ts';
import type { KioskHost } from './kiosk-host.ts';
import { serveRenderer } from './static-renderer.ts';

export interface BrowserHost {
  /** e.g. `http://127.0.0.1:8090`; the kiosk page is `${url}/kiosk/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode's shell: one HTTP server on 127.0.0.1 that serves the built renderer (so the kiosk still
 * shows, from its cache, while the bridge is down) and the host API over socket.io, guarded by a secret
 * made afresh at every launch. A browser in kiosk mode (Chromium `--kiosk`, see deploy/) opens `url/kiosk/`.
 */
export async function startBrowserHost(
  config: KioskConfig,
  host: KioskHost,
  log: Logger,
): Promise<BrowserHost> {
  const secret = randomBytes(32).toString('base64url');
  const csp = contentSecurityPolicy(config.KIOSK_BRIDGE_URL);
  const serve = serveRenderer({ webDir: config.KIOSK_WEB_DIR, csp, secret });
  let origins: string[] = [];
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.local');
    if (url.pathname === '/' || url.pathname === '/kiosk') {
      res.writeHead(302, { location: '/kiosk/' }).end();
      return;
    }
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    serve(req, res, url.pathname).catch((e: unknown) => {
      log.error({ err: e, path: url.pathname }, 'serving the renderer failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const io = attachHostSocket(http, host, { secret, origins: () => origins, log });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.KIOSK_HOST_PORT, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const url = `http://127.0.0.1:${port}`;
  log.info({ url: `${url}/kiosk/`, bridge: config.KIOSK_BRIDGE_URL, port }, 'kiosk host listening');
  return {
    url,
    port,
    close: async () => {
      await host.close();
      await io.close();
      if (http.listening) await new Promise((resolve) => http.close(resolve));
    },
  };
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { MetricsRegistry } from './metrics.ts';
import { StaffAuthError, type StaffSessions } from './staff-auth.ts';
import { staticApp } from './static-files.ts';

/** Content-Security-Policy for every page the bridge serves (ARCHITECTURE.md section 8). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

export interface HealthCheck {
  name: string;
  /** `ok` false marks the bridge degraded; `/healthz` still answers so operators can read why. */
  check(): { ok: boolean; detail?: string };
}

export interface HttpComponents {
  log: Logger;
  metrics: MetricsRegistry;
  staff: StaffSessions;
  health: HealthCheck[];
  webDirs: { kiosk: string; staff: string };
  startedAt: Date;
  version: string;
  /** Extra JSON routes mounted by features (`/api/...`); return false when the path is not theirs. */
  routes?: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean)[];
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Reads a JSON request body of at most `limit` bytes; rejects with a message fit for a 400 answer. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(`body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new Error('body is not valid JSON');
  }
}

const INDEX_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Reception robot bridge</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>Reception robot bridge</h1><ul>
<li><a href="/kiosk/">Kiosk</a> (citizens)</li><li><a href="/console/">Staff console</a></li>
<li><a href="/counter/">Counter</a> (staff at a desk)</li><li><a href="/display/">Lobby display</a></li>
<li><a href="/healthz">Health</a> · <a href="/metrics">Metrics</a></li></ul></body></html>`;

/** HTTP side of the bridge: health, metrics, staff login, and the four web apps. */
export function createHttpHandler(c: HttpComponents): RequestListener {
  const httpRequests = c.metrics.counter('bridge_http_requests_total', 'HTTP requests by route and status');
  const pages = {
    kiosk: staticApp('/kiosk', c.webDirs.kiosk, PAGE_CSP),
    console: staticApp('/console', `${c.webDirs.staff}/console`, PAGE_CSP),
    counter: staticApp('/counter', `${c.webDirs.staff}/counter`, PAGE_CSP),
    display: staticApp('/display', `${c.webDirs.staff}/display`, PAGE_CSP),
    assets: staticApp('/assets', `${c.webDirs.staff}/assets`, PAGE_CSP),
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> => {
    const p = url.pathname;
    if (p === '/healthz') {
      const checks = c.health.map((h) => ({ name: h.name, ...h.check() }));
      const status = checks.every((x) => x.ok) ? 'ok' : 'degraded';
      sendJson(res, 200, {
        status,
        version: c.version,
        uptime_s: Math.round((Date.now() - c.startedAt.getTime()) / 1000),
        checks,
      });
      return '/healthz';
    }
    if (p === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(c.metrics.render());
      return '/metrics';
    }
    if (p === '/api/auth/login' && req.method === 'POST') {
      try {
        const body = (await readJson(req)) as { username?: unknown; password?: unknown };
        if (typeof body.username !== 'string' || typeof body.password !== 'string') {
          sendJson(res, 400, {
            error: { code: 'INVALID_PAYLOAD', message: 'username and password are required' },
          });
        } else {
          const session = c.staff.login(body.username, body.password);
          c.log.info({ actor: session.who.username }, 'staff logged in');
          sendJson(res, 200, session);
        }
      } catch (e) {
        if (e instanceof StaffAuthError) {
          sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: e.message } });
        } else sendJson(res, 400, { error: { code: 'INVALID_PAYLOAD', message: (e as Error).message } });
      }
      return '/api/auth/login';
    }
    for (const extra of c.routes ?? [])
      if (await extra(req, res, url)) return p.split('/').slice(0, 3).join('/');
    for (const [name, serve] of Object.entries(pages)) {
      const prefix = `/${name}`;
      if (p === prefix) {
        res.writeHead(301, { location: `${prefix}/${url.search}` }).end();
        return prefix;
      }
      if (p.startsWith(`${prefix}/`)) {
        await serve(req, res, p);
        return prefix;
      }
    }
    if (p === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP });
      res.end(INDEX_HTML);
      return '/';
    }
    sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `no route ${p}` } });
    return 'unmatched';
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bridge.local');
    route(req, res, url)
      .then((name) => httpRequests.inc({ route: name, status: String(res.statusCode) }))
      .catch((e: unknown) => {
        c.log.error({ err: e, path: url.pathname }, 'http handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
        else res.destroy();
      });
  };
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
} from 'fastify';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { healthReport, type HealthCheck } from './health.ts';
import { codeForStatus, HttpError } from './http-error.ts';
import { originAllowed } from './origin.ts';
import type { TlsFiles } from './tls.ts';

/** Content-Security-Policy directives for every answer the bridge gives (ARCHITECTURE.md section 8). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** Largest JSON body the bridge reads; larger ones are answered 413 and the connection is closed. */
export const BODY_LIMIT = 64 * 1024;

export interface HttpComponents {
  log: Logger;
  metrics: Registry;
  health: HealthCheck[];
  webDirs: { kiosk: string; staff: string };
  startedAt: Date;
  version: string;
  /** Web origins besides the bridge's own that may POST and open sockets (e.g. `app://kiosk`). */
  allowedOrigins: readonly string[];
  /** Feature routes (auth, tickets, audit, API documents), each a Fastify plugin. */
  plugins: FastifyPluginAsync[];
  /** Certificate and key: HTTPS (and WSS) only. Absent: plain HTTP. */
  tls?: TlsFiles;
}

const INDEX_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Reception robot bridge</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>Reception robot bridge</h1><ul>
<li><a href="/kiosk/">Kiosk</a> (citizens)</li><li><a href="/console/">Staff console</a></li>
<li><a href="/counter/">Counter</a> (staff at a desk)</li><li><a href="/display/">Lobby display</a></li>
<li><a href="/healthz">Health</a> · <a href="/metrics">Metrics</a> ·
<a href="/api/openapi.json">OpenAPI</a> · <a href="/api/asyncapi.json">AsyncAPI</a></li></ul></body></html>`;

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: { code, message } });
}

/**
 * One built single-page app under `prefix`: files with ETag/304 and their MIME types, `index.html` for client
 * routes, 404 for missing assets, 503 with a hint when the app was not built.
 */
function webApp(prefix: string, root: string, spa: boolean): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      decorateReply: true,
      redirect: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600');
      },
    });
    app.setNotFoundHandler((req, reply) => {
      const rest = (req.url.split('?')[0] ?? '').slice(prefix.length);
      if (!spa || path.extname(rest)) return sendError(reply, 404, 'NOT_FOUND', `no file ${req.url}`);
      if (!existsSync(path.join(root, 'index.html'))) {
        return sendError(
          reply,
          503,
          'UNAVAILABLE',
          `${prefix} is not built: run \`npm run build\` (looked in ${root})`,
        );
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    });
  };
}

/** The bridge's HTTP side on Fastify: security headers, errors, health, metrics, the web apps and feature routes. */
export async function createHttpServer(c: HttpComponents): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = c.log.child({ component: 'http' });
  const app = Fastify({
    ...(c.tls ? { https: c.tls } : {}),
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // A malformed `%` escape or other unroutable URL: 400, never 500.
    frameworkErrors: (error, _req, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      void sendError(reply, status >= 500 ? 400 : status, 'INVALID_PAYLOAD', error.message);
    },
  });
  // JSON and (for the rating page) forms only: a cross-site `text/plain` POST is refused as 415.
  app.removeContentTypeParser('text/plain');

  const requests = new Counter({
    name: 'bridge_http_requests_total',
    help: 'HTTP requests by route (the route pattern, never the raw path) and status',
    labelNames: ['route', 'status'],
    registers: [c.metrics],
  });
  app.addHook('onResponse', (req, reply, done) => {
    requests.inc({ route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
    done();
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain HTTP on a LAN: HSTS would pin nothing; the Electron kiosk (app://) may load the bridge's files.
    strictTransportSecurity: false,
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  });

  // Login CSRF and friends: a state-changing request from a foreign web page is refused before any route.
  app.addHook('onRequest', (req, reply, done) => {
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    const origin = req.headers.origin;
    const crossSite = req.headers['sec-fetch-site'] === 'cross-site' && origin === undefined;
    if (!safe && (crossSite || !originAllowed(origin, req.headers.host, c.allowedOrigins))) {
      void sendError(
        reply,
        403,
        'FORBIDDEN',
        `requests from origin ${origin ?? '(cross-site)'} are not accepted`,
      );
      return;
    }
    done();
  });

  app.setErrorHandler((error: Error, req, reply) => {
    if (error instanceof HttpError) {
      return sendError(reply.headers(error.headers), error.statusCode, error.code, error.message);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err: error, route: req.routeOptions.url }, 'http handler failed');
      return sendError(reply, 500, 'INTERNAL', 'internal error; the bridge logged the details');
    }
    // Body too large or unreadable: answer and close, so no half-read body is left on a kept-alive socket.
    if (status === 413 || status === 400) reply.header('connection', 'close');
    return sendError(reply, status, codeForStatus(status), error.message);
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0] ?? ''}`),
  );

  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(INDEX_HTML));
  // Browsers ask every origin for an icon: the kiosk's, or "no content" when the kiosk is not built.
  app.get('/favicon.ico', async (_req, reply) => {
    const icon = await readFile(path.resolve(c.webDirs.kiosk, 'favicon.ico')).catch(() => undefined);
    reply.header('cache-control', 'public, max-age=86400');
    return icon ? reply.type('image/x-icon').send(icon) : reply.code(204).send();
  });
  app.get('/healthz', (_req, reply) =>
    reply.header('cache-control', 'no-store').send(healthReport(c.health, c.version, c.startedAt)),
  );
  app.get('/metrics', async (_req, reply) =>
    reply
      .type(c.metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await c.metrics.metrics()),
  );

  const pages: [string, string, boolean][] = [
    ['/kiosk', c.webDirs.kiosk, true],
    ['/console', path.join(c.webDirs.staff, 'console'), true],
    ['/counter', path.join(c.webDirs.staff, 'counter'), true],
    ['/display', path.join(c.webDirs.staff, 'display'), true],
    ['/assets', path.join(c.webDirs.staff, 'assets'), false],
  ];
  for (const [prefix, root, spa] of pages) {
    app.get(prefix, (req, reply) => reply.redirect(`${prefix}/${req.url.slice(prefix.length)}`, 301));
    await app.register(webApp(prefix, path.resolve(root), spa), { prefix });
  }
  for (const plugin of c.plugins) await app.register(plugin);
  return app;
}

/** Raises an HttpError with `retry-after` when given. */
export function fail(status: number, message: string, headers?: Record<string, string>): never {
  throw new HttpError(status, codeForStatus(status), message, headers);
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DossierStatus } from '@reception/protocol';
import type { Logger } from 'pino';
import {
  DossierNotFound,
  DossierSystemUnavailable,
  InvalidReceiptCode,
  type DossierLookup,
} from '../dossier-lookup.ts';
import type { WireDossier, WireErrorCode } from '../http/wire.ts';

export interface ReferenceServerOptions {
  /** Where the answers come from (the demo lookup in tests and in the stand-alone server). */
  lookup: DossierLookup;
  /** Bearer token every request must carry. */
  token: string;
  log?: Logger | undefined;
}

/** Test hooks: change them at any time; they apply to the next request. */
export interface ReferenceServerFaults {
  /** Wait this long before answering (a slow system). */
  delayMs: number;
  /** Answer this many of the next requests with 503 (a system restarting). */
  failNext: number;
  /** Fields added to every dossier answer (e.g. a name the adapter must drop). */
  extraFields: Record<string, unknown>;
}

export interface ReferenceServer {
  server: Server;
  faults: ReferenceServerFaults;
  /** Requests received so far (tests count retries with it). */
  requests: number;
  /** HTTP status of every answer so far, in order. */
  statuses: number[];
  close(): Promise<void>;
}

/** The contract's answer for a status (DOSSIER_API.md): counters as `counter_ids`, no derived fields. */
export function toWire(s: DossierStatus): WireDossier {
  return {
    code: s.code,
    procedure_id: s.procedure_id ?? 'unknown',
    procedure_name: s.procedure_name,
    status: s.status,
    received_at: s.received_at,
    steps: s.steps,
    expected_return_date: s.expected_return_date,
    original_return_date: s.original_return_date,
    collect:
      s.collect.method === 'counter'
        ? { method: 'counter', counter_ids: s.collect.counters }
        : { method: s.collect.method },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
const refuse = (res: ServerResponse, status: number, code: WireErrorCode | 'NO_ROUTE', message: string) =>
  send(res, status, { error: { code, message } });

/**
 * The reference implementation of the dossier REST contract (DOSSIER_API.md) over any `DossierLookup`,
 * with fault hooks. Tests of `HttpDossierLookup` run it in process (slow, failing) and as a separate
 * process (`reference-server-main.ts`) that they kill; an integrator can diff their system against it.
 */
export function createReferenceServer(o: ReferenceServerOptions): ReferenceServer {
  const faults: ReferenceServerFaults = { delayMs: 0, failNext: 0, extraFields: {} };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    ref.requests++;
    if (faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
    if (res.destroyed) return;
    if (faults.failNext > 0) {
      faults.failNext--;
      return refuse(res, 503, 'INTERNAL', 'restarting');
    }
    if (req.headers.authorization !== `Bearer ${o.token}`) {
      return refuse(res, 401, 'UNAUTHORIZED', 'bad or missing bearer token');
    }
    const url = new URL(req.url ?? '/', 'http://dossiers.local');
    const [v1, dossiers, code, more] = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && v1 === 'v1' && dossiers === 'health' && !code)
      return send(res, 200, { ok: true });
    if (req.method !== 'GET' || v1 !== 'v1' || dossiers !== 'dossiers' || !code || more) {
      return refuse(res, 404, 'NO_ROUTE', `no route ${req.method ?? ''} ${url.pathname}`);
    }
    try {
      const status = await o.lookup.status(decodeURIComponent(code));
      send(res, 200, { ...toWire(status), ...faults.extraFields });
    } catch (e) {
      if (e instanceof DossierNotFound) return refuse(res, 404, 'NOT_FOUND', 'no such dossier');
      if (e instanceof InvalidReceiptCode) return refuse(res, 400, 'INVALID_CODE', e.problem);
      if (e instanceof DossierSystemUnavailable) return refuse(res, 503, 'INTERNAL', e.reason);
      throw e;
    }
  };
  const server = createServer((req, res) => {
    res.once('finish', () => ref.statuses.push(res.statusCode));
    handle(req, res).catch((e: unknown) => {
      o.log?.error({ err: e }, 'reference dossier server failed');
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'internal error');
    });
  });
  const ref: ReferenceServer = {
    server,
    faults,
    requests: 0,
    statuses: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return ref;
}

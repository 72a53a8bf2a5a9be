import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { QueueEvent } from '@reception/protocol';
import type { Logger } from 'pino';
import {
  createTicketRequest,
  IDEMPOTENCY_KEY_MAX,
  numberBlockRequest,
  ratingRequest,
  REFUSAL_STATUS,
  reportQuery,
  transferRequest,
  type CallNextAnswer,
  type Catalogue,
  type ErrorBody,
  type NumberBlock,
  type TicketList,
} from '../external/contract.ts';
import { readJson, sendJson } from './http-json.ts';
import { backoffMs } from '../external/http-client.ts';
import type { SqliteTicketQueue } from '../sqlite/sqlite-ticket-queue.ts';
import { TicketError } from '../ticket-queue.ts';
import { signWebhook } from '../external/webhook-signature.ts';

export interface ReferenceServerOptions {
  queue: SqliteTicketQueue;
  token: string;
  webhook?: { url: string; secret: string } | undefined;
  log: Logger;
}

/**
 * The reference implementation of the external queue REST contract (EXTERNAL_QUEUE.md): the embedded
 * queue exposed over HTTP, with reserved number blocks and signed webhooks. Tests run it as a separate
 * process; a centre can also use it as a stand-alone queue server.
 */
export function createReferenceServer(o: ReferenceServerOptions): { server: Server; close(): Promise<void> } {
  const q = o.queue;
  const answers = new Map<string, { status: number; body: unknown }>();
  const remember = (key: string | undefined, status: number, body: unknown) => {
    if (!key) return;
    answers.set(key, { status, body });
    if (answers.size > 10_000) answers.delete(answers.keys().next().value ?? '');
  };

  // Webhooks: one at a time in seq order, retried with backoff until the receiver answers 2xx.
  const outgoing: QueueEvent[] = [];
  let sending = false;
  let closed = false;
  const pump = async () => {
    if (sending || !o.webhook) return;
    sending = true;
    let attempt = 0;
    while (outgoing.length && !closed) {
      const event = outgoing[0];
      const body = JSON.stringify(event);
      const ts = Math.floor(Date.now() / 1000);
      try {
        const res = await fetch(o.webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-queue-timestamp': String(ts),
            'x-queue-signature': signWebhook(o.webhook.secret, ts, body),
          },
          body,
          signal: AbortSignal.timeout(3000),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        outgoing.shift();
        attempt = 0;
      } catch (e) {
        o.log.debug({ err: (e as Error).message, seq: event?.seq }, 'webhook delivery failed; retrying');
        await new Promise((r) => setTimeout(r, backoffMs(attempt++)));
      }
    }
    sending = false;
  };
  const unsubscribe = q.subscribe((e) => {
    outgoing.push(e);
    void pump();
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.headers.authorization !== `Bearer ${o.token}`) {
      sendJson(res, 401, {
        error: { code: 'UNAUTHORIZED', message: 'bad or missing bearer token' },
      } satisfies ErrorBody);
      return;
    }
    const key = req.headers['idempotency-key'];
    const idem =
      typeof key === 'string' && key.length > 0 && key.length <= IDEMPOTENCY_KEY_MAX ? key : undefined;
    const seen = idem ? answers.get(idem) : undefined;
    if (req.method === 'POST' && seen) {
      sendJson(res, seen.status, seen.body);
      return;
    }
    const p = url.pathname.split('/').filter(Boolean);
    const body = req.method === 'POST' ? await readJson(req).catch(() => ({})) : undefined;
    const reply = (status: number, value: unknown) => {
      if (req.method === 'POST') remember(idem, status, value);
      sendJson(res, status, value);
    };
    const obj = (body ?? {}) as Record<string, unknown>;
    const actor = typeof obj.actor === 'string' ? obj.actor : 'external';
    const [v1, a, b, c, d, e] = p;
    if (v1 !== 'v1') return reply(404, { error: { code: 'NOT_FOUND', message: 'no route' } });

    if (req.method === 'GET' && a === 'catalogue' && !b) {
      const site = q.siteNow();
      return reply(200, {
        services: site.services.map((s) => ({ id: s.id, prefix: s.prefix, counters: s.counters })),
        counters: site.counters.map((k) => ({ id: k.id, number: k.number, services: k.services })),
        priority_classes: site.priority.classes.map((k) => ({ id: k.id, rank: k.rank })),
      } satisfies Catalogue);
    }
    if (req.method === 'POST' && a === 'number-blocks' && !b) {
      const parsed = numberBlockRequest.safeParse(body);
      if (!parsed.success)
        return reply(400, { error: { code: 'INVALID_PAYLOAD', message: parsed.error.message } });
      const { prefix, size, business_date } = parsed.data;
      return reply(201, (await q.reserveNumbers(prefix, size, business_date)) satisfies NumberBlock);
    }
    if (a === 'tickets' && !b && req.method === 'POST') {
      const parsed = createTicketRequest.safeParse(body);
      if (!parsed.success || !idem) {
        return reply(400, {
          error: {
            code: 'INVALID_PAYLOAD',
            message: parsed.error?.message ?? 'Idempotency-Key header required',
          },
        });
      }
      const t = parsed.data;
      const issued = await q.issuePreset(
        { ...t, idempotency_key: idem, actor: t.actor },
        t.number ? { id: t.id, business_date: t.number.business_date, seq: t.number.seq } : { id: t.id },
      );
      return reply(issued.replayed ? 200 : 201, issued);
    }
    if (a === 'tickets' && !b && req.method === 'GET') {
      const from = url.searchParams.get('from') ?? '';
      const list: TicketList = { tickets: await q.tickets(from, url.searchParams.get('to') ?? from) };
      return reply(200, list);
    }
    if (a === 'tickets' && b && !c && req.method === 'GET') return reply(200, await q.status(b));
    if (a === 'tickets' && b && c === 'cancel' && req.method === 'POST')
      return reply(200, await q.cancel(b, actor));
    if (a === 'tickets' && b && c === 'rating' && req.method === 'POST') {
      const r = ratingRequest.safeParse(body);
      if (!r.success) return reply(400, { error: { code: 'INVALID_PAYLOAD', message: r.error.message } });
      await q.rate(b, r.data.score, r.data.reason, actor);
      return reply(200, null);
    }
    if (a === 'counters' && b && req.method === 'POST') {
      if (c === 'open' && !d) return reply(200, (await q.openCounter(b, actor)) ?? null);
      if (c === 'close' && !d) return reply(200, (await q.closeCounter(b, actor)) ?? null);
      if (c === 'call-next' && !d) {
        const next: CallNextAnswer = { ticket: await q.callNext(b, actor) };
        return reply(200, next);
      }
      if (c === 'tickets' && d && e) {
        switch (e) {
          case 'recall':
            return reply(200, await q.recall(b, d, actor));
          case 'start':
            return reply(200, await q.start(b, d, actor));
          case 'complete':
            return reply(200, await q.complete(b, d, actor));
          case 'no-show':
            return reply(200, await q.noShow(b, d, actor));
          case 'transfer': {
            const t = transferRequest.safeParse(body);
            if (!t.success)
              return reply(400, { error: { code: 'INVALID_PAYLOAD', message: t.error.message } });
            return reply(200, await q.transfer(b, d, t.data.service_id, t.data.position, actor));
          }
          default:
            break;
        }
      }
    }
    if (req.method === 'GET' && a === 'snapshot') return reply(200, await q.snapshot());
    if (req.method === 'GET' && a === 'events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 500));
      return reply(200, await q.eventsAfter(Number.isFinite(after) ? after : 0, limit > 0 ? limit : 500));
    }
    if (req.method === 'GET' && a === 'report') {
      const r = reportQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!r.success) return reply(400, { error: { code: 'INVALID_PAYLOAD', message: r.error.message } });
      return reply(200, await q.report(r.data));
    }
    reply(404, { error: { code: 'NOT_FOUND', message: `no route ${req.method ?? ''} ${url.pathname}` } });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://queue.local');
    handle(req, res, url).catch((e: unknown) => {
      if (e instanceof TicketError) {
        sendJson(res, REFUSAL_STATUS[e.code], {
          error: { code: e.code, message: e.message },
        } satisfies ErrorBody);
        return;
      }
      o.log.error({ err: e }, 'reference queue request failed');
      sendJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
    });
  });
  return {
    server,
    close: async () => {
      closed = true;
      unsubscribe();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueueEvent } from '@reception/protocol';
import type { Logger } from 'pino';
import { sendJson } from '../server/http.ts';
import type { StaffSessions } from '../server/staff-auth.ts';
import { ticketsCsv } from '@reception/queue';
import { ratingNotice, ratingPage, ratingView, type RatingSite } from './rating-page.ts';
import { receiveWebhook, TicketError, type TicketQueue } from '@reception/queue';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > 4096) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

/**
 * HTTP routes of the ticket feature:
 * - `GET /rate/<ticket id>` and `POST` of its form: the citizen's rating page (QR code on the ticket);
 *   works without JavaScript so any phone browser can use it. It speaks the language chosen at the kiosk
 *   (or `?lang=`, one of the site's languages) and shows times on the site's clock.
 * - `GET /api/tickets/report.csv?from=&to=` with `Authorization: Bearer <staff session token>`.
 */
export function ticketRoutes(d: {
  queue: TicketQueue;
  staff: StaffSessions;
  site: () => RatingSite;
  publicUrl: () => string;
  log: Logger;
}): Route[] {
  const rate: Route = async (req, res, url) => {
    const m = /^\/rate\/([^/]+)$/.exec(url.pathname);
    if (!m) return false;
    const id = m[1] ?? '';
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    const requested = url.searchParams.get('lang');
    let view = ratingView(d.site(), undefined, requested);
    if (!UUID.test(id)) {
      html(404, ratingNotice('unknown', view));
      return true;
    }
    try {
      const { ticket } = await d.queue.status(id);
      view = ratingView(d.site(), ticket, requested);
      if (req.method === 'POST') {
        const form = await readForm(req);
        const score = Number(form.get('score'));
        if (!Number.isInteger(score) || score < 1 || score > 5) {
          html(400, ratingPage(ticket, view, 'choose_stars'));
          return true;
        }
        const reason = (form.get('reason') ?? '').trim().slice(0, 500) || undefined;
        await d.queue.rate(id, score, reason, 'qr');
        html(200, ratingNotice('thanks', view));
        return true;
      }
      html(200, ratingPage(ticket, view));
    } catch (e) {
      if (!(e instanceof TicketError)) throw e;
      html(
        e.code === 'UNKNOWN_TICKET' ? 404 : 409,
        ratingNotice(e.code === 'UNKNOWN_TICKET' ? 'unknown' : 'closed', view),
      );
    }
    return true;
  };

  const csv: Route = async (req, res, url) => {
    if (url.pathname !== '/api/tickets/report.csv') return false;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const who = token ? d.staff.verify(token) : undefined;
    if (!who) {
      sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: 'staff login required' } });
      return true;
    }
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? from;
    if (!DATE.test(from) || !DATE.test(to)) {
      sendJson(res, 400, { error: { code: 'INVALID_PAYLOAD', message: 'from and to must be YYYY-MM-DD' } });
      return true;
    }
    const rows = await d.queue.tickets(from, to);
    d.log.info({ actor: who.username, from, to, rows: rows.length }, 'ticket report exported');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="tickets-${from}_${to}.csv"`,
      'cache-control': 'no-store',
    });
    res.end(ticketsCsv(rows));
    return true;
  };
  return [rate, csv];
}

/** `POST /api/queue/webhook`: hands the raw body and signature headers to the queue's webhook receiver. */
export function webhookRoute(
  queue: () => { acceptWebhook(e: QueueEvent): Promise<void> },
  secret: string,
  log: Logger,
): Route {
  return async (req, res, url) => {
    if (url.pathname !== '/api/queue/webhook' || req.method !== 'POST') return false;
    let body = '';
    for await (const chunk of req as AsyncIterable<Buffer>) {
      body += chunk.toString('utf8');
      if (body.length > 256 * 1024) break;
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const answer = await receiveWebhook(queue(), secret, log, {
      timestamp: header('x-queue-timestamp'),
      signature: header('x-queue-signature'),
      body,
    });
    sendJson(res, answer.status, answer.body);
    return true;
  };
}

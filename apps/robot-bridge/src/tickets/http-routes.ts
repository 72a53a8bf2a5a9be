import formbody from '@fastify/formbody';
import {
  mayActOnTicketAnywhere,
  type QueueEvent,
  type SiteCatalogue,
  type Ticket,
} from '@reception/protocol';
import { receiveWebhook, TicketError, ticketsCsv, type TicketQueue } from '@reception/queue';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { grantee, type Authenticator } from '@reception/access';
import { requireStaff } from '../auth/auth-routes.ts';
import { fail } from '../server/http.ts';
import { livePage, ratingNotice, ratingPage, ratingView } from './rating-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The rating form is a score and a reason of at most 500 characters: 4 KiB is plenty. */
const FORM_LIMIT = 4096;

export interface TicketRouteDeps {
  queue: TicketQueue;
  auth: Authenticator;
  catalogue: () => SiteCatalogue;
  log: Logger;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/**
 * HTTP routes of the ticket feature:
 * - `GET /rate/<ticket id>` and `POST` of its form: the citizen's rating page (QR code on the ticket);
 *   works without JavaScript so any phone browser can use it. An oversized form is 413, never 500. It
 *   speaks the language chosen at the kiosk (or `?lang=`, one of the site's) on the site's clock.
 * - `GET /api/tickets/report.csv?from=&to=` with `Authorization: Bearer <staff session token>` and the
 *   `queue.report` permission; staff get the tickets their counters may act on, admins every ticket.
 */
export function ticketRoutes(d: TicketRouteDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(async (rating) => {
      await rating.register(formbody, { bodyLimit: FORM_LIMIT });
      // The page speaks `?lang=` if the site offers it, else the citizen's kiosk language, else the default.
      const viewOf = (ticket: Ticket | undefined, lang: string | undefined) =>
        ratingView(d.catalogue(), ticket, lang ?? null);
      const load = async (id: string, lang: string | undefined, reply: FastifyReply) => {
        if (!UUID.test(id)) return void html(reply, 404, ratingNotice('unknown', viewOf(undefined, lang)));
        try {
          return await d.queue.status(id);
        } catch (e) {
          if (!(e instanceof TicketError)) throw e;
          const unknown = e.code === 'UNKNOWN_TICKET';
          const view = viewOf(undefined, lang);
          return void html(reply, unknown ? 404 : 409, ratingNotice(unknown ? 'unknown' : 'closed', view));
        }
      };
      type RateRequest = { Params: { id: string }; Querystring: { lang?: string } };
      // Until the visit is complete the page follows the ticket live (position, then the call); after it,
      // the same address is the rating form.
      rating.get<RateRequest>('/rate/:id', async (req, reply) => {
        const found = await load(req.params.id, req.query.lang, reply);
        if (!found) return;
        const { ticket } = found;
        const view = viewOf(ticket, req.query.lang);
        if (ticket.status === 'completed' && ticket.rating === null)
          return html(reply, 200, ratingPage(ticket, view));
        if (ticket.status === 'completed') return html(reply, 200, ratingNotice('closed', view));
        const counter = d.catalogue().counters.find((c) => c.id === ticket.counter_id)?.number ?? null;
        return html(reply, 200, livePage(ticket, { ...found, counter }, view));
      });
      rating.post<RateRequest & { Body: Record<string, unknown> | undefined }>(
        '/rate/:id',
        { bodyLimit: FORM_LIMIT },
        async (req, reply) => {
          const ticket = (await load(req.params.id, req.query.lang, reply))?.ticket;
          if (!ticket) return;
          const view = viewOf(ticket, req.query.lang);
          const form = req.body ?? {};
          const score = Number(form.score);
          if (!Number.isInteger(score) || score < 1 || score > 5) {
            return html(reply, 400, ratingPage(ticket, view, 'choose_stars'));
          }
          const reason =
            (typeof form.reason === 'string' ? form.reason : '').trim().slice(0, 500) || undefined;
          try {
            await d.queue.rate(ticket.id, score, reason, 'qr');
          } catch (e) {
            if (!(e instanceof TicketError)) throw e;
            return html(reply, 409, ratingNotice('closed', view));
          }
          return html(reply, 200, ratingNotice('thanks', view));
        },
      );
    });

    app.get<{ Querystring: Record<string, string | undefined> }>(
      '/api/tickets/report.csv',
      async (req, reply) => {
        const who = requireStaff(d.auth, req, 'queue.report');
        const from = req.query.from ?? '';
        const to = req.query.to ?? from;
        if (!DATE.test(from) || !DATE.test(to)) fail(400, 'from and to must be YYYY-MM-DD');
        const catalogue = d.catalogue();
        const rows = (await d.queue.tickets(from, to)).filter(
          (t) => who.role === 'admin' || mayActOnTicketAnywhere(grantee(who), catalogue, t),
        );
        d.log.info({ actor: who.actor, from, to, rows: rows.length }, 'ticket report exported');
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="tickets-${from}_${to}.csv"`)
          .header('cache-control', 'no-store')
          .send(ticketsCsv(rows));
      },
    );
  };
}

/** `POST /api/queue/webhook`: hands the raw body and signature headers to the queue's webhook receiver. */
export function webhookRoute(
  queue: () => { acceptWebhook(e: QueueEvent): Promise<void> },
  secret: string,
  log: Logger,
): FastifyPluginAsync {
  return (app) => {
    // The signature covers the exact bytes: keep the body as text.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    app.post<{ Body: string }>('/api/queue/webhook', async (req, reply) => {
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const answer = await receiveWebhook(queue(), secret, log, {
        timestamp: header('x-queue-timestamp'),
        signature: header('x-queue-signature'),
        body: req.body,
      });
      return reply.code(answer.status).send(answer.body);
    });
    return Promise.resolve();
  };
}

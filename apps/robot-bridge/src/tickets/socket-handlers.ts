import {
  err,
  mayActOnTicket,
  mayActOnTicketAnywhere,
  ok,
  type displayRequests,
  type kioskRequests,
  type Result,
  type SiteCatalogue,
  type staffRequests,
  type TicketReceipt,
  type TicketSource,
} from '@reception/protocol';
import type { Logger } from 'pino';
import { grantee } from '@reception/access';
import type { Handlers, RequestContext } from '../server/requests.ts';
import { printOutcome, type TicketPrinter } from '@reception/ticket-printing';
import { TicketError, type TicketPosition, type TicketQueue } from '@reception/queue';

type QueueViewKeys = 'queue:snapshot' | 'queue:events';
type TicketKioskKeys = QueueViewKeys | 'ticket:issue' | 'ticket:status' | 'ticket:print' | 'ticket:rate';
export type KioskTicketHandlers = Pick<Handlers<typeof kioskRequests>, TicketKioskKeys>;
export type DisplayTicketHandlers = Pick<Handlers<typeof displayRequests>, QueueViewKeys>;
type TicketStaffKeys =
  | QueueViewKeys
  | 'counter:open'
  | 'counter:close'
  | 'counter:call_next'
  | 'ticket:recall'
  | 'ticket:start'
  | 'ticket:complete'
  | 'ticket:no_show'
  | 'ticket:transfer'
  | 'ticket:cancel'
  | 'queue:report';
export type StaffTicketHandlers = Pick<Handlers<typeof staffRequests>, TicketStaffKeys>;

export interface TicketHandlerDeps {
  queue: TicketQueue;
  printer?: TicketPrinter | undefined;
  catalogue: () => SiteCatalogue;
  /** Public base URL of the bridge, for the QR code on tickets (rating page). */
  publicUrl: () => string;
  log: Logger;
}

/** Turns a queue refusal into a typed error answer; anything else is a bug and becomes INTERNAL upstream. */
async function guard<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (e) {
    if (e instanceof TicketError) return err(e.wireCode, e.message);
    throw e;
  }
}

function counterNumbers(catalogue: SiteCatalogue, serviceId: string): number[] {
  const service = catalogue.services.find((s) => s.id === serviceId);
  return catalogue.counters
    .filter((c) => service?.counters.includes(c.id))
    .map((c) => c.number)
    .sort((a, b) => a - b);
}

function viewHandlers(d: TicketHandlerDeps): DisplayTicketHandlers {
  return {
    'queue:snapshot': () => guard(() => d.queue.snapshot()),
    'queue:events': ({ after, limit }) => guard(() => d.queue.eventsAfter(after, limit)),
  };
}

export function kioskTicketHandlers(
  d: TicketHandlerDeps,
  source: TicketSource = 'kiosk',
): KioskTicketHandlers {
  const receipt = async (
    p: TicketPosition,
    replayed: boolean,
    print: boolean,
    missing?: readonly number[],
  ): Promise<TicketReceipt> => {
    const catalogue = d.catalogue();
    const counters = counterNumbers(catalogue, p.ticket.service_id);
    const outcome = print
      ? await printOutcome(d.printer, {
          ticket: p.ticket,
          site: catalogue,
          position: p.position,
          estimated_wait_min: p.estimated_wait_min,
          counters,
          qr_url: `${d.publicUrl()}/rate/${p.ticket.id}`,
          ...(missing ? { missing_documents: missing } : {}),
        })
      : ({ status: 'no_printer' } as const);
    if (outcome.status === 'failed') {
      d.log.warn({ ticket: p.ticket.number, reason: outcome.message }, 'ticket print failed; ticket kept');
    }
    return { ...p, counters, replayed, print: outcome, phone_url: `${d.publicUrl()}/rate/${p.ticket.id}` };
  };
  return {
    ...viewHandlers(d),
    'ticket:issue': (req, ctx: RequestContext) =>
      guard(async () => {
        const issued = await d.queue.issue({
          service_id: req.service_id,
          idempotency_key: req.idempotency_key,
          priority: req.priority,
          language: req.language,
          source,
          actor: ctx.actor,
        });
        // A replay (the kiosk retried after a lost ack) does not print a second paper ticket.
        return receipt(issued, issued.replayed, req.print && !issued.replayed, req.checklist?.missing);
      }),
    'ticket:status': ({ ticket_id }) =>
      guard(async () => receipt(await d.queue.status(ticket_id), true, false)),
    'ticket:print': ({ ticket_id }) =>
      guard(async () => receipt(await d.queue.status(ticket_id), true, true)),
    'ticket:rate': ({ ticket_id, score, reason }, ctx) =>
      guard(async () => {
        await d.queue.rate(ticket_id, score, reason, ctx.actor);
        return null;
      }),
  };
}

export function displayTicketHandlers(d: TicketHandlerDeps): DisplayTicketHandlers {
  return viewHandlers(d);
}

/**
 * Counter actions for staff. The permission table has already checked the role and that the person operates
 * the counter named (`scope: 'counter'`); a ticket action also needs the ticket to be one this counter may
 * act on: of a service the counter serves, or already at the counter (`scope: 'ticket'`).
 */
export function staffTicketHandlers(d: TicketHandlerDeps): StaffTicketHandlers {
  const q = d.queue;
  const forbidden = <T>(ctx: RequestContext, what: string) =>
    err<T>('FORBIDDEN', `${ctx.actor} may not act on ${what}`);
  /** Runs `work` on a ticket if this person may act on it at `counterId` (any of theirs when undefined). */
  const onTicket = <T>(
    ticketId: string,
    counterId: string | undefined,
    ctx: RequestContext,
    work: () => Promise<T>,
  ): Promise<Result<T>> =>
    guard(async () => (await q.status(ticketId)).ticket).then(async (found) => {
      if (!found.ok) return found;
      const who = grantee(ctx.principal);
      const catalogue = d.catalogue();
      const allowed =
        counterId === undefined
          ? mayActOnTicketAnywhere(who, catalogue, found.value)
          : mayActOnTicket(who, catalogue, counterId, found.value);
      if (!allowed) {
        const where = counterId === undefined ? 'at any of their counters' : `at counter '${counterId}'`;
        return forbidden<T>(ctx, `ticket ${found.value.number} (${found.value.service_id}) ${where}`);
      }
      return guard(work);
    });
  return {
    ...viewHandlers(d),
    'counter:open': ({ counter_id }, ctx) =>
      guard(async () => {
        await q.openCounter(counter_id, ctx.actor);
        return null;
      }),
    'counter:close': ({ counter_id }, ctx) =>
      guard(async () => {
        await q.closeCounter(counter_id, ctx.actor);
        return null;
      }),
    'counter:call_next': ({ counter_id }, ctx) =>
      guard(async () => ({ ticket: await q.callNext(counter_id, ctx.actor) })),
    'ticket:recall': ({ counter_id, ticket_id }, ctx) =>
      onTicket(ticket_id, counter_id, ctx, () => q.recall(counter_id, ticket_id, ctx.actor)),
    'ticket:start': ({ counter_id, ticket_id }, ctx) =>
      onTicket(ticket_id, counter_id, ctx, () => q.start(counter_id, ticket_id, ctx.actor)),
    'ticket:complete': ({ counter_id, ticket_id }, ctx) =>
      onTicket(ticket_id, counter_id, ctx, () => q.complete(counter_id, ticket_id, ctx.actor)),
    'ticket:no_show': ({ counter_id, ticket_id }, ctx) =>
      onTicket(ticket_id, counter_id, ctx, () => q.noShow(counter_id, ticket_id, ctx.actor)),
    'ticket:transfer': ({ counter_id, ticket_id, service_id, position }, ctx) =>
      onTicket(ticket_id, counter_id, ctx, () =>
        q.transfer(counter_id, ticket_id, service_id, position, ctx.actor),
      ),
    'ticket:cancel': ({ ticket_id }, ctx) =>
      onTicket(ticket_id, undefined, ctx, () => q.cancel(ticket_id, ctx.actor)),
    'queue:report': (query) => guard(() => q.report(query)),
  };
}

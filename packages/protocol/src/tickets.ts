import { z } from 'zod';
import { languageSchema } from './site.ts';

/**
 * Queue tickets (ARCHITECTURE.md section 6): payloads of ticket requests, the ticket itself, queue events with
 * sequence numbers, the display snapshot and reports. The bridge validates every request with these
 * schemas; responses and broadcasts are typed by the interfaces below.
 */

const id = z.string().regex(/^[a-z][a-z0-9_]*$/);
const uuid = z.uuid();

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'completed',
  'no_show',
  'cancelled',
  /** Still open when the business day ended (daily reset). */
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_SOURCES = ['kiosk', 'robot', 'staff', 'external'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export interface Ticket {
  id: string;
  /** Display number, e.g. `B012`: unique per (prefix, business date). */
  number: string;
  prefix: string;
  seq: number;
  /** Local date of the business day, `YYYY-MM-DD` in the site's timezone. */
  business_date: string;
  service_id: string;
  priority_class: string | null;
  priority_reason: string | null;
  source: TicketSource;
  language: z.infer<typeof languageSchema> | null;
  status: TicketStatus;
  counter_id: string | null;
  call_count: number;
  created_at: string;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  rating: number | null;
}

export type PrintOutcome =
  | { status: 'printed' }
  | { status: 'no_printer' }
  /** The ticket exists and is valid; only the paper failed. The kiosk shows the number on screen. */
  | { status: 'failed'; message: string };

export interface TicketReceipt {
  ticket: Ticket;
  /** 1 = next to be called in its service. 0 once called. */
  position: number;
  estimated_wait_min: number;
  /** Counter numbers that serve the ticket's service. */
  counters: number[];
  /** True when this answer replays an earlier issue with the same idempotency key. */
  replayed: boolean;
  print: PrintOutcome;
  /**
   * The phone page of this ticket (QR on the screen and on paper): live position, the call, then the
   * rating after completion. Absent from bridges that predate it; the kiosk then builds it from its URL.
   */
  phone_url?: string;
}

export const issueTicketSchema = z
  .object({
    service_id: id,
    /** Client-made UUID, reused on every retry of the same citizen action: one ticket however often sent. */
    idempotency_key: uuid,
    priority: z
      .object({ class_id: id, reason: z.string().trim().max(200).optional() })
      .strict()
      .optional(),
    language: languageSchema.optional(),
    print: z.boolean().default(true),
    /**
     * The kiosk's document checklist: indexes (into the service's `required_documents`) of the papers
     * the citizen said they do not have. Printed on the ticket with where to get each; never stored.
     */
    checklist: z
      .object({ missing: z.array(z.number().int().min(0).max(49)).max(50) })
      .strict()
      .optional(),
  })
  .strict();
export type IssueTicketRequest = z.input<typeof issueTicketSchema>;

export const ticketRefSchema = z.object({ ticket_id: uuid }).strict();
export const rateTicketSchema = z
  .object({
    ticket_id: uuid,
    score: z.number().int().min(1).max(5),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type RateTicketRequest = z.input<typeof rateTicketSchema>;

/** A kiosk looking up today's ticket by the number printed on it (to rate the service afterwards). */
export const findTicketSchema = z
  .object({
    number: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.string().regex(/^[A-Z]{1,2}\d{2,4}$/)),
  })
  .strict();
export type FindTicketRequest = z.input<typeof findTicketSchema>;

/** Answer of `ticket:find`: enough to offer a rating, nothing personal. */
export interface TicketLookup {
  ticket_id: string;
  number: string;
  service_id: string;
  status: TicketStatus;
  /** True when it was already rated (a ticket is rated once). */
  rated: boolean;
}

export const counterRefSchema = z.object({ counter_id: id }).strict();
export const counterTicketSchema = z.object({ counter_id: id, ticket_id: uuid }).strict();
export const TRANSFER_POSITIONS = ['front', 'end'] as const;
export const transferTicketSchema = z
  .object({
    counter_id: id,
    ticket_id: uuid,
    service_id: id,
    position: z.enum(TRANSFER_POSITIONS),
  })
  .strict();
export const eventsAfterSchema = z
  .object({ after: z.number().int().nonnegative(), limit: z.number().int().min(1).max(1000).default(500) })
  .strict();
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
export const reportQuerySchema = z
  .object({ from: dateSchema.optional(), to: dateSchema.optional(), counter_id: id.optional() })
  .strict();
export type ReportQuery = z.input<typeof reportQuerySchema>;

export const QUEUE_EVENT_TYPES = [
  'ticket.created',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.transferred',
  'ticket.completed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.rated',
  'counter.opened',
  'counter.closed',
  'queue.reset',
] as const;
export type QueueEventType = (typeof QUEUE_EVENT_TYPES)[number];

/** One entry of the append-only event log; `seq` grows by one per event, across restarts. */
export interface QueueEvent {
  seq: number;
  id: string;
  type: QueueEventType;
  at: string;
  business_date: string;
  ticket: Ticket | null;
  counter_id: string | null;
  /** Counter number citizens see, when the event concerns a counter. */
  counter_number: number | null;
  /** Staff username, device id or `system`. */
  actor: string;
}

export interface CounterState {
  counter_id: string;
  number: number;
  status: 'open' | 'closed';
  staff: string | null;
  /** Ticket called to or being served at this counter. */
  current: Ticket | null;
}

/** What a display or counter page needs to redraw from nothing; events with `seq` above it follow. */
export interface QueueSnapshot {
  seq: number;
  business_date: string;
  counters: CounterState[];
  /**
   * Last calls, newest first: `ticket.called`, `ticket.recalled`, and `ticket.transferred` (the ticket
   * then waits in its new service's line; the counters serving that service take it).
   */
  recent_calls: QueueEvent[];
  waiting: { service_id: string; count: number; priority: number }[];
}

export interface EventsAfter {
  events: QueueEvent[];
  /** False when the log no longer holds every event after `after` (or a reset happened): take a snapshot. */
  complete: boolean;
}

export interface Percentiles {
  count: number;
  p50_s: number | null;
  p90_s: number | null;
}

export interface ReportRow {
  key: string;
  /**
   * Tickets issued for this service (a transferred one counts where it was issued; its outcome where it
   * ended). Null in a row about a counter and in a report of one counter: counters issue no tickets.
   */
  issued: number | null;
  completed: number;
  no_show: number;
  cancelled: number;
  waiting: Percentiles;
  handling: Percentiles;
  rating_count: number;
  rating_mean: number | null;
}

export interface QueueReport {
  from: string;
  to: string;
  counter_id: string | null;
  by_service: ReportRow[];
  by_counter: ReportRow[];
  total: ReportRow;
  ratings: { score: number; count: number }[];
  reasons: { score: number; reason: string }[];
}

export interface CallResult {
  /** Null when nobody is waiting for this counter's services. */
  ticket: Ticket | null;
}

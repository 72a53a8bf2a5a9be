import type {
  ErrorCode,
  EventsAfter,
  Language,
  QueueEvent,
  QueueReport,
  QueueSnapshot,
  ReportQuery,
  Ticket,
  TicketSource,
} from '@reception/protocol';

export interface IssueInput {
  service_id: string;
  /** Same key, same ticket: a retried request never makes a second one. */
  idempotency_key: string;
  priority?: { class_id: string; reason?: string | undefined } | undefined;
  language?: Language | undefined;
  source: TicketSource;
  actor: string;
}

export interface IssuedTicket {
  ticket: Ticket;
  position: number;
  estimated_wait_min: number;
  /** True when the key had been seen: this is the earlier ticket, not a new one. */
  replayed: boolean;
}

export interface TicketPosition {
  ticket: Ticket;
  position: number;
  estimated_wait_min: number;
}

export type TransferPosition = 'front' | 'end';

export type TicketErrorCode =
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_COUNTER'
  | 'UNKNOWN_TICKET'
  | 'UNKNOWN_PRIORITY_CLASS'
  /** The action does not fit the ticket's state (complete a ticket nobody called, recall a waiting one...). */
  | 'INVALID_TRANSITION'
  | 'COUNTER_CLOSED'
  /** The counter still has a called or served ticket; finish, no-show or transfer it first. */
  | 'COUNTER_BUSY'
  /** The ticket belongs to another counter. */
  | 'WRONG_COUNTER'
  /** Same idempotency key sent with a different request. */
  | 'IDEMPOTENCY_MISMATCH'
  | 'NOT_RATEABLE'
  /** The queue system cannot take the request now (external system down and no reserved numbers left). */
  | 'QUEUE_UNAVAILABLE';

/** A refused queue action. Refusals never change state: the queue is as it was before the call. */
export class TicketError extends Error {
  constructor(
    readonly code: TicketErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'TicketError';
  }

  /** The closed wire code for this refusal; the message keeps the precise reason. */
  get wireCode(): ErrorCode {
    switch (this.code) {
      case 'UNKNOWN_SERVICE':
      case 'UNKNOWN_COUNTER':
      case 'UNKNOWN_TICKET':
      case 'UNKNOWN_PRIORITY_CLASS':
        return 'NOT_FOUND';
      case 'INVALID_TRANSITION':
      case 'COUNTER_CLOSED':
      case 'COUNTER_BUSY':
      case 'IDEMPOTENCY_MISMATCH':
      case 'NOT_RATEABLE':
        return 'CONFLICT';
      case 'WRONG_COUNTER':
        return 'FORBIDDEN';
      case 'QUEUE_UNAVAILABLE':
        return 'UNAVAILABLE';
      default: {
        const never: never = this.code;
        return never;
      }
    }
  }
}

/**
 * The queue system the bridge hands tickets to: the embedded one (`SqliteTicketQueue`) or a centre's own
 * (`HttpTicketQueue`). Rules every implementation keeps:
 * - `issue` resolves only once the ticket is durable: a crash after the promise resolves never loses it.
 *   Numbers are unique per (prefix, business date); gaps are allowed, duplicates never.
 * - The same `idempotency_key` always yields the same ticket (`replayed: true` after the first time);
 *   the same key with a different service or priority is refused with IDEMPOTENCY_MISMATCH.
 * - Every refused action rejects with a `TicketError` and changes nothing.
 * - Every change appends exactly one event to the log; `seq` grows by one per event and never repeats,
 *   across restarts. Listeners hear events in `seq` order, after the change is durable.
 * - Tickets belong to the business day in the site's timezone; at the reset hour the day's open tickets
 *   expire (`queue.reset`) and numbering starts again at 1 for every prefix.
 */
export interface TicketQueue {
  issue(input: IssueInput): Promise<IssuedTicket>;
  /** Position and estimated wait of a ticket; UNKNOWN_TICKET if there is none with that id. */
  status(ticketId: string): Promise<TicketPosition>;

  openCounter(counterId: string, actor: string): Promise<void>;
  /** Refused with COUNTER_BUSY while the counter has a called or served ticket. */
  closeCounter(counterId: string, actor: string): Promise<void>;
  /** Null when nobody waits for the counter's services. COUNTER_CLOSED, COUNTER_BUSY refuse. */
  callNext(counterId: string, actor: string): Promise<Ticket | null>;
  recall(counterId: string, ticketId: string, actor: string): Promise<Ticket>;
  start(counterId: string, ticketId: string, actor: string): Promise<Ticket>;
  complete(counterId: string, ticketId: string, actor: string): Promise<Ticket>;
  noShow(counterId: string, ticketId: string, actor: string): Promise<Ticket>;
  transfer(
    counterId: string,
    ticketId: string,
    serviceId: string,
    position: TransferPosition,
    actor: string,
  ): Promise<Ticket>;
  cancel(ticketId: string, actor: string): Promise<Ticket>;
  /** Once per ticket, only after it was completed. */
  rate(ticketId: string, score: number, reason: string | undefined, actor: string): Promise<void>;

  snapshot(): Promise<QueueSnapshot>;
  eventsAfter(seq: number, limit: number): Promise<EventsAfter>;
  report(query: ReportQuery): Promise<QueueReport>;
  /** Rows for the CSV export: one per ticket in the date range. */
  tickets(from: string, to: string): Promise<Ticket[]>;

  /** Subscribes to events; returns the unsubscribe function. */
  subscribe(listener: (event: QueueEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * The external queue system's REST contract (EXTERNAL_QUEUE.md) in code: request bodies as zod schemas,
 * answers as types, refusal codes with their HTTP status. `HttpTicketQueue` sends and reads these, and the
 * reference server (src/testing) accepts and answers them, so adapter and server cannot drift apart.
 * Ticket, event, snapshot and report shapes are the protocol's (`@reception/protocol` tickets.ts).
 */
import {
  issueTicketSchema,
  reportQuerySchema,
  TICKET_SOURCES,
  TRANSFER_POSITIONS,
  type EventsAfter,
  type QueueReport,
  type QueueSnapshot,
  type Ticket,
} from '@reception/protocol';
import { z } from 'zod';
import type { TicketErrorCode, TicketPosition } from '../ticket-queue.ts';

/** Longest `Idempotency-Key` header the queue system must accept. */
export const IDEMPOTENCY_KEY_MAX = 200;

/**
 * Each refusal's `error.code` and HTTP status. A refused request changed nothing; a 5xx (or no answer) is
 * an outage, retried with backoff, never a refusal.
 */
export const REFUSAL_STATUS: Readonly<Record<TicketErrorCode, number>> = {
  UNKNOWN_SERVICE: 404,
  UNKNOWN_COUNTER: 404,
  UNKNOWN_TICKET: 404,
  UNKNOWN_PRIORITY_CLASS: 404,
  INVALID_TRANSITION: 409,
  COUNTER_CLOSED: 409,
  COUNTER_BUSY: 409,
  WRONG_COUNTER: 403,
  IDEMPOTENCY_MISMATCH: 409,
  NOT_RATEABLE: 409,
  QUEUE_UNAVAILABLE: 503,
};

export const REFUSAL_CODES = Object.keys(REFUSAL_STATUS) as readonly TicketErrorCode[];

/** Body of every error answer (4xx and 5xx). */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Body of every counter action and of cancel: who acts (the server uses `external` when absent). */
export interface ActorBody {
  actor: string;
}

/** `POST /v1/number-blocks` */
export const numberBlockRequest = z.object({
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  size: z.number().int().min(1).max(1000),
  /** Default today; up to 14 days ahead (MAX_DAYS_AHEAD), never earlier. */
  business_date: z.iso.date().optional(),
});
export type NumberBlockRequest = z.input<typeof numberBlockRequest>;

/** Answer of `POST /v1/number-blocks`: numbers `first..last` of the prefix and day are the caller's. */
export const numberBlock = z
  .object({
    business_date: z.iso.date(),
    first: z.number().int().positive(),
    last: z.number().int().positive(),
  })
  .refine((b) => b.last >= b.first, 'last is below first');
export type NumberBlock = z.infer<typeof numberBlock>;

/** `POST /v1/tickets`; `number` is one from a block the caller reserved. */
export const createTicketRequest = z
  .object({
    id: z.uuid(),
    service_id: issueTicketSchema.shape.service_id,
    priority: issueTicketSchema.shape.priority,
    language: issueTicketSchema.shape.language,
    source: z.enum(TICKET_SOURCES),
    actor: z.string().max(100).default('external'),
    number: z.object({ business_date: z.string(), seq: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export type CreateTicketRequest = z.input<typeof createTicketRequest>;

/** `POST /v1/tickets/{id}/rating` (plus `actor`). */
export const ratingRequest = z
  .object({ score: z.number().int().min(1).max(5), reason: z.string().max(500).optional() })
  .loose();
export type RatingRequest = z.input<typeof ratingRequest> & ActorBody;

/** `POST /v1/counters/{cid}/tickets/{tid}/transfer` (plus `actor`). */
export const transferRequest = z
  .object({ service_id: z.string(), position: z.enum(TRANSFER_POSITIONS) })
  .loose();
export type TransferRequest = z.input<typeof transferRequest> & ActorBody;

/** Query of `GET /v1/report`. */
export const reportQuery = reportQuerySchema;

/** Answer of `GET /v1/catalogue`. */
export interface Catalogue {
  services: { id: string; prefix: string; counters: string[] }[];
  counters: { id: string; number: number; services: string[] }[];
  priority_classes: { id: string; rank: number }[];
}

/**
 * Answer of `POST /v1/tickets` (201, or 200 for a repeated Idempotency-Key) and `GET /v1/tickets/{id}`.
 * A server may add fields (the reference server adds `replayed`); readers ignore them.
 */
export type TicketAnswer = TicketPosition;

/** Answer of `POST /v1/counters/{id}/call-next`: null when nobody waits. */
export interface CallNextAnswer {
  ticket: Ticket | null;
}

/** Answer of `GET /v1/tickets?from=&to=`, in creation order. */
export interface TicketList {
  tickets: Ticket[];
}

/** Answers of `GET /v1/snapshot`, `GET /v1/events?after=&limit=` and `GET /v1/report?from=&to=&counter_id=`. */
export type SnapshotAnswer = QueueSnapshot;
export type EventsAnswer = EventsAfter;
export type ReportAnswer = QueueReport;

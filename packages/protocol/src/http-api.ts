import { z } from 'zod';
import { httpErrorSchema, loginRequestSchema, loginResponseSchema } from './staff.ts';

/** `GET /healthz`: always 200 while serving; `status` and `summary` say whether and why it is not ok. */
export const healthReportSchema = z.object({
  status: z.enum(['ok', 'starting', 'degraded']),
  /** One sentence in plain words: why the status is what it is. */
  summary: z.string(),
  version: z.string(),
  uptime_s: z.number().int().nonnegative(),
  checks: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      detail: z.string(),
      /** Not up yet but expected soon (a robot base still connecting after start), not a fault. */
      starting: z.boolean().optional(),
    }),
  ),
});
export type HealthReportBody = z.output<typeof healthReportSchema>;

type Body = { type: string; schema?: z.ZodType; description: string };

/** One HTTP endpoint of the bridge, for the OpenAPI document. */
export interface HttpEndpoint {
  method: 'get' | 'post';
  path: string;
  summary: string;
  /** `bearer`: `Authorization: Bearer <staff session token>` with the permission named in the summary. */
  auth?: 'bearer';
  query?: Record<string, { required: boolean; description: string }>;
  params?: Record<string, string>;
  body?: Body;
  /** Status code to answer; errors are `httpErrorSchema` unless an answer gives its own body. */
  responses: Record<number, Body | string>;
}

const json = (schema: z.ZodType, description: string): Body => ({
  type: 'application/json',
  schema,
  description,
});
const csv = (description: string): Body => ({ type: 'text/csv', description });
const html = (description: string): Body => ({ type: 'text/html', description });

const DATE_RANGE = {
  from: { required: true, description: 'first local date, YYYY-MM-DD' },
  to: { required: false, description: 'last local date, YYYY-MM-DD (default: from)' },
};

/** Every HTTP endpoint the bridge serves. */
export const HTTP_ENDPOINTS: HttpEndpoint[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Health: ok, starting or degraded, with the reason in plain words',
    responses: { 200: json(healthReportSchema, 'always while serving') },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (text exposition format)',
    responses: { 200: { type: 'text/plain', description: 'Prometheus text format 0.0.4' } },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Staff login (JSON only; refused from foreign origins; slowed then locked after failures)',
    body: json(loginRequestSchema, 'username and password'),
    responses: {
      200: json(loginResponseSchema, 'a new session'),
      400: 'malformed body',
      401: 'wrong username or password',
      403: 'request from a foreign web origin',
      413: 'body too large',
      415: 'not application/json',
      429: 'locked after repeated failures (Retry-After says how long)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Ends the session of the bearer token and disconnects its sockets',
    auth: 'bearer',
    responses: { 204: 'logged out', 401: 'no valid session' },
  },
  {
    method: 'get',
    path: '/api/tickets/report.csv',
    summary: 'Tickets of a date range as CSV (permission queue.report; staff see their counters only)',
    auth: 'bearer',
    query: DATE_RANGE,
    responses: {
      200: csv('UTF-8 with BOM, one row per ticket'),
      400: 'bad dates',
      401: 'no session',
      403: 'no permission',
    },
  },
  {
    method: 'get',
    path: '/api/audit.csv',
    summary: 'Audit log as CSV (permission audit.read)',
    auth: 'bearer',
    query: {
      from: { required: false, description: 'first local date, YYYY-MM-DD' },
      to: { required: false, description: 'last local date, YYYY-MM-DD' },
      actor: { required: false, description: 'exact actor' },
      action: { required: false, description: 'exact action, or a prefix ending in ":"' },
      outcome: { required: false, description: 'ok, refused or failed' },
    },
    responses: {
      200: csv('UTF-8 with BOM, oldest first'),
      400: 'bad query',
      401: 'no session',
      403: 'no permission',
    },
  },
  {
    method: 'get',
    path: '/rate/{id}',
    summary: "Citizen's rating page of a ticket (QR code on the ticket), no script",
    params: { id: 'ticket id (UUID)' },
    responses: {
      200: html('the form'),
      404: html('unknown ticket'),
      409: html('not completed yet, or rated'),
    },
  },
  {
    method: 'post',
    path: '/rate/{id}',
    summary: 'Submit the rating form',
    params: { id: 'ticket id (UUID)' },
    body: {
      type: 'application/x-www-form-urlencoded',
      schema: z.object({ score: z.string().regex(/^[1-5]$/), reason: z.string().max(500).optional() }),
      description: 'score 1-5 and an optional reason (at most 4 KiB in all)',
    },
    responses: {
      200: html('thanks'),
      400: html('no valid score'),
      404: html('unknown ticket'),
      409: html('already rated or not completed'),
      413: 'form too large',
    },
  },
  {
    method: 'post',
    path: '/api/queue/webhook',
    summary: "Events from the centre's own queue system (TICKETS_BACKEND=http), HMAC-signed",
    body: {
      type: 'application/json',
      description: 'a queue event; X-Queue-Timestamp and X-Queue-Signature headers',
    },
    responses: { 200: 'accepted', 401: 'bad signature', 413: 'body too large' },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { type: 'application/json', description: 'OpenAPI 3.1' } },
  },
  {
    method: 'get',
    path: '/api/asyncapi.json',
    summary: 'The socket.io events of every namespace',
    responses: { 200: { type: 'application/json', description: 'AsyncAPI 3.0' } },
  },
  ...['kiosk', 'console', 'counter', 'display'].map((app): HttpEndpoint => ({
    method: 'get',
    path: `/${app}/{path}`,
    summary: `The ${app} web app (ETag/304; client routes answer index.html; 503 if not built)`,
    params: { path: 'file or client route' },
    responses: {
      200: 'the file',
      304: 'not modified',
      400: 'malformed URL',
      404: 'missing file',
      503: 'app not built',
    },
  })),
];

export { httpErrorSchema };

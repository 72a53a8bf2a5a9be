import {
  can,
  describeZodError,
  err,
  mayOperateCounter,
  ruleOf,
  type ErrorCode,
  type ParsedRequestOf,
  type PrincipalRole,
  type RequestRule,
  type ResponseOf,
  type Result,
  type RpcMap,
} from '@reception/protocol';
import type { Logger } from 'pino';
import type { Counter, Histogram } from 'prom-client';
import { type AuditLog, type Authenticator, grantee, type Principal } from '@reception/access';

/** Who sent a request, for authorisation and the audit log. */
export interface RequestContext {
  role: PrincipalRole;
  /** Device actor (`kiosk:<device id>`) or staff username; never made from a token. */
  actor: string;
  principal: Principal;
  socketId: string;
  address: string;
}

export type Handlers<M extends RpcMap> = {
  [K in keyof M]: (
    request: ParsedRequestOf<M[K]>,
    ctx: RequestContext,
  ) => Result<ResponseOf<M[K]>> | Promise<Result<ResponseOf<M[K]>>>;
};

export interface RequestDeps {
  log: Logger;
  auth: Authenticator;
  audit: AuditLog;
  metrics: { requests: Counter<'role' | 'event' | 'outcome'>; duration: Histogram<'role' | 'event'> };
  limits?: { rate: number; burst: number };
}

/** Token bucket per socket: `rate` requests per second, bursts up to `burst`. */
class Bucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The part of a socket.io server socket this needs (typed sockets narrow `on` too far). */
export interface RequestSocket {
  on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  disconnect(close?: boolean): unknown;
}

/** What an audited request acted on, from its (valid) payload. */
function targetOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const p = payload as Record<string, unknown>;
  return ['counter_id', 'ticket_id', 'device_id', 'session_id', 'username', 'place']
    .map((k) => p[k])
    .filter((v): v is string => typeof v === 'string')
    .join('/');
}

/**
 * Binds every request of `map` on `socket`. Each request, in this order: the session or device token is
 * checked again (ended: UNAUTHORIZED and the socket is disconnected); the role's permission for the
 * request (REQUEST_RULES) is checked (FORBIDDEN); the per-socket rate limit (RATE_LIMITED); the payload is
 * validated (INVALID_PAYLOAD); a `counter_id` must be a counter the person operates (FORBIDDEN); then the
 * handler runs, a thrown error becoming INTERNAL. The ack always gets a `Result`. A request of another
 * role's namespace is answered FORBIDDEN, an unknown event NOT_FOUND. Audited requests are written to the
 * audit log with their outcome, refusals included.
 */
export function bindRequests<M extends RpcMap>(
  socket: RequestSocket,
  map: M,
  handlers: Handlers<M>,
  ctx: RequestContext,
  d: RequestDeps,
): void {
  const { rate, burst } = d.limits ?? { rate: 20, burst: 40 };
  const bucket = new Bucket(rate, burst);
  const who = grantee(ctx.principal);

  const audit = (event: string, rule: RequestRule | undefined, payload: unknown, r: Result<unknown>) => {
    if (!rule?.audit) return;
    d.audit.record({
      actor: ctx.actor,
      role: ctx.role,
      action: event,
      target: r.ok || r.error.code !== 'INVALID_PAYLOAD' ? targetOf(payload) : '',
      outcome: r.ok
        ? 'ok'
        : r.error.code === 'FORBIDDEN' || r.error.code === 'UNAUTHORIZED'
          ? 'refused'
          : 'failed',
      detail: r.ok ? '' : `${r.error.code}: ${r.error.message}`,
      address: ctx.address,
    });
  };

  const answer = (
    event: string,
    started: number,
    reply: (r: Result<unknown>) => void,
    r: Result<unknown>,
  ) => {
    const name = Object.hasOwn(map, event) ? event : '(other role)';
    d.metrics.requests.inc({ role: ctx.role, event: name, outcome: r.ok ? 'ok' : r.error.code });
    d.metrics.duration.observe({ role: ctx.role, event: name }, (performance.now() - started) / 1000);
    reply(r);
  };

  const refuse = (code: ErrorCode, message: string) => err(code, message);

  for (const [event, { request: schema }] of Object.entries(map) as [keyof M & string, M[keyof M]][]) {
    const handler = handlers[event];
    const rule = ruleOf(event);
    const handle = async (payload: unknown, ack: unknown) => {
      const started = performance.now();
      if (typeof ack !== 'function') {
        d.log.warn({ event, actor: ctx.actor }, 'request without ack callback dropped');
        return;
      }
      const finish = (r: Result<unknown>, audited: unknown = payload) => {
        audit(event, rule, audited, r);
        answer(event, started, ack as (r: Result<unknown>) => void, r);
      };
      if (!d.auth.stillValid(ctx.principal)) {
        finish(refuse('UNAUTHORIZED', 'your session has ended; sign in again'));
        socket.disconnect(true);
        return;
      }
      if (!rule || !can(who, rule.permission)) {
        finish(refuse('FORBIDDEN', `${ctx.actor} may not ${event} (needs ${rule?.permission ?? 'a rule'})`));
        return;
      }
      if (!bucket.take()) {
        finish(refuse('RATE_LIMITED', 'too many requests; slow down'));
        return;
      }
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        finish(refuse('INVALID_PAYLOAD', describeZodError(parsed.error)));
        return;
      }
      const counterId = (parsed.data as { counter_id?: unknown }).counter_id;
      if (rule.scope === 'counter' && typeof counterId === 'string' && !mayOperateCounter(who, counterId)) {
        finish(refuse('FORBIDDEN', `${ctx.actor} may not operate counter '${counterId}'`), parsed.data);
        return;
      }
      try {
        finish(await handler(parsed.data as ParsedRequestOf<M[typeof event]>, ctx), parsed.data);
      } catch (e) {
        d.log.error({ err: e, event, actor: ctx.actor }, 'request handler failed');
        finish(refuse('INTERNAL', 'internal error; the bridge logged the details'), parsed.data);
      }
    };
    socket.on(event, (payload, ack) => void handle(payload, ack));
  }

  // Requests that are not this namespace's: another role's (FORBIDDEN, audited if it would be) or unknown.
  socket.onAny((event, ...args) => {
    if (Object.hasOwn(map, event)) return;
    const ack = args.at(-1);
    const rule = ruleOf(event);
    const r = rule
      ? refuse('FORBIDDEN', `${ctx.actor} (${ctx.role}) may not ${event}`)
      : refuse('NOT_FOUND', `no request named '${event.slice(0, 64)}'`);
    if (rule) audit(event, rule, undefined, r);
    if (typeof ack === 'function') answer(event, performance.now(), ack as (r: Result<unknown>) => void, r);
    else d.log.warn({ event: event.slice(0, 64), actor: ctx.actor }, 'request of another role without ack');
  });
}

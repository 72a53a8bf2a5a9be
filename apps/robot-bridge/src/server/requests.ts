import {
  err,
  requestsByRole,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
  type RpcMap,
} from '@reception/protocol';
import type { Logger } from 'pino';
import type { Counter, Histogram } from './metrics.ts';

/** Who sent a request, for authorisation and the audit log. */
export interface RequestContext {
  role: 'kiosk' | 'display' | 'staff' | 'admin';
  /** Device id or staff username. */
  actor: string;
  socketId: string;
}

export type Handlers<M extends RpcMap> = {
  [K in keyof M]: (
    request: ParsedRequestOf<M[K]>,
    ctx: RequestContext,
  ) => Result<ResponseOf<M[K]>> | Promise<Result<ResponseOf<M[K]>>>;
};

export interface RequestMetrics {
  requests: Counter;
  duration: Histogram;
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

/**
 * Binds every request of `map` on `socket`: validates the payload with its schema, rate-limits, runs the
 * handler and always answers the ack with a `Result` (a thrown error becomes INTERNAL and is logged).
 * A request of another role (a kiosk sending `robot:recall`) is answered FORBIDDEN, never ignored; other
 * unknown events are ignored by socket.io. Requests without an ack function are dropped and logged.
 */
/** The part of a socket.io server socket this needs (typed sockets narrow `on` too far). */
export interface RequestSocket {
  on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown;
}

export function bindRequests<M extends RpcMap>(
  socket: RequestSocket,
  map: M,
  handlers: Handlers<M>,
  ctx: RequestContext,
  log: Logger,
  metrics: RequestMetrics,
  limits = { rate: 20, burst: 40 },
): void {
  const bucket = new Bucket(limits.rate, limits.burst);
  for (const [event, { request: schema }] of Object.entries(map) as [keyof M & string, M[keyof M]][]) {
    const handler = handlers[event];
    const handle = async (payload: unknown, ack: unknown) => {
      const started = performance.now();
      if (typeof ack !== 'function') {
        log.warn({ event, actor: ctx.actor }, 'request without ack callback dropped');
        return;
      }
      const reply = ack as (r: Result<unknown>) => void;
      const finish = (r: Result<unknown>) => {
        metrics.requests.inc({ role: ctx.role, event, outcome: r.ok ? 'ok' : r.error.code });
        metrics.duration.observe((performance.now() - started) / 1000, { role: ctx.role, event });
        reply(r);
      };
      if (!bucket.take()) {
        finish(err('RATE_LIMITED', 'too many requests; slow down'));
        return;
      }
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        const why = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
          .join('; ');
        finish(err('INVALID_PAYLOAD', why));
        return;
      }
      try {
        finish(await handler(parsed.data as ParsedRequestOf<M[typeof event]>, ctx));
      } catch (e) {
        log.error({ err: e, event, actor: ctx.actor }, 'request handler failed');
        finish(err('INTERNAL', 'internal error; the bridge logged the details'));
      }
    };
    socket.on(event, (payload, ack) => void handle(payload, ack));
  }
  const own = new Set(Object.keys(map));
  const others = new Set(Object.values(requestsByRole).flatMap((m) => Object.keys(m)));
  for (const event of others) {
    if (own.has(event)) continue;
    socket.on(event, (_payload, ack) => {
      metrics.requests.inc({ role: ctx.role, event, outcome: 'FORBIDDEN' });
      log.warn({ event, actor: ctx.actor, role: ctx.role }, 'request of another role refused');
      if (typeof ack === 'function') {
        (ack as (r: Result<never>) => void)(err('FORBIDDEN', `a ${ctx.role} may not send ${event}`));
      }
    });
  }
}

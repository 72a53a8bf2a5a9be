import { randomUUID } from 'node:crypto';
import type { DossierStatus, Site } from '@reception/protocol';
import pRetry from 'p-retry';
import type { Logger } from 'pino';
import {
  checkReceiptCode,
  DossierError,
  DossierNotFound,
  DossierSystemUnavailable,
  InvalidReceiptCode,
  type DossierLookup,
  type UnavailableReason,
} from '../dossier-lookup.ts';
import { isoInZone, lateWarning, localDate } from '../site-calendar.ts';
import { wireDossierSchema, wireErrorSchema, type WireDossier } from './wire.ts';

export interface HttpDossierLookupOptions {
  /** Base URL of the one-stop system's dossier API (`DOSSIER_API_URL`); `/v1/dossiers/{code}` is below it. */
  baseUrl: string;
  /** Bearer token the bridge sends (`DOSSIER_API_TOKEN`). */
  token?: string | undefined;
  /** The site now: time zone for "today", services and counters to map the answer onto. */
  site: () => Site;
  log?: Logger | undefined;
  /** Deadline of one `status()`, retries included (default 4000 ms). */
  timeoutMs?: number;
  /** Deadline of one HTTP attempt (default 1500 ms). */
  attemptTimeoutMs?: number;
  /** Further attempts after a connection failure, timeout or 5xx (default 2). */
  retries?: number;
  now?: () => Date;
}

/** Answers larger than this are not the contract's (a dossier is a few kilobytes). */
const MAX_BODY_BYTES = 256 * 1024;
/** Failures worth another attempt: the next one may well succeed. */
const RETRYABLE: ReadonlySet<UnavailableReason> = new Set(['unreachable', 'timeout', 'server_error']);

/**
 * `DossierLookup` over the centre's one-stop system (REST contract: DOSSIER_API.md). Each lookup is one
 * `GET`, retried on connection failures, timeouts and 5xx with jittered backoff (100 ms doubling, at most
 * 400 ms) until `timeoutMs`; refusals (404, 400, 401, 429) and malformed answers are not retried.
 */
export class HttpDossierLookup implements DossierLookup {
  private readonly closer = new AbortController();
  private readonly log: Logger | undefined;
  private readonly now: () => Date;
  private lastFailure: UnavailableReason | null = null;

  constructor(private readonly o: HttpDossierLookupOptions) {
    this.log = o.log?.child({ ns: 'dossiers' });
    this.now = o.now ?? (() => new Date());
  }

  /** False after a lookup found the system unavailable, until one gets an answer again. */
  get online(): boolean {
    return this.lastFailure === null;
  }

  /** Why the last lookup got no answer, or null when it got one. */
  get failure(): UnavailableReason | null {
    return this.lastFailure;
  }

  async status(input: string, options?: { signal?: AbortSignal }): Promise<DossierStatus> {
    const { code } = checkReceiptCode(input);
    if (this.closer.signal.aborted) throw new DossierSystemUnavailable('closed', 'the lookup is closed');
    const deadline = AbortSignal.timeout(this.o.timeoutMs ?? 4000);
    const signals = [deadline, this.closer.signal, ...(options?.signal ? [options.signal] : [])];
    const overall = AbortSignal.any(signals);
    const started = performance.now();
    let attempts = 0;
    try {
      const wire = await pRetry(
        () => {
          attempts++;
          return this.attempt(code, overall);
        },
        {
          retries: this.o.retries ?? 2,
          minTimeout: 100,
          maxTimeout: 400,
          factor: 2,
          randomize: true,
          signal: overall,
          unref: true,
          shouldRetry: ({ error }) =>
            error instanceof DossierSystemUnavailable && RETRYABLE.has(error.reason),
        },
      );
      if (wire.code !== code) throw new DossierSystemUnavailable('bad_answer', 'answer for another code');
      this.lastFailure = null;
      this.log?.debug({ outcome: 'ok', attempts, ms: Math.round(performance.now() - started) }, 'lookup');
      return this.toStatus(wire);
    } catch (e) {
      const error = this.classify(e, deadline, options?.signal);
      if (error instanceof DossierSystemUnavailable) {
        this.lastFailure = error.reason;
        const fields = { outcome: error.reason, attempts, ms: Math.round(performance.now() - started) };
        if (error.reason === 'unauthorized') this.log?.error(fields, 'dossier system refused our token');
        else this.log?.warn(fields, 'dossier system unavailable');
      } else {
        this.lastFailure = null;
        this.log?.debug({ outcome: error.code, attempts }, 'lookup');
      }
      throw error;
    }
  }

  close(): Promise<void> {
    this.closer.abort(new DossierSystemUnavailable('closed', 'the lookup is closed'));
    return Promise.resolve();
  }

  /** Whatever ended a lookup, as a `DossierError`: never a raw network or abort error. */
  private classify(e: unknown, deadline: AbortSignal, caller: AbortSignal | undefined): DossierError {
    if (e instanceof DossierError) return e;
    if (this.closer.signal.aborted) return new DossierSystemUnavailable('closed', 'the lookup is closed');
    if (deadline.aborted || caller?.aborted) {
      return new DossierSystemUnavailable('timeout', 'no answer before the deadline');
    }
    return new DossierSystemUnavailable('unreachable', (e as Error).message);
  }

  private async attempt(code: string, overall: AbortSignal): Promise<WireDossier> {
    const signal = AbortSignal.any([overall, AbortSignal.timeout(this.o.attemptTimeoutMs ?? 1500)]);
    const url = new URL(`v1/dossiers/${encodeURIComponent(code)}`, withSlash(this.o.baseUrl));
    const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': randomUUID() };
    if (this.o.token) headers.authorization = `Bearer ${this.o.token}`;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { headers, signal, redirect: 'error' });
      text = await readCapped(res);
    } catch (e) {
      if (e instanceof DossierError) throw e;
      if (signal.aborted) throw new DossierSystemUnavailable('timeout', 'the attempt timed out');
      throw new DossierSystemUnavailable('unreachable', (e as Error).message);
    }
    if (res.status >= 500) throw new DossierSystemUnavailable('server_error', `HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new DossierSystemUnavailable('bad_answer', `HTTP ${res.status}, not JSON`);
    }
    if (res.ok) {
      const parsed = wireDossierSchema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
        throw new DossierSystemUnavailable('bad_answer', `answer does not follow the contract at ${where}`);
      }
      return parsed.data;
    }
    const refusal = wireErrorSchema.safeParse(body);
    const wireCode = refusal.success ? refusal.data.error.code : undefined;
    if (res.status === 404 && wireCode === 'NOT_FOUND') throw new DossierNotFound();
    if (res.status === 400 && wireCode === 'INVALID_CODE') throw new InvalidReceiptCode('bad_format');
    if (res.status === 401 || res.status === 403) {
      throw new DossierSystemUnavailable('unauthorized', `HTTP ${res.status}`);
    }
    if (res.status === 429) throw new DossierSystemUnavailable('busy', 'HTTP 429');
    throw new DossierSystemUnavailable('bad_answer', `HTTP ${res.status} ${wireCode ?? ''}`.trim());
  }

  private toStatus(w: WireDossier): DossierStatus {
    const site = this.o.site();
    const now = this.now();
    const service = site.services.find((s) => s.id === w.procedure_id);
    const counters = new Set(site.counters.map((c) => c.id));
    const named = (w.collect.counter_ids ?? []).filter((id) => counters.has(id));
    const dates = {
      status: w.status,
      expected_return_date: w.expected_return_date,
      original_return_date: w.original_return_date ?? null,
    };
    return {
      code: w.code,
      procedure_id: service ? service.id : null,
      procedure_name: service ? null : (w.procedure_name ?? null),
      ...dates,
      received_at: w.received_at,
      steps: w.steps.map((s) => ({ step: s.step, at: s.at })),
      late: lateWarning(dates, localDate(now, site.timezone)),
      collect:
        w.collect.method === 'counter'
          ? { method: 'counter', counters: named.length > 0 ? named : (service?.counters ?? []) }
          : { method: w.collect.method },
      checked_at: isoInZone(now, site.timezone),
    };
  }
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/** The body as text, refusing more than MAX_BODY_BYTES (a broken system must not fill our memory). */
async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, and with it the download.
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      throw new DossierSystemUnavailable('bad_answer', `answer larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

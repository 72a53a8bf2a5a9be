import { TicketError } from '../ticket-queue.ts';
import { REFUSAL_CODES, type ErrorBody } from './contract.ts';

/** The external system answered with an error body: a refusal, not an outage. Not retried. */
export class ExternalRefusal extends TicketError {}

/** The external system could not be reached or answered 5xx: retried with backoff. */
export class ExternalUnavailable extends Error {
  readonly code = 'EXTERNAL_UNAVAILABLE';
}

export interface RestOptions {
  baseUrl: string;
  token?: string | undefined;
  timeoutMs?: number;
}

/** One JSON request to the external queue system's REST API (EXTERNAL_QUEUE.md). */
export async function rest<T>(
  o: RestOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(new URL(path, o.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 3000),
    });
  } catch (e) {
    throw new ExternalUnavailable(`${method} ${path}: ${(e as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 500) throw new ExternalUnavailable(`${method} ${path}: HTTP ${res.status}`);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new ExternalUnavailable(`${method} ${path}: answer is not JSON`);
  }
  if (!res.ok) {
    const e = (parsed as Partial<ErrorBody> | null)?.error;
    const code = REFUSAL_CODES.find((k) => k === e?.code);
    if (code) throw new ExternalRefusal(code, e?.message ?? code);
    throw new ExternalUnavailable(`${method} ${path}: HTTP ${res.status} ${e?.message ?? ''}`);
  }
  return parsed as T;
}

/** Exponential backoff with full jitter: attempt 0 waits up to `baseMs`, capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs = 100, maxMs = 2000): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** attempt);
}

import type { QueueEvent } from '@reception/protocol';
import type { Logger } from 'pino';
import { verifyWebhook } from './webhook-signature.ts';

/** What the HTTP layer answers a webhook delivery with. */
export interface WebhookAnswer {
  status: 200 | 400 | 401;
  body: { ok: true } | { error: { code: 'UNAUTHORIZED' | 'INVALID_PAYLOAD'; message: string } };
}

/**
 * `POST /api/queue/webhook`: events from the external queue system, signed with the shared secret
 * (EXTERNAL_QUEUE.md). Unsigned, stale or badly signed deliveries are answered 401 and dropped; the HTTP
 * server hands over the raw body (the signature covers its exact bytes) and the two headers.
 */
export async function receiveWebhook(
  queue: { acceptWebhook(e: QueueEvent): Promise<void> },
  secret: string,
  log: Logger,
  delivery: { timestamp: string | undefined; signature: string | undefined; body: string },
): Promise<WebhookAnswer> {
  if (!verifyWebhook(secret, delivery.timestamp, delivery.signature, delivery.body)) {
    log.warn('webhook with a bad signature dropped');
    return { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'bad signature' } } };
  }
  let event: QueueEvent;
  try {
    event = JSON.parse(delivery.body) as QueueEvent;
  } catch {
    return { status: 400, body: { error: { code: 'INVALID_PAYLOAD', message: 'body is not valid JSON' } } };
  }
  await queue.acceptWebhook(event);
  return { status: 200, body: { ok: true } };
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Webhooks older or newer than this (seconds) are refused, so a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_S = 300;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the shared secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(
  secret: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  body: string,
  nowS = Date.now() / 1000,
): boolean {
  const ts = Number(timestampHeader);
  if (!Number.isInteger(ts) || Math.abs(nowS - ts) > WEBHOOK_TOLERANCE_S || !signatureHeader) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const actual = Buffer.from(signatureHeader);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

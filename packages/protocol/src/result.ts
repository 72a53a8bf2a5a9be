/** Closed set of error codes that may cross the wire. Add a code here, never a free-form string. */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Ack envelope for every socket.io request: either a value or a typed error. */
export type Result<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** `reason`: an optional machine-readable sub-code the client explains in its own words (e.g. a `GuideRefusal`). */
      error: { code: ErrorCode; message: string; reason?: string };
    };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string, reason?: string): Result<T> => ({
  ok: false,
  error: reason === undefined ? { code, message } : { code, message, reason },
});

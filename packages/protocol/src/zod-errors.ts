import type { z } from 'zod';
import { formatPath } from './site.ts';

/**
 * The one way a zod failure is put into words, for answers on the wire, configuration errors and logs:
 * `field.path: message` per issue (`(payload)` for the whole value), joined by `separator`.
 */
export function describeZodError(error: z.ZodError, separator = '; '): string {
  return error.issues.map((i) => `${formatPath(i.path) || '(payload)'}: ${i.message}`).join(separator);
}

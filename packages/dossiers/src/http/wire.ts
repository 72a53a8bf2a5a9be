import { COLLECT_METHODS, DOSSIER_STATUSES, dossierStepSchema } from '@reception/protocol';
import { z } from 'zod';

/**
 * What the one-stop system answers to `GET /v1/dossiers/{code}` (DOSSIER_API.md). Unknown fields are
 * dropped by the parse (`z.object` strips), so anything personal a system adds never gets further.
 */
export const wireDossierSchema = z.object({
  code: z.string(),
  procedure_id: z.string().max(100),
  procedure_name: z.string().max(500).nullish(),
  status: z.enum(DOSSIER_STATUSES),
  received_at: z.iso.datetime({ offset: true }),
  steps: z.array(dossierStepSchema.strip()).max(200),
  expected_return_date: z.iso.date(),
  original_return_date: z.iso.date().nullish(),
  collect: z.object({
    method: z.enum(COLLECT_METHODS),
    counter_ids: z.array(z.string().max(100)).max(50).nullish(),
  }),
});
export type WireDossier = z.infer<typeof wireDossierSchema>;

/** Error codes of the contract's error body `{"error": {"code", "message"}}`. */
export const WIRE_ERROR_CODES = [
  'INVALID_CODE',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number];

export const wireErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

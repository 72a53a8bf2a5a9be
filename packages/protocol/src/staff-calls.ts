import { z } from 'zod';
import { languageSchema } from './site.ts';

/**
 * A citizen at a kiosk calls a staff member (kiosk journey "call a staff member", issue 18; the console's
 * alert panel, issue 17). Life of a call:
 *
 *   kiosk `staff:call` ──► open ──(staff `staff_call:ack`)──► acknowledged   (kiosk told: someone is coming)
 *                            ├──(nobody acks in time)──────► expired        (kiosk told: nobody could come)
 *                            └──(kiosk `staff_call:cancel`)► cancelled      (citizen left, idle reset)
 *
 * A kiosk has at most one open call: calling again while one is open returns that call (`replayed`). New
 * calls per kiosk are rate limited so that nobody can flood the console from a kiosk.
 */

/**
 * Why the citizen calls, picked from buttons (never free text: nothing personal reaches the console or the
 * logs). `general` help, help with `documents` or forms, help with `mobility` (wheelchair, cannot stand
 * long), `language` (does not speak Vietnamese well), a `complaint` or feedback.
 */
export const STAFF_CALL_REASONS = ['general', 'documents', 'mobility', 'language', 'complaint'] as const;
export type StaffCallReason = (typeof STAFF_CALL_REASONS)[number];

export const STAFF_CALL_STATES = ['open', 'acknowledged', 'expired', 'cancelled'] as const;
export type StaffCallState = (typeof STAFF_CALL_STATES)[number];

const instant = z.iso.datetime({ offset: true });

/** A call as staff see it (`staff_call:new`, `staff_call:update`, `staff_call:list`). */
export const staffCallSchema = z
  .object({
    call_id: z.uuid(),
    /** The kiosk's name as its device token is labelled ("Lobby kiosk 1"). */
    kiosk_name: z.string(),
    /** When the citizen called. */
    at: instant,
    reason: z.enum(STAFF_CALL_REASONS).nullable(),
    /** The language the kiosk was showing, so the right person goes. */
    language: languageSchema.nullable(),
    state: z.enum(STAFF_CALL_STATES),
    /** Until then an open call waits for a staff member; then it expires. */
    expires_at: instant,
    /** Display name of the staff member who acknowledged it. */
    acknowledged_by: z.string().nullable(),
    /** When it left `open` (acknowledged, expired or cancelled). */
    closed_at: instant.nullable(),
  })
  .strict();
export type StaffCall = z.infer<typeof staffCallSchema>;

/** Request of kiosk `staff:call`. */
export const staffCallRequestSchema = z
  .object({ reason: z.enum(STAFF_CALL_REASONS).optional(), language: languageSchema.optional() })
  .strict();

/** Ack of kiosk `staff:call`: the call to wait on. `replayed`: this kiosk's call already open. */
export interface StaffCallReceipt {
  call_id: string;
  at: string;
  expires_at: string;
  replayed: boolean;
}

export const staffCallRefSchema = z.object({ call_id: z.uuid() }).strict();

/** Kiosk broadcast `staff_call:acknowledged`: a staff member is on the way. `by`: their display name. */
export const staffCallAcknowledgedSchema = z.object({ call_id: z.uuid(), by: z.string() }).strict();
/** Kiosk broadcast `staff_call:expired`: nobody acknowledged in time; the kiosk says where to go instead. */
export const staffCallExpiredSchema = staffCallRefSchema;

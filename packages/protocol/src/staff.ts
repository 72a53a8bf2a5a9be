import { z } from 'zod';
import { PERMISSIONS } from './permissions.ts';

/**
 * Staff identity and login (ARCHITECTURE.md section 8): what the bridge answers a login with and what the console
 * and counter pages know of the person signed in. The accounts themselves (with password hashes) are the
 * bridge's `staff.yaml`; only this public part crosses the wire.
 */

export const STAFF_ROLES = ['staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Permissions an account may be given beyond its role's (see `ROLE_PERMISSIONS`). */
export const grantSchema = z.enum(PERMISSIONS);

export const staffIdentitySchema = z
  .object({
    username: z.string().regex(/^[a-z0-9_.-]{2,32}$/),
    display_name: z.string().min(1).max(100),
    role: z.enum(STAFF_ROLES),
    /** Counters this person may operate. Empty: none (admins operate every counter). */
    counters: z.array(z.string()).default([]),
    /** Extra permissions for this account, e.g. `robot.estop_reset` for a shift lead who is not an admin. */
    grants: z.array(grantSchema).default([]),
  })
  .strict();
export type StaffIdentity = z.output<typeof staffIdentitySchema>;

/** `POST /api/auth/login` body (JSON only: a form or text body is refused, see the README). */
export const loginRequestSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
  .strict();
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** `POST /api/auth/login` answer. `token` goes into `Authorization: Bearer` and the socket handshake. */
export const loginResponseSchema = z.object({
  token: z.string(),
  who: staffIdentitySchema,
  /** Absolute end of the session; it also ends after `idle_timeout_s` without any request. */
  expires_at: z.iso.datetime(),
  idle_timeout_s: z.number().int().positive(),
});
export type LoginResponse = z.output<typeof loginResponseSchema>;

/** Error body of every HTTP endpoint that answers JSON. */
export const httpErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

import { z } from 'zod';

/**
 * Administration over the `/admin` namespace (and the `admin` CLI): device tokens for kiosks and displays,
 * staff sessions, and the audit log (also readable on `/staff` with the `audit.read` permission).
 */

export const DEVICE_ROLES = ['kiosk', 'display'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

const deviceName = z.string().trim().min(1).max(80);
const deviceId = z.string().regex(/^[a-z0-9_]{3,40}$/);

export interface DeviceInfo {
  /** Stable id, shown in events and the audit log; never part of the token. */
  id: string;
  role: DeviceRole;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** A demo device from the demo site's `demo-devices.yaml` (cannot be renamed or revoked here). */
  demo: boolean;
}

export const createTokenSchema = z.object({ role: z.enum(DEVICE_ROLES), name: deviceName }).strict();
export const listTokensSchema = z.object({ include_revoked: z.boolean().default(false) }).strict();
export const renameTokenSchema = z.object({ device_id: deviceId, name: deviceName }).strict();
export const revokeTokenSchema = z.object({ device_id: deviceId }).strict();

/** The only time a device token is shown: keep it, it cannot be read back. */
export interface CreatedToken {
  device: DeviceInfo;
  token: string;
}

export interface SessionInfo {
  id: string;
  username: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end; the session also ends `idle_timeout_s` after `last_seen_at`. */
  expires_at: string;
  idle_timeout_s: number;
  /** Sockets using this session right now. */
  sockets: number;
}

/** Ends one session, or every session of a username. Their sockets are disconnected at once. */
export const revokeSessionSchema = z.union([
  z.object({ session_id: z.string().regex(/^ses_[A-Za-z0-9_-]{8,64}$/) }).strict(),
  z.object({ username: z.string().min(1).max(64) }).strict(),
]);

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One audit record: who did what to what, from where, and how it ended. */
export interface AuditEntry {
  seq: number;
  at: string;
  /** Staff username, `kiosk:<device id>`, `display:<device id>`, `cli` or `system`. */
  actor: string;
  role: string;
  /** A request event (`robot:estop`, `ticket:cancel`...) or `auth:login`, `auth:logout`, `token:create`... */
  action: string;
  /** What it acted on: a counter, ticket, device or session id; empty when nothing in particular. */
  target: string;
  outcome: AuditOutcome;
  /** Error code and message when refused or failed; never a secret. */
  detail: string;
  /** Client address. */
  address: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
export const auditSearchSchema = z
  .object({
    /** Local dates (the site's time zone), both included. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    actor: z.string().min(1).max(100).optional(),
    /** Exact action, or a prefix ending in `:` (`robot:` for every robot command). */
    action: z.string().min(1).max(64).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** Page backwards: entries with `seq` below this. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.output<typeof auditSearchSchema>;

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `before` for the next page; null at the end. */
  next_before: number | null;
}

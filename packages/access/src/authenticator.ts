import type { DeviceRole, PrincipalRole, StaffIdentity } from '@reception/protocol';

/** A kiosk or display, known by its device token. */
export interface DevicePrincipal {
  kind: 'device';
  role: DeviceRole;
  deviceId: string;
  name: string;
  /** `kiosk:<device id>`: what events and the audit log name. Never made from the token. */
  actor: string;
}

/** A signed-in staff member (role `staff` or `admin`), known by a session token from login. */
export interface StaffPrincipal {
  kind: 'staff';
  role: 'staff' | 'admin';
  sessionId: string;
  who: StaffIdentity;
  /** The username. */
  actor: string;
}

export type Principal = DevicePrincipal | StaffPrincipal;

/** What the permission rules read of a principal (see `can` in @reception/protocol). */
export function grantee(p: Principal): {
  role: PrincipalRole;
  counters?: string[];
  grants?: StaffIdentity['grants'];
} {
  return p.kind === 'staff'
    ? { role: p.role, counters: p.who.counters, grants: p.who.grants }
    : { role: p.role };
}

/** Identifies one set of credentials: `device:<id>` or `session:<id>`. */
export type CredentialKey = `device:${string}` | `session:${string}`;

export function credentialKey(p: Principal): CredentialKey {
  return p.kind === 'device' ? `device:${p.deviceId}` : `session:${p.sessionId}`;
}

/**
 * The seam between the bridge's servers and whatever proves who a client is (ARCHITECTURE.md section 8; after
 * rmf-web's `Authenticator`). The HTTP routes and socket namespaces only ever ask these three questions;
 * a test can pass its own implementation.
 *
 * Rules every implementation keeps:
 * - `authenticate` answers for any bearer token (device token or staff session token) and never throws:
 *   an unknown, revoked, expired or malformed token is `undefined`. It does not check the namespace: the
 *   caller decides whether the principal's role may use it.
 * - Comparing a token costs the same however close it is to a real one (constant time), and no token or
 *   part of one is ever put into a principal, a log line or an event.
 * - `stillValid` is asked before every request a principal makes, and must be cheap (no I/O on the hot
 *   path). It returns false from the moment the credentials end (logout, revocation, absolute or idle
 *   expiry) and counts a true answer as activity for idle expiry.
 * - `onEnded` listeners hear every ended credential (at least once, so they must be idempotent), whether it
 *   ended here (logout, revoke, expiry sweep) or elsewhere (the `admin` CLI, within a few seconds), so live
 *   sockets can be disconnected.
 */
export interface Authenticator {
  authenticate(token: string): Principal | undefined;
  stillValid(principal: Principal): boolean;
  onEnded(listener: (key: CredentialKey) => void): () => void;
}

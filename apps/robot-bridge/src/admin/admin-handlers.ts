import { err, ok, type Result } from '@reception/protocol';
import type { Logger } from 'pino';
import {
  type AuditLog,
  type CredentialKey,
  DeviceTokenError,
  type SqliteAuthenticator,
} from '@reception/access';
import type { AdminHandlers } from '../server/app.ts';
import type { SiteStore } from '../site/site-store.ts';

export interface AdminDeps {
  auth: SqliteAuthenticator;
  audit: AuditLog;
  site: SiteStore;
  log: Logger;
}

/** Turns a device registry refusal into a typed answer. */
function guard<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (e) {
    if (e instanceof DeviceTokenError) return err(e.code, e.message);
    throw e;
  }
}

/**
 * Administration requests (`/admin`, permission table in @reception/protocol): site reload, device tokens,
 * staff sessions, and the audit search (also on `/staff` for those granted `audit.read`). Each change is
 * audited by the request layer; revoking disconnects the sockets of what was revoked at once.
 */
export function adminHandlers(d: AdminDeps, sockets: (key: CredentialKey) => number): AdminHandlers {
  const devices = d.auth.devices;
  return {
    'site:reload': async (_req, ctx) => {
      try {
        const next = await d.site.reload();
        d.log.info({ actor: ctx.actor, site: next.site.id }, 'site reloaded');
        return ok({ site_id: next.site.id });
      } catch (e) {
        d.log.warn({ actor: ctx.actor, err: e }, 'site reload refused; the previous site stays in force');
        return err('INVALID_PAYLOAD', (e as Error).message);
      }
    },
    'token:create': ({ role, name }, ctx) =>
      guard(() => {
        const created = devices.create(role, name);
        d.log.info({ actor: ctx.actor, device: created.device.id, role }, 'device token created');
        return created;
      }),
    'token:list': ({ include_revoked }) => ok({ devices: devices.list(include_revoked) }),
    'token:rename': ({ device_id, name }) => guard(() => devices.rename(device_id, name)),
    'token:revoke': ({ device_id }, ctx) =>
      guard(() => {
        const device = devices.revoke(device_id);
        d.auth.deviceRevoked(device_id);
        d.log.info({ actor: ctx.actor, device: device_id }, 'device token revoked');
        return device;
      }),
    'session:list': () => ok({ sessions: d.auth.sessions.list((id) => sockets(`session:${id}`)) }),
    'session:revoke': (req, ctx) => {
      const ids = 'session_id' in req ? [req.session_id] : d.auth.sessions.idsOf(req.username);
      const revoked = ids.filter((id) => d.auth.endSession(id, 'revoked')).length;
      d.log.info({ actor: ctx.actor, revoked }, 'staff sessions revoked');
      return ok({ revoked });
    },
    'audit:search': (query) => ok(d.audit.search(query)),
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  can,
  describeZodError,
  loginRequestSchema,
  type LoginResponse,
  type Permission,
} from '@reception/protocol';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  type AuditLog,
  type Authenticator,
  grantee,
  type LoginThrottle,
  type SqliteAuthenticator,
  type StaffPrincipal,
} from '@reception/access';
import { fail } from '../server/http.ts';

function bearer(req: FastifyRequest): string | undefined {
  return /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.headers.authorization ?? '')?.[1];
}

/**
 * The signed-in staff member behind `Authorization: Bearer <session token>`, if they hold `permission`.
 * 401 without a valid session, 403 without the permission. Counts as activity for idle expiry.
 */
export function requireStaff(
  auth: Authenticator,
  req: FastifyRequest,
  permission: Permission,
): StaffPrincipal {
  const token = bearer(req);
  const who = token === undefined ? undefined : auth.authenticate(token);
  if (!who || who.kind !== 'staff' || !auth.stillValid(who)) fail(401, 'staff login required');
  if (!can(grantee(who), permission)) fail(403, `${who.actor} may not do this (needs ${permission})`);
  return who;
}

export interface AuthRouteDeps {
  auth: SqliteAuthenticator;
  throttle: LoginThrottle;
  audit: AuditLog;
  log: Logger;
}

/**
 * `POST /api/auth/login` (JSON only; the origin check in http.ts refuses foreign pages) and
 * `POST /api/auth/logout` (Bearer session token): the session ends and its sockets are disconnected.
 */
export function authRoutes(d: AuthRouteDeps): FastifyPluginAsync {
  return (app) => {
    app.post('/api/auth/login', async (req): Promise<LoginResponse> => {
      const parsed = loginRequestSchema.safeParse(req.body);
      if (!parsed.success) fail(400, describeZodError(parsed.error));
      const { username, password } = parsed.data;
      const verdict = await d.throttle.check(username, req.ip);
      if (verdict.locked) {
        d.audit.record({
          actor: username,
          role: 'staff',
          action: 'auth:login',
          outcome: 'refused',
          detail: 'locked',
          address: req.ip,
        });
        fail(429, `too many failed logins; try again in ${verdict.retryAfterS} s`, {
          'retry-after': String(verdict.retryAfterS),
        });
      }
      if (verdict.delayMs > 0) await sleep(verdict.delayMs);
      const who = await d.auth.accounts.check(username, password);
      if (!who) {
        await d.throttle.failed(username, req.ip);
        d.audit.record({
          actor: username,
          role: 'staff',
          action: 'auth:login',
          outcome: 'refused',
          detail: 'wrong username or password',
          address: req.ip,
        });
        d.log.warn({ address: req.ip }, 'staff login refused');
        fail(401, 'wrong username or password');
      }
      await d.throttle.succeeded(username);
      const { token, session } = d.auth.sessions.create(who.username);
      d.audit.record({
        actor: who.username,
        role: who.role,
        action: 'auth:login',
        target: session.id,
        address: req.ip,
      });
      d.log.info({ actor: who.username, session: session.id }, 'staff logged in');
      return {
        token,
        who,
        expires_at: new Date(session.expiresMs).toISOString(),
        idle_timeout_s: session.idleTimeoutS,
      };
    });

    app.post('/api/auth/logout', async (req, reply) => {
      const token = bearer(req);
      const who = token === undefined ? undefined : d.auth.authenticate(token);
      if (!who || who.kind !== 'staff') fail(401, 'no valid session to log out of');
      d.auth.endSession(who.sessionId, 'logout');
      d.audit.record({
        actor: who.actor,
        role: who.role,
        action: 'auth:logout',
        target: who.sessionId,
        address: req.ip,
      });
      d.log.info({ actor: who.actor, session: who.sessionId }, 'staff logged out');
      return reply.code(204).send();
    });
    return Promise.resolve();
  };
}

import { auditSearchSchema, describeZodError } from '@reception/protocol';
import type { FastifyPluginAsync } from 'fastify';
import { type AuditLog, type Authenticator } from '@reception/access';
import { requireStaff } from '../auth/auth-routes.ts';
import { fail } from '../server/http.ts';

/**
 * `GET /api/audit.csv?from=&to=&actor=&action=&outcome=` with `Authorization: Bearer <session token>` and the
 * `audit.read` permission: the matching audit entries, oldest first, as CSV.
 */
export function auditRoutes(d: { auth: Authenticator; audit: AuditLog }): FastifyPluginAsync {
  return (app) => {
    app.get<{ Querystring: Record<string, string | undefined> }>('/api/audit.csv', async (req, reply) => {
      const who = requireStaff(d.auth, req, 'audit.read');
      const { from, to, actor, action, outcome } = req.query;
      const parsed = auditSearchSchema
        .omit({ before: true, limit: true })
        .safeParse(
          Object.fromEntries(Object.entries({ from, to, actor, action, outcome }).filter(([, v]) => v)),
        );
      if (!parsed.success) fail(400, describeZodError(parsed.error));
      d.audit.record({ actor: who.actor, role: who.role, action: 'audit:export', address: req.ip });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .header('cache-control', 'no-store')
        .send(d.audit.csv(parsed.data));
    });
    return Promise.resolve();
  };
}

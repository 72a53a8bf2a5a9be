import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiDocumentFiles, buildAsyncApi, buildOpenApi } from './api-docs.ts';
import { requestsByRole } from './events.ts';
import { HTTP_ENDPOINTS } from './http-api.ts';

const dir = fileURLToPath(new URL('../../../docs/api/', import.meta.url));

describe('API documents', () => {
  it('the committed documents under docs/api/ are what the schemas generate (else: npm run -s api-docs)', () => {
    for (const [name, text] of Object.entries(apiDocumentFiles())) {
      expect(
        readFileSync(`${dir}${name}`, 'utf8'),
        `docs/api/${name} is stale: run npm run -s api-docs`,
      ).toBe(text);
    }
  });

  it('documents every request of every namespace with its payload schema, and every HTTP endpoint', () => {
    const doc = buildAsyncApi() as {
      operations: Record<string, { action: string }>;
      components: { messages: Record<string, { name: string; payload: unknown }> };
    };
    for (const [role, requests] of Object.entries(requestsByRole)) {
      for (const event of Object.keys(requests)) {
        const id = `${role}.${event.replace(/:/g, '_')}`;
        expect(doc.operations[id]?.action, id).toBe('receive');
        expect(doc.components.messages[id]?.payload, id).toBeTypeOf('object');
      }
    }
    const login = doc.components.messages['kiosk.ticket_issue']?.payload as { required?: string[] };
    expect(login.required).toEqual(expect.arrayContaining(['service_id', 'idempotency_key']));
    const open = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    for (const e of HTTP_ENDPOINTS)
      expect(open.paths[e.path]?.[e.method], `${e.method} ${e.path}`).toBeDefined();
  });
});

import { z } from 'zod';
import { broadcastsByRole, NAMESPACES, requestsByRole } from './events.ts';
import { HTTP_ENDPOINTS, httpErrorSchema } from './http-api.ts';
import { REQUEST_RULES } from './request-rules.ts';
import { ERROR_CODES } from './result.ts';
import type { RpcMap } from './rpc.ts';

/**
 * The bridge's API documents, generated from the schemas in this package (zod's JSON Schema output): an
 * AsyncAPI 3.0 document of every socket.io event of every namespace and an OpenAPI 3.1 document of every
 * HTTP endpoint. `npm run -s api-docs` writes them to docs/api/; a test fails when those are stale.
 */

export const API_VERSION = '0.1.0';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

const resultSchema: Json = {
  description: 'Ack of every request: a value, or a typed error from the closed ErrorCode set',
  oneOf: [
    {
      type: 'object',
      properties: {
        ok: { const: true },
        value: { description: 'the answer (TypeScript type in events.ts)' },
      },
      required: ['ok', 'value'],
    },
    {
      type: 'object',
      properties: {
        ok: { const: false },
        error: {
          type: 'object',
          properties: { code: { enum: [...ERROR_CODES] }, message: { type: 'string' } },
          required: ['code', 'message'],
        },
      },
      required: ['ok', 'error'],
    },
  ],
};

const key = (role: string, event: string) => `${role}.${event.replace(/[:]/g, '_')}`;

export function buildAsyncApi(): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {
    result: { name: 'result', title: 'Request ack (Result)', payload: resultSchema },
  };
  for (const [role, requests] of Object.entries(requestsByRole) as [keyof typeof NAMESPACES, RpcMap][]) {
    const channelMessages: Json = {};
    for (const [event, rpc] of Object.entries(requests)) {
      const rule = REQUEST_RULES[event as keyof typeof REQUEST_RULES];
      const id = key(role, event);
      messages[id] = {
        name: event,
        title: event,
        summary: `Request; needs permission ${rule.permission}${'scope' in rule ? ` (${rule.scope} scope)` : ''}${'audit' in rule ? '; audited' : ''}`,
        payload: schemaOf(rpc.request, 'input'),
      };
      channelMessages[id] = { $ref: `#/components/messages/${id}` };
      operations[id] = {
        action: 'receive',
        channel: { $ref: `#/channels/${role}` },
        messages: [{ $ref: `#/channels/${role}/messages/${id}` }],
        reply: {
          channel: { $ref: `#/channels/${role}` },
          messages: [{ $ref: `#/channels/${role}/messages/result` }],
        },
      };
    }
    for (const [event, schema] of Object.entries(broadcastsByRole[role] as Record<string, z.ZodType>)) {
      const id = key(role, `broadcast ${event}`);
      messages[id] = {
        name: event,
        title: event,
        summary: 'Broadcast from the bridge',
        payload: schemaOf(schema, 'output'),
      };
      channelMessages[id] = { $ref: `#/components/messages/${id}` };
      operations[id] = {
        action: 'send',
        channel: { $ref: `#/channels/${role}` },
        messages: [{ $ref: `#/channels/${role}/messages/${id}` }],
      };
    }
    channelMessages.result = { $ref: '#/components/messages/result' };
    channels[role] = {
      address: NAMESPACES[role],
      title: `${role} namespace`,
      description:
        'socket.io namespace; handshake auth {token}. A request of another role is answered FORBIDDEN, an unknown one NOT_FOUND.',
      messages: channelMessages,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Reception robot bridge: socket.io events',
      version: API_VERSION,
      description: 'Every request is emitted with an ack callback and answered with a Result.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  const errorBody = { 'application/json': { schema: schemaOf(httpErrorSchema, 'output') } };
  for (const e of HTTP_ENDPOINTS) {
    const parameters = [
      ...Object.entries(e.params ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...Object.entries(e.query ?? {}).map(([name, q]) => ({
        name,
        in: 'query',
        required: q.required,
        description: q.description,
        schema: { type: 'string' },
      })),
    ];
    const responses: Json = Object.fromEntries(
      Object.entries(e.responses).map(([status, r]): [string, Json] => {
        if (typeof r === 'string')
          return [
            status,
            Number(status) >= 400 ? { description: r, content: errorBody } : { description: r },
          ];
        const content = { [r.type]: r.schema ? { schema: schemaOf(r.schema, 'output') } : {} };
        return [status, { description: r.description, content }];
      }),
    );
    const existing: Json = paths[e.path] ?? {};
    paths[e.path] = {
      ...existing,
      [e.method]: {
        summary: e.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(e.auth ? { security: [{ staffSession: [] }] } : {}),
        ...(e.body
          ? {
              requestBody: {
                required: true,
                description: e.body.description,
                content: { [e.body.type]: e.body.schema ? { schema: schemaOf(e.body.schema, 'input') } : {} },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Reception robot bridge: HTTP', version: API_VERSION },
    paths,
    components: {
      securitySchemes: {
        staffSession: {
          type: 'http',
          scheme: 'bearer',
          description: 'session token from POST /api/auth/login',
        },
      },
    },
  };
}

/** The documents as committed under docs/api/ (stable key order, two-space indent, final newline). */
export function apiDocumentFiles(): Record<'openapi.json' | 'asyncapi.json', string> {
  return {
    'openapi.json': `${JSON.stringify(buildOpenApi(), null, 2)}\n`,
    'asyncapi.json': `${JSON.stringify(buildAsyncApi(), null, 2)}\n`,
  };
}

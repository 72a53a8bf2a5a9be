import { buildAsyncApi, buildOpenApi } from '@reception/protocol/api-docs';
import type { FastifyPluginAsync } from 'fastify';

/** `GET /api/openapi.json` and `GET /api/asyncapi.json`: the API documents, generated from the protocol's schemas. */
export function apiDocRoutes(): FastifyPluginAsync {
  const openapi = buildOpenApi();
  const asyncapi = buildAsyncApi();
  return (app) => {
    app.get('/api/openapi.json', () => openapi);
    app.get('/api/asyncapi.json', () => asyncapi);
    return Promise.resolve();
  };
}

/**
 * The REST API as a factory: the host (Electron main or `serve`) decides where it listens; tests
 * call `inject`. Registered in order: error handling and the JSON parser, OpenAPI + docs at /docs,
 * the live feed at /ws, the contract's routes, the CSV downloads, and the built renderer last (its
 * 404 handler is the SPA fallback).
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import type { Core } from '../create-core';
import { registerContractRoutes } from './contract-routes';
import { registerCsvRoutes } from './csv-routes';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler } from './error-handler';
import { parseJsonBody } from './json-body-parser';
import { registerLiveSocket } from './live-socket';
import { registerRenderer } from './renderer-routes';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BuildServerOptions {
  /** The built renderer to serve at `/` (normally `dist/renderer`). */
  rendererDir?: string;
  /** The database file, for the CSV export's own read-only connection. */
  dbFile: string;
  /** Log warnings and errors through Fastify's logger (off: 5xx causes still go to stderr). */
  logger?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB); bigger ones get 413. */
  bodyLimit?: number;
}

export async function buildServer(core: Core, options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'warn' } : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandler(app, {
    logInternal: options.logger
      ? (request, error) => request.log.error({ err: error }, 'request failed')
      : (request, error) => console.error(`Frontdesk API: ${request.method} ${request.url} failed:`, error),
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, async (_request: unknown, body: string) => parseJsonBody(body));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Frontdesk API',
        version: packageJson.version,
        description: 'The hotel front desk over the LAN. Errors are `{"error": "…"}`; live changes stream on the WebSocket `/ws`.',
      },
    },
    transform: createJsonSchemaTransform({ skipList: ['/docs', '/docs/', '/docs/json', '/docs/yaml', '/docs/*', '/docs/static/*'] }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await registerLiveSocket(app, core.deps.events);
  registerContractRoutes(app, core);
  registerCsvRoutes(app, core, options.dbFile);
  await registerRenderer(app, options.rendererDir);
  return app;
}

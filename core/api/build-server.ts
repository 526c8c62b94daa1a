/**
 * The REST API as a factory: the host (Electron main or `serve`) decides where it listens; tests
 * call `inject`. Registered in order: error handling and the JSON parser, the rate limit and
 * `no-store` for signed-in answers, OpenAPI + docs at /docs, the live feed at /ws, the contract's
 * routes (each guarded by token and role), the CSV downloads, the built renderer (its 404 handler is
 * the SPA fallback), and Socket.IO at /socket.io/ on Fastify's own server (core/api/socket-io.ts), loaded
 * with its first request (socket-io-gate.ts).
 *
 * Hardening decided here: a body limit (413); unknown JSON fields are dropped by the schemas, never
 * stored (a `role` sent to self-registration is ignored, `__proto__` never reaches an object); no
 * CORS headers at all, so a page from another origin cannot read any answer; a rate limit per
 * address for every route, with loopback exempt (the desk's own window and browser); behind a
 * trusted reverse proxy, the address is the client's (`trustProxy`).
 */
import fastifyRateLimit from '@fastify/rate-limit';
import { createServer } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../../shared/errors';
import { localDate } from '../../shared/time';
import { consoleLogger, redactUrl, requestIdOf } from '../logging';
import type { Core } from '../create-core';
import { registerCallContext } from './call-context';
import type { RequestHandler } from './listener';
import { registerContractRoutes } from './contract-routes';
import { registerCsvRoutes } from './csv-routes';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler } from './error-handler';
import { parseJsonBody } from './json-body-parser';
import { createOutageLog, outageLine } from './outage-log';
import { registerLiveSocket } from './live-socket';
import { registerMethodNotAllowed } from './method-not-allowed';
import { registerOpenApi } from './openapi-docs';
import { registerRenderer } from './renderer-routes';
import { registerSocketIo } from './socket-io-gate';
import { registerUploadRoutes } from './upload-routes';
import { notingRequests } from '../first-request';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BuildServerOptions {
  /** The built renderer to serve at `/` (normally `dist/renderer`). */
  rendererDir?: string;
  /**
   * The host's log (core/logging.ts: JSON lines, secrets redacted, one request id per request), or
   * `true` for warnings and errors on stdout; off: 5xx causes still go to stderr.
   */
  logger?: boolean | Logger;
  /** Largest accepted request body in bytes (default 1 MiB); bigger ones get 413. */
  bodyLimit?: number;
  /** Requests per address per minute before 429 (default 600); loopback is never limited. */
  rateLimitPerMinute?: number;
  /**
   * The reverse proxies (load balancers) in front of this server, by address or CIDR (`10.0.0.5`,
   * `172.28.0.0/24`, or proxy-addr's `loopback`): a request from one of them is taken to come from
   * the address its `X-Forwarded-For` names, so the rate limit, the sign-in back-off per address and
   * the audit log see each client, not the proxy. Default none: the header is ignored, since any
   * client could send it.
   */
  trustProxy?: readonly string[];
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string): boolean {
  return LOOPBACK.has(address);
}

const handlers = new WeakMap<FastifyInstance, RequestHandler>();

/**
 * Fastify's request handler, for the host's listener (core/api/listener.ts), which serves it from a
 * Node server it can move to another address while running. `app.server` itself never listens: each
 * request is emitted on it, so whatever is attached to it (Socket.IO takes `/socket.io/`) sees it first.
 */
export function requestHandlerOf(app: FastifyInstance): RequestHandler {
  const handler = handlers.get(app);
  if (!handler) throw new Error('not a server from buildServer');
  return handler;
}

/**
 * Every route validates and serializes with zod (fastify-type-provider-zod), given as the server's
 * compilers factory rather than set after it is made: fastify then never loads its defaults (Ajv and
 * fast-json-stringify, ~400 KB of source a server would hold for its life unused; serve leaves them
 * out of its bundle, vite.server.config.ts).
 */
const ZOD_COMPILERS = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
  // fastify's types describe Ajv's factories; it calls what they return with each route's schema.
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export async function buildServer(core: Core, options: BuildServerOptions): Promise<FastifyInstance> {
  const log = options.logger;
  const app = Fastify({
    serverFactory: (h) => createServer(h),
    ...(typeof log === 'object' ? { loggerInstance: log as FastifyBaseLogger } : log ? { loggerInstance: consoleLogger('warn') as FastifyBaseLogger } : { logger: false }),
    // One id per request: the caller's X-Request-Id when it is a plain short token, else a UUID.
    genReqId: requestIdOf,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    schemaController: { compilersFactory: ZOD_COMPILERS },
  });

  const outage = createOutageLog(log ? (line) => app.log.warn(line) : (line) => console.warn(`Frontdesk API: ${line}`));
  registerErrorHandler(app, {
    logInternal: log
      ? (request, error) => request.log.error({ err: error }, 'request failed')
      : (request, error) => console.error(`Frontdesk API: ${request.method} ${redactUrl(request.url)} failed:`, error),
    logOutage: (request, error) => outage(error, outageLine(request.method, redactUrl(request.url) ?? '', error)),
  });
  registerCallContext(app);
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => isLoopback(request.ip),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
        reason: 'input.tooManyRequests',
        params: { seconds: Math.ceil(context.ttl / 1000) },
      }),
  });
  registerMethodNotAllowed(app);
  // Answers to a signed-in caller are never kept by a browser or a proxy; every answer names its request.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    if (request.callContext || request.headers.authorization) void reply.header('Cache-Control', 'no-store');
  });
  // JSON is the only body the API takes: without this, Fastify parses text/plain into a string that
  // skips the route's body schema. Anything else is 415.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, async (_request: unknown, body: Buffer) => parseJsonBody(body));

  await registerOpenApi(app, { today: () => localDate(core.deps.clock(), core.settings.get().timeZone) });

  await registerLiveSocket(app, core);
  registerContractRoutes(app, core);
  registerCsvRoutes(app, core);
  registerUploadRoutes(app, core);
  await registerRenderer(app, options.rendererDir);
  const socketIo = registerSocketIo(app, core);
  const server = app.server;
  // Each request noted: the first ends the host's start-up, V8's optimizing compiler let in (first-request.ts).
  handlers.set(
    app,
    notingRequests((req, res) => {
      if (!socketIo.takes(req, res)) server.emit('request', req, res);
    }),
  );
  return app;
}

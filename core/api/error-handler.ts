/**
 * The one place HTTP errors take their shape: `{"error": "message"}`, the status from `errorStatus`
 * for domain errors, 400 for anything the request got wrong, and a bare 500 "Internal error" —
 * logged, never described — for everything else. **Bad input must never produce a 5xx.**
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BadInputMessage, CommandDef } from '../../shared/contract/command-def';
import { encodeReasonParams, errorStatus, INTERNAL_MESSAGE, invalidInputRefusal, isAppError, REASON_HEADER, REASON_PARAMS_HEADER, refusalFor, type Refusal } from '../../shared/errors';
import { validationMessage } from './validation-message';

export const ErrorBodySchema = z.object({ error: z.string() });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The command's own 400 wording (CommandDef.badInputMessage), set by contract-routes.ts. */
    badInputMessage?: BadInputMessage;
    /** The command a contract route serves, for its OpenAPI description (openapi-docs.ts). */
    command?: { name: string; def: CommandDef };
  }
}

export const NOT_FOUND_MESSAGE = 'Not found';

interface Described {
  status: number;
  message: string;
  /** What the renderer translates; sent in the X-Frontdesk-Reason headers, never in the body. */
  refusal?: Refusal;
}

/** The desk (staff, admin) is told what is in the way; anyone else the refusal without other guests' data. */
function isDeskCaller(request: FastifyRequest): boolean {
  const role = request.callContext?.actor.role;
  return role === 'staff' || role === 'admin';
}

function describe(error: FastifyError, request: FastifyRequest): Described {
  if (isAppError(error)) return { status: errorStatus[error.code], message: error.message, refusal: refusalFor(error, isDeskCaller(request)) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext;
    const data = part === 'body' ? request.body : part === 'querystring' ? request.query : part === 'params' ? request.params : undefined;
    const message = validationMessage(error.validation, part, data);
    // A command may word the refusal as its seed does (CommandDef.badInputMessage).
    const own = request.routeOptions.config.badInputMessage;
    const paths = error.validation.map((v) => v.instancePath.split('/').filter((p) => p !== '').join('.'));
    return { status: 400, message: own ? own(data, message) : message, refusal: invalidInputRefusal(paths) };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: 'Request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, message: `Unsupported content type ${JSON.stringify(request.headers['content-type'] ?? '')}: send application/json` };
  }
  // Fastify's own refusals (bad URL, bad content length, …) carry a 4xx and a message meant for clients.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, message: error.message.slice(0, 300) };
  return { status: 500, message: INTERNAL_MESSAGE };
}

/**
 * The error body is `{"error": message}` on every route, seed routes included; what the renderer
 * translates travels in two headers beside it (`X-Frontdesk-Reason`, `X-Frontdesk-Reason-Params`).
 */
export function sendError(reply: FastifyReply, status: number, message: string, refusal?: Refusal): FastifyReply {
  if (refusal) {
    void reply.header(REASON_HEADER, refusal.reason);
    if (refusal.params && Object.keys(refusal.params).length > 0) void reply.header(REASON_PARAMS_HEADER, encodeReasonParams(refusal.params));
  }
  return reply.code(status).type('application/json; charset=utf-8').send({ error: message });
}

export interface ErrorHandlingOptions {
  /** Where 5xx causes go; the request logger when logging is on. */
  logInternal: (request: FastifyRequest, error: unknown) => void;
  /** A 503 because the database cannot be reached: one line, not a stack trace (outage-log.ts). */
  logOutage?: (request: FastifyRequest, error: unknown) => boolean;
}

export function registerErrorHandler(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, message, refusal } = describe(error, request);
    if (isAppError(error) && error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
    if (status >= 500 && !options.logOutage?.(request, error)) options.logInternal(request, error);
    return sendError(reply, status, message, status >= 500 ? undefined : refusal);
  });
}

/**
 * Errors the router raises before any route runs (a `%zz` in the path, a parameter longer than
 * Fastify allows): they bypass the error handler, so they get our shape here.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'Malformed URL';
  void sendError(reply, 400, message);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a URL over the header limit, a broken
 * request line, a bad Content-Length): answered in our shape, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timed out']
        : [400, 'Malformed HTTP request'];
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${message}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

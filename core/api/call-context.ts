/**
 * Who is calling over HTTP, decided in this one place for every route (contract, CSV, WebSocket):
 * the bearer token of the `Authorization` header, turned into a caller by the core (`contextFor`),
 * or nobody when there is no header. A header that is there but is not `Bearer <token>` is refused
 * (401) rather than treated as nobody, so a client with a broken token learns it at once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandDef, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { AppError, isAppError } from '../../shared/errors';
import { anonymousContext, type CallContext } from '../context';
import type { Core } from '../create-core';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `guardRoute` before validation: who is calling, already authorized for the route. */
    callContext: CallContext | null;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i;

export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = BEARER.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"', { reason: 'auth.badAuthHeader' });
  return match[1]!;
}

export async function resolveCallContext(core: Pick<Core, 'contextFor'>, request: FastifyRequest): Promise<CallContext> {
  return await core.contextFor(bearerToken(request.headers.authorization), { via: 'http', address: request.ip });
}

export function registerCallContext(app: FastifyInstance): void {
  app.decorateRequest('callContext', null);
}

async function publicCallContext(core: Pick<Core, 'contextFor'>, request: FastifyRequest): Promise<CallContext> {
  try {
    return await resolveCallContext(core, request);
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAUTHENTICATED') return anonymousContext('http', request.ip);
    throw e;
  }
}

/**
 * The route's `onRequest` hook: resolves the caller and authorizes the command before the body is
 * parsed or validated, so nobody learns a route's schema, or makes the server parse a body, without
 * the right to call it.
 */
export function guardRoute(core: Pick<Core, 'contextFor' | 'authorize'>, name: CommandName, def: CommandDef = commandDef(name)) {
  // A public route (sign-in, health) answers anyone: a stale or broken token is no reason to refuse it.
  const isPublic = def.roles === 'public';
  return async (request: FastifyRequest): Promise<void> => {
    const ctx = isPublic ? await publicCallContext(core, request) : await resolveCallContext(core, request);
    core.authorize(name, ctx);
    request.callContext = ctx;
  };
}

/** The caller `guardRoute` resolved (every contract and CSV route has the hook). */
export function callContextOf(request: FastifyRequest): CallContext {
  if (!request.callContext) throw new Error(`${request.routeOptions.url ?? request.url}: route has no guard`);
  return request.callContext;
}

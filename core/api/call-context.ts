/**
 * Who is calling over HTTP, decided in this one place for every route (contract, CSV, WebSocket).
 *
 * Until sign-in lands (the auth issue: bearer tokens, roles per command, the LAN API closed until the
 * admin opens it), every LAN caller acts as the admin named `lan`. That is why the host binds to
 * 127.0.0.1 unless told otherwise.
 */
import type { FastifyRequest } from 'fastify';
import type { CallContext } from '../context';

const LAN_CONTEXT: CallContext = { actor: { username: 'lan', role: 'admin' }, via: 'http' };

export function resolveCallContext(_request: FastifyRequest): CallContext {
  return LAN_CONTEXT;
}

/**
 * A known path asked with a method it does not take answers 405 with `Allow` (RFC 9110 §15.5.6),
 * not 404: `PATCH /api/v1/stays/7` → 405 `Allow: GET, HEAD`. The paths are the contract's (every
 * API operation is a command). A static path wins over a pattern, as in Fastify's router, so
 * `DELETE /api/v1/bookings/rooms` is 405 (the rooms list is GET only) even though
 * `DELETE /api/v1/bookings/:id` would take "rooms" as an id. Runs as the first `onRequest` hook,
 * before the guard: the method is wrong whoever asks.
 */
import type { FastifyInstance } from 'fastify';
import { commands, type CommandDef } from '../../shared/contract/commands';
import { sendError } from './error-handler';

interface PathMethods {
  path: string;
  pattern: RegExp;
  static: boolean;
  methods: Set<string>;
}

const isStatic = (path: string) => !path.includes(':');
const patternOf = (path: string) => new RegExp(`^${path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);

/** Every path of the contract with the methods it takes (GET brings HEAD, as Fastify serves it). */
function contractPaths(): PathMethods[] {
  const byPath = new Map<string, PathMethods>();
  for (const def of Object.values(commands) as CommandDef[]) {
    const { path, method } = def.http;
    const entry = byPath.get(path) ?? { path, pattern: patternOf(path), static: isStatic(path), methods: new Set<string>() };
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    byPath.set(path, entry);
  }
  return [...byPath.values()];
}

const PATHS = contractPaths();
const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The methods `path` takes, or undefined when it is no path of the API: a static path's own, else every matching pattern's. */
export function allowedMethods(path: string): string[] | undefined {
  const exact = PATHS.find((p) => p.static && p.pattern.test(path));
  const matching = exact ? [exact] : PATHS.filter((p) => !p.static && p.pattern.test(path));
  if (matching.length === 0) return undefined;
  const methods = new Set(matching.flatMap((p) => [...p.methods]));
  return ORDER.filter((m) => methods.has(m));
}

/**
 * Whether the route of `def` can answer 405: a static path of another command also matches its
 * pattern without taking its method (`DELETE /api/v1/bookings/:id` for `/api/v1/bookings/rooms`).
 */
export function mayAnswerMethodNotAllowed(def: CommandDef): boolean {
  if (isStatic(def.http.path)) return false;
  const pattern = patternOf(def.http.path);
  return PATHS.some((p) => p.static && pattern.test(p.path) && !p.methods.has(def.http.method));
}

export function registerMethodNotAllowed(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = allowedMethods(path);
    if (!allowed || allowed.includes(request.method)) return;
    void reply.header('Allow', allowed.join(', '));
    return sendError(reply, 405, `Method ${request.method} is not allowed on ${path}: use ${allowed.join(', ')}`);
  });
}

/**
 * A known path asked with a method it does not take answers 405 with `Allow` (RFC 9110 §15.5.6),
 * not 404: `PATCH /api/v1/stays/7` → 405 `Allow: GET, HEAD`. The paths are the contract's (every
 * API operation is a command). A static path wins over a pattern, as in Fastify's router, so
 * `DELETE /api/v1/bookings/rooms` is 405 (the rooms list is GET only) even though
 * `DELETE /api/v1/bookings/:id` would take "rooms" as an id. Runs as the first `onRequest` hook,
 * before the guard: the method is wrong whoever asks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * The routes a request can match and still be owed a 405 (`DELETE /api/v1/bookings/:id` asked for
 * `/api/v1/bookings/rooms`), as `METHOD path`. A request that matched any other route takes its
 * method there, so the hook answers it at once instead of testing its path against every path of
 * the contract (~250 regular expressions: 3 % of a booking's CPU in the host, benchmark 7).
 */
const MAY_ANSWER_405 = new Set(
  (Object.values(commands) as CommandDef[])
    .filter(mayAnswerMethodNotAllowed)
    .flatMap((def) => (def.http.method === 'GET' ? ['GET', 'HEAD'] : [def.http.method]).map((m) => `${m} ${def.http.path}`)),
);

async function answer405(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = request.url.split('?')[0]!;
  const allowed = allowedMethods(path);
  if (!allowed || allowed.includes(request.method)) return;
  void reply.header('Allow', allowed.join(', '));
  return sendError(reply, 405, `Method ${request.method} is not allowed on ${path}: use ${allowed.join(', ')}`);
}

/**
 * Where a 405 can be owed: a request no route matched (it may be a known path's wrong method), and
 * the routes of MAY_ANSWER_405, each given the check as its first own `onRequest` hook (before its
 * guard). Every other route takes no hook at all (`request.routeOptions`, which the one global hook
 * read, builds a new object on every request).
 */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => MAY_ANSWER_405.has(`${m} ${route.url}`))) return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [answer405, ...own];
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return answer405(request, reply);
  });
}

/**
 * Every command of the contract with a JSON REST binding becomes a route, generated here: the
 * command's zod schemas validate the request, serialize the response and describe both in OpenAPI
 * (openapi-docs.ts). The input is split between the path and the query or JSON body
 * (route-input.ts), validated part by part, merged (path last) and sent through `core.call`, as the
 * desktop does over IPC (writes are group-committed there). Streaming (CSV) commands are registered
 * by csv-routes.ts.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import { commandNames, commands, type CommandDef, type ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import type { HandledCommandName } from '../context';
import type { Core } from '../create-core';
import { isKeptAnswer } from '../read-memo';
import { callContextOf, guardRoute } from './call-context';
import { errorResponses, routeDocs } from './openapi-docs';
import { jsonBytes } from './json-bytes';
import { QUERY_METHODS, splitInput, type AnyObject } from './route-input';

export { operationId, routeDocs } from './openapi-docs';
export { pathParams, splitInput } from './route-input';

export const NOTHING_TO_CHANGE_MESSAGE = 'Nothing to change: send at least one field to change';

async function defaultToEmptyBody(request: FastifyRequest): Promise<void> {
  if (request.body === undefined) request.body = {};
}

/**
 * CommandDef.recordBeforeBody: when the body would be refused, the record's own read answers first
 * (404 when there is none, 403 when it is another's); a body that passes, or a path that does not,
 * goes on to validation as usual.
 */
/** The JSON of each kept answer (core/read-memo.ts), as bytes, made once. */
const keptBytes = new WeakMap<object, Buffer>();

/**
 * A `trustedOutput` command's answer (the board, the rentals timeline, the rooms) is sent as bytes
 * made in pieces (json-bytes.ts): the board's 0.7 MB of JSON never exists as one string. A kept
 * answer (the board every desk reloads after a change) is the same object for every desk until the
 * tables it was read from are written, so its bytes are made once and each desk is sent those.
 */
function trustedJson(data: object): Buffer {
  if (!isKeptAnswer(data)) return jsonBytes(data);
  let bytes = keptBytes.get(data);
  if (bytes === undefined) {
    bytes = jsonBytes(data);
    keptBytes.set(data, bytes);
  }
  return bytes;
}

function recordBeforeBody(core: Pick<Core, 'call'>, name: string, def: CommandDef, parts: ReturnType<typeof splitInput>) {
  const read = def.recordBeforeBody!;
  const readDef = (commands as Record<string, CommandDef>)[read];
  const { params, rest } = parts;
  if (!readDef || readDef.http.method !== 'GET' || !params || !rest) {
    throw new Error(`${name}: recordBeforeBody names ${read}, which must be a GET of the record by the route's path parameters`);
  }
  return async (request: FastifyRequest): Promise<void> => {
    if (rest.safeParse(request.body).success) return;
    const path = params.safeParse(request.params);
    if (!path.success) return;
    await core.call(read as HandledCommandName, path.data as never, callContextOf(request));
  };
}

/** A PATCH changes what it names: one naming nothing (no body, `{}`, only unknown fields) is a mistake. */
function refuseEmptyPatch(parsedBody: unknown): void {
  const named = Object.values((parsedBody ?? {}) as Record<string, unknown>).some((v) => v !== undefined);
  if (!named) throw new AppError('VALIDATION', NOTHING_TO_CHANGE_MESSAGE, { reason: 'input.nothingToChange' });
}

/** The route of command `name`; `def` defaults to the contract's (tests pass commands of their own). */
export function contractRoute(core: Pick<Core, 'call' | 'contextFor' | 'authorize'>, name: HandledCommandName, def: CommandDef = commands[name]): RouteOptions {
  const parts = splitInput(name, def);
  const { params, rest, query } = parts;
  const inQuery = QUERY_METHODS.has(def.http.method);
  const status = def.http.status ?? 200;
  const readRest = (request: FastifyRequest): object | undefined =>
    rest ? ((inQuery ? request.query : request.body) as object | undefined) : undefined;

  return {
    method: def.http.method,
    url: def.http.path,
    schema: {
      ...routeDocs(name, def),
      ...(params ? { params } : {}),
      ...(rest ? (inQuery ? { querystring: rest } : { body: rest }) : {}),
      ...(query ? { querystring: query } : {}),
      response: { [status]: def.output, ...errorResponses(def) },
    },
    config: { badInputMessage: def.badInputMessage, command: { name, def } },
    // Who is calling, and may they: decided before the body is parsed or validated.
    onRequest: guardRoute(core, name, def),
    // A trusted answer goes out as bytes (trustedJson); its route's error answers as JSON.stringify writes them.
    ...(def.trustedOutput ? { serializerCompiler: () => (data: unknown) => JSON.stringify(data) } : {}),
    // No body counts as `{}`: an all-optional body may be left out, and a missing required field is named.
    ...(rest && !inQuery ? { preValidation: def.recordBeforeBody ? [defaultToEmptyBody, recordBeforeBody(core, name, def, parts)] : defaultToEmptyBody } : {}),
    handler: async (request, reply) => {
      if (def.http.method === 'PATCH') refuseEmptyPatch(request.body);
      // `http.query`: each value as the input's own field reads it (`"true"` → true), over the body's.
      const fromQuery = query
        ? Object.fromEntries(
            Object.entries(request.query as Record<string, unknown>)
              .filter(([k, v]) => v !== undefined && k in query.shape)
              .map(([k, v]) => [k, ((rest as AnyObject).shape[k] as z.ZodType).parse(v)]),
          )
        : {};
      const input = { ...readRest(request), ...fromQuery, ...(request.params as object) } as ParsedInput<typeof name>;
      const output = await core.call(name, input, callContextOf(request));
      void reply.code(status);
      if (def.trustedOutput && typeof output === 'object' && output !== null) {
        void reply.type('application/json; charset=utf-8');
        return trustedJson(output);
      }
      return output;
    },
  };
}

export function registerContractRoutes(app: FastifyInstance, core: Core): void {
  for (const name of commandNames) {
    // The CSV downloads (csv-routes.ts) and the file uploads (upload-routes.ts) have routes of their own.
    if ((commands[name] as CommandDef).export || (commands[name] as CommandDef).upload) continue;
    app.route(contractRoute(core, name as HandledCommandName));
  }
}

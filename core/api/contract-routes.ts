/**
 * Every command of the contract with a JSON REST binding becomes a route, generated here: the
 * command's zod schemas validate the request, serialize the response and describe both in OpenAPI.
 *
 * The input of a command is one object; on the wire it is split between the path (`:id`) and either
 * the query string (GET, DELETE) or the JSON body. The route validates each part with its slice of
 * the input schema, then merges them (path last, so `/stays/7` wins over a body's `id`) and goes
 * through `core.call`, as the desktop does over IPC (writes are group-committed there). Streaming
 * (CSV) commands are registered by csv-routes.ts.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { commandNames, commands, type CommandDef, type CommandName, type ParsedInput } from '../../shared/contract/commands';
import type { HandledCommandName } from '../context';
import type { Core } from '../create-core';
import { callContextOf, guardRoute } from './call-context';
import { ErrorBodySchema } from './error-handler';

type AnyObject = z.ZodObject<z.ZodRawShape>;

const QUERY_METHODS = new Set(['GET', 'DELETE']);

export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/** `stays:checkIn` → `staysCheckIn`, a name code generators accept. */
export function operationId(name: CommandName): string {
  return name.replace(/:(.)/, (_, c: string) => c.toUpperCase());
}

/** The OpenAPI description of a command's route, from the contract. */
export function routeDocs(name: CommandName, def: CommandDef): { summary: string; tags: string[]; operationId: string } {
  return { summary: def.summary, tags: [...def.tags], operationId: operationId(name) };
}

interface InputParts {
  params?: AnyObject;
  /** The query string's or the body's slice; absent when the command takes nothing there. */
  rest?: AnyObject;
}

/** Splits a command's input schema between the path parameters and the rest. */
export function splitInput(name: string, def: CommandDef): InputParts {
  if (!(def.input instanceof z.ZodObject)) throw new Error(`${name}: an HTTP command's input must be a z.object`);
  const input = def.input as AnyObject;
  const keys = pathParams(def.http.path);
  for (const k of keys) if (!(k in input.shape)) throw new Error(`${name}: path parameter :${k} is not in the input schema`);
  const mask = Object.fromEntries(keys.map((k) => [k, true])) as Record<string, true>;
  const params = keys.length ? (input.pick(mask) as AnyObject) : undefined;
  const rest = keys.length ? (input.omit(mask) as AnyObject) : input;
  return { params, rest: Object.keys(rest.shape).length ? rest : undefined };
}

async function defaultToEmptyBody(request: FastifyRequest): Promise<void> {
  if (request.body === undefined) request.body = {};
}

export function contractRoute(core: Core, name: HandledCommandName): RouteOptions {
  const def = commands[name] as CommandDef;
  const { params, rest } = splitInput(name, def);
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
      response: { [status]: def.output, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
    },
    // Who is calling, and may they: decided before the body is parsed or validated.
    onRequest: guardRoute(core, name),
    ...(def.trustedOutput ? { serializerCompiler: () => (data: unknown) => JSON.stringify(data) } : {}),
    // No body counts as `{}`: an all-optional body may be left out, and a missing required field is named.
    ...(rest && !inQuery ? { preValidation: defaultToEmptyBody } : {}),
    handler: async (request, reply) => {
      const input = { ...readRest(request), ...(request.params as object) } as ParsedInput<typeof name>;
      const output = await core.call(name, input, callContextOf(request));
      void reply.code(status);
      return output;
    },
  };
}

export function registerContractRoutes(app: FastifyInstance, core: Core): void {
  for (const name of commandNames) {
    if ((commands[name] as CommandDef).export) continue;
    app.route(contractRoute(core, name as HandledCommandName));
  }
}

/**
 * The OpenAPI description of a CSV download route: 200 is `text/csv` with a `Content-Disposition`
 * header naming the file, every refusal the one `{ "error": "…" }` body (core/api/error-handler.ts).
 * Kept apart from the routes so the JSON routes' OpenAPI helpers can take it over as it is.
 *
 * The zod schema transform (fastify-type-provider-zod) rebuilds a `content` response from its
 * description and content alone, so the header is added after it, in the route's own
 * `swaggerTransform`.
 */
import type { FastifySchema } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommandDef, CommandName } from '../../shared/contract/commands';
import { routeDocs } from './contract-routes';
import { ErrorBodySchema } from './error-handler';

const REFUSALS = {
  400: 'Bad filters (nothing of the CSV is sent)',
  401: 'Not signed in',
  403: 'Your role may not export this',
  429: 'Too many requests; try again after Retry-After seconds',
} as const;

/** The route's schema: the query is the command's input, validated before anything is read. */
export function csvRouteSchema(name: CommandName, def: CommandDef): FastifySchema {
  const refusals = Object.fromEntries(Object.entries(REFUSALS).map(([status, description]) => [status, ErrorBodySchema.describe(description)]));
  return {
    ...routeDocs(name, def),
    querystring: def.input,
    response: {
      200: { description: `${def.summary}: a CSV download`, content: { 'text/csv': { schema: z.string() } } },
      ...refusals,
      '5xx': ErrorBodySchema,
    },
  };
}

const zodTransform = createJsonSchemaTransform({});
type SwaggerTransform = typeof zodTransform;

/** The route's `config.swaggerTransform`: the zod transform, then the 200's `Content-Disposition` header. */
export function csvSwaggerTransform(fileName: string): SwaggerTransform {
  return (document) => {
    const result = zodTransform(document);
    const ok = (result.schema as { response?: Record<string, Record<string, unknown>> } | undefined)?.response?.['200'];
    if (ok) {
      ok.headers = {
        'Content-Disposition': { type: 'string', description: `attachment; filename="${fileName}-YYYY-MM-DD.csv", dated by the hotel's calendar` },
      };
    }
    return result;
  };
}

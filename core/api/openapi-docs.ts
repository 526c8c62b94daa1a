/**
 * The OpenAPI document at `/docs/json` and its page at `/docs`, made for an integrator on the LAN:
 * a bearer scheme (the page's Authorize button) with the public routes marked `security: []`; the
 * contract's declared tags (shared/contract/tags.ts); per operation a description naming the roles
 * that may call it (also as `x-roles`), an example input, and every status it can answer, each error
 * with the `{"error"}` schema (429 with `Retry-After`). Everything comes from the contract's flags:
 *   every route    → 400 (a malformed URL or input), 429 (the rate limit), 500;
 *   signed in      → 401 (no or a bad token), 403 (the role, or a password to change first);
 *   not a GET      → 413 (too large), 415 (not JSON): Fastify reads a body sent with any other method;
 *   every route    → 431 (headers or URL too large: Node answers it before Fastify);
 *   a pattern a static path of another method also matches → 405 with `Allow`
 *                    (`DELETE /api/v1/bookings/:id` for `/api/v1/bookings/rooms`, method-not-allowed.ts);
 *   `errors`       → their statuses through `errorStatus` (404 NOT_FOUND, 409 ROOM_UNAVAILABLE, …).
 * Every 4xx but 413 and 415 also lists the refusal headers `X-Frontdesk-Reason` and
 * `X-Frontdesk-Reason-Params` (withRefusalHeaders: described once under `components.headers`).
 * Formats (date, date-time, email, uri) come from the zod schemas' own `format` or `.meta()`.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { TAGS } from '../../shared/contract/tags';
import { errorStatus, type ErrorCode } from '../../shared/errors';
import { withRefusalHeaders } from './openapi-refusal-headers';
import { exportDef } from '../composition/export-registry';
import type { ExportId } from '../export/export-def';
import { ErrorBodySchema } from './error-handler';
import { mayAnswerMethodNotAllowed } from './method-not-allowed';
import { parametersAsSent, withBodyRules } from './openapi-input-rules';
import { withExamplesDated } from './openapi-dated-examples';
import { describeRules } from './openapi-rules';
import { pathParams } from './route-input';

export const BEARER_SCHEME = 'bearerAuth';
const DOCS_ROUTES = ['/docs', '/docs/', '/docs/json', '/docs/yaml', '/docs/*', '/docs/static/*', '/docs/initOAuth', '/docs/uiConfig'];

/** `stays:checkIn` → `staysCheckIn`, a name code generators accept. */
export function operationId(name: CommandName): string {
  return name.replace(/:(.)/, (_, c: string) => c.toUpperCase());
}

/** Whether Fastify reads a body on this method (DELETE too: a body sent there is parsed, and may be refused). */
function readsBody(def: CommandDef): boolean {
  return def.http.method !== 'GET';
}

function whoMayCall(def: CommandDef): string {
  if (def.roles === 'public') return 'Anyone, without signing in.';
  const roles = def.roles.join(', ');
  return def.openWhen === 'selfRegistration' ? `Signed in as ${roles}; or anyone while self-registration is on.` : `Signed in as ${roles}.`;
}

const CODE_WORDS: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Not signed in, or the token is invalid, expired or revoked',
  NOT_FOUND: 'The record named does not exist',
  ROOM_UNAVAILABLE: 'The room is taken (a stay or block overlaps) for those nights',
  CONFLICT: 'Conflicts with what exists (a name, number or e-mail taken; a rule of the hotel)',
  ILLEGAL_TRANSITION: 'Not allowed in the record\'s current state',
  UNAVAILABLE: 'The database cannot be reached right now (for readiness: or it is behind this release); try again after `Retry-After` seconds',
};

/** Every error status the command's route can answer, with what it means. */
export function errorStatuses(def: CommandDef): Map<number, string> {
  const out = new Map<number, string>();
  const add = (status: number, text: string) => out.set(status, out.has(status) ? `${out.get(status)}; ${text}` : text);
  add(400, 'The request is malformed or an input is invalid');
  if (def.roles !== 'public') {
    add(401, 'Not signed in, or the token is invalid, expired or revoked');
    add(403, 'The caller\'s role may not do this, or the password must be changed first');
  }
  for (const code of def.errors ?? []) {
    const status = errorStatus[code];
    if (!out.has(status) || !out.get(status)!.includes(CODE_WORDS[code] ?? code)) add(status, CODE_WORDS[code] ?? code);
  }
  if (mayAnswerMethodNotAllowed(def)) add(405, 'This method is not taken here: the path is another operation\'s (see `Allow`)');
  if (def.upload) {
    add(413, `The file is larger than ${def.upload.maxBytes / 1024 / 1024} MiB`);
    add(415, `The body is not ${def.upload.contentType}`);
  } else if (readsBody(def)) {
    add(413, 'The body is larger than the server accepts');
    add(415, 'The body is not application/json');
  }
  add(431, 'The request\'s headers, or its URL with the query, are larger than the server reads (16 KiB)');
  add(429, 'Too many requests from this address; try again after `Retry-After` seconds');
  add(500, 'Internal error (the cause is logged, never sent)');
  return new Map([...out].sort(([a], [b]) => a - b));
}

/** Each error status's schema for the route: `{"error": "…"}`. */
export function errorResponses(def: CommandDef): Record<number, z.ZodType> {
  return Object.fromEntries([...errorStatuses(def).keys()].map((s) => [s, ErrorBodySchema]));
}

/** The operation's documentation fields, from the contract. */
export function routeDocs(name: CommandName, def: CommandDef): FastifySchema {
  return {
    summary: def.summary,
    description: `${def.description}\n\n**Who may call it:** ${whoMayCall(def)}`,
    tags: [...def.tags],
    operationId: operationId(name),
    ...(def.roles === 'public' ? { security: [] } : {}),
    ...(def.openWhen ? { security: [{ [BEARER_SCHEME]: [] }, {}] } : {}),
    'x-roles': def.roles === 'public' ? ['public'] : [...def.roles],
  } as FastifySchema;
}

/**
 * The whole route `schema` of a CSV download (an `export` command): its docs, its query, 200 as
 * `text/csv` with `Content-Disposition`, and its error statuses; csv-routes.ts uses it as the route's
 * `schema: csvDownloadSchema(name, def)`.
 */
export function csvDownloadSchema(name: CommandName, def: CommandDef): FastifySchema {
  return {
    ...routeDocs(name, def),
    querystring: def.input,
    response: {
      200: { description: 'The CSV file, as a download', content: { 'text/csv': { schema: z.string() } } },
      ...errorResponses(def),
    },
  } as FastifySchema;
}

/**
 * The route `schema` of a file upload (an `upload` command, upload-routes.ts): its docs, its path and
 * query parameters, the summary, and its error statuses. The body is the file: no schema validates
 * it (it streams); the document states it as the command's content type (documentTransform).
 */
export function uploadRouteSchema(name: CommandName, def: CommandDef, parts: { params?: z.ZodType; querystring?: z.ZodType }): FastifySchema {
  return { ...routeDocs(name, def), ...parts, response: { 200: def.output, ...errorResponses(def) } } as FastifySchema;
}

/** The command a documented route belongs to, by method and path. */
const routeCommands = new Map<string, CommandName>(commandNames.map((n) => [`${commands[n].http.method} ${commands[n].http.path}`, n]));

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** Adds the example's values to the query or path parameters (each parameter shows its own). */
function withParameterExamples(schema: JsonSchema | undefined, example: Record<string, unknown>): void {
  for (const [key, property] of Object.entries(schema?.properties ?? {})) {
    if (example[key] !== undefined) property.examples = [example[key]];
  }
}

/**
 * What the zod schemas cannot say, added to the generated operation: each response's description,
 * `Retry-After` on 429, `Content-Disposition` on a CSV download, and the example input.
 */
function describeOperation(def: CommandDef, schema: Record<string, unknown>): void {
  const statuses = errorStatuses(def);
  const response = (schema.response ?? {}) as Record<string, JsonSchema>;
  for (const [status, r] of Object.entries(response)) {
    const code = Number(status);
    if (statuses.has(code)) r.description = statuses.get(code);
    else if (code < 300) r.description = def.export ? 'The CSV file, as a download' : def.summary;
    if (code === 429 || code === 503) r.headers = { 'Retry-After': { type: 'integer', minimum: 0, description: 'Seconds to wait before trying again' } };
    if (code === 405) r.headers = { Allow: { type: 'string', description: 'The methods the path takes, e.g. `GET, HEAD`' } };
    if (code < 300 && def.export) {
      const fileName = exportDef(def.export as ExportId).fileName;
      r.headers = { 'Content-Disposition': { type: 'string', description: `attachment; filename="${fileName}-YYYY-MM-DD.csv", dated by the hotel's calendar` } };
    }
  }
  const inPath = pathParams(def.http.path);
  const pathExample = Object.fromEntries(Object.entries(def.example).filter(([k]) => inPath.includes(k)));
  const restExample = Object.fromEntries(Object.entries(def.example).filter(([k]) => !inPath.includes(k)));
  parametersAsSent(schema.params as JsonSchema | undefined);
  parametersAsSent(schema.querystring as JsonSchema | undefined);
  withParameterExamples(schema.params as JsonSchema | undefined, pathExample);
  if (schema.querystring) withParameterExamples(schema.querystring as JsonSchema, restExample);
  if (schema.body) (schema.body as JsonSchema).examples = [restExample];
}

const zodTransform = createJsonSchemaTransform({ skipList: DOCS_ROUTES });

type TransformInput = Parameters<typeof zodTransform>[0];

/** The zod → JSON Schema transform, then the contract's words for each operation. */
function documentTransform(input: TransformInput): ReturnType<typeof zodTransform> {
  const result = zodTransform(input);
  const method = String(input.route.method).toUpperCase();
  const name = routeCommands.get(`${method} ${input.url}`);
  const def = input.route.config?.command?.def ?? (name ? (commands[name] as CommandDef) : undefined);
  if (def && result.schema && !(result.schema as { hide?: boolean }).hide) {
    describeOperation(def, result.schema as Record<string, unknown>);
    describeRules(def, result.schema as Record<string, unknown>);
    if (def.upload) {
      Object.assign(result.schema, {
        consumes: [def.upload.contentType],
        body: { type: 'string', format: 'binary', description: `The file itself (at most ${def.upload.maxBytes / 1024 / 1024} MiB), sent as it is: UTF-8 with or without BOM, or Windows-1252.` },
      });
    }
  }
  return result;
}

export interface OpenApiOptions {
  /** The hotel's today (`YYYY-MM-DD`) as the document is served: its examples are dated from the next day on. */
  today(): string;
}

export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Frontdesk API',
        version: packageJson.version,
        description: [
          'The hotel front desk over the LAN: stays, guest rooms, blocks, the board, users, settings, the audit log and CSV exports.',
          '',
          '**Signing in:** `POST /login/` with a username and password answers an `access_token`; send it as',
          '`Authorization: Bearer <token>` (on this page: the **Authorize** button). Only `/login/` and `/health` are open without it.',
          '',
          '**Errors** are always `{"error": "…"}` with the status listed per operation; a refusal also carries a stable code',
          'in the `X-Frontdesk-Reason` header and its values in `X-Frontdesk-Reason-Params`, to say it in your own language.',
          '**Methods:** a path of this API asked with a method it does not take answers 405 with `Allow` (`PATCH /health` →',
          '`Allow: GET, HEAD`); a request whose headers or URL are over 16 KiB answers 431.',
          '',
          '**Input is strict**: ids are digits',
          'only (`/stays/0x10`, `1e1`, `+10` are refused), JSON numbers are never read from strings or booleans, a `PATCH` must',
          'change something, unknown fields are ignored, and a `__proto__` or `constructor` key anywhere in a body, or a NUL',
          'character in any text, is refused. Live changes stream on the WebSocket `/ws`.',
        ].join('\n'),
      },
      components: {
        securitySchemes: {
          [BEARER_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            description: 'The `access_token` from `POST /login/`. A sign-out, a password reset or a deactivation revokes it at once.',
          },
        },
      },
      security: [{ [BEARER_SCHEME]: [] }],
      tags: Object.entries(TAGS).map(([tag, description]) => ({ name: tag, description })),
    },
    transform: documentTransform,
    // Only the OpenAPI form is ever made here (`openapi` above), never Swagger 2's.
    transformObject: (document) =>
      'openapiObject' in document ? withBodyRules(withRefusalHeaders(document.openapiObject) as Record<string, unknown>) : document.swaggerObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Each request gets a deep copy of the cached document (the plugin's default), dated for today.
    transformSpecification: (document) => withExamplesDated(document as Record<string, unknown>, options.today()),
  });
}

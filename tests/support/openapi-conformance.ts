/**
 * Every answer a test receives, checked against the API document (`/docs/json`): a status the
 * operation does not document, a content type it does not list, or a JSON body that does not match
 * the documented schema for its status, a documented header that is required (not `required:
 * false`) but missing, or a refusal header (`X-Frontdesk-Reason`) sent on an answer that does not
 * list it, is a problem, reported to the test that received it
 * (`startTestApi`'s helpers throw; suites with their own server call `assertConformant`). Installed
 * as an `onSend` hook, so answers over `inject` and over a real socket are both seen. Answers outside
 * the document (the docs page, the renderer, an unknown route) are not operations and are skipped.
 *
 * Each server appends how many answers it checked to `tallyFile()` when it closes: sum the lines
 * after a full run (`awk '{s+=$1} END {print s}'`) to see how many answers were checked.
 */
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

interface MediaType {
  schema?: object;
}
interface ResponseDoc {
  content?: Record<string, MediaType>;
  headers?: Record<string, unknown>;
}
interface OperationDoc {
  responses?: Record<string, ResponseDoc>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { headers?: Record<string, HeaderDoc> };
}
interface HeaderDoc {
  $ref?: string;
  required?: boolean;
}

/** A documented header, its `$ref` (`#/components/headers/<name>`) followed. */
function headerDoc(doc: OpenApiDocument, header: unknown): HeaderDoc {
  const h = (header ?? {}) as HeaderDoc;
  return h.$ref ? (doc.components?.headers?.[h.$ref.replace('#/components/headers/', '')] ?? {}) : h;
}

/** The refusal headers the error handler may send (core/api/openapi-refusal-headers.ts). */
const REFUSAL_HEADERS = ['X-Frontdesk-Reason', 'X-Frontdesk-Reason-Params'];

export interface Conformance {
  /** Answers checked so far. */
  readonly checked: number;
  /** Problems found and not yet taken. */
  take(): string[];
}

/** One line per closed server: how many answers it checked. */
export function tallyFile(): string {
  return join(tmpdir(), 'frontdesk-openapi-conformance.log');
}

function appendTally(checked: number): void {
  appendFileSync(tallyFile(), `${checked}\n`);
}

const openApiPath = (route: string) => route.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  return ajv;
}

/** Installs the check on `app` (before it is ready). */
export function checkResponsesAgainstDocs(app: FastifyInstance): Conformance {
  let doc: OpenApiDocument | undefined;
  const ajv = makeAjv();
  const validators = new Map<string, ValidateFunction>();
  const problems: string[] = [];
  let checked = 0;

  const validatorFor = (key: string, schema: object): ValidateFunction => {
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(schema);
      validators.set(key, v);
    }
    return v;
  };

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    const method = request.method.toLowerCase();
    if (route === undefined || method === 'head' || method === 'options') return payload;
    doc ??= (app as unknown as { swagger(): OpenApiDocument }).swagger();
    const op = doc.paths[openApiPath(route)]?.[method];
    if (!op) return payload;
    checked++;
    const where = `${request.method} ${request.url.slice(0, 120)} → ${reply.statusCode}`;
    const documented = op.responses?.[String(reply.statusCode)];
    if (!documented) {
      problems.push(`${where}: status not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`);
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
    const media = documented.content?.[contentType];
    if (!media) {
      problems.push(`${where}: content type ${JSON.stringify(contentType)} not documented (${Object.keys(documented.content ?? {}).join(', ')})`);
      return payload;
    }
    for (const [header, described] of Object.entries(documented.headers ?? {})) {
      if (headerDoc(doc, described).required !== false && reply.getHeader(header) === undefined) problems.push(`${where}: documented header ${header} missing`);
    }
    for (const header of REFUSAL_HEADERS) {
      if (reply.getHeader(header) !== undefined && !documented.headers?.[header]) problems.push(`${where}: header ${header} sent but not documented`);
    }
    if (contentType !== 'application/json' || typeof payload !== 'string' || !media.schema) return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      problems.push(`${where}: the body is not JSON`);
      return payload;
    }
    const validate = validatorFor(`${method} ${route} ${reply.statusCode}`, media.schema);
    if (!validate(body)) problems.push(`${where}: body ${payload.slice(0, 160)} does not match: ${ajv.errorsText(validate.errors)}`);
    return payload;
  });
  app.addHook('onClose', async () => appendTally(checked));

  return {
    get checked() {
      return checked;
    },
    take() {
      return problems.splice(0);
    },
  };
}

/** Throws the problems found so far (and forgets them), naming them all. */
export function assertConformant(conformance: Conformance): void {
  const problems = conformance.take();
  if (problems.length) throw new Error(`answers that differ from the API document:\n  ${problems.join('\n  ')}`);
}

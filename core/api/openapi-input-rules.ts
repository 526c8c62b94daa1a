/**
 * What the zod → JSON Schema step cannot say about how input travels, so that the API document
 * states exactly the server's rules (issue 18 item 5):
 * - a number in a path or query string is its digits: the document shows the number's own schema
 *   (`type: integer` with its bounds), not the text form the route also accepts for IPC's sake, so
 *   `limit=0` or an id above 2^53 − 1 is forbidden by the document as by the server;
 * - a body is required exactly when the server requires one: a body whose fields are all optional
 *   may be left out (the route reads no body as `{}`), a `PATCH` must name at least one known field
 *   (`anyOf` of one `required` per field; the server answers `Nothing to change` otherwise);
 * - a query parameter marked `x-required` in the contract (checked by the service, for a seed's own
 *   message and order) is listed as required;
 * - no object in a body has a `__proto__` or `constructor` key (`propertyNames`).
 */
import { FORBIDDEN_KEYS } from './json-body-parser';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `anyOf: [{type: integer…}, {type: string, pattern}]` → the integer branch, with the parameter's words. */
function numberOnly(property: Json): Json {
  const branches = property.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return property;
  const number = branches.find((b) => isObject(b) && (b.type === 'integer' || b.type === 'number'));
  const text = branches.find((b) => isObject(b) && b.type === 'string' && typeof b.pattern === 'string');
  if (!isObject(number) || !text) return property;
  const { anyOf: _dropped, ...rest } = property;
  return { ...number, ...rest };
}

/** Path and query parameters as they travel (route schema, before @fastify/swagger lists them). */
export function parametersAsSent(schema: Json | undefined): void {
  const properties = schema?.properties;
  if (!isObject(properties) || !isObject(schema)) return;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [key, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const sent = numberOnly(property);
    if (sent['x-required'] === true) required.add(key);
    delete sent['x-required'];
    properties[key] = sent;
  }
  if (required.size) schema.required = [...required];
}

/** Every field a body may name (an object's, or each option's of a union). */
function bodyFields(schema: Json): string[] {
  const own = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const options = [...(Array.isArray(schema.oneOf) ? schema.oneOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])].filter(isObject);
  return [...new Set([...own, ...options.flatMap(bodyFields)])];
}

function requiresSomething(schema: Json): boolean {
  if (Array.isArray(schema.required) && schema.required.length > 0) return true;
  const options = [...(Array.isArray(schema.oneOf) ? schema.oneOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])].filter(isObject);
  return options.length > 0 && options.every(requiresSomething);
}

/** Every object a body may hold names no forbidden key (json-body-parser.ts refuses one anywhere). */
function withoutForbiddenKeys(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(withoutForbiddenKeys);
  if (!isObject(schema)) return;
  if (schema.type === 'object' || isObject(schema.properties)) schema.propertyNames = { not: { enum: [...FORBIDDEN_KEYS] } };
  for (const key of ['properties', 'patternProperties']) if (isObject(schema[key])) Object.values(schema[key]).forEach(withoutForbiddenKeys);
  for (const key of ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'prefixItems']) withoutForbiddenKeys(schema[key]);
}

/**
 * The whole document, after @fastify/swagger: request bodies required as the server requires them,
 * and no `__proto__` or `constructor` key in any of their objects.
 */
export function withBodyRules(document: Json): Json {
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isObject(op) || !isObject(op.requestBody)) continue;
      const media = (op.requestBody.content as Json | undefined)?.['application/json'];
      if (!isObject(media) || !isObject(media.schema)) continue;
      withoutForbiddenKeys(media.schema);
      if (method === 'patch') {
        const fields = bodyFields(media.schema);
        if (fields.length) media.schema.anyOf = fields.map((f) => ({ required: [f] }));
        op.requestBody.required = true;
      } else {
        op.requestBody.required = requiresSomething(media.schema);
      }
    }
  }
  return document;
}

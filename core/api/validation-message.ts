/**
 * One readable sentence from a failed validation, for the `{"error": …}` body:
 *   fields absent from the request → "Missing required fields: roomnumber, checkin" (seed 001's words)
 *   anything else                  → "checkout: expected a date YYYY-MM-DD" (path: message, joined by "; "),
 *                                    the first problem of each field only
 * "Missing" is decided from the request itself (the key is not there), not from zod's wording.
 * A body that matches none of a union's shapes is described against the shape it came closest to
 * (the fewest problems): `{"provider_id": 1}` → "Missing required fields: date, time".
 */
import type { FastifySchemaValidationError } from 'fastify';

const PART_LABEL: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

function pathOf(issue: FastifySchemaValidationError): string[] {
  return issue.instancePath.split('/').filter((p) => p !== '');
}

function isMissing(data: unknown, path: string[]): boolean {
  if (path.length === 0) return false;
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<string, unknown>)[key];
  }
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return false;
  return (parent as Record<string, unknown>)[path[path.length - 1]!] === undefined;
}

/** zod's generic prefix adds nothing once the field is named. */
function tidy(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

interface UnionOptionIssue {
  path: PropertyKey[];
  message: string;
}

/** A union's failure, replaced by the problems of its closest option. */
function closestOption(issue: FastifySchemaValidationError): FastifySchemaValidationError[] {
  const options = (issue.params as { errors?: UnionOptionIssue[][] } | undefined)?.errors;
  if (issue.keyword !== 'invalid_union' || !Array.isArray(options) || options.length === 0) return [issue];
  const closest = options.reduce((best, o) => (o.length < best.length ? o : best));
  // A union of plain values (`5` or `"5"`) keeps its own message: only shapes have fields to name.
  if (closest.length === 0 || closest.every((o) => o.path.length === 0)) return [issue];
  return closest.map((o) => ({
    ...issue,
    keyword: 'union_option',
    instancePath: [issue.instancePath.replace(/\/$/, ''), ...o.path.map(String)].join('/'),
    message: o.message,
  }));
}

export function validationMessage(raw: readonly FastifySchemaValidationError[], part: string | undefined, data: unknown): string {
  const issues = raw.flatMap(closestOption);
  const missing: string[] = [];
  const others: string[] = [];
  // One complaint per field: "2026-13-45" fails both the format and the real-date check; say the first.
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = pathOf(issue);
    const name = path.join('.');
    if (seen.has(name)) continue;
    seen.add(name);
    if (isMissing(data, path)) missing.push(name);
    else others.push(`${name || (PART_LABEL[part ?? ''] ?? 'request')}: ${tidy(issue.message ?? 'is invalid')}`);
  }
  const parts = missing.length ? [`Missing required fields: ${missing.join(', ')}`, ...others] : others;
  return parts.join('; ') || 'Invalid request';
}

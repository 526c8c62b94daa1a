/**
 * Pure request building for the HTTP transport, from a command's REST binding: `:id` path
 * parameters are filled from the input and removed from it; the rest becomes the query string for
 * GET/DELETE or the JSON body otherwise. No DOM, no fetch: tested in Node.
 */
import { commands, type CommandDef, type CommandName } from '../../../shared/contract/commands';
import { errorStatus } from '../../../shared/errors';
import type { ExportQuery } from './transport';
import { TransportError } from './transport';

export interface HttpRequest {
  method: string;
  url: string;
  body?: string;
}

type InputRecord = Record<string, unknown>;

function queryString(values: InputRecord): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    params.append(k, String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function buildHttpRequest(name: CommandName, input: unknown, origin: string): HttpRequest {
  const { http } = commands[name] as CommandDef;
  const rest: InputRecord = { ...((input ?? {}) as InputRecord) };
  const path = http.path.replace(/:(\w+)/g, (_, param: string) => {
    const value = rest[param];
    if (value === undefined || value === null || value === '') {
      throw new TransportError('VALIDATION', `${param} is required`, 400);
    }
    delete rest[param];
    return encodeURIComponent(String(value));
  });
  const base = origin.replace(/\/$/, '');
  if (http.method === 'GET' || http.method === 'DELETE') {
    return { method: http.method, url: `${base}${path}${queryString(rest)}` };
  }
  return { method: http.method, url: `${base}${path}`, body: JSON.stringify(rest) };
}

/** The CSV download address: `GET /api/v1/exports/stays.csv?delimiter=%3B&bom=true&from=…`. */
export function buildExportUrl(query: ExportQuery, origin: string): string {
  const { http } = commands['exports:stays'];
  const values: InputRecord = { delimiter: query.delimiter ?? ',', bom: query.bom ?? false };
  for (const k of ['from', 'to', 'status', 'roomId'] as const) {
    if (query[k] !== undefined && query[k] !== '') values[k] = query[k];
  }
  return `${origin.replace(/\/$/, '')}${http.path}${queryString(values)}`;
}

/** `ws://host/ws`, or `wss://` when the page came over https. */
export function liveSocketUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}/ws`;
}

const codeForStatus = new Map<number, string>();
for (const [code, status] of Object.entries(errorStatus)) {
  // The first code listed for a status names it (409 → ROOM_UNAVAILABLE would be too specific).
  if (!codeForStatus.has(status) || code === 'CONFLICT') codeForStatus.set(status, code);
}

/** Turns a failed response (`{"error": "…"}` with its status) into the one error type. */
export function errorFromResponse(status: number, bodyText: string): TransportError {
  let message = '';
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') message = body.error;
    else if (typeof body.message === 'string') message = body.message;
  } catch {
    message = '';
  }
  const code = codeForStatus.get(status) ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
  return new TransportError(code, message || `Request failed (${status})`, status);
}

/**
 * Pure request building for the HTTP transport, from a command's REST binding: `:id` path
 * parameters are filled from the input and removed from it; the rest becomes the query string for
 * GET/DELETE or the JSON body otherwise. No DOM, no fetch: tested in Node. The bindings come from
 * the generated command table (plain data, no zod), so the board's first requests load no schema.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import type { CommandName } from '../../../shared/contract/commands';
import { queryString } from './query-string';
import type { ExportCommand, ExportQuery } from './transport';
import { TransportError } from './transport';

export interface HttpRequest {
  method: string;
  url: string;
  body?: string;
}

type InputRecord = Record<string, unknown>;

export function buildHttpRequest(name: CommandName, input: unknown, origin: string): HttpRequest {
  const http = COMMAND_TABLE[name];
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

/**
 * A file import's address: its input in the query string (`POST /api/v1/imports/stays/file?dryRun=true&jobId=…`);
 * the file itself is the body.
 */
export function buildUploadUrl(name: CommandName, input: unknown, origin: string): string {
  const request = buildHttpRequest(name, input, origin);
  const rest = JSON.parse(request.body ?? '{}') as InputRecord;
  return `${request.url}${queryString(rest)}`;
}

/**
 * A CSV export's download address, with the delimiter and BOM always named and the filters that are
 * set: `GET /api/v1/exports/stays.csv?delimiter=%3B&bom=true&from=…`.
 */
export function buildExportUrl<K extends ExportCommand>(name: K, query: ExportQuery<K>, origin: string): string {
  const { delimiter, bom, ...filters } = query as InputRecord;
  const values: InputRecord = { delimiter: delimiter ?? ',', bom: bom ?? false };
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && v !== '') values[k] = v;
  }
  return `${origin.replace(/\/$/, '')}${COMMAND_TABLE[name].path}${queryString(values)}`;
}

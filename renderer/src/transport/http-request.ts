/**
 * Pure request building for the HTTP transport, from a command's REST binding: `:id` path
 * parameters are filled from the input and removed from it; the rest becomes the query string for
 * GET/DELETE or the JSON body otherwise. No DOM, no fetch: tested in Node. The bindings come from
 * the generated command table (plain data, no zod), so the board's first requests load no schema.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import type { CommandName } from '../../../shared/contract/commands';
import { queryString } from './query-string';
import type { AuditExportQuery, ExportQuery } from './transport';
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

/** A CSV route's address with the delimiter and BOM always named and the filters that are set. */
function csvUrl(name: 'stays:export' | 'audit:export', query: InputRecord, filters: readonly string[], origin: string): string {
  const values: InputRecord = { delimiter: query.delimiter ?? ',', bom: query.bom ?? false };
  for (const k of filters) {
    if (query[k] !== undefined && query[k] !== '') values[k] = query[k];
  }
  return `${origin.replace(/\/$/, '')}${COMMAND_TABLE[name].path}${queryString(values)}`;
}

/** The CSV download address: `GET /api/v1/exports/stays.csv?delimiter=%3B&bom=true&from=…`. */
export function buildExportUrl(query: ExportQuery, origin: string): string {
  return csvUrl('stays:export', query, ['from', 'to', 'status', 'roomId'], origin);
}

/** The audit log's CSV: `GET /api/v1/exports/audit.csv?delimiter=%2C&bom=false&actor=…`. */
export function buildAuditExportUrl(query: AuditExportQuery, origin: string): string {
  return csvUrl('audit:export', query, ['actor', 'action', 'entity', 'from', 'to'], origin);
}

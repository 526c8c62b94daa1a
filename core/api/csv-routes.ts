/**
 * The CSV downloads, the contract's `stream: 'csv'` commands: seed 000's `GET /bookings/export/csv`
 * and the app's `GET /api/v1/exports/stays.csv` stream from the export's own read-only connection,
 * so a million-row download neither fills memory nor holds up the desk; `GET /api/v1/exports/audit.csv`
 * streams the audit log. Each is guarded like every contract route, and each export is audited.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commandNames, commands, type CommandDef } from '../../shared/contract/commands';
import type { StayExportQuery } from '../../shared/contract/schemas';
import { localDate } from '../../shared/time';
import type { Core } from '../create-core';
import { auditCsvPieces, type AuditCsvQuery } from '../export/audit-csv';
import { checkStayCsvQuery, streamStaysCsv } from '../export/stays-csv';
import { callContextOf, guardRoute } from './call-context';
import { ErrorBodySchema } from './error-handler';
import { routeDocs } from './contract-routes';

/** `stays-2026-05-01.csv`, dated by the hotel's calendar, not the server's. */
export function csvFilename(core: Core, what: string): string {
  return `${what}-${localDate(core.deps.clock(), core.settings.get().timeZone)}.csv`;
}

/** The CSV text of one export command, in pieces. */
function csvBody(core: Core, dbFile: string, exportId: string, query: unknown): AsyncIterable<string> | Iterable<string> {
  if (exportId === 'audit') {
    return (function* () {
      for (const piece of auditCsvPieces(core.audit, query as AuditCsvQuery)) yield piece.text;
    })();
  }
  checkStayCsvQuery(query as StayExportQuery);
  return streamStaysCsv(dbFile, query as StayExportQuery);
}

export function registerCsvRoutes(app: FastifyInstance, core: Core, dbFile: string): void {
  for (const name of commandNames) {
    const def = commands[name] as CommandDef;
    if (!def.export) continue;
    const what = def.export;
    app.route({
      method: def.http.method,
      url: def.http.path,
      schema: {
        ...routeDocs(name, def),
        querystring: def.input,
        response: {
          200: { description: `The ${what === 'audit' ? 'audit log' : 'stays'} as CSV (a download)`, content: { 'text/csv': { schema: z.string() } } },
          '4xx': ErrorBodySchema,
          '5xx': ErrorBodySchema,
        },
      },
      onRequest: guardRoute(core, name),
      handler: async (request, reply) => {
        const body = csvBody(core, dbFile, what, request.query);
        core.audit.record(callContextOf(request), { action: name, entity: what, detail: request.query });
        void reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${csvFilename(core, what)}"`)
          .header('Cache-Control', 'no-store');
        // A client that hangs up destroys the stream, which closes the generator and its connection.
        // `encoding` keeps the pieces as text down to the socket: otherwise each becomes a Buffer that
        // lingers until the next GC (~15 MB of them at a time in a million-row download).
        return reply.send(Readable.from(body, { objectMode: false, encoding: 'utf8' }));
      },
    });
  }
}

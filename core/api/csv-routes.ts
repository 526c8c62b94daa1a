/**
 * The CSV downloads: seed 000's `GET /bookings/export/csv` and the app's `GET /api/v1/exports/stays.csv`,
 * both the contract's `stream: 'csv'` commands. The body streams from the export's own read-only
 * connection, so a million-row download neither fills memory nor holds up the desk.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commandNames, commands, type CommandDef } from '../../shared/contract/commands';
import type { StayExportQuery } from '../../shared/contract/schemas';
import { localDate } from '../../shared/time';
import type { Core } from '../create-core';
import { checkStayCsvQuery, streamStaysCsv } from '../export/stays-csv';
import { resolveCallContext } from './call-context';
import { ErrorBodySchema } from './error-handler';
import { routeDocs } from './contract-routes';

/** `stays-2026-05-01.csv`, dated by the hotel's calendar, not the server's. */
export function staysCsvFilename(core: Core): string {
  return `stays-${localDate(core.deps.clock(), core.settings.get().timeZone)}.csv`;
}

export function registerCsvRoutes(app: FastifyInstance, core: Core, dbFile: string): void {
  for (const name of commandNames) {
    const def = commands[name] as CommandDef;
    if (def.http.stream !== 'csv') continue;
    app.route({
      method: def.http.method,
      url: def.http.path,
      schema: {
        ...routeDocs(name, def),
        querystring: def.input,
        response: {
          200: { description: 'The stays as CSV (a download)', content: { 'text/csv': { schema: z.string() } } },
          '4xx': ErrorBodySchema,
          '5xx': ErrorBodySchema,
        },
      },
      handler: async (request, reply) => {
        resolveCallContext(request);
        const query = request.query as StayExportQuery;
        checkStayCsvQuery(query);
        void reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${staysCsvFilename(core)}"`)
          .header('Cache-Control', 'no-store');
        // A client that hangs up destroys the stream, which closes the generator and its connection.
        // `encoding` keeps the pieces as text down to the socket: otherwise each becomes a Buffer that
        // lingers until the next GC (~15 MB of them at a time in a million-row download).
        return reply.send(Readable.from(streamStaysCsv(dbFile, query), { objectMode: false, encoding: 'utf8' }));
      },
    });
  }
}

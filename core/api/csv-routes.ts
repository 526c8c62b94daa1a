/**
 * The CSV downloads: a route for every contract command with the `export` flag (seed 000's
 * `GET /bookings/export/csv`, `GET /api/v1/exports/stays.csv`, `GET /api/v1/exports/audit.csv`, and
 * whatever the export registry gains), all alike. Each is guarded like every contract route, its
 * query validated by the command's input schema, and it streams from the export worker's own
 * read-only connection (core/composition/csv-export.ts), so a million-row download neither fills memory
 * nor holds up the desk. Each download is audited.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { commandDef, commandNames, type ExportCommandName } from '../../shared/contract/commands';
import type { Core } from '../create-core';
import { openCsvDownload } from '../composition/csv-export';
import type { CsvOptions } from '../export/export-def';
import { callContextOf, guardRoute } from './call-context';
import { csvDownloadSchema } from './openapi-docs';

const exportCommandNames = commandNames.filter((name) => commandDef(name).export !== undefined) as ExportCommandName[];

export function registerCsvRoutes(app: FastifyInstance, core: Core): void {
  for (const name of exportCommandNames) {
    const def = commandDef(name);
    app.route({
      method: def.http.method,
      url: def.http.path,
      schema: csvDownloadSchema(name, def),
      onRequest: guardRoute(core, name),
      handler: async (request, reply) => {
        const { fileName, body } = await openCsvDownload({ core }, name, request.query as CsvOptions, callContextOf(request));
        void reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${fileName}"`)
          .header('Cache-Control', 'no-store');
        // A client that hangs up destroys the stream, which closes the generator and its worker.
        // `encoding` keeps the pieces as text down to the socket: otherwise each becomes a Buffer that
        // lingers until the next GC (~15 MB of them at a time in a million-row download).
        return reply.send(Readable.from(body, { objectMode: false, encoding: 'utf8' }));
      },
    });
  }
}

/**
 * The file uploads: a route for every contract command with the `upload` flag (`POST
 * /api/v1/imports/{kind}/file`), whose body is the file itself (`text/csv`), not JSON, so the API's
 * 1 MiB JSON limit does not bound it: the body streams to a temporary file, counted against the
 * command's own limit (64 MiB: 413 past it, the connection then closed), and only a whole file is
 * imported (core/imports/import-file.ts). The options are the query string, validated by the
 * command's input schema; the caller is guarded before a byte of the body is read, like every route.
 * Documented with a `text/csv` request body (openapi-docs.ts `uploadRouteSchema`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { commandDef, commandNames, type ParsedInput, type UploadCommandName } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import type { Core } from '../create-core';
import { runFileImport, spoolUpload, tooLarge } from '../imports/import-file';
import { callContextOf, guardRoute } from './call-context';
import { sendError } from './error-handler';
import { uploadRouteSchema } from './openapi-docs';
import { splitInput } from './route-input';

const uploadCommandNames = commandNames.filter((name) => commandDef(name).upload !== undefined) as UploadCommandName[];

export function registerUploadRoutes(app: FastifyInstance, core: Core): void {
  for (const name of uploadCommandNames) {
    const def = commandDef(name);
    const upload = def.upload!;
    const { params, rest } = splitInput(name, def);
    void app.register(async (scope) => {
      // Every body reaches the handler as the raw stream (no parser, no 1 MiB limit); the handler
      // refuses any type but the command's own.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      scope.route({
        method: def.http.method,
        url: def.http.path,
        schema: uploadRouteSchema(name, def, { ...(params ? { params } : {}), ...(rest ? { querystring: rest } : {}) }),
        config: { command: { name, def } },
        onRequest: guardRoute(core, name, def),
        handler: async (request, reply) => {
          const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          const body = request.body as Readable | undefined;
          if (type !== upload.contentType) {
            void reply.header('connection', 'close');
            return sendError(reply, 415, `Send the file as the body with Content-Type: ${upload.contentType}`);
          }
          if (!body) throw new AppError('VALIDATION', 'The file is empty: send the CSV as the body', { reason: 'imports.notCsv' });
          // A declared length over the limit is refused before anything is read.
          if (Number(request.headers['content-length'] ?? 0) > upload.maxBytes) {
            void reply.header('connection', 'close');
            throw tooLarge(upload.maxBytes);
          }
          const dir = await mkdtemp(join(tmpdir(), 'frontdesk-upload-'));
          try {
            const file = join(dir, 'upload.csv');
            try {
              await spoolUpload(body, file, upload.maxBytes);
            } catch (e) {
              void reply.header('connection', 'close');
              throw e;
            }
            const input = { ...(request.query as object), ...(request.params as object) } as ParsedInput<UploadCommandName>;
            return await runFileImport(core.services, input, file, callContextOf(request));
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
      });
    });
  }
}

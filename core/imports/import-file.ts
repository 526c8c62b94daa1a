/**
 * `imports:runFile` (shared/contract/imports.ts): an import whose CSV is a file, not JSON text. The
 * file reaches the host two ways, and both end here:
 * - over REST, as a request's body (core/api/upload-routes.ts), spooled to a temporary file first
 *   (`spoolUpload`): read as it streams, counted, refused past the contract's limit (413) before the
 *   database is touched, so a slow client never holds the import's transaction open and a refused
 *   upload writes nothing;
 * - on the desktop, the file the user chose in the open dialog (electron/import-dialog.ts), read
 *   from where it is (electron/host-requests.ts).
 */
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import type { CallContext } from '../context';
import type { ImportSummary } from '../../shared/contract/imports';
import type { ImportJobs } from './import-jobs';

export const tooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${max} bytes (${Math.round(max / 1024 / 1024)} MiB)`, { reason: 'imports.tooLarge', params: { max } });

/**
 * Writes `body` to `file`, refusing it (413; the caller removes the file) once it passes `maxBytes`.
 * Past the limit the rest of the body is read and dropped rather than the connection cut, so the
 * client gets to read the 413 (the route closes the connection after it).
 */
export function spoolUpload(body: Readable, file: string, maxBytes: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const out = createWriteStream(file);
    let bytes = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      body.off('data', onData);
      body.resume();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(tooLarge(maxBytes));
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };
    body.on('data', onData);
    body.once('end', () => {
      if (!failed) out.end(() => resolve(bytes));
    });
    body.once('error', fail);
    // A client that hangs up before the end: nothing is imported.
    body.once('close', () => {
      if (!body.readableEnded) fail(new AppError('VALIDATION', 'The upload ended before the whole file arrived', { reason: 'imports.uploadCut' }));
    });
    out.once('error', fail);
  });
}

/** Runs the import of the CSV file at `file` (the contract's checks on `input` done by the adapter). */
export async function runFileImport(s: { imports: ImportJobs }, input: ParsedInput<'imports:runFile'>, file: string, ctx: CallContext): Promise<ImportSummary> {
  const { kind, dryRun, mode, mapping, jobId } = input;
  return await s.imports.run({ file }, { kind, dryRun: dryRun ?? false, mode, ...(mapping ? { mapping } : {}), ...(jobId ? { jobId } : {}) }, ctx);
}

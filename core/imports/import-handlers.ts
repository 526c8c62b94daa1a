/**
 * The import center's JSON commands (shared/contract/imports.ts). The CSV text of `imports:run` goes
 * through the same worker and pipeline as a file (`imports:runFile`: core/api/upload-routes.ts, and
 * the desktop's open dialog through electron/host-requests.ts).
 */
import type { importCommands } from '../../shared/contract/imports';
import type { HandlersFor } from '../handler-types';
import type { ImportJobs } from './import-jobs';
import type { ImportKinds } from './import-kind-def';
import { createImportService, type ImportCore } from './import-service';

export function importHandlers<S extends ImportCore & { imports: ImportJobs }>(s: S, kinds: ImportKinds<S>): HandlersFor<typeof importCommands> {
  const imports = createImportService(s, kinds);
  return {
    'imports:kind': async ({ kind }) => await imports.kindInfo(kind),
    'imports:run': async ({ csv, kind, dryRun, mode, mapping, jobId }, ctx) =>
      await s.imports.run({ text: csv }, { kind, dryRun, mode, ...(mapping ? { mapping } : {}), ...(jobId ? { jobId } : {}) }, ctx),
    'imports:cancel': async ({ jobId }, ctx) => ({ cancelled: s.imports.cancel(jobId, ctx) }),
  };
}

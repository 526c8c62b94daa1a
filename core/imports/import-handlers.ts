/** The import center's commands (shared/contract/imports.ts): the CSV text of the JSON command goes through the same pipeline as a file. */
import type { importCommands } from '../../shared/contract/imports';
import type { HandlersFor } from '../handler-types';
import type { ImportKinds } from './import-kind-def';
import { createImportService, type ImportCore } from './import-service';

export function importHandlers<S extends ImportCore>(s: S, kinds: ImportKinds<S>): HandlersFor<typeof importCommands> {
  const imports = createImportService(s, kinds);
  return {
    'imports:kind': async ({ kind }) => await imports.kindInfo(kind),
    'imports:run': async ({ csv, kind, dryRun, mode, mapping }, ctx) => await imports.run(csv, { kind, dryRun, mode, ...(mapping ? { mapping } : {}) }, ctx),
  };
}

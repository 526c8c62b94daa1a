/**
 * The import worker thread's entry (import-thread.ts starts it; vite.electron.config.ts and
 * vite.server.config.ts bundle it as `import-worker.cjs`): the worker's loop
 * (core/imports/import-worker.ts) over this composition's services and import kinds.
 */
import { serveImportJobs } from '../imports/import-worker';
import { useTzDatabase } from '../time/tz-database';
import { createServices } from './core-services';
import { IMPORT_KIND_DEFS } from './import-kinds';

useTzDatabase();
serveImportJobs({ createServices: (deps) => createServices(deps), kinds: IMPORT_KIND_DEFS });

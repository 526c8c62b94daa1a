/**
 * The export worker thread's entry (export-thread.ts starts it; vite.electron.config.ts and
 * vite.server.config.ts bundle it as `export-worker.cjs`): the worker's loop (core/export/export-worker.ts)
 * over this registry's exports.
 */
import { serveExportJobs } from '../export/export-worker';
import { useTzDatabase } from '../time/tz-database';
import { exportDef } from './export-registry';

useTzDatabase();
serveExportJobs(exportDef);

/**
 * The export worker thread's loop (its entry, core/composition/export-worker-entry.ts, hands it the
 * registry; bundled as its own file, `export-worker.cjs`, next to Electron's host and the serve
 * build; started by export-thread.ts). It runs one export at a time,
 * each posted as `{ type: 'job', job }` naming an export of the registry by its id, and then waits
 * for the next until the main thread stops it. It reads and formats the export here, so the main
 * thread's event loop keeps serving the desk and its heap never sees an export's short-lived row
 * arrays and strings (~1 GB for a million stays).
 *
 * Two ways out, chosen by the job:
 * - `fd` given: the worker writes every piece to that open file itself (the desktop's save dialog);
 *   nothing but the final row count crosses back.
 * - no `fd`: each piece is posted to the main thread as `{ type: 'chunk', text, rows }`, at most
 *   `window` ahead of what the main thread has handed on (it posts `{ type: 'credit', chunks }` per
 *   piece consumed), so a slow HTTP client holds the worker back instead of filling memory.
 * Each job ends with `{ type: 'done', rows }`, or `{ type: 'error', code?, message }`.
 */
import { writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { serveCheckpoints } from '../../db/read-connection';
import { isAppError } from '../../shared/errors';
import { EXPORT_CHUNK_ROWS, openExportReader, type ExportReader } from './export-reader';
import { exportHeader } from './export-format';
import type { ExportDef, ExportId } from './export-def';
import type { ExportJob, ExportWorkerMessage, ToExportWorker } from './export-thread';

const port = parentPort!;
/** The registry's lookup, handed in by the entry. */
let exportDef: (id: ExportId) => ExportDef = () => {
  throw new Error('serveExportJobs was not called');
};
const post = (message: ExportWorkerMessage) => port.postMessage(message);

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/** Pieces the job under way may still post before it waits (its window, plus the credit received). */
let credit = 0;
let creditArrived: (() => void) | undefined;

async function send(text: string, rows: number): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credit--;
  post({ type: 'chunk', text, rows });
}

async function run(job: ExportJob, reader: ExportReader, header: string): Promise<number> {
  // The first read fixes the snapshot; the header goes out after it, so a row written once the
  // caller has the header can never be in the export.
  let chunk = await reader.next();
  if (job.fd !== undefined) writeAll(job.fd, header);
  else await send(header, 0);
  let rows = 0;
  while (chunk.rows > 0) {
    rows += chunk.rows;
    if (job.fd !== undefined) writeAll(job.fd, chunk.text);
    else await send(chunk.text, chunk.rows);
    if (chunk.rows < EXPORT_CHUNK_ROWS) break;
    // A turn of the event loop between chunks: a checkpoint asked for meanwhile (this worker is lent
    // for them, export-thread.ts) waits one chunk at most, never the whole export.
    await new Promise<void>((resolve) => setImmediate(resolve));
    chunk = await reader.next();
  }
  return rows;
}

async function runJob(job: ExportJob): Promise<void> {
  // Credit left over from the last job (pieces its consumer took after it was done) is not this one's.
  credit = job.window ?? 1;
  try {
    const def = exportDef(job.exportId);
    const reader = await openExportReader(job.source, def, job.query, job.env);
    let rows: number;
    try {
      rows = await run(job, reader, exportHeader(def, job.query, job.env));
    } finally {
      await reader.close();
    }
    post({ type: 'done', rows });
  } catch (e) {
    post({ type: 'error', code: isAppError(e) ? e.code : undefined, message: e instanceof Error ? e.message : String(e) });
  }
}

/** Serves the main thread's jobs, finding each export with `lookup` (the registry's `exportDef`). */
export function serveExportJobs(lookup: (id: ExportId) => ExportDef): void {
  exportDef = lookup;
  // The main thread sends a job only once the last one is done (export-thread.ts).
  port.on('message', (m: ToExportWorker) => {
    if (m.type === 'job') {
      void runJob(m.job);
    } else if (m.type === 'checkpoints') {
      serveCheckpoints(m.port, m.file);
    } else {
      credit += m.chunks;
      creditArrived?.();
    }
  });
}

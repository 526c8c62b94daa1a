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
 * - no `fd`: each piece is posted to the main thread as `{ type: 'chunk', bytes, rows }` (its UTF-8
 *   bytes, transferred), at most
 *   `window` ahead of what the main thread has handed on (it posts `{ type: 'credit', chunks }` per
 *   piece consumed), so a slow HTTP client holds the worker back instead of filling memory.
 * Each job ends with `{ type: 'done', rows }`, or `{ type: 'error', code?, message }`.
 */
import { writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import { EXPORT_CHUNK_ROWS, exportHeader, openExportReader, type ExportReader } from './export-reader';
import type { ExportDef, ExportId } from './export-def';
import type { ExportJob, ExportWorkerMessage, ToExportWorker } from './export-thread';

const port = parentPort!;
/** The registry's lookup, handed in by the entry. */
let exportDef: (id: ExportId) => ExportDef = () => {
  throw new Error('serveExportJobs was not called');
};
const post = (message: ExportWorkerMessage) => port.postMessage(message);

function writeBytes(fd: number, bytes: Uint8Array, length: number): void {
  for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
}

/**
 * The file's bytes gather in one buffer, encoded in place, and go out in ~256 KB writes: no Buffer
 * per chunk (each one malloc'd and freed by a later GC) and a quarter of the system calls. What is
 * still gathered when the export ends or fails is written or dropped with it (`flush`).
 */
const FILE_BUFFER_BYTES = 256 * 1024;
let fileBuffer: Buffer | undefined;
let fileBuffered = 0;

function writeText(fd: number, text: string): void {
  const buffer = (fileBuffer ??= Buffer.allocUnsafeSlow(FILE_BUFFER_BYTES));
  const length = Buffer.byteLength(text, 'utf8');
  if (fileBuffered + length > buffer.length) flush(fd);
  if (length > buffer.length) return writeBytes(fd, Buffer.from(text, 'utf8'), length);
  fileBuffered += buffer.write(text, fileBuffered, 'utf8');
}

function flush(fd: number): void {
  const length = fileBuffered;
  fileBuffered = 0;
  if (length > 0) writeBytes(fd, fileBuffer!, length);
}

/** Pieces the job under way may still post before it waits (its window, plus the credit received). */
let credit = 0;
let creditArrived: (() => void) | undefined;

/**
 * A piece crosses as UTF-8 bytes whose memory is handed over (transferred), not as text: the main
 * thread neither copies it out of a message nor encodes it for the socket, and it lives outside both
 * heaps (freed once the socket has written it and the main thread's next scavenge drops it).
 */
async function send(text: string, rows: number): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credit--;
  const bytes = encoder.encode(text);
  port.postMessage({ type: 'chunk', bytes, rows } satisfies ExportWorkerMessage, [bytes.buffer]);
}
const encoder = new TextEncoder();

async function run(job: ExportJob, reader: ExportReader, header: string): Promise<number> {
  // The first read fixes the snapshot; the header goes out after it, so a row written once the
  // caller has the header can never be in the export.
  let chunk = await reader.next();
  if (job.fd !== undefined) writeText(job.fd, header);
  else await send(header, 0);
  let rows = 0;
  while (chunk.rows > 0) {
    rows += chunk.rows;
    if (job.fd !== undefined) writeText(job.fd, chunk.text);
    else await send(chunk.text, chunk.rows);
    if (chunk.rows < EXPORT_CHUNK_ROWS) break;
    chunk = await reader.next();
  }
  if (job.fd !== undefined) flush(job.fd);
  return rows;
}

async function runJob(job: ExportJob): Promise<void> {
  // Credit left over from the last job (pieces its consumer took after it was done) is not this one's.
  credit = job.window ?? 1;
  fileBuffered = 0;
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
    } else {
      credit += m.chunks;
      creditArrived?.();
    }
  });
}

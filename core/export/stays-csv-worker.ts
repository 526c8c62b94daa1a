/**
 * Entry of the export's worker thread (started by stays-csv-thread.ts; bundled as its own file,
 * `stays-csv-worker.cjs`, next to Electron's main and the serve build). It reads and formats the
 * whole export here, so the main thread's event loop keeps serving the desk and its heap never sees
 * the export's ~1 GB of short-lived row arrays and strings.
 *
 * Two ways out, chosen by `workerData`:
 * - `fd` given: the worker writes every piece to that open file itself (the desktop's save dialog);
 *   nothing but the final row count crosses back.
 * - no `fd`: each piece is posted to the main thread as `{ type: 'chunk', text, rows }`, at most
 *   `window` ahead of what the main thread has handed on (it posts `{ type: 'credit', chunks }` per
 *   piece consumed), so a slow HTTP client holds the worker back instead of filling memory.
 * It ends with `{ type: 'done', rows }`, or `{ type: 'error', code?, message }`.
 */
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import { openStaysCsvReader, STAY_CSV_CHUNK_ROWS, staysCsvHeader, type StaysCsvReader } from './stays-csv-chunks';
import type { StaysCsvJob, StaysCsvWorkerMessage } from './stays-csv-thread';

const port = parentPort!;
const job = workerData as StaysCsvJob;
const post = (message: StaysCsvWorkerMessage) => port.postMessage(message);

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

let credit = job.window ?? 1;
let creditArrived: (() => void) | undefined;
const onMessage = (m: { type: 'credit'; chunks: number }) => {
  credit += m.chunks;
  creditArrived?.();
};

async function send(text: string, rows: number): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credit--;
  post({ type: 'chunk', text, rows });
}

async function run(reader: StaysCsvReader): Promise<number> {
  // The first read fixes the snapshot; the header goes out after it, so a stay booked once the
  // caller has the header can never be in the export.
  let chunk = reader.next();
  const header = staysCsvHeader(job.query);
  if (job.fd !== undefined) writeAll(job.fd, header);
  else await send(header, 0);
  let rows = 0;
  while (chunk.rows > 0) {
    rows += chunk.rows;
    if (job.fd !== undefined) writeAll(job.fd, chunk.text);
    else await send(chunk.text, chunk.rows);
    if (chunk.rows < STAY_CSV_CHUNK_ROWS) break;
    chunk = reader.next();
  }
  return rows;
}

async function main(): Promise<void> {
  port.on('message', onMessage);
  try {
    const reader = openStaysCsvReader(job.dbFile, job.query);
    let rows: number;
    try {
      rows = await run(reader);
    } finally {
      reader.close();
    }
    post({ type: 'done', rows });
  } catch (e) {
    post({ type: 'error', code: isAppError(e) ? e.code : undefined, message: e instanceof Error ? e.message : String(e) });
  } finally {
    // Nothing left to listen for: the thread ends once the port is quiet.
    port.off('message', onMessage);
  }
}

void main();

/**
 * Benchmark 16's second half: the import as `npm run serve` runs it (support/serve-process.ts: the
 * bundled dist-server/serve.cjs and its import-worker.cjs, nothing of the benchmark inside), the file
 * uploaded as a streamed `text/csv` body (`POST /api/v1/imports/stays/file`), while this process asks
 * `GET /api/v1/rooms` every 25 ms (what a desk's read waits, seen from outside; and for 5 s before
 * the import, the same reads with nothing else running: the machine's own noise) and reads the
 * server's resident memory from /proc every 50 ms (the import worker's included: it is a thread of
 * that process) and its kernel high-water mark at the end.
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { ImportSummary } from '../shared/contract/imports';
import { ensureBenchAdmin, signInOverHttp } from './support/bench-auth';
import { startServeProcess } from './support/serve-process';

export interface ServeImport {
  ms: number;
  summary: ImportSummary;
  rssBefore: number;
  rssPeak: number;
  hwm: number;
  reads: number[];
  /** The same reads for a few seconds before the import: the machine's own noise. */
  idleReads: number[];
  failedReads: number;
}

/** Reads the rooms every 25 ms into `into` until the returned function is called. */
function readEvery25ms(url: string, token: string, into: number[], failed: () => void): () => void {
  const timer = setInterval(() => {
    const t0 = performance.now();
    fetch(`${url}/api/v1/rooms`, { headers: { authorization: `Bearer ${token}` } }).then(
      async (res) => {
        await res.arrayBuffer();
        if (res.ok) into.push(performance.now() - t0);
        else failed();
      },
      failed,
    );
  }, 25);
  return () => clearInterval(timer);
}

const IDLE_READS_MS = 5_000;

function upload(url: string, token: string, file: string): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/imports/stays/file?mode=allOrNothing&jobId=bench-serve-import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as ImportSummary) : reject(new Error(`${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** Runs the import in a `npm run serve` process on a copy of `emptyDb`; undefined where /proc is missing. */
export async function importThroughServe(emptyDb: string, csvFile: string, scratch: string): Promise<ServeImport | undefined> {
  const dataDir = join(scratch, 'serve-data');
  mkdirSync(dataDir, { recursive: true });
  const dbFile = join(dataDir, 'frontdesk.db');
  copyFileSync(emptyDb, dbFile);
  await ensureBenchAdmin(dbFile);
  const serve = await startServeProcess(dataDir);
  if (!serve) return undefined;
  try {
    const token = await signInOverHttp(serve.url);
    const reads: number[] = [];
    const idleReads: number[] = [];
    let failedReads = 0;
    const failed = () => void (failedReads += 1);
    const stopIdle = readEvery25ms(serve.url, token, idleReads, failed);
    await new Promise((resolve) => setTimeout(resolve, IDLE_READS_MS));
    stopIdle();
    const rssBefore = serve.rssBytes();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serve.rssBytes())), 50);
    const stopReads = readEvery25ms(serve.url, token, reads, failed);
    const started = performance.now();
    try {
      const summary = await upload(serve.url, token, csvFile);
      return { ms: performance.now() - started, summary, rssBefore, rssPeak: Math.max(rssPeak, serve.rssBytes()), hwm: serve.maxRssBytes(), reads, idleReads, failedReads };
    } finally {
      clearInterval(sampler);
      stopReads();
    }
  } finally {
    await serve.stop();
  }
}

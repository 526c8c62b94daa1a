/**
 * Benchmark 16's second half: the import as `npm run serve` runs it (support/serve-process.ts: the
 * bundled dist-server/serve.cjs and its import-worker.cjs, nothing of the benchmark inside), the file
 * uploaded as a streamed `text/csv` body (`POST /api/v1/imports/stays/file`), while a small process
 * of its own (support/load-client-process.ts, paced, `GET /api/v1/rooms` every 25 ms) reads as a
 * desk would (what a desk's read waits, seen from outside; and for 5 s before the import, the same
 * reads with nothing else running: the machine's own noise), and this process reads the server's
 * resident memory from /proc every 50 ms (the import worker's included: it is a thread of that
 * process) and its kernel high-water mark at the end. The reads are not timed from this process: by
 * then it holds the in-process runs' garbage (~0.5 GB resident), and its own collections (up to ~45
 * ms) were read as the server's (fifty-third pass). The server's main thread is sampled from /proc
 * every 5 ms meanwhile (support/thread-sampler.ts, ~3 % of a core here), so the slowest read says
 * where that thread was: running, waiting for a CPU, or asleep (and in which system call).
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { ImportSummary } from '../shared/contract/imports';
import { ensureBenchAdmin, signInOverHttp } from './support/bench-auth';
import { startChild, type BenchChild } from './support/child-process';
import { BENCH_DIR } from './support/hotel-dataset';
import type { LatencySummary } from './support/load-client-process';
import { startServeProcess } from './support/serve-process';
import type { TracedRequest } from './support/tail-bursts';
import { describeShares, sampleThread, threadWindow, type ThreadSample } from './support/thread-sampler';
import { fmt, fmtMs } from './support/stats';

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
  /** The server's main thread during the slowest read (from /proc samples), or why it is not known. */
  slowestRead: string;
}

/** What the read client reports: its summary and every read's sending time (epoch ms) and latency. */
export type DeskReads = LatencySummary & { traced: TracedRequest[] };

/** A desk's reads of `url`'s room list every 25 ms from `client` (a load-client-process.ts), until the returned function is called. */
export async function readEvery25ms(client: BenchChild, url: string, token: string): Promise<() => Promise<DeskReads>> {
  await client.ask({ type: 'paced:start', origin: url, token, intervalMs: 25, rooms: [], fromDate: '', days: 0, seed: 0, mix: 'rooms', trace: true }, 'paced:started');
  return () => client.ask<DeskReads>({ type: 'paced:stop' }, 'paced:done');
}

/** A process of its own to read from (load-client-process.ts), ready. */
export async function startReadClient(): Promise<BenchChild> {
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  await client.next('ready');
  return client;
}

const IDLE_READS_MS = 5_000;

export function upload(url: string, token: string, file: string): Promise<ImportSummary> {
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

/** The slowest read: when, relative to the upload's start, and what the server's main thread did meanwhile. */
function slowestReadText(traced: readonly TracedRequest[], samples: ThreadSample[], started: number): string {
  const slowest = traced.reduce<TracedRequest | undefined>((a, b) => (a && a[1] >= b[1] ? a : b), undefined);
  if (!slowest) return 'no reads';
  const [sentAt, readMs] = slowest;
  const at = `${fmtMs(readMs)} sent ${fmt((sentAt - (performance.timeOrigin + started)) / 1000)} s into the import`;
  const w = threadWindow(samples, sentAt, sentAt + readMs);
  return w ? `${at}; the server's main thread meanwhile: ${describeShares(w)}, ${w.asleepIn === 'never' ? 'never asleep' : `asleep in ${w.asleepIn}`}` : `${at}; too short for the samples (every 5 ms)`;
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
  const client = await startReadClient();
  try {
    const token = await signInOverHttp(serve.url);
    const stopIdle = await readEvery25ms(client, serve.url, token);
    await new Promise((resolve) => setTimeout(resolve, IDLE_READS_MS));
    const idle = await stopIdle();
    const rssBefore = serve.rssBytes();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serve.rssBytes())), 50);
    const mainThread = sampleThread(serve.pid, 5);
    const stopReads = await readEvery25ms(client, serve.url, token);
    const started = performance.now();
    let summary: ImportSummary;
    try {
      summary = await upload(serve.url, token, csvFile);
    } finally {
      clearInterval(sampler);
      mainThread.stop();
    }
    const ms = performance.now() - started;
    const reads = await stopReads();
    const latencies = (r: DeskReads) => r.traced.map(([, readMs]) => readMs);
    return {
      ms,
      summary,
      rssBefore,
      rssPeak: Math.max(rssPeak, serve.rssBytes()),
      hwm: serve.maxRssBytes(),
      reads: latencies(reads),
      idleReads: latencies(idle),
      failedReads: idle.failures + reads.failures,
      slowestRead: slowestReadText(reads.traced, mainThread.take(), started),
    };
  } finally {
    await client.stop();
    await serve.stop();
  }
}

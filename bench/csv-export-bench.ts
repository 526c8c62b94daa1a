/**
 * Benchmark 4: the CSV export of 1 000 000 stays while the desk keeps working.
 *
 * The host runs as the desktop app runs it (support/electron-host.ts): dist-electron's host.cjs in
 * its own process with the utility process's V8 flags (`HOST_EXEC_ARGV`), driven by main's
 * host client over the host protocol, on a copy of the dense hotel, its admin signed in. A second
 * child sends it a request every 5 ms throughout, with the admin's token (alternately
 * `GET /api/v1/rooms/free`, which must answer 200, and `POST /bookings` for a random room and
 * night, 201 or 409). Meanwhile the host exports all stays to a file as the desktop's save dialog
 * has it do (`stays:export` with a file: a worker thread with its own read-only connection reads
 * keyset chunks and writes them). Inside the host, a preloaded probe: resident memory sampled every
 * 10 ms plus the kernel's high-water mark, and `monitorEventLoopDelay`.
 * Anchor: `.iterate()` over the same SELECT in one loop, `row.join(',')`, written to a file on the
 * same disk in 64 KB pieces with `writeSync` (no quoting, no yielding: the ceiling).
 * Also measured: the same export with no requests beside it, and as an HTTP download
 * (`GET /api/v1/exports/stays.csv`) under the same load. Last, `npm run serve`'s own process
 * (support/serve-process.ts: dist-server/serve.cjs, nothing of ours inside) serves one download
 * under the same load, its memory read from outside.
 */
import { closeSync, createWriteStream, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { STAY_CSV_COLUMNS } from '../core/stays/stays-export';
import { HOST_EXEC_ARGV } from '../electron/host-protocol';
import type { BenchOptions } from './support/bench-options';
import { startChild } from './support/child-process';
import { signInOverHttp } from './support/bench-auth';
import { buildElectronHost, startElectronHost } from './support/electron-host';
import { startServeProcess, statusBytes } from './support/serve-process';
import { BENCH_DIR, copyHotelTo, denseHistoryHotel, hotelRooms, scratchDir, TODAY } from './support/hotel-dataset';
import type { MonitorReport } from './support/process-monitor';
import type { LatencySummary } from './support/load-client-process';
import type { BenchResult } from './support/report';
import { fmt, fmtMb, fmtMs, median, nowMs } from './support/stats';

const PACE_MS = 5;
const RSS_LIMIT = 160 * 1024 * 1024;
/** The desk's host during the export (issue 22 §4). */
const DESK_RSS_LIMIT = 140 * 1024 * 1024;

/** The export's SELECT (core/stays/stays-export.ts) without the keyset chunking. */
const RAW_SELECT = `SELECT s.id, r.number, s.category, CASE WHEN s.status IN ('cancelled', 'no_show') THEN 0 ELSE 1 END,
    s.checkin, s.checkout, s.status, s.guest_name, s.guests, s.nights, s.price
  FROM stays s JOIN guest_rooms r ON r.id = s.room_id
  ORDER BY s.id`;

function rawExport(dbFile: string, filePath: string): { rows: number; ms: number; bytes: number } {
  const t0 = nowMs();
  const db = new Database(dbFile, { readonly: true });
  const fd = openSync(filePath, 'w');
  let rows = 0;
  try {
    let buf = `${STAY_CSV_COLUMNS.join(',')}\r\n`;
    for (const row of db.prepare(RAW_SELECT).raw(true).iterate() as IterableIterator<unknown[]>) {
      buf += `${row.join(',')}\r\n`;
      rows++;
      if (buf.length > 65_536) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
    db.close();
  }
  return { rows, ms: nowMs() - t0, bytes: statSync(filePath).size };
}

async function httpDownload(url: string, token: string, filePath: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = nowMs();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) return { ms: nowMs() - t0, bytes: 0, status: res.status };
  const out = createWriteStream(filePath);
  await pipeline(Readable.fromWeb(res.body as never), out);
  return { ms: nowMs() - t0, bytes: statSync(filePath).size, status: res.status };
}

type Paced = LatencySummary & { type: string };

type FileExport = { rows: number; ms: number; bytes: number };
type Measured<T> = T & { monitor: MonitorReport; paced: Paced };

// eslint-disable-next-line max-lines-per-function -- one benchmark's steps in the order its report prints them
export async function runCsvExportBench(o: BenchOptions): Promise<BenchResult> {
  const data = await denseHistoryHotel(o.log);
  const scratch = scratchDir('csv');
  const dataDir = join(scratch, 'host');
  const dbFile = copyHotelTo(data.file, dataDir);
  const csv = join(scratch, 'export.csv');
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  o.log('  building dist-electron/host.cjs into bench/.cache …');
  const buildDir = await buildElectronHost();
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  const host = await startElectronHost(dataDir, buildDir);
  const hostStartRss = statusBytes(host.pid, 'VmRSS');
  try {
    await client.next('ready');

    /** Runs `work` while the client sends its paced requests, signed in with `token`, to `origin`. */
    const paced = async <T>(origin: string, token: string, seed: number, work: () => Promise<T>): Promise<T & { paced: Paced }> => {
      // These hosts (the desk's, `npm run serve`) run on the real clock; TODAY is the real day, whose
      // next four months the dense hotel has booked (hotel-dataset.ts).
      await client.ask({ type: 'paced:start', origin, token, intervalMs: PACE_MS, rooms, fromDate: TODAY, days: 150, seed }, 'paced:started');
      const result = await work();
      return { ...result, paced: await client.ask<Paced>({ type: 'paced:stop' }, 'paced:done') };
    };
    /** Runs `work` with the paced requests going and the host's probe on. */
    const underLoad = <T>(seed: number, work: () => Promise<T>): Promise<Measured<T>> =>
      paced(host.client.url, host.token, seed, async () => {
        await host.probeStart();
        const result = await work();
        return { ...result, monitor: await host.probeStop() };
      });
    const exportFile = async (): Promise<FileExport> => ({ ...(await host.exportFile(csv)), bytes: statSync(csv).size });
    const fileExport = (seed: number) => underLoad(seed, exportFile);

    // The warm-up export runs beside the paced requests, as the measured ones do: the host's first paced
    // requests compile their code and fill SQLite's cache (the stays' indexes), and until the fifty-fifth
    // pass that start-up fell on the first measured run (loaded 0.43-0.55 x raw, the later runs 0.6-0.9 x).
    o.log('  warm-up (raw read fills the page cache; one export beside the paced requests warms the host) …');
    rawExport(dbFile, csv);
    const warm = await fileExport(9);
    const warmRate = (warm.rows * 1000) / warm.ms;
    o.log(`  warm-up export: ${fmt(warmRate)} rows/s (loop max ${fmtMs(warm.monitor.loopMaxMs)})`);

    const ours: Measured<FileExport>[] = [];
    const raws: FileExport[] = [];
    const downloads: Measured<{ ms: number; bytes: number; status: number }>[] = [];
    const alone: FileExport[] = [];
    for (let r = 0; r < o.runs; r++) {
      // Alternate who reads first, so neither always meets the colder cache.
      if (r % 2) {
        ours.push(await fileExport(10 + r));
        raws.push(rawExport(dbFile, csv));
      } else {
        raws.push(rawExport(dbFile, csv));
        ours.push(await fileExport(10 + r));
      }
      downloads.push(await underLoad(50 + r, () => httpDownload(`${host.client.url}/api/v1/exports/stays.csv`, host.token, csv)));
      // The same export with no requests beside it: how much of the gap is the export's own.
      alone.push(await exportFile());
      const last = ours[r]!;
      o.log(`  run ${r + 1}: ours ${fmt((last.rows * 1000) / last.ms)} rows/s (loop max ${fmtMs(last.monitor.loopMaxMs)}, RSS peak ${fmtMb(last.monitor.rssPeakBytes)}), raw ${fmt((raws[r]!.rows * 1000) / raws[r]!.ms)} rows/s, HTTP download ${fmtMs(downloads[r]!.ms)}`);
    }
    const hostMaxRss = statusBytes(host.pid, 'VmHWM');
    await host.stop();

    // `npm run serve` itself: one download under the same load (the same database, so the same admin).
    let serve: { startRss: number; maxRss: number; run: Awaited<ReturnType<typeof httpDownload>> & { paced: Paced } } | undefined;
    const serveProcess = await startServeProcess(dataDir);
    if (serveProcess) {
      try {
        const startRss = serveProcess.rssBytes();
        const token = await signInOverHttp(serveProcess.url);
        const run = await paced(serveProcess.url, token, 90, () => httpDownload(`${serveProcess.url}/api/v1/exports/stays.csv`, token, csv));
        serve = { startRss, maxRss: serveProcess.maxRssBytes(), run };
      } finally {
        await serveProcess.stop();
      }
    }
    await client.stop();

    const oursRate = median(ours.map((x) => (x.rows * 1000) / x.ms));
    const rawRate = median(raws.map((x) => (x.rows * 1000) / x.ms));
    const aloneRate = median(alone.map((x) => (x.rows * 1000) / x.ms));
    const httpRate = median(downloads.map((x) => (ours[0]!.rows * 1000) / x.ms));
    const ratio = oursRate / rawRate;
    const maxRss = Math.max(hostMaxRss, ...ours.map((x) => x.monitor.maxRssBytes), ...downloads.map((x) => x.monitor.maxRssBytes));
    const peakFile = Math.max(...ours.map((x) => x.monitor.rssPeakBytes));
    const peakHttp = Math.max(...downloads.map((x) => x.monitor.rssPeakBytes));
    const loopMax = Math.max(...ours.map((x) => x.monitor.loopMaxMs));
    const loopMaxHttp = Math.max(...downloads.map((x) => x.monitor.loopMaxMs));
    const all = [...ours.map((x) => x.paced), ...downloads.map((x) => x.paced), ...(serve ? [serve.run.paced] : [])];
    // The warm-up's requests must not fail either (their latencies are the start-up's, left out above).
    const counted = [...all, warm.paced];
    const requests = counted.reduce((n, p) => n + p.requests, 0);
    const failures = counted.reduce((n, p) => n + p.failures, 0);
    const samples = counted.flatMap((p) => p.failureSamples).slice(0, 3);
    const statuses = all.reduce<Record<string, number>>((acc, p) => {
      for (const [k, v] of Object.entries(p.statuses)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {});
    const hostKind = `the desk's host process (host.cjs, ${HOST_EXEC_ARGV.join(' ')})`;

    const checks: BenchResult['checks'] = [
      { label: 'throughput', ours: `${fmt(oursRate)} rows/s`, anchor: `${fmt(rawRate)} rows/s`, ratio: fmt(ratio), target: '≥ 0.75', pass: ratio >= 0.75 },
      { label: 'peak RSS (desk host process, as Electron runs it)', ours: fmtMb(maxRss), target: '≤ 140 MB', pass: maxRss <= DESK_RSS_LIMIT },
    ];
    if (serve) {
      checks.push({ label: 'peak RSS (npm run serve, download)', ours: fmtMb(serve.maxRss), target: '≤ 160 MB', pass: serve.maxRss <= RSS_LIMIT });
    }
    checks.push(
      { label: 'longest event-loop delay', ours: fmtMs(Math.max(loopMax, loopMaxHttp)), target: '≤ 100 ms', pass: Math.max(loopMax, loopMaxHttp) <= 100 },
      { label: 'failed requests meanwhile', ours: `${failures} of ${requests}`, target: '0', pass: failures === 0 },
    );
    return {
      id: 4,
      title: 'CSV export of 1 000 000 stays under load',
      checks,
      figures: [
        `${o.runs} runs; medians. ${ours[0]!.rows.toLocaleString('en')} rows, ${fmtMb(ours[0]!.bytes)} of CSV (the export is a snapshot; the bookings made meanwhile add rows to later runs: ${ours.map((x) => x.rows).join(', ')} rows, raw ${raws.map((x) => x.rows).join(', ')}).`,
        `File export (stays:export to a file through the host protocol, in ${hostKind}): ${ours.map((x) => fmtMs(x.ms)).join(', ')}; raw loop ${raws.map((x) => fmtMs(x.ms)).join(', ')}.`,
        `Warm-up, not counted: raw once (the page cache), then one file export beside the paced requests (their first: the host compiles their code, SQLite's cache fills): ${fmt(warmRate)} rows/s, loop max ${fmtMs(warm.monitor.loopMaxMs)}.`,
        `The same file export with no requests beside it: ${alone.map((x) => fmtMs(x.ms)).join(', ')} = ${fmt(aloneRate)} rows/s (${fmt(aloneRate / rawRate)} × raw).`,
        `HTTP download (GET /api/v1/exports/stays.csv to a file, same load): ${downloads.map((x) => fmtMs(x.ms)).join(', ')} = ${fmt(httpRate)} rows/s (${fmt(httpRate / rawRate)} × raw), status ${downloads.map((x) => x.status).join('/')}.`,
        `Host memory (${hostKind}): ${fmtMb(hostStartRss)} after start-up and sign-in; sampled peak ${fmtMb(peakFile)} during the file export, ${fmtMb(peakHttp)} during the download; kernel high-water mark (maxRSS, whole life) ${fmtMb(maxRss)}.`,
        `V8 heap in the host during the file export: reserved up to ${fmtMb(Math.max(...ours.map((x) => x.monitor.heapTotalPeakBytes)))}, in use up to ${fmtMb(Math.max(...ours.map((x) => x.monitor.heapUsedPeakBytes)))} (garbage included; Buffers outside the heap up to ${fmtMb(Math.max(...ours.map((x) => x.monitor.externalPeakBytes)))}).`,
        ...(serve
          ? [`npm run serve (its own process, memory from /proc): ${fmtMb(serve.startRss)} after start-up, maxRSS ${fmtMb(serve.maxRss)} after one download under the same load (${fmtMs(serve.run.ms)}, status ${serve.run.status}).`]
          : []),
        `Event loop (monitorEventLoopDelay, 10 ms resolution, so 10 ms is no delay): max ${fmtMs(loopMax)} / p99 ${fmtMs(median(ours.map((x) => x.monitor.loopP99Ms)))} during the file export, max ${fmtMs(loopMaxHttp)} during the download.`,
        `Requests meanwhile (one every ${PACE_MS} ms, own process): ${requests}, statuses ${JSON.stringify(statuses)}, p50 ${fmtMs(median(all.map((p) => p.p50)))}, p99 ${fmtMs(median(all.map((p) => p.p99)))}, max ${fmtMs(Math.max(...all.map((p) => p.max)))}${samples.length ? `; failures: ${samples.join(' | ')}` : ''}.`,
      ],
    };
  } finally {
    await Promise.allSettled([host.stop(), client.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

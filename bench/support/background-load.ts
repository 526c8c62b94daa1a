/**
 * `npm run bench -- --loaded`: the other work of a front-desk PC (a browser, the mail client, a card
 * terminal's software), made reproducible. Beside the benchmarks, for their whole run:
 *
 * - **CPU**: busy processes on half the machine's cores (one on a 2-core PC), at normal priority, each a
 *   tight arithmetic loop that never sleeps. The kernel's scheduler shares the cores between them and
 *   the benchmark's own processes, as it would with a busy browser tab.
 * - **Disk**: a steady trickle of writes on the benchmarks' own disk (bench/.cache): 64 KiB appended
 *   every 100 ms (640 KiB/s), `fdatasync` once a second, the file started over at 32 MiB — a mail
 *   client's store. It contends with the benchmarks' fsyncs (every durable COMMIT).
 *
 * Each is a plain `node -e` process (no tsx, nothing of ours loaded), started and stopped here; each
 * also stops by itself when the benchmark process is gone, so a crashed run leaves nothing spinning.
 * `stop()` reports how much work each did, so a run shows the load really ran.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR } from './hotel-dataset';

/** Busy processes: half the cores, at least one. */
export function busyProcessCount(cores = cpus().length): number {
  return Math.max(1, Math.floor(cores / 2));
}

export const DISK_CHUNK_BYTES = 64 * 1024;
export const DISK_INTERVAL_MS = 100;

/** Spins until its parent is gone or it is told to stop; on SIGTERM it prints its loop count. */
const BUSY_SOURCE = `
const parent = process.ppid;
let n = 0, x = 1;
process.on('SIGTERM', () => { process.stdout.write(String(n)); process.exit(0); });
const spin = () => {
  for (let i = 0; i < 5e6; i++) x = (x * 1103515245 + 12345) | 0;
  n++;
  if (process.ppid !== parent) process.exit(0);
  setImmediate(spin);
};
spin();
`;

/** Appends a chunk every interval, fdatasync once a second, starts over at 32 MiB; prints bytes written on SIGTERM. */
const DISK_SOURCE = `
const fs = require('node:fs');
const [file, chunkBytes, intervalMs] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const parent = process.ppid;
const chunk = Buffer.alloc(chunkBytes, 120);
let fd = fs.openSync(file, 'w'), size = 0, written = 0, ticks = 0;
process.on('SIGTERM', () => { process.stdout.write(String(written)); process.exit(0); });
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
  fs.writeSync(fd, chunk); size += chunkBytes; written += chunkBytes;
  if (++ticks % Math.round(1000 / intervalMs) === 0) fs.fdatasyncSync(fd);
  if (size >= 32 * 1024 * 1024) { fs.ftruncateSync(fd, 0); size = 0; }
}, intervalMs);
`;

export interface BackgroundLoadReport {
  busyProcesses: number;
  /** Loop rounds (5 million multiply-adds each) per busy process per second. */
  busyRoundsPerSecond: number[];
  diskBytesWritten: number;
  seconds: number;
}

export interface BackgroundLoad {
  /** One line for the report: what ran beside the benchmarks. */
  description: string;
  stop(): Promise<BackgroundLoadReport>;
}

function output(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text));
  });
}

export function startBackgroundLoad(): BackgroundLoad {
  const dir = join(CACHE_DIR, 'work', `background-load-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const count = busyProcessCount();
  const started = performance.now();
  const busy = Array.from({ length: count }, () => spawn(process.execPath, ['-e', BUSY_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const disk = spawn(process.execPath, ['-e', DISK_SOURCE, join(dir, 'mailbox.dat'), String(DISK_CHUNK_BYTES), String(DISK_INTERVAL_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const children = [...busy, disk];
  const outputs = children.map(output);
  const killAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  };
  process.once('exit', killAll);
  return {
    description: `${count} busy process${count === 1 ? '' : 'es'} (of ${cpus().length} cores, normal priority) and ${DISK_CHUNK_BYTES / 1024} KiB written every ${DISK_INTERVAL_MS} ms (fdatasync each second) on the benchmarks' disk`,
    async stop() {
      const seconds = (performance.now() - started) / 1000;
      killAll();
      const texts = await Promise.all(outputs);
      process.off('exit', killAll);
      rmSync(dir, { recursive: true, force: true });
      return {
        busyProcesses: count,
        busyRoundsPerSecond: texts.slice(0, count).map((t) => Number(t) / seconds),
        diskBytesWritten: Number(texts[count]),
        seconds,
      };
    },
  };
}

/**
 * Import benchmark (issue 17 §3): 100 000 future stays (300 rooms, two-night stays back to back) as a
 * Danish CSV file (`;`, dd-mm-yyyy, decimal comma), imported all-or-nothing from a file stream
 * through the import center's pipeline, on SQLite. Reports the time, the peak memory (RSS and heap,
 * sampled every 20 ms) and the event loop's delay meanwhile (what any other request to this host,
 * the desk's, waits at worst; target ≤ 100 ms), split into the reading phase (the file streams in)
 * and the checking phase (every row through the stays service in one transaction).
 * A figure, no unit test: `npx tsx bench/import-bench.ts [--rows 100000]`.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { IMPORT_KIND_DEFS } from '../core/composition/import-kinds';
import { createImportService } from '../core/imports/import-service';
import { openDatabase } from '../db/open-database';
import { addDays } from '../shared/time';

const ZONE = 'Europe/Copenhagen';
const NOW = Date.parse('2026-05-01T08:00:00Z');
const ROOMS = 300;
const admin: CallContext = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'internal' };
const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);

const dk = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

function writeCsv(file: string): void {
  const lines = ['Værelse;Ankomst;Afrejse;Gæst;Personer;Pris'];
  for (let i = 0; i < ROWS; i++) {
    const room = 100 + (i % ROOMS);
    const from = addDays('2026-06-01', Math.floor(i / ROOMS) * 2);
    lines.push(`${room};${dk(from)};${dk(addDays(from, 2))};Gæst ${i} Æblegård;2;${1000 + (i % 500)},50`);
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-import-'));
  try {
    const db = await openDatabase({ engine: 'sqlite', file: join(dir, 'frontdesk.db') });
    const core = await createCore({ db, clock: () => NOW, events: createEventBus() }, { settings: { timeZone: ZONE, maxStayNights: 30 } as never });
    for (let r = 0; r < ROOMS; r++) await core.handlers['rooms:create']({ number: 100 + r, category: 'Double', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' }, admin);
    const file = join(dir, 'stays.csv');
    writeCsv(file);

    const reading = monitorEventLoopDelay({ resolution: 10 });
    let phase: 'reading' | 'checking' = 'reading';
    reading.enable();
    // The longest wait between two 20 ms ticks, per phase: a histogram records nothing while the loop is held.
    const gap = { reading: 0, checking: 0 };
    let peakRss = 0, peakHeap = 0, lastTick = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      gap[phase] = Math.max(gap[phase], now - lastTick - 20);
      lastTick = now;
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const started = performance.now();
    let readMs = 0;
    const summary = await createImportService(core.services, IMPORT_KIND_DEFS).run(createReadStream(file, { highWaterMark: 64 * 1024 }), {
      kind: 'stays', dryRun: false, mode: 'allOrNothing',
      onProgress: (p) => {
        if (p.phase !== 'checking' || phase === 'checking') return;
        readMs = performance.now() - started;
        reading.disable();
        gap.reading = Math.max(gap.reading, performance.now() - lastTick - 20);
        lastTick = performance.now();
        phase = 'checking';
      },
    }, admin);
    const totalMs = performance.now() - started;
    gap.checking = Math.max(gap.checking, performance.now() - lastTick - 20);
    clearInterval(sampler);
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(JSON.stringify({ rows: summary.rows, created: summary.created, failed: summary.failed, committed: summary.committed }));
    console.log(`time: ${(totalMs / 1000).toFixed(1)} s (reading ${(readMs / 1000).toFixed(1)} s, checking and writing ${((totalMs - readMs) / 1000).toFixed(1)} s)`);
    console.log(`peak memory: RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
    console.log(`event-loop delay while reading: max ${gap.reading.toFixed(1)} ms (histogram p99 ${ms(reading.percentile(99))} ms)`);
    console.log(`event-loop delay while checking and writing: max ${gap.checking.toFixed(1)} ms (one transaction, run without a break)`);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

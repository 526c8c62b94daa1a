/**
 * `npx tsx bench/db-copy-bench.ts [--runs N]`: `db:copy` of a 300-room hotel with two years of
 * history (hotel-dataset.ts's `twoYearSpan()`: about 200 000 stays) into an empty database of a
 * private PostgreSQL cluster (fsync on, as in production), timed end to end: the target's migration,
 * the copy, the read-back verification of every table and the COMMIT. Prints the time, the rows per
 * second and every table's count and checksum (the same on both sides, or the copy would have
 * failed). `runDbCopyBench` hands the same back as a `BenchResult`, for bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { copyHotel, type CopyReport } from '../db/copy/copy-hotel';
import { startPostgresCluster } from '../tests/support/postgres-cluster';
import type { BenchOptions } from './support/bench-options';
import { historyHotel, twoYearSpan } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { median } from './support/stats';

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export async function runDbCopyBench(options: BenchOptions): Promise<BenchResult> {
  const hotel = await historyHotel(twoYearSpan(), options.log);
  options.log(`source: ${hotel.file} (${hotel.rooms} rooms, ${hotel.stays.toLocaleString('en')} stays)`);
  const cluster = await startPostgresCluster();
  const reports: CopyReport[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      await createDatabase(cluster.url('postgres'), `copy_${run}`);
      let lastLine = 0;
      const report = await copyHotel({
        from: hotel.file,
        to: cluster.url(`copy_${run}`),
        onProgress: (e) => {
          if (e.kind === 'rows' && performance.now() - lastLine > 5000) {
            lastLine = performance.now();
            options.log(`    ${e.table} ${e.done.toLocaleString('en')} / ${e.total.toLocaleString('en')}`);
          }
        },
      });
      options.log(`  run ${run}: ${report.rows.toLocaleString('en')} rows in ${report.seconds.toFixed(1)} s`);
      reports.push(report);
    }
  } finally {
    cluster.stop();
  }
  const seconds = median(reports.map((r) => r.seconds));
  const last = reports[reports.length - 1]!;
  const tables = last.tables.filter((t) => t.rows > 0);
  return {
    id: 11,
    title: 'db:copy of a 300-room, 2-year hotel into PostgreSQL',
    checks: [{ label: 'copy + verify, end to end', ours: `${seconds.toFixed(1)} s`, target: 'measured', pass: null }],
    figures: [
      `${last.rows.toLocaleString('en')} rows (${(last.rows / seconds).toFixed(0)} rows/s), ${last.version}, median of ${reports.length} run(s): ${reports.map((r) => r.seconds.toFixed(1)).join(', ')} s`,
      ...tables.map((t) => `${t.table}: ${t.rows.toLocaleString('en')} rows, sha256 ${t.checksum}${t.nextId === null ? '' : `, next id ${t.nextId}`}`),
      `checksums identical on every run: ${reports.every((r) => r.tables.every((t, i) => t.checksum === last.tables[i]!.checksum))}`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
  const result = await runDbCopyBench({ runs: Number(values.runs), quick: false, log: (line) => console.log(line) });
  console.log(`\n${result.title}\n  ${result.checks.map((c) => `${c.label}: ${c.ours}`).join('\n  ')}\n  ${result.figures.join('\n  ')}`);
}

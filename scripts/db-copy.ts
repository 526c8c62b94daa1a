/**
 * `npm run db:copy -- --from <frontdesk.db or data folder> --to postgres://user:password@host:5432/db`:
 * moves a hotel from a desk's SQLite file into an empty PostgreSQL database (db/copy/copy-hotel.ts),
 * printing each table's rows as they go and each table's verified count and checksum. A refusal or
 * a failure is one line on stderr and a non-zero exit; the target is then left as it was.
 */
import { parseArgs } from 'node:util';
import { copyHotel, CopyError, type CopyProgress, type CopyReport } from '../db/copy/copy-hotel';

const USAGE = `Usage: npm run db:copy -- --from <frontdesk.db | data folder> --to postgres://user:password@host:5432/database

Copies a desk's SQLite database into an empty PostgreSQL database (15 or newer): every table, ids
kept, identity sequences set after the highest id, verified table by table (count and checksum)
before it commits. Stop the desk first: what it writes after the copy starts is not copied.
The target is migrated first; a target that holds any row is refused. Details: docs/postgresql.md.

  --from PATH   the SQLite file (or the data folder holding frontdesk.db), opened read-only;
                it must be at this release's latest migration (start Frontdesk on it once)
  --to URL      the PostgreSQL database (postgres:// or postgresql://)
  --help        show this`;

const n = (value: number) => value.toLocaleString('en');

function progressPrinter(out: NodeJS.WriteStream): (event: CopyProgress) => void {
  const live = out.isTTY === true;
  let lastLine = 0;
  return (event) => {
    if (event.kind === 'start') {
      out.write(`Copying ${event.source} (SQLite, migration ${event.migration})\n   into ${event.target} (${event.version}, migrated, empty)\n`);
    } else if (event.kind === 'rows' && event.done < event.total) {
      // A running count on a large table: in place on a terminal, a line every 2 s in a log.
      const line = `  ${event.table.padEnd(22)} ${n(event.done).padStart(11)} / ${n(event.total)}`;
      if (live) out.write(`\r${line}`);
      else if (performance.now() - lastLine > 2000) out.write(`${line}\n`);
      lastLine = performance.now();
    } else if (event.kind === 'copied') {
      out.write(`${live ? '\r\x1b[K' : ''}  ${event.table.padEnd(22)} ${n(event.rows).padStart(11)} rows  ${event.seconds.toFixed(2)} s\n`);
    } else if (event.kind === 'verified') {
      out.write(`  verified ${event.table.padEnd(22)} ${n(event.rows).padStart(11)} rows  sha256 ${event.checksum}\n`);
    }
  };
}

function printReport(report: CopyReport): void {
  const sequences = report.tables.filter((t) => t.nextId !== null).map((t) => `${t.table} ${t.nextId}`);
  console.log(`Identity sequences, next id: ${sequences.join(', ')}`);
  for (const s of report.skipped) console.log(`Not copied: ${s.tables.join(', ')}: ${s.reason}`);
  console.log(`Copied ${report.tables.length} tables, ${n(report.rows)} rows in ${report.seconds.toFixed(1)} s; counts and checksums verified.`);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`db:copy: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.from || !values.to || !/^postgres(ql)?:\/\//i.test(values.to)) {
    console.error(`db:copy: give --from <SQLite file> and --to <postgres:// URL>\n\n${USAGE}`);
    return 2;
  }
  try {
    printReport(await copyHotel({ from: values.from, to: values.to, onProgress: progressPrinter(process.stdout) }));
    return 0;
  } catch (e) {
    const message = e instanceof CopyError ? e.message : `the copy failed, nothing was copied: ${(e as Error).message}`;
    console.error(`${process.stdout.isTTY ? '\n' : ''}db:copy: ${message.replaceAll('\n', ' ')}`);
    return 1;
  }
}

process.exitCode = await main();

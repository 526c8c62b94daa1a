/**
 * `db:copy`: a desk's SQLite database into an empty PostgreSQL database, a hotel moved whole.
 *
 * 1. The source is opened read-only and must be at this release's latest migration
 *    (sqlite-source.ts says why it is refused rather than migrated); the target is migrated by the
 *    engine's own migrations, then locked and checked empty (postgres-target.ts).
 * 2. Every table of the schema, parents before children (copy-plan.ts), is read in key order and
 *    written in batches, ids kept, all in one transaction. Tables only SQLite has are skipped by an
 *    explicit list with a reason each; any other table the file holds stops the copy.
 * 3. Before the COMMIT every table is read back from PostgreSQL and verified: the same count and the
 *    same checksum of the rows' canonical text (row-checksum.ts). A difference rolls everything back.
 * 4. Each identity sequence is set after the highest id SQLite ever gave (its AUTOINCREMENT counter,
 *    which is past ids of deleted rows too, so no id is ever handed out twice), and it COMMITs.
 *
 * A failure at any step leaves the target as it was: migrated and empty.
 */
import { CopyError } from './copy-error';
import { copyTables, skipReason, type CopyTable } from './copy-plan';
import { openPostgresTarget, type PostgresTarget } from './postgres-target';
import { TableChecksum, type CopyValue } from './row-checksum';
import { openSqliteSource, type SqliteSource } from './sqlite-source';

export { CopyError } from './copy-error';

export interface CopyOptions {
  /** The SQLite file, or the data folder holding `frontdesk.db`. */
  from: string;
  /** `postgres://user:password@host:5432/database`. */
  to: string;
  /** Rows per INSERT (default 5 000). */
  batchRows?: number;
  onProgress?: (event: CopyProgress) => void;
}

export type CopyProgress =
  | { kind: 'start'; source: string; migration: string; target: string; version: string }
  | { kind: 'rows'; table: string; done: number; total: number }
  | { kind: 'copied'; table: string; rows: number; seconds: number }
  | { kind: 'verified'; table: string; rows: number; checksum: string };

export interface TableReport {
  table: string;
  rows: number;
  /** SHA-256 of the rows' canonical text, the same on both sides. */
  checksum: string;
  /** The id the next insert gets (identity tables only). */
  nextId: bigint | null;
}

export interface CopyReport {
  source: string;
  migration: string;
  target: string;
  version: string;
  tables: TableReport[];
  /** What was not copied, by reason (the FTS5 index and its shadow tables are one entry). */
  skipped: { tables: string[]; reason: string }[];
  rows: number;
  seconds: number;
}

/** The source's tables against the plan: what is skipped (and why); anything unknown stops the copy. */
function checkSourceTables(source: SqliteSource, plan: CopyTable[]): CopyReport['skipped'] {
  const planned = new Map(plan.map((t) => [t.name, t]));
  const skipped = new Map<string, string[]>();
  const present = source.tables();
  for (const name of present) {
    const table = planned.get(name);
    const reason = skipReason(name);
    if (table) {
      const have = source.columns(name).sort().join();
      const want = table.columns.map((c) => c.name).sort().join();
      if (have !== want) throw new CopyError(`${source.file}: table ${name} has the columns (${have}), this Frontdesk's schema (${want})`);
    } else if (reason) {
      skipped.set(reason, [...(skipped.get(reason) ?? []), name]);
    } else {
      throw new CopyError(`${source.file} has a table db:copy does not know (${name}): nothing was copied`);
    }
  }
  const missing = plan.filter((t) => !present.includes(t.name)).map((t) => t.name);
  if (missing.length > 0) throw new CopyError(`${source.file} lacks the tables ${missing.join(', ')}`);
  return [...skipped].map(([reason, tables]) => ({ tables, reason }));
}

/** A value PostgreSQL's column can take as it is: an integer for an integer column, text for text. */
function checkValues(table: CopyTable, row: CopyValue[]): void {
  table.columns.forEach((column, i) => {
    const value = row[i];
    if (value === null || (column.kind === 'integer' ? typeof value === 'bigint' : typeof value === 'string')) return;
    const key = row[table.columns.findIndex((c) => c.name === table.key)];
    throw new CopyError(`${table.name} (${table.key} ${String(key)}): ${column.name} holds ${JSON.stringify(String(value))}, not ${column.kind === 'integer' ? 'an integer' : 'text'}: nothing was copied`);
  });
}

interface Copied {
  checksum: TableChecksum;
  lastId: bigint;
}

async function copyTable(source: SqliteSource, target: PostgresTarget, table: CopyTable, batchRows: number, progress: CopyOptions['onProgress']): Promise<Copied> {
  const total = source.count(table.name);
  const keyAt = table.columns.findIndex((c) => c.name === table.key);
  const checksum = new TableChecksum();
  let lastId = 0n;
  let batch: CopyValue[][] = [];
  const flush = async () => {
    try {
      await target.insert(table, batch);
    } catch (e) {
      throw refusal(table, e);
    }
    batch = [];
    progress?.({ kind: 'rows', table: table.name, done: checksum.rows, total });
  };
  for (const row of source.rows(table)) {
    checkValues(table, row);
    checksum.add(row);
    const key = row[keyAt];
    if (table.identity && typeof key === 'bigint' && key > lastId) lastId = key;
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  if (batch.length > 0) await flush();
  return { checksum, lastId };
}

/** PostgreSQL refused a batch: which table, which rule, and that nothing stays behind. */
function refusal(table: CopyTable, error: unknown): unknown {
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string };
  // Integrity (23), data (22) and resource (53) errors, and the triggers' own: a row was refused.
  if (typeof e.code !== 'string' || !/^(22|23|53|P0)/.test(e.code)) return error;
  const detail = e.detail ? ` (${e.detail})` : '';
  const why =
    e.code === '23P01'
      ? ': SQLite held these rows, PostgreSQL refuses them: the engines disagree on this hotel, please report it'
      : e.code === '53200'
        ? ' (raise max_locks_per_transaction on the server for the copy)'
        : '';
  return new CopyError(`PostgreSQL refused a row of ${table.name}: ${e.message}${detail}${why}; nothing was copied`, { cause: error });
}

/** Reads `table` back and compares it row by row with what was read from SQLite. */
async function verifyTable(target: PostgresTarget, table: CopyTable, source: TableChecksum, batchRows: number): Promise<{ digest: { rows: number; checksum: string }; problem?: string }> {
  const back = new TableChecksum();
  const keyAt = table.columns.findIndex((c) => c.name === table.key);
  let firstDiff: CopyValue | undefined;
  for await (const rows of target.read(table, batchRows)) {
    for (const row of rows) {
      back.add(row);
      if (firstDiff === undefined && !source.sameRow(back, back.rows - 1)) firstDiff = row[keyAt] ?? null;
    }
  }
  const [want, got] = [source.digest(), back.digest()];
  if (want.rows === got.rows && want.checksum === got.checksum) return { digest: got };
  const where = firstDiff === undefined ? `from row ${Math.min(want.rows, got.rows) + 1} on` : `first at ${table.key} ${String(firstDiff)}`;
  return {
    digest: got,
    problem: `${table.name}: SQLite ${want.rows} rows ${want.checksum.slice(0, 16)}…, PostgreSQL ${got.rows} rows ${got.checksum.slice(0, 16)}… (differs ${where})`,
  };
}

export async function copyHotel(options: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const batchRows = options.batchRows ?? 5000;
  const progress = options.onProgress;
  const plan = copyTables();
  const source = openSqliteSource(options.from);
  try {
    const skipped = checkSourceTables(source, plan);
    const target = await openPostgresTarget(options.to);
    try {
      await target.begin(plan);
      progress?.({ kind: 'start', source: source.file, migration: source.migration, target: target.location, version: target.version });
      const copied = new Map<string, Copied>();
      for (const table of plan) {
        const at = performance.now();
        const done = await copyTable(source, target, table, batchRows, progress);
        copied.set(table.name, done);
        progress?.({ kind: 'copied', table: table.name, rows: done.checksum.rows, seconds: (performance.now() - at) / 1000 });
      }
      const tables: TableReport[] = [];
      const problems: string[] = [];
      for (const table of plan) {
        const { checksum, lastId } = copied.get(table.name)!;
        const { digest, problem } = await verifyTable(target, table, checksum, batchRows);
        if (problem) problems.push(problem);
        else progress?.({ kind: 'verified', table: table.name, ...digest });
        const last = table.identity ? (source.sequence(table.name) > lastId ? source.sequence(table.name) : lastId) : null;
        tables.push({ table: table.name, ...digest, nextId: last === null ? null : last + 1n });
        if (last !== null) await target.setSequence(table, last);
      }
      if (problems.length > 0) throw new CopyError(`Verification failed, nothing was copied: ${problems.join('; ')}`);
      await target.commit();
      const rows = tables.reduce((n, t) => n + t.rows, 0);
      return { source: source.file, migration: source.migration, target: target.location, version: target.version, tables, skipped, rows, seconds: (performance.now() - started) / 1000 };
    } catch (e) {
      await target.rollback();
      throw e;
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

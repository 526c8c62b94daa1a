/**
 * What one CSV export is: its columns, the query that reads its rows, a check of its filters, and
 * its file's name and dialog title. A domain's export is one such value in its own folder
 * (`core/stays/stays-export.ts`), named by the contract command's `export: '<id>'` flag and listed
 * once in export-registry.ts. Who may run it is the command's `roles`; its filters are the command's
 * input schema (validated before the query ever sees them).
 *
 * **Runs inside the export's worker thread, whose heap is capped**: an export's file imports no zod,
 * no drizzle and nothing of the host (types only from the contract). Its chunk query is built in
 * `db/queries/exports/` (one SQL text for both engines) from the domain's list filter.
 */
import type { ChunkQuery } from '../../db/queries/exports/chunk-query';
import type { SnapshotQueries } from '../../db/read-connection';
import type { Commands, ExportCommandName } from '../../shared/contract/commands';
import type { CsvDelimiter } from './csv-cells';

export type { ChunkQuery };

/** The ids the contract's commands name in their `export` flag (each one an entry of core/composition/export-registry.ts). */
export type ExportId = Commands[ExportCommandName]['export'];

/** What the host tells the worker beside the query: the hotel's zone, for dates and instants. */
export interface ExportEnv {
  timeZone: string;
  /** The hotel's currency (ISO 4217) and language, for exports that name them (the desk's stays CSV). */
  currency?: string;
  locale?: 'da' | 'en';
  /** What the reports' CSVs need of the settings and the clock (core/reports/report-env.ts). */
  report?: { nowMs: number; maxStayMs: number; outOfOrderUnavailable: boolean };
}

/** Every export's options, beside its own filters (the command's input). */
export interface CsvOptions {
  delimiter?: CsvDelimiter;
  bom?: boolean;
}

/**
 * A column: its header, and (only when the database's value is not yet the cell) how the value
 * becomes the cell, in the hotel's zone and currency and the export's options (the delimiter). A
 * plain string is a column whose value is written as it is.
 */
export type ExportColumn = string | { header: string; cell: (value: unknown, env: ExportEnv, options: CsvOptions) => unknown };

interface ExportBase<Q extends CsvOptions> {
  /** The file's name before its date: `stays` → `stays-2026-05-01.csv` (download and save dialog). */
  fileName: string;
  /** The desktop's save dialog title. */
  title: string;
  columns: readonly ExportColumn[];
  /**
   * The header line's cells when they depend on the filters or the hotel (a language, a currency);
   * default: the columns' headers.
   */
  header?(query: Q, env: ExportEnv): string[];
  /** Refuses filters that cannot mean anything (an `AppError`), before any CSV is sent. */
  check?(query: Q): void;
}

/** An export of a table's rows, read in keyset chunks (stays, appointments, the audit log…). */
export interface ChunkedExport<Q extends CsvOptions = CsvOptions> extends ExportBase<Q> {
  /**
   * One keyset chunk: selects one value per column, in order, the first being an ascending integer
   * key; takes `id > @after … ORDER BY <key> LIMIT <EXPORT_CHUNK_ROWS>` (never OFFSET; the LIMIT written
   * in, not bound: `keysetChunk`, db/queries/exports/chunk-query.ts). Run in raw (array) mode
   * on a read-only connection inside one read transaction, so the export is one snapshot.
   */
  chunkQuery(query: Q, env: ExportEnv): ChunkQuery;
  rows?: never;
}

/**
 * An export of figures computed from a few aggregate queries (a report: at most a row per day of
 * its period): all its rows at once, read in the export's one snapshot, then written in chunks.
 */
export interface ComputedExport<Q extends CsvOptions = CsvOptions> extends ExportBase<Q> {
  rows(db: Pick<SnapshotQueries, 'all'>, query: Q, env: ExportEnv): Promise<unknown[][]>;
  chunkQuery?: never;
}

export type ExportDef<Q extends CsvOptions = CsvOptions> = ChunkedExport<Q> | ComputedExport<Q>;

/** Checks an export's shape while keeping its query's type. */
export function defineExport<Q extends CsvOptions>(def: ExportDef<Q>): ExportDef<Q> {
  return def;
}

export function columnHeader(column: ExportColumn): string {
  return typeof column === 'string' ? column : column.header;
}

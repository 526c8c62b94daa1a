/**
 * **The one way from a command to its CSV**, for every export of the registry and every door: the
 * REST download (`openCsvDownload`, core/api/csv-routes.ts) and the desktop's save dialog
 * (`exportPlan` before the dialog, `writeCsvExportFile` after it, electron/host-requests.ts). Each
 * checks the filters before any CSV is sent, names the file after the hotel's calendar, and writes
 * the export's audit row. The adapters authorize (the REST route's `onRequest` hook, `core.authorize`
 * in the host) and validate the input against the command's schema first.
 *
 * A small export (at most a few thousand rows) is read in one statement on the host's own
 * database handle and formatted on its thread (export/small-export.ts): no worker to start and no
 * second heap for a day's arrivals. Any larger one is read and formatted in a worker thread
 * (export-thread.ts) on its own read-only connection, inside one read transaction: one consistent
 * snapshot while the writer keeps booking, a main thread that keeps answering the desk while a
 * million rows go out, and an export heap with a fixed cap whatever the process's V8 flags are.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { commandDef, type ExportCommandName } from '../../shared/contract/commands';
import { AppError, isAppError } from '../../shared/errors';
import { localDate } from '../../shared/time';
import type { AuditService } from '../auth/auth-types';
import type { ExportSource } from '../../db/database';
import type { CallContext } from '../context';
import type { CsvOptions, ExportEnv } from '../export/export-def';
import type { ExportId } from '../export/export-def';
import { exportDef, type ExportQuery } from './export-registry';
import { EXPORT_INCOMPLETE, exportPieces, writeExportToFd } from '../export/export-thread';
import { readSmallExport, type SmallExportDb } from '../export/small-export';

/** What the exports need of the host: a few of the core's services, and where its database is. */
export interface CsvExportHost {
  core: {
    audit: Pick<AuditService, 'record'>;
    settings: { get(): { timeZone: string; currency: string; locale: 'da' | 'en'; reportsOutOfOrderUnavailable: boolean }; maxStayMs(): number };
    deps: { clock(): number; db: ExportDatabase };
  };
}

/** The host's database: its own handle, for a small export, and the source a worker opens. */
export type ExportDatabase = SmallExportDb & { exportSource: ExportSource };

/**
 * Where an export reads from: the host's database (a small export on this thread, a larger one in
 * the worker), or only the source (always the worker: the worker's own tests and benchmarks).
 */
export type ExportFrom = ExportDatabase | ExportSource;

function sourceOf(from: ExportFrom): ExportSource {
  return 'exportSource' in from ? from.exportSource : from;
}

/** The export whole, when it is small and `from` is the host's database; else `undefined` (the worker's). */
function smallExport(from: ExportFrom, id: ExportId, query: CsvOptions, env: ExportEnv) {
  return 'exportSource' in from ? readSmallExport(from, exportDef(id), query, env) : Promise.resolve(undefined);
}

export interface CsvProgress {
  rows: number;
}

/** For exports whose cells need no zone (the stays): tests and benchmarks. */
const ANY_ZONE: ExportEnv = { timeZone: 'UTC' };

/** The export a command streams (its contract flag `export: '<id>'`). */
export function exportIdOf(name: ExportCommandName): ExportId {
  return commandDef(name).export as ExportId;
}

function envOf(host: CsvExportHost): ExportEnv {
  const { settings, deps } = host.core;
  const { timeZone, currency, locale, reportsOutOfOrderUnavailable } = settings.get();
  return { timeZone, currency, locale, report: { nowMs: deps.clock(), maxStayMs: settings.maxStayMs(), outOfOrderUnavailable: reportsOutOfOrderUnavailable } };
}

/** What the desktop shows before the export: its dialog's title and the proposed file name. */
export interface ExportPlan {
  title: string;
  /** `stays-2026-05-01.csv`, dated by the hotel's calendar, not the machine's. */
  fileName: string;
}

export function exportPlan(host: CsvExportHost, name: ExportCommandName): ExportPlan {
  const def = exportDef(exportIdOf(name));
  const { timeZone } = envOf(host);
  return { title: def.title, fileName: `${def.fileName}-${localDate(host.core.deps.clock(), timeZone)}.csv` };
}

/** Throws the export's own refusal (an `AppError`) for filters that cannot mean anything. */
function check(id: ExportId, query: CsvOptions): void {
  exportDef(id).check?.(query);
}

/**
 * The CSV text in pieces: the header (after an optional BOM), then one piece per chunk of rows.
 * `progress.rows` counts the data rows handed out so far. Closing the generator early (a client that
 * hangs up) stops the worker, which ends the read transaction and closes its connection. The filters
 * are checked before the generator is returned: once a download has started, an error can only cut
 * it short.
 */
export function streamCsvExport<I extends ExportId>(from: ExportFrom, id: I, query: ExportQuery<I>, env: ExportEnv = ANY_ZONE, progress?: CsvProgress): AsyncGenerator<string> {
  check(id, query);
  return (async function* () {
    const small = await smallExport(from, id, query, env);
    if (small) {
      if (progress) progress.rows += small.rows;
      yield* small.pieces;
      return;
    }
    for await (const piece of exportPieces({ exportId: id, source: sourceOf(from), query, env })) {
      if (progress) progress.rows += piece.rows;
      yield piece.text;
    }
  })();
}

/**
 * A file export that did not finish: nothing is left under the chosen name, and the desk is told so
 * in its language (`export.notSaved`, with the file's name). A refusal of the export itself passes
 * as it is.
 */
function notSaved(error: unknown, filePath: string): unknown {
  if (isAppError(error) && error.code !== 'INTERNAL') return error;
  const file = basename(filePath);
  return new AppError('INTERNAL', `${EXPORT_INCOMPLETE}: ${file} was not saved`, { reason: 'export.notSaved', params: { file }, cause: error });
}

/** Writes the export into the open file: a small one from here, a larger one from the worker. */
async function writeExport(from: ExportFrom, id: ExportId, query: CsvOptions, env: ExportEnv, file: FileHandle): Promise<number> {
  const small = await smallExport(from, id, query, env);
  if (!small) return await writeExportToFd({ exportId: id, source: sourceOf(from), query, env }, file.fd);
  await file.writeFile(small.pieces.join(''), 'utf8');
  return small.rows;
}

/**
 * Writes the export to `filePath`. The export is written to a sibling `.part` file, renamed at the end, so a
 * failed export never leaves half a file behind under the name the user chose: the `.part` file is
 * removed, and the error says the file was not saved. This thread owns the file: it is closed here
 * however the worker ends.
 */
export async function writeCsvFile<I extends ExportId>(from: ExportFrom, id: I, query: ExportQuery<I>, filePath: string, env: ExportEnv = ANY_ZONE): Promise<{ rows: number }> {
  check(id, query);
  const partPath = `${filePath}.part`;
  const file = await open(partPath, 'w');
  let closed = false;
  try {
    const rows = await writeExport(from, id, query, env, file);
    closed = true;
    await file.close();
    await rename(partPath, filePath);
    return { rows };
  } catch (e) {
    if (!closed) await file.close().catch(() => undefined);
    await rm(partPath, { force: true });
    throw notSaved(e, filePath);
  }
}

/**
 * The HTTP download of `name`: checks the filters (an `AppError` before any byte is sent), writes the
 * audit row, and returns the file's name and the body (lazy: read once the response is sent, so the
 * audit log's own export includes its download).
 */
export async function openCsvDownload(host: CsvExportHost, name: ExportCommandName, query: CsvOptions, ctx: CallContext): Promise<{ fileName: string; body: AsyncGenerator<string> }> {
  const id = exportIdOf(name);
  const body = streamCsvExport(host.core.deps.db, id, query as ExportQuery<ExportId>, envOf(host));
  await host.core.audit.record(ctx, { action: name, entity: exportDef(id).fileName, detail: query });
  return { fileName: exportPlan(host, name).fileName, body };
}

/** The desktop's file of `name` at `filePath` (the save dialog's choice); audited once written. */
export async function writeCsvExportFile(host: CsvExportHost, name: ExportCommandName, query: CsvOptions, ctx: CallContext, filePath: string): Promise<{ path: string; rows: number }> {
  const id = exportIdOf(name);
  const { rows } = await writeCsvFile(host.core.deps.db, id, query as ExportQuery<ExportId>, filePath, envOf(host));
  await host.core.audit.record(ctx, { action: name, entity: exportDef(id).fileName, detail: query });
  return { path: filePath, rows };
}

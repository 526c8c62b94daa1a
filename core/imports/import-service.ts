/**
 * The import center's pipeline (docs/imports.md): the file's header is read and the columns mapped;
 * then ONE unit of work reads the rest of the file as it streams in and takes each row through the
 * domain's own service (import-rows.ts), each in a savepoint. A dry run, and an all-or-nothing run
 * with any failed row, roll that transaction back; `validOnly` commits the rows that held. A row whose
 * natural key is stored already is left unchanged (a re-import changes nothing).
 *
 * **Where it runs**: in the import's worker thread (import-worker.ts), on a connection of its own to
 * which the host has lent the database's writer, so the host's event loop never waits for it. The
 * unit waits on the file as it streams (real I/O inside a unit, which the host's shared connection
 * never allows): here it holds only the worker's own connection. A cancel is seen between two rows
 * and rolls everything back.
 */
import { deferStaySearchIndex, readImportMapping, saveImportMapping } from '../../db/queries/import-queries';
import type { ImportKind, ImportKindInfo, ImportMode, ImportProgress, ImportSummary } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import type { CallContext } from '../context';
import { mapColumns } from './column-mapping';
import { DEFAULT_CSV_LIMITS, readCsv, type CsvInput, type CsvLimits } from './csv-source';
import type { ImportKinds } from './import-kind-def';
import { createRowImporter, type ImportCore, type ImportTally } from './import-rows';

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  mode: ImportMode;
  mapping?: Record<string, string>;
  limits?: CsvLimits;
  /** The file's size in bytes, when known (a file, an upload): progress is then a share of it. */
  totalBytes?: number;
  /** Called every `PROGRESS_ROWS` rows and as each phase begins. */
  onProgress?: (progress: ImportProgress) => void;
  /** Asked between rows: true stops the import, which then writes nothing. */
  cancelled?: () => boolean;
}

/** Rows between two progress reports: a few per second on a slow machine, cheap to send. */
const PROGRESS_ROWS = 500;

class RollBack extends Error {}

export const cancelledError = () => new AppError('VALIDATION', 'The import was cancelled: nothing was written', { reason: 'imports.cancelled' });

export interface ImportService {
  kindInfo(kind: ImportKind): Promise<ImportKindInfo>;
  run(input: CsvInput, options: ImportOptions, ctx: CallContext): Promise<ImportSummary>;
}

/** What the pipeline itself needs of the core; the kinds' own `load` and `save` get the whole `S`. */
export type { ImportCore };

/** The import center over the kinds the composition lists (core/composition/import-kinds.ts). */
export function createImportService<S extends ImportCore>(s: S, kinds: ImportKinds<S>): ImportService {
  const db = s.deps.db;

  const audit = (ctx: CallContext, options: ImportOptions, tally: ImportTally, committed: boolean) =>
    s.audit.record(ctx, {
      action: 'imports:run', entity: 'import', entityId: null,
      detail: committed
        ? { kind: options.kind, mode: options.mode, rows: tally.rows, created: tally.created, unchanged: tally.unchanged, failed: tally.failed }
        : { kind: options.kind, mode: options.mode, rows: tally.rows, failed: tally.failed, committed: false },
    });

  return {
    async kindInfo(kind) {
      const fields = kinds[kind].fields.map((f) => ({ field: f.field, required: f.required, headers: [...f.headers] }));
      return { kind, fields, savedMapping: await readImportMapping(db, kind) };
    },

    async run(input, options, ctx) {
      const kind = kinds[options.kind];
      const cancelled = options.cancelled ?? (() => false);
      const csv = await readCsv(input, options.limits ?? DEFAULT_CSV_LIMITS);
      const map = mapColumns(options.kind, kind.fields, csv.header, options.mapping ?? {}, await readImportMapping(db, options.kind));
      let tally: ImportTally | undefined;
      const report = (phase: ImportProgress['phase']) =>
        options.onProgress?.({ phase, bytes: csv.bytesRead, ...(options.totalBytes === undefined ? {} : { totalBytes: options.totalBytes }), rows: tally?.rows ?? 0, created: tally?.created ?? 0, unchanged: tally?.unchanged ?? 0, failed: tally?.failed ?? 0 });
      report('checking');
      const commits = !options.dryRun;
      try {
        // Retries 0: the file is read once, so this unit cannot be run again from its start.
        await db.unit(async () => {
          const existing = await kind.load(s, s.deps.clock());
          const indexStays = options.kind === 'stays' ? await deferStaySearchIndex(db) : undefined;
          const rows = createRowImporter(s, options.kind, kind, map, csv.header, existing, ctx);
          tally = rows.tally;
          for await (const { line, cells } of csv.rows) {
            if (cancelled()) throw cancelledError();
            await rows.importRow(line, cells);
            if (tally.rows % PROGRESS_ROWS === 0) report('checking');
          }
          if (!commits || (options.mode === 'allOrNothing' && tally.failed > 0)) throw new RollBack();
          report('committing');
          await indexStays?.();
          await saveImportMapping(db, options.kind, map.mapping);
          await audit(ctx, options, tally, true);
          if (cancelled()) throw cancelledError();
        }, { retries: 0 });
      } catch (e) {
        if (!(e instanceof RollBack)) throw e;
      }
      const t = tally!;
      const committed = commits && !(options.mode === 'allOrNothing' && t.failed > 0);
      // A refused all-or-nothing import is audited too, in a unit of its own (the import's rolled back).
      if (commits && !committed) await db.unit(() => audit(ctx, options, t, false));
      return {
        kind: options.kind, dryRun: options.dryRun, mode: options.mode, committed,
        encoding: csv.encoding, delimiter: csv.delimiter, columns: csv.header, mapping: map.mapping,
        rows: t.rows, created: committed ? t.created : 0, unchanged: t.unchanged, failed: t.failed, errors: t.errors,
      };
    },
  };
}

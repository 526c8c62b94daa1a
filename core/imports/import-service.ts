/**
 * The import center's pipeline (docs/imports.md): the file is read and its cells parsed while it
 * streams in (csv-source.ts, row-input.ts), then every row goes through the domain's own service, each
 * in a savepoint of ONE transaction, so a row sees the rows before it (a second row with the same
 * room number, or an overlapping stay, is refused by the desk's own rule). A dry run, and an
 * all-or-nothing run with any failed row, roll that transaction back; `validOnly` commits the rows
 * that held. A row whose natural key is stored already is left unchanged (a re-import changes nothing).
 */
import { readImportMapping, saveImportMapping } from '../../db/queries/import-queries';
import type { ImportKind, ImportKindInfo, ImportMode, ImportRowError, ImportSummary } from '../../shared/contract/imports';
import { AppError, isAppError } from '../../shared/errors';
import type { AuditService } from '../auth/auth-types';
import type { CallContext, CoreDeps } from '../context';
import { mapColumns } from './column-mapping';
import { DEFAULT_CSV_LIMITS, readCsv, type CsvInput, type CsvLimits } from './csv-source';
import type { Existing, ImportKinds, KindDef } from './import-kind-def';
import { checkInput, readRow, rowError, type RowInput } from './row-input';

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  mode: ImportMode;
  mapping?: Record<string, string>;
  limits?: CsvLimits;
  /** Called as rows are read (every 1 000) and when checking starts. */
  onProgress?: (progress: { phase: 'reading' | 'checking'; rows: number }) => void;
  /** Aborts while the file is read: nothing has been written then. */
  signal?: AbortSignal;
}

const MAX_ERRORS = 10_000;

class RollBack extends Error {}

export interface ImportService {
  kindInfo(kind: ImportKind): Promise<ImportKindInfo>;
  run(input: CsvInput, options: ImportOptions, ctx: CallContext): Promise<ImportSummary>;
}

/** Stays name a room by number: the row's `room` → `roomId`, or the row's error. */
function resolveRoom(line: number, values: Record<string, unknown>, existing: Existing, column: string | null): ImportRowError | undefined {
  if (!('room' in values)) return undefined;
  const room = existing.rooms.get(values.room as number);
  if (!room) return rowError(line, column, 'imports.unknownRoom', `Row ${line}: there is no room ${String(values.room)}`, { room: values.room as number });
  const { room: _n, ...rest } = values;
  for (const k of Object.keys(values)) delete values[k];
  Object.assign(values, rest, { roomId: room.id });
  return undefined;
}

/** What the pipeline itself needs of the core; the kinds' own `load` and `save` get the whole `S`. */
export interface ImportCore {
  deps: CoreDeps;
  audit: Pick<AuditService, 'record'>;
}

/** The import center over the kinds the composition lists (core/composition/import-kinds.ts). */
// eslint-disable-next-line max-lines-per-function -- the import pipeline's steps share one closure over its services and kinds; each step is short
export function createImportService<S extends ImportCore>(s: S, kinds: ImportKinds<S>): ImportService {
  const db = s.deps.db;

  const columnOf = (kind: KindDef<S>, map: ReturnType<typeof mapColumns>, header: string[], field: string) => {
    const i = map.index.get(field);
    return i === undefined ? null : header[i]!;
  };

  /** Every row through the service, in savepoints of the caller's unit. */
  async function apply(kindName: ImportKind, kind: KindDef<S>, rows: RowInput[], map: ReturnType<typeof mapColumns>, header: string[], ctx: CallContext) {
    const existing = await kind.load(s, s.deps.clock());
    const seen = new Map<string, number>();
    const errors: ImportRowError[] = [];
    let created = 0, unchanged = 0, failed = 0;
    const fail = (list: ImportRowError[]) => {
      failed += 1;
      for (const e of list) if (errors.length < MAX_ERRORS) errors.push(e);
    };
    for (const row of rows) {
      if (!row.input) { fail(row.errors); continue; }
      const values = { ...row.input };
      const roomError = kindName === 'stays' ? resolveRoom(row.line, values, existing, columnOf(kind, map, header, 'room')) : undefined;
      if (roomError) { fail([roomError]); continue; }
      const checked = checkInput(kind, map, header, row.line, values, (path) => (path === 'roomId' ? 'room' : path === 'workingHours' ? 'hoursMon' : path));
      if (!checked.input) { fail(checked.errors); continue; }
      const key = kind.keyOf(checked.input);
      if (existing.keys.has(key)) { unchanged += 1; continue; }
      const first = seen.get(key);
      if (first !== undefined && !kind.serviceRefusesRepeat) {
        fail([rowError(row.line, null, 'imports.duplicateRow', `Row ${row.line} repeats row ${first}`, { first })]);
        continue;
      }
      seen.set(key, row.line);
      try {
        await db.unit(() => kind.save(s, checked.input as never, ctx));
        created += 1;
      } catch (e) {
        if (!isAppError(e)) throw e;
        fail([rowError(row.line, null, e.reason ?? `error.${e.code}`, `Row ${row.line}: ${e.message}`, { ...(e.params ?? {}) })]);
      }
    }
    return { created, unchanged, failed, errors };
  }

  return {
    async kindInfo(kind) {
      const fields = kinds[kind].fields.map((f) => ({ field: f.field, required: f.required, headers: [...f.headers] }));
      return { kind, fields, savedMapping: await readImportMapping(db, kind) };
    },

    async run(input, options, ctx) {
      const kind = kinds[options.kind];
      const csv = await readCsv(input, options.limits ?? DEFAULT_CSV_LIMITS);
      const map = mapColumns(options.kind, kind.fields, csv.header, options.mapping ?? {}, await readImportMapping(db, options.kind));
      const rows: RowInput[] = [];
      for await (const { line, cells } of csv.rows) {
        if (options.signal?.aborted) throw new AppError('VALIDATION', 'The import was cancelled: nothing was written', { reason: 'imports.cancelled' });
        rows.push(readRow(kind, map, line, cells, csv.header));
        if (rows.length % 1000 === 0) options.onProgress?.({ phase: 'reading', rows: rows.length });
      }
      options.onProgress?.({ phase: 'checking', rows: rows.length });
      let outcome: Awaited<ReturnType<typeof apply>> | undefined;
      const commits = !options.dryRun;
      try {
        await db.unit(async () => {
          outcome = await apply(options.kind, kind, rows, map, csv.header, ctx);
          if (!commits || (options.mode === 'allOrNothing' && outcome.failed > 0)) throw new RollBack();
          await saveImportMapping(db, options.kind, map.mapping);
          await s.audit.record(ctx, { action: 'imports:run', entity: 'import', entityId: null, detail: { kind: options.kind, mode: options.mode, rows: rows.length, created: outcome.created, unchanged: outcome.unchanged, failed: outcome.failed } });
        });
      } catch (e) {
        if (!(e instanceof RollBack)) throw e;
      }
      const o = outcome!;
      const committed = commits && !(options.mode === 'allOrNothing' && o.failed > 0);
      if (commits && !committed) {
        await db.unit(() => s.audit.record(ctx, { action: 'imports:run', entity: 'import', entityId: null, detail: { kind: options.kind, mode: options.mode, rows: rows.length, failed: o.failed, committed: false } }));
      }
      return {
        kind: options.kind, dryRun: options.dryRun, mode: options.mode, committed,
        encoding: csv.encoding, delimiter: csv.delimiter, columns: csv.header, mapping: map.mapping,
        rows: rows.length, created: committed ? o.created : 0, unchanged: o.unchanged, failed: o.failed, errors: o.errors,
      };
    },
  };
}

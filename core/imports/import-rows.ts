/**
 * One row of an import, from its cells to the domain's service: cells read as their fields' types
 * (row-input.ts), a stay's room number turned into the room, the input checked by the domain's own
 * contract schema, its natural key looked up (stored already: unchanged), then saved by the domain's
 * service in a savepoint of the import's transaction, so the row sees every row before it (a second
 * row with the same room number, an overlapping stay, is refused by the desk's own rule).
 *
 * The tally keeps the counts and at most 10 000 errors; nothing else of a row is kept once it is
 * done, so a 100 000-row file never sits in memory as 100 000 objects.
 */
import type { ImportKind, ImportRowError } from '../../shared/contract/imports';
import { isAppError } from '../../shared/errors';
import type { AuditService } from '../auth/auth-types';
import type { CallContext, CoreDeps } from '../context';
import type { ColumnMap } from './column-mapping';
import type { Existing, KindDef } from './import-kind-def';
import { checkInput, readRow, rowError } from './row-input';

const MAX_ERRORS = 10_000;

/**
 * PostgreSQL: how often a row that lost a race (a desk booking the same room committed between the
 * row's check and its insert) is run again in a fresh savepoint; the retry sees the winner and the
 * row fails with the desk's own reason. SQLite: the import holds the one writer; never needed.
 */
const ROW_RETRIES = 8;

export interface ImportTally {
  rows: number;
  created: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
}

/** Stays name a room by number: the row's `room` → `roomId`, or the row's error. */
function resolveRoom(line: number, values: Record<string, unknown>, existing: Existing, column: string | null): ImportRowError | undefined {
  if (!('room' in values)) return undefined;
  const room = existing.rooms.get(values.room as number);
  if (!room) return rowError(line, column, 'imports.unknownRoom', `Row ${line}: there is no room ${String(values.room)}`, { room: values.room as number });
  delete values.room;
  values.roomId = room.id;
  return undefined;
}

/** Contract paths that are not the kind's fields, by the field whose column they came from. */
const fieldOfPath = (path: string) => (path === 'roomId' ? 'room' : path === 'workingHours' ? 'hoursMon' : path);

export interface RowImporter {
  readonly tally: ImportTally;
  /** Checks and saves one data row (inside the import's unit of work). */
  importRow(line: number, cells: string[]): Promise<void>;
}

/** What the import needs of the core: its deps and the audit log (the composition hands the whole core). */
export interface ImportCore {
  deps: CoreDeps;
  audit: Pick<AuditService, 'record'>;
}

export function createRowImporter<S extends ImportCore>(s: S, kindName: ImportKind, kind: KindDef<S>, map: ColumnMap, header: string[], existing: Existing, ctx: CallContext): RowImporter {
  const db = s.deps.db;
  // Only a kind whose service lets a repeat through needs the keys seen so far.
  const seen = kind.serviceRefusesRepeat ? undefined : new Map<string, number>();
  const roomIndex = map.index.get('room');
  const roomColumn = roomIndex === undefined ? null : header[roomIndex]!;
  const tally: ImportTally = { rows: 0, created: 0, unchanged: 0, failed: 0, errors: [] };
  const fail = (list: ImportRowError[]) => {
    tally.failed += 1;
    for (const e of list) if (tally.errors.length < MAX_ERRORS) tally.errors.push(e);
  };

  return {
    tally,
    async importRow(line, cells) {
      tally.rows += 1;
      const row = readRow(kind, map, line, cells, header);
      if (!row.input) return fail(row.errors);
      const roomError = kindName === 'stays' ? resolveRoom(line, row.input, existing, roomColumn) : undefined;
      if (roomError) return fail([roomError]);
      const checked = checkInput(kind, map, header, line, row.input, fieldOfPath);
      if (!checked.input) return fail(checked.errors);
      const key = kind.keyOf(checked.input);
      if (existing.keys.has(key)) {
        tally.unchanged += 1;
        return;
      }
      const first = seen?.get(key);
      if (first !== undefined) return fail([rowError(line, null, 'imports.duplicateRow', `Row ${line} repeats row ${first}`, { first })]);
      seen?.set(key, line);
      try {
        await db.unit(() => kind.save(s, checked.input as never, ctx), { retries: ROW_RETRIES });
        tally.created += 1;
      } catch (e) {
        if (!isAppError(e)) throw e;
        fail([rowError(line, null, e.reason ?? `error.${e.code}`, `Row ${line}: ${e.message}`, { ...(e.params ?? {}) })]);
      }
    },
  };
}

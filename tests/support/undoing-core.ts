/**
 * A real core whose writes can be undone: for the suites that send hundreds of requests and need
 * each one to meet the same hotel (the role matrix, the bad-input suite, the API document fuzzer).
 *
 * While `undo.on`, every OUTERMOST unit of work (a `db.write` of the dispatcher, a service's own
 * `db.unit`, a lone `db.run`/`db.insert`) runs exactly as it would, on the real engine and through
 * the real dispatcher (the group commit and its per-write savepoints on SQLite, a READ COMMITTED
 * transaction on PostgreSQL), and is then rolled back instead of committed: its function ran to the
 * end, `undo.probe` looked at what it would have committed, and a private error unwinds the unit.
 * Its caller gets the value as if it had committed; its `afterCommit` callbacks (live events) are
 * dropped with it. Units nested in an undone one are ordinary savepoints of it.
 *
 * This replaces the old `BEGIN … ROLLBACK` on the test's own SQLite connection, which could not
 * work on a pool of PostgreSQL connections and bypassed the group commit.
 *
 * One known difference from a committed write: in-memory state a service sets INSIDE its unit (not
 * in `afterCommit`) is not rolled back with it (the settings cache); a test that changes settings
 * restores them with `undo.on = false`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import type { CoreServices } from '../../core/composition/core-services';
import { IMPORT_KIND_DEFS } from '../../core/composition/import-kinds';
import { createCore } from '../../core/create-core';
import type { ImportJobs } from '../../core/imports/import-jobs';
import { createImportService } from '../../core/imports/import-service';
import { createEventBus } from '../../core/context';
import type { Database, SqlParams, UnitOptions } from '../../db/database';
import type { LiveEvent } from '../../shared/contract/events';
import { DEFAULT_NOW, type TestCore, type TestCoreOptions } from './test-core';
import { createTestDatabase } from './test-database';

export interface UndoSwitch {
  /** Undo every outermost unit (default false: writes commit, as while seeding a fixture). */
  on: boolean;
  /** Runs inside each undone unit, after its work and before its rollback (to see what it would have committed). */
  probe?: () => Promise<void>;
  /** Units undone so far. */
  undone: number;
  /**
   * Run the `afterCommit` callbacks of an undone unit anyway, as if it had committed (default
   * false: they are dropped with it). For a test of what a write publishes (its live events).
   */
  keepAfterCommit?: boolean;
}

class Undone {
  constructor(readonly value: unknown) {}
}

/** `db`, with its outermost units undone while `undo.on`. */
export function undoing(db: Database, undo: UndoSwitch): Database {
  /** Inside an undone unit: its afterCommit callbacks, kept when `undo.keepAfterCommit`. */
  const inside = new AsyncLocalStorage<(() => void)[]>();
  const undoable = <T>(run: (fn: () => Promise<T>) => Promise<T>, fn: () => Promise<T>): Promise<T> => {
    if (!undo.on || inside.getStore()) return run(fn);
    const kept: (() => void)[] = [];
    return run(() =>
      inside.run(kept, async () => {
        const value = await fn();
        await undo.probe?.();
        throw new Undone(value);
      }),
    ).then(
      () => {
        throw new Error('an undone unit committed');
      },
      (e: unknown) => {
        if (!(e instanceof Undone)) throw e;
        undo.undone += 1;
        for (const callback of kept) callback();
        return e.value as T;
      },
    );
  };
  return {
    dialect: db.dialect,
    version: db.version,
    location: db.location,
    exportSource: db.exportSource,
    sharedByServers: db.sharedByServers,
    get: (sql, ...params) => db.get(sql, ...params),
    all: (sql, ...params) => db.all(sql, ...params),
    tuples: (sql, ...params) => db.tuples(sql, ...params),
    run: (sql: string, ...params: SqlParams) => undoable((fn) => db.unit(fn), () => db.run(sql, ...params)),
    insert: (sql: string, ...params: SqlParams) => undoable((fn) => db.unit(fn), () => db.insert(sql, ...params)),
    send: (sql: string, ...params: SqlParams) => undoable((fn) => db.unit(fn), () => db.send(sql, ...params)),
    unit: <T>(fn: () => Promise<T>, options?: UnitOptions) => undoable((f) => db.unit(f, options), fn),
    write: <T>(fn: () => Promise<T>) => undoable((f) => db.write(f), fn),
    read: (fn) => db.read(fn),
    changeToken: (tables) => db.changeToken(tables),
    afterCommit: (fn, key) => {
      const kept = inside.getStore();
      if (kept && undo.keepAfterCommit) kept.push(fn);
      else db.afterCommit(fn, key);
    },
    inUnit: () => db.inUnit(),
    lendWriter: () => db.lendWriter(),
    migrationStatus: () => db.migrationStatus(),
    close: () => db.close(),
  };
}

/** The import center's runner without its worker thread: the same pipeline in the caller's units. */
function importsInProcess(services: CoreServices): ImportJobs {
  return {
    async run(input, { jobId: _jobId, ...options }, ctx) {
      // Read whole first: a unit that waited on the file would be refused (FRONTDESK_STRICT_UNITS).
      const csv = 'text' in input ? input.text : new Uint8Array(await readFile(input.file));
      return await createImportService(services, IMPORT_KIND_DEFS).run(csv, options, ctx);
    },
    cancel: () => false,
    close: async () => undefined,
  };
}

/** As createTestCore, on a database whose writes `undo` can undo. `t.db` is the database itself (never undone). */
export async function createUndoingTestCore(options: TestCoreOptions = {}): Promise<TestCore & { undo: UndoSwitch }> {
  const database = options.database ?? (await createTestDatabase());
  const db = await database.open();
  const undo: UndoSwitch = { on: false, undone: 0 };
  let nowMs = options.now ?? DEFAULT_NOW;
  const bus = createEventBus();
  const events: LiveEvent[] = [];
  bus.subscribe((e) => events.push(e));
  try {
    const core = await createCore(
      { db: undoing(db, undo), clock: () => nowMs, events: bus },
      { settings: { timeZone: options.timeZone ?? 'Europe/Copenhagen', ...options.settings } },
    );
    // An import's worker writes through a connection of its own, which no undo reaches: here imports
    // run in this core's own units instead, undone like every other write (the worker itself is
    // tested in tests/core/imports and tests/core/api).
    core.services.imports = importsInProcess(core.services);
    let closed = false;
    return {
      core,
      db,
      database,
      undo,
      events,
      clock: { now: () => nowMs, set: (ms) => (nowMs = ms), advance: (ms) => (nowMs += ms) },
      async close({ keep = false } = {}) {
        if (closed) return;
        closed = true;
        await db.close();
        if (!keep) await database.drop();
      },
    };
  } catch (e) {
    await db.close();
    if (!options.database) await database.drop();
    throw e;
  }
}

/**
 * A real core on a fresh database of this run's engine (tests/support/test-database.ts: a temp
 * SQLite file, or a new PostgreSQL database) with the real migrations, a fixed clock the test moves,
 * the hotel in Europe/Copenhagen, and every live event recorded. Close it in afterEach.
 */
import { createDispatcher } from '../../core/command-dispatcher';
import { createCore, type Core } from '../../core/create-core';
import { createEventBus, type CallContext, type Handlers } from '../../core/context';
import type { Database } from '../../db/database';
import type { LiveEvent } from '../../shared/contract/events';
import type { Settings } from '../../shared/contract/settings';
import { createTestDatabase, type TestDatabase } from './test-database';

/** 2026-05-01T10:00:00+02:00, a Friday morning at the desk. */
export const DEFAULT_NOW = Date.parse('2026-05-01T08:00:00Z');

export interface TestClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export interface TestCore {
  core: Core;
  db: Database;
  /** The database itself (its engine config; on SQLite its file), to reopen it as a restart would. */
  database: TestDatabase;
  clock: TestClock;
  /** Every live event published so far, in order. */
  events: LiveEvent[];
  /** Closes the database and drops it (unless `keep`: a restart reopens it). */
  close(options?: { keep?: boolean }): Promise<void>;
}

export interface TestCoreOptions {
  now?: number;
  timeZone?: string;
  settings?: Partial<Settings>;
  /** Reopen an existing database (a restart) instead of a fresh one. */
  database?: TestDatabase;
}

export const deskCtx: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'internal' };
export const adminCtx: CallContext = { actor: { userId: null, username: 'admin', role: 'admin' }, via: 'internal' };

export async function createTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const database = options.database ?? (await createTestDatabase());
  const db = await database.open();
  let nowMs = options.now ?? DEFAULT_NOW;
  const clock: TestClock = { now: () => nowMs, set: (ms) => (nowMs = ms), advance: (ms) => (nowMs += ms) };
  const bus = createEventBus();
  const events: LiveEvent[] = [];
  bus.subscribe((e) => events.push(e));
  let core: Core;
  try {
    core = await createCore(
      { db, clock: () => nowMs, events: bus },
      { settings: { timeZone: options.timeZone ?? 'Europe/Copenhagen', ...options.settings } },
    );
  } catch (e) {
    await db.close();
    if (!options.database) await database.drop();
    throw e;
  }
  let closed = false;
  return {
    core,
    db,
    database,
    clock,
    events,
    async close({ keep = false } = {}) {
      if (closed) return;
      closed = true;
      await db.close();
      if (!keep) await database.drop();
    },
  };
}

/** The core with some handlers replaced, in its handler map and in `call`. */
export function withHandlers(core: Core, overrides: Partial<Handlers>): Core {
  const handlers = { ...core.handlers, ...overrides } as Handlers;
  return { ...core, handlers, call: createDispatcher({ handlers, guard: core.guard, commitDeps: core.deps }) };
}

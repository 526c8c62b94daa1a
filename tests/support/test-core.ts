/**
 * A real core on a fresh temp-file database with the real migrations, a fixed clock the test moves,
 * the hotel in Europe/Copenhagen, and every live event recorded. Close it in afterEach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../core/command-dispatcher';
import { createCore, type Core } from '../../core/create-core';
import { createEventBus, type CallContext, type Handlers } from '../../core/context';
import type { WriteBatcher } from '../../core/write-batcher';
import { openDatabase, type Sqlite } from '../../db/open-database';
import type { LiveEvent } from '../../shared/contract/events';
import type { Settings } from '../../shared/contract/schemas';

/** 2026-05-01T10:00:00+02:00, a Friday morning at the desk. */
export const DEFAULT_NOW = Date.parse('2026-05-01T08:00:00Z');

export interface TestClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export interface TestCore {
  core: Core;
  sqlite: Sqlite;
  dbFile: string;
  clock: TestClock;
  /** Every live event published so far, in order. */
  events: LiveEvent[];
  close(): void;
}

export interface TestCoreOptions {
  now?: number;
  timeZone?: string;
  settings?: Partial<Settings>;
  /** Reopen an existing file (a restart) instead of a fresh one. */
  dbFile?: string;
}

export const deskCtx: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'internal' };
export const adminCtx: CallContext = { actor: { userId: null, username: 'admin', role: 'admin' }, via: 'internal' };

export function createTestCore(options: TestCoreOptions = {}): TestCore {
  const dir = options.dbFile ? undefined : mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  const dbFile = options.dbFile ?? join(dir!, 'frontdesk.db');
  const { sqlite } = openDatabase({ file: dbFile });
  let nowMs = options.now ?? DEFAULT_NOW;
  const clock: TestClock = { now: () => nowMs, set: (ms) => (nowMs = ms), advance: (ms) => (nowMs += ms) };
  const bus = createEventBus();
  const events: LiveEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const core = createCore(
    { sqlite, clock: () => nowMs, events: bus },
    { settings: { timeZone: options.timeZone ?? 'Europe/Copenhagen', ...options.settings } },
  );
  return {
    core,
    sqlite,
    dbFile,
    clock,
    events,
    close() {
      if (sqlite.open) sqlite.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs each write at once, in the caller's turn, with no transaction of its own around it: for tests
 * with no database, and for a server whose test wraps every request in a transaction it rolls back
 * (the real batcher refuses to run inside an open transaction). Group commit itself is tested in
 * tests/core/write-batcher.test.ts.
 */
export const inlineWrites: WriteBatcher = { run: async (fn) => fn() };

/** The core with some handlers replaced, in its handler map and in `call` (same write batcher). */
export function withHandlers(core: Core, overrides: Partial<Handlers>): Core {
  const handlers = { ...core.handlers, ...overrides } as Handlers;
  return { ...core, handlers, call: createDispatcher({ handlers, writes: core.writes, guard: core.guard, commitDeps: core.deps }) };
}

/**
 * Signal's rule, for both engines' migrations: every migration has its own test, named after it and
 * its engine, beside this file (`0004_cars.sqlite.test.ts` for db/migrations/sqlite/0004_cars.sql,
 * `0001_postgres_invariants.postgres.test.ts` for db/migrations/postgres/…), run by that engine's
 * test project only.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../../db/database';
import { defaultMigrationsDir } from '../../../db/open-database';
import { journal } from './migration-steps';

const ENGINES: Dialect[] = ['sqlite', 'postgres'];

describe.each(ENGINES)('the %s migrations', (engine) => {
  it(`each have a test file tests/db/migrations/<tag>.${engine}.test.ts`, () => {
    const tags = journal(engine).map((e) => e.tag);
    expect(tags.length).toBeGreaterThanOrEqual(2);
    const missing = tags.filter((tag) => !existsSync(fileURLToPath(new URL(`./${tag}.${engine}.test.ts`, import.meta.url))));
    expect(missing).toEqual([]);
  });

  it('are numbered 0000, 0001, … in journal order, and the folder holds no SQL the journal does not list', () => {
    const tags = journal(engine).map((e) => e.tag);
    expect(tags.map((tag) => tag.slice(0, 4))).toEqual(tags.map((_, i) => String(i).padStart(4, '0')));
    const files = readdirSync(join(defaultMigrationsDir(), engine)).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(tags.map((tag) => `${tag}.sql`).sort());
  });
});

describe('the migration tests', () => {
  it('each test a migration that exists (no test left behind by a renamed or removed one)', () => {
    const known = new Set(ENGINES.flatMap((engine) => journal(engine).map((e) => `${e.tag}.${engine}.test.ts`)));
    const tests = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => /^\d{4}_.*\.test\.ts$/.test(f));
    expect(tests.filter((f) => !known.has(f))).toEqual([]);
  });
});

/**
 * A newcomer finds a file's tests where the file is (issue 19 §7): `tests/<path>/<name>.test.ts` tests
 * `<path>/<name>.ts` (`tests/renderer/…` tests `renderer/src/…`); a second file of tests of the same
 * source names its aspect, `<name>.<aspect>.test.ts` (`stays-service.race.test.ts`); the engine and
 * `slow` infixes (vitest.config.ts) come last. A migration's test names its migration
 * (`tests/db/migrations/<tag>.<engine>.test.ts` for `db/migrations/<engine>/<tag>.sql`). Four folders
 * do not mirror, on purpose (ARCHITECTURE.md): integration, e2e, lint and support.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const UNMIRRORED = ['integration', 'e2e', 'lint', 'support'];
const ENGINE_AND_GROUP = /(\.(sqlite|postgres))?(\.slow)?\.test\.ts$/;

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) testFiles(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(ROOT, path));
  }
  return out;
}

/** The source a test file names, or undefined when it names none that exists. */
export function sourceOf(test: string, exists: (path: string) => boolean): string | undefined {
  const inTests = test.replace(/^tests\//, '');
  const migration = /^db\/migrations\/(\d{4}_\w+)\.(sqlite|postgres)\.test\.ts$/.exec(inTests);
  if (migration) return [`db/migrations/${migration[2]}/${migration[1]}.sql`].find(exists);
  if (inTests === 'db/migrations/every-migration-tested.test.ts') return 'db/migrations';
  const stem = inTests.replace(ENGINE_AND_GROUP, '');
  const dir = stem.includes('/') ? stem.slice(0, stem.lastIndexOf('/')) : '';
  const name = stem.slice(stem.lastIndexOf('/') + 1).split('.')[0]!;
  const base = (dir.startsWith('renderer') ? dir.replace(/^renderer/, 'renderer/src') : dir) + `/${name}`;
  return ['.ts', '.tsx', '.mjs'].map((ext) => base + ext).find(exists);
}

describe('the test tree mirrors the source tree', () => {
  it('reads a test file name as its source and aspect', () => {
    const exists = (p: string) => ['core/stays/stays-service.ts', 'renderer/src/board/board-store.ts', 'db/migrations/sqlite/0004_cars.sql'].includes(p);
    expect(sourceOf('tests/core/stays/stays-service.test.ts', exists)).toBe('core/stays/stays-service.ts');
    expect(sourceOf('tests/core/stays/stays-service.race.postgres.test.ts', exists)).toBe('core/stays/stays-service.ts');
    expect(sourceOf('tests/renderer/board/board-store.test.ts', exists)).toBe('renderer/src/board/board-store.ts');
    expect(sourceOf('tests/db/migrations/0004_cars.sqlite.test.ts', exists)).toBe('db/migrations/sqlite/0004_cars.sql');
    expect(sourceOf('tests/core/stays/stay-rules.test.ts', exists)).toBeUndefined();
  });

  it('every test file outside integration, e2e, lint and support names a source file', () => {
    const tests = readdirSync(join(ROOT, 'tests'))
      .filter((d) => statSync(join(ROOT, 'tests', d)).isDirectory() && !UNMIRRORED.includes(d))
      .flatMap((d) => testFiles(join(ROOT, 'tests', d)));
    expect(tests.length).toBeGreaterThan(150);
    const exists = (p: string) => existsSync(join(ROOT, p));
    expect(tests.filter((t) => sourceOf(t, exists) === undefined)).toEqual([]);
  });
});

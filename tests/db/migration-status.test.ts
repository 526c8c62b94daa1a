/**
 * `migrationStatus()` on either engine (what `GET /health/ready` asks): current right after the
 * open; not current once the newest migration's row is gone (a database restored from an older
 * backup under a running server); current again with a row newer than this release's newest (a newer
 * release migrated it: ours are all in).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { journal } from './migrations/migration-steps';
import { openTestDatabase, testEngine } from '../support/test-database';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe(`migrationStatus (${testEngine})`, () => {
  it('is current after the open, behind without the newest migration, current with a newer one', async () => {
    const t = await openTestDatabase();
    close = t.close;
    const entries = journal(testEngine);
    const latest = entries[entries.length - 1]!.tag;
    expect(await t.db.migrationStatus()).toEqual({ applied: entries.length, expected: entries.length, latest, current: true });

    const table = t.db.dialect === 'sqlite' ? '__drizzle_migrations' : 'drizzle.__drizzle_migrations';
    const newest = (await t.db.get<{ at: number }>(`SELECT max(created_at) AS at FROM ${table}`))!.at;
    await t.db.run(`DELETE FROM ${table} WHERE created_at = ?`, newest);
    expect(await t.db.migrationStatus()).toEqual({ applied: entries.length - 1, expected: entries.length, latest, current: false });

    await t.db.run(`INSERT INTO ${table} (hash, created_at) VALUES ('from-a-newer-release', ?)`, Number(newest) + 1000);
    expect(await t.db.migrationStatus()).toMatchObject({ applied: entries.length, current: true });
  });
});

/**
 * 0012: the desk's search index no longer merges its segments by itself (FTS5's `automerge` off, in the
 * index's own config table); the engine's flush before each COMMIT ends with a bounded `'merge'` step
 * (db/queries/stay-search-index.ts). What that buys: no level of the index ever comes near the sixteen
 * segments at which FTS5 merges a whole level at once inside one COMMIT (130-160 ms of the host's event
 * loop on a 1 000 000-stay hotel, docs/benchmarks.md, benchmark 4). Here, on the raw connection, the
 * statements are run by hand where the engine runs them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAY_SEARCH_FLUSH_SQL } from '../../../db/queries/stay-search-index';
import { fts5SegmentsPerLevel } from '../../support/fts5-structure';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0012_stay_search_merge');
});
afterEach(() => step.dispose());

type Db = MigrationStep['before'];
const automerge = (db: Db) => db.prepare(`SELECT v FROM stay_search_config WHERE k = 'automerge'`).pluck().get();
const found = (db: Db, match: string) => (db.prepare('SELECT rowid FROM stay_search WHERE stay_search MATCH ? ORDER BY rowid').pluck().all(match) as number[]);

/** `count` transactions of one stay each, indexed before each COMMIT by `flush`; the most segments any level held after one. */
function bookOneByOne(db: Db, count: number, flush: readonly string[]): number {
  db.pragma('synchronous = OFF'); // a test's thousands of COMMITs need no fsync
  db.prepare(`INSERT INTO guest_rooms (id, number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 101, 'Standard', 2, 100, 1, 0, 0)`).run();
  const add = db.prepare(
    `INSERT INTO stays (id, room_id, category, guest_name, guest_email, guest_phone, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
     VALUES (?, 1, 'Standard', ?, ?, ?, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', ?, ?, 2, 'cancelled', 100, 'desk', 0, 0)`,
  );
  const statements = flush.map((sql) => db.prepare(sql));
  let most = 0;
  for (let id = 1; id <= count; id++) {
    db.exec('BEGIN IMMEDIATE');
    add.run(id, `Gæst ${id} Hansen`, `gaest${id}@example.dk`, `+45 ${20_000_000 + id}`, id, id + 1);
    for (const s of statements) s.run();
    db.exec('COMMIT');
    most = Math.max(most, ...fts5SegmentsPerLevel(db, 'stay_search'));
  }
  return most;
}

describe('migration 0012_stay_search_merge', () => {
  it("turns the search index's own merging off, in the index's config (every connection reads it)", () => {
    expect(automerge(step.before)).toBeUndefined(); // FTS5's default: 4
    const db = step.migrate();
    expect(automerge(db)).toBe(0);
  });

  it('keeps every level of the index at four segments or fewer over 3 000 single-stay COMMITs, and finds every stay', () => {
    const db = step.migrate();
    expect(bookOneByOne(db, 3000, STAY_SEARCH_FLUSH_SQL)).toBeLessThanOrEqual(4);
    expect(found(db, '"20000123"')).toEqual([123]);
    expect(found(db, '"gæst 2999 hansen"')).toEqual([2999]);
    expect(found(db, '"hansen"')).toHaveLength(3000);
  });

  it('without the bounded step (the flush as it was), a level fills to fifteen and the sixteenth is merged all at once', () => {
    const db = step.migrate();
    const withoutMerge = STAY_SEARCH_FLUSH_SQL.filter((sql) => !sql.includes("'merge'"));
    expect(withoutMerge).toHaveLength(STAY_SEARCH_FLUSH_SQL.length - 1);
    expect(bookOneByOne(db, 3000, withoutMerge)).toBe(15);
  });
});

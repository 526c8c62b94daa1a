/**
 * The free-timeslots query (`serviceRooms:freeTimeslots`, a hot read: the booking dialog asks it for
 * every day shown) binds its values as `+@name`: under SQLITE_ENABLE_STAT4, once ANALYZE has run, a
 * bare `t.local_date = @date` against an indexed column made SQLite re-prepare the statement on every
 * call (db/queries/like-pattern.ts; benchmark 8: 110 µs → 41 µs of CPU a call, the raw SELECT 37 µs).
 * The re-prepare itself is not visible through better-sqlite3, so this checks the SQL the query sends,
 * and that with `+` SQLite still reads the room's day by `timeslots_room_date_idx` after ANALYZE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, SqlParams } from '../../../db/database';
import { freeTimeslotRows } from '../../../db/queries/service-room-queries';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeAll(async () => (t = await createTestCore()));
afterAll(async () => await t.close());

/** The SQL and values a query function sends, answered by the real database. */
function recording(db: Db): { db: Db; sent: { sql: string; params: SqlParams }[] } {
  const sent: { sql: string; params: SqlParams }[] = [];
  const spy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (sql: string, ...params: SqlParams) => {
        sent.push({ sql, params });
        return (value as (sql: string, ...p: SqlParams) => unknown).call(target, sql, ...params);
      };
    },
  });
  return { db: spy, sent };
}

describe('free timeslots on SQLite', () => {
  it('binds the room, the date and the time as +@ values, and still reads timeslots_room_date_idx after ANALYZE', async () => {
    const { db, sent } = recording(t.db);
    await freeTimeslotRows(db, 1, '2026-05-02', Date.parse('2026-05-01T08:00:00Z'), 1_800_000);
    expect(sent).toHaveLength(1);
    const where = sent[0]!.sql.replace(/\s+/g, ' ');
    expect(where).toContain('t.room_id = +@room');
    expect(where).toContain('t.local_date = +@date');
    expect(where).toContain('t.start_ms > +@now');

    await t.db.run('ANALYZE');
    const plan = ((await t.db.all(`EXPLAIN QUERY PLAN ${sent[0]!.sql}`, sent[0]!.params[0])) as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan).toMatch(/SEARCH t USING INDEX timeslots_room_date_idx \(room_id=\? AND local_date=\?/);
  });
});

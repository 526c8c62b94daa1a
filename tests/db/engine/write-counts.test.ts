/**
 * The table a write's SQL writes (db/engine/write-counts.ts), and what the counts rest on: that a
 * statement changes no table but its own, besides the search index its triggers keep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANY, createWriteCounts, writtenTable } from '../../../db/engine/write-counts';

const MIGRATIONS = join(__dirname, '../../../db/migrations/sqlite');
const migrations = () =>
  readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(join(MIGRATIONS, f), 'utf8'))
    .join('\n');

describe('writtenTable', () => {
  it.each([
    ['INSERT INTO stays (id) VALUES (?)', 'stays'],
    ['insert or ignore into outbox_sequences (aggregate, last_seq) VALUES (?, ?)', 'outbox_sequences'],
    ['  INSERT OR REPLACE INTO "settings" (key, value) VALUES (?, ?)', 'settings'],
    ['REPLACE INTO `settings` (key, value) VALUES (?, ?)', 'settings'],
    ['UPDATE stays SET status = ? WHERE id = ?', 'stays'],
    ['UPDATE OR ABORT guest_rooms SET active = 0', 'guest_rooms'],
    ['DELETE FROM room_blocks WHERE id = ?', 'room_blocks'],
    ["WITH v(k) AS (SELECT 'w') INSERT INTO settings SELECT k, 1 FROM v", ANY],
    ['SELECT 1', ANY],
  ])('%s → %s', (sql, table) => {
    expect(writtenTable(sql)).toBe(table);
  });
});

describe('createWriteCounts', () => {
  it('counts the writes of the tables asked for, and those of unknown table against every table', () => {
    const w = createWriteCounts();
    w.count('INSERT INTO stays (id) VALUES (1)');
    w.count('INSERT INTO stays (id) VALUES (1)');
    w.count('UPDATE outbox SET status = 1');
    expect([w.of(['stays']), w.of(['outbox']), w.of(['guest_rooms']), w.of(['stays', 'outbox'])]).toEqual([2, 1, 0, 3]);
    w.count('WITH x AS (SELECT 1) DELETE FROM stays');
    expect([w.of(['stays']), w.of(['guest_rooms'])]).toEqual([3, 1]);
  });
});

describe('what the counts rest on, in the SQLite migrations', () => {
  it('no foreign key cascades a change into another table', () => {
    expect(migrations()).not.toMatch(/ON\s+(DELETE|UPDATE)\s+(CASCADE|SET\s+NULL|SET\s+DEFAULT)/i);
  });

  it("triggers write only the search index (stay_search_*), or refuse", () => {
    const bodies = [...migrations().matchAll(/CREATE TRIGGER[\s\S]*?\bBEGIN\b([\s\S]*?)\bEND\b/gi)].map((m) => m[1]!);
    expect(bodies.length).toBeGreaterThan(5);
    // Each statement of a body as the engine reads a write's table; a SELECT RAISE(…) refuses and writes nothing.
    const written = bodies
      .flatMap((body) => body.split(';').map((statement) => statement.trim()))
      .filter((statement) => statement !== '' && !/^SELECT\b/i.test(statement))
      .map(writtenTable);
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((t) => !t.startsWith('stay_search'))).toEqual([]);
  });
});

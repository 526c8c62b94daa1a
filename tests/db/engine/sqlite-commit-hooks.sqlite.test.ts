/**
 * The SQLite engine's work before a COMMIT (db/engine/sqlite-commit-hooks.ts): the desk's search
 * index, brought up to date from the stays the triggers noted (migration 0011,
 * db/queries/stay-search-index.ts) in the transaction itself, so whoever sees a COMMIT of a stay —
 * another connection here — finds it in the index too, whether the stay came in a group commit's
 * batch, a unit of its own, a savepoint outside a transaction, or a write outside any unit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import type { Sqlite } from '../../../db/engine/sqlite-engine';
import { openReadConnection } from '../../../db/open-database';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let reader: Sqlite;
let room: number;
let execs: string[];

beforeEach(async () => {
  t = await createTestCore();
  room = (await t.core.handlers['rooms:create'](aRoom(), adminCtx)).id;
  reader = openReadConnection(t.database.file!);
  const sqlite = (t.db as Database & { sqlite: Sqlite }).sqlite;
  execs = [];
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (sql: string) => {
    execs.push(sql);
    return exec(sql);
  };
});

afterEach(async () => {
  reader.close();
  await t.close();
});

/** The stays another connection finds by `word`, from the committed index. */
const foundByOthers = (word: string) =>
  (reader.prepare('SELECT rowid AS id FROM stay_search WHERE stay_search MATCH ? ORDER BY rowid').all(`"${word}"`) as { id: number }[]).map((r) => r.id);
const notesLeft = () => (reader.prepare('SELECT count(*) AS n FROM stay_search_queue').get() as { n: number }).n;
const book = (guestName: string, checkin: string, checkout: string) => t.core.call('stays:create', aStay({ roomId: room, guestName, checkin, checkout }), deskCtx);

describe('the search index before each COMMIT', () => {
  it('indexes a batch’s stays in its transaction: found by another connection as soon as they are answered', async () => {
    const [a, b] = await Promise.all([book('Mette Hansen', '2026-05-01', '2026-05-03'), book('Jens Olsen', '2026-05-03', '2026-05-05')]);
    expect(execs.filter((s) => s === 'COMMIT')).toHaveLength(1);
    expect(foundByOthers('hansen')).toEqual([a.id]);
    expect(foundByOthers('olsen')).toEqual([b.id]);
    expect(notesLeft()).toBe(0);
  });

  it('leaves out a refused write’s stay: its note went back with its savepoint', async () => {
    const results = await Promise.allSettled([
      book('Mette Hansen', '2026-05-01', '2026-05-03'),
      // The same room over the same night: refused (409) in the same batch.
      book('Karen Holm', '2026-05-02', '2026-05-04'),
      t.db.write(async () => {
        await t.db.run(`UPDATE stays SET guest_name = 'Ida Dahl'`);
        throw new Error('refused after writing');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(foundByOthers('hansen')).toHaveLength(1);
    expect(foundByOthers('holm')).toEqual([]);
    expect(foundByOthers('dahl')).toEqual([]);
    expect(notesLeft()).toBe(0);
  });

  it('reindexes a changed name in a unit of its own', async () => {
    const { id } = await book('Mette Hansen', '2026-05-01', '2026-05-03');
    await t.db.unit(() => t.db.run(`UPDATE stays SET guest_name = 'Mette Jensen' WHERE id = ?`, id));
    expect(foundByOthers('hansen')).toEqual([]);
    expect(foundByOthers('jensen')).toEqual([id]);
    expect(notesLeft()).toBe(0);
  });

  it('indexes a stay written by a savepoint outside a transaction (a unit inside a read), and by a write outside any unit', async () => {
    const { id } = await book('Mette Hansen', '2026-05-01', '2026-05-03');
    await t.db.read(() => t.db.unit(() => t.db.run(`UPDATE stays SET guest_name = 'Ida Dahl' WHERE id = ?`, id)));
    expect(foundByOthers('dahl')).toEqual([id]);
    await t.db.run(`UPDATE stays SET guest_name = 'Ida Berg' WHERE id = ?`, id);
    expect(foundByOthers('dahl')).toEqual([]);
    expect(foundByOthers('berg')).toEqual([id]);
    expect(notesLeft()).toBe(0);
  });
});

/**
 * The export's reader (core/export/export-reader.ts) takes a chunk's lines as SQL joined them
 * (db/queries/exports/chunk-query.ts) when each is what `csvLine` writes, and reads a chunk as values
 * when one line is not: the bytes are the values' in every case. On this run's engine; the integer
 * guard against what SQLite alone can store is export-reader.sqlite.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDef } from '../../../core/composition/export-registry';
import type { CsvOptions, ExportEnv } from '../../../core/export/export-def';
import { EXPORT_CHUNK_ROWS, openExportReader } from '../../../core/export/export-reader';
import { readSmallExport } from '../../../core/export/small-export';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
const env: ExportEnv = { timeZone: 'Europe/Copenhagen', currency: 'DKK', locale: 'da' };

beforeEach(async () => {
  t = await createTestCore();
  await t.db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'Standard single room', 2, 100000, 1, 0, 0)`);
});
afterEach(async () => await t.close());

/** `count` cancelled stays of room 101, named `<name> <i>`, in one statement. */
async function insertStays(count: number, name: string): Promise<void> {
  await t.db.run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
     SELECT 1, 'Standard single room', ? || ' ' || i, 2, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1777644000000, 1777802400000, 2, 'cancelled', 200000, 'desk', 0, 0 FROM n`,
    name,
  );
}

/** An export read chunk by chunk: its rows' text and how each chunk was made. */
async function readAll(query: CsvOptions, id: 'stays' | 'deskStays' = 'stays'): Promise<{ text: string; via: string[] }> {
  const reader = await openExportReader(t.db.exportSource, exportDef(id), query, env);
  let text = '';
  const via: string[] = [];
  try {
    for (;;) {
      const chunk = await reader.next();
      if (chunk.rows === 0) return { text, via };
      text += chunk.text;
      via.push(chunk.via);
    }
  } finally {
    await reader.close();
  }
}

/** The same rows formatted from their values (the small export's path), without the header. */
async function fromValues(query: CsvOptions, id: 'stays' | 'deskStays' = 'stays'): Promise<string> {
  const small = await readSmallExport(t.db, exportDef(id), query, env);
  return small!.pieces.slice(1).join('');
}

describe("the stays export's reader", () => {
  it('takes the lines SQL joined, and reads the one chunk with a name that needs quoting as values: the same bytes', async () => {
    await insertStays(EXPORT_CHUNK_ROWS + 10, 'Mette Hansen');
    await insertStays(1, '=Hansen, "Mette"');
    await insertStays(EXPORT_CHUNK_ROWS * 2, 'Ole Jensen');
    const read = await readAll({});
    expect(read.via).toEqual(['lines', 'values', 'lines', 'lines']);
    expect(read.text).toBe(await fromValues({}));
    expect(read.text).toContain(`,"'=Hansen, ""Mette"" 1",`);
    expect(read.text.split('\r\n').filter(Boolean)).toHaveLength(EXPORT_CHUNK_ROWS * 3 + 11);
  });

  it("joins with the export's delimiter: a comma in a name is plain with ';'", async () => {
    await insertStays(3, 'Hansen, Mette');
    const read = await readAll({ delimiter: ';' });
    expect(read.via).toEqual(['lines']);
    expect(read.text).toBe(await fromValues({ delimiter: ';' }));
    expect(read.text.split('\r\n')[0]).toMatch(/^\d+;101;Standard single room;0;2026-05-01T14:00:00\+02:00;2026-05-03T12:00:00\+02:00;cancelled;Hansen, Mette 1;2;2;200000$/);
  });

  it('reads a chunk as values when a line has a cell too many, a space last or a formula start', async () => {
    for (const name of ['Hansen,Mette', 'Mette ', '+45 Mette', '@mette']) {
      await t.db.run('DELETE FROM stays');
      await insertStays(1, name.endsWith(' ') ? 'Mette' : name);
      if (name.endsWith(' ')) await t.db.run(`UPDATE stays SET guest_name = ?`, name);
      const read = await readAll({});
      expect(read.via, name).toEqual(['values']);
      expect(read.text, name).toBe(await fromValues({}));
    }
  });
});

describe("the desk's stays export's reader: SQL joins every cell but the price, which the core writes", () => {
  it.each([
    [',', '2000.00'],
    [';', '2000,00'],
  ] as const)("with '%s': the same bytes as from the values, the price as %s", async (delimiter, price) => {
    await insertStays(EXPORT_CHUNK_ROWS + 5, 'Mette Hansen');
    await insertStays(1, 'Hansen, "Mette"');
    const read = await readAll({ delimiter }, 'deskStays');
    expect(read.via).toEqual(['lines', 'values']);
    expect(read.text).toBe(await fromValues({ delimiter }, 'deskStays'));
    expect(read.text.split('\r\n')[0]).toBe(['1', '101', 'Standard single room', 'Annulleret', 'Mette Hansen 1', '2', '2026-05-01', '14:00', '2026-05-03', '12:00', '2', price].join(delimiter));
  });
});

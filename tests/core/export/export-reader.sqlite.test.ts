/**
 * SQLite keeps what an INTEGER column is given: a REAL price or a text guest count (written by hand
 * or by an old tool, never by the desk) would be written by SQL's `||` otherwise than by JS
 * (`0.1 + 0.2`: SQL `0.3`, JS `0.30000000000000004`). The line SQL writes an integer column only
 * when it holds an integer (db/queries/exports/chunk-query.ts), so such a row's chunk is read as values.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDef } from '../../../core/composition/export-registry';
import type { ExportEnv } from '../../../core/export/export-def';
import { openExportReader } from '../../../core/export/export-reader';
import { readSmallExport } from '../../../core/export/small-export';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
const env: ExportEnv = { timeZone: 'Europe/Copenhagen' };

beforeEach(async () => {
  t = await createTestCore();
  await t.db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'Standard single room', 2, 100000, 1, 0, 0)`);
  await t.db.run(
    `INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
     VALUES (1, 'Standard single room', 'Mette Hansen', 2, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1777644000000, 1777802400000, 2, 'booked', 200000, 'desk', 0, 0)`,
  );
});
afterEach(async () => await t.close());

async function exported(): Promise<{ text: string; via: string }> {
  const reader = await openExportReader(t.db.exportSource, exportDef('stays'), {}, env);
  try {
    const chunk = await reader.next();
    return { text: chunk.text, via: chunk.via };
  } finally {
    await reader.close();
  }
}

async function fromValues(): Promise<string> {
  return (await readSmallExport(t.db, exportDef('stays'), {}, env))!.pieces[1]!;
}

describe('the stays export on SQLite, with a value no integer in an integer column', () => {
  it('joins the line in SQL while every integer column holds an integer', async () => {
    expect(await exported()).toEqual({ text: await fromValues(), via: 'lines' });
  });

  it.each([
    ['a REAL price', 'price = 0.1 + 0.2', ',0.30000000000000004\r\n'],
    ['a price past 2^63', 'price = 1e21', ',1e+21\r\n'],
    ['a text guest count', "guests = 'two'", ',two,2,200000\r\n'],
  ])('%s: the chunk is read as values, as JS writes them', async (_what, set, tail) => {
    await t.db.run(`UPDATE stays SET ${set}`);
    const read = await exported();
    expect(read.via).toBe('values');
    expect(read.text).toBe(await fromValues());
    expect(read.text.endsWith(tail)).toBe(true);
  });
});

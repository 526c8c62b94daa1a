/**
 * The stays export (core/stays/stays-export.ts) through the export worker, from the TypeScript
 * sources, on this run's engine (the worker reads its own snapshot: db/read-connection.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport, writeCsvFile } from '../../../core/composition/csv-export';
import { EXPORT_CHUNK_ROWS } from '../../../core/export/export-reader';
import { STAY_CSV_COLUMNS, type StayCsvQuery } from '../../../core/stays/stays-export';
import type { Database, ExportSource } from '../../../db/database';
import { addDays, resolveTime } from '../../../shared/time';
import { openTestDatabase, type TestDatabase } from '../../support/test-database';

let db: Database;
let database: TestDatabase;
let closeDb: () => Promise<void>;
let source: ExportSource;
/** Stays inserted so far in this test: each one without dates of its own gets the next two nights. */
let inserted: number;

interface StayRow {
  roomId: number;
  guestName: string;
  category: string;
  checkin: string;
  checkout: string;
  status: string;
}

beforeEach(async () => {
  ({ db, database, close: closeDb } = await openTestDatabase());
  source = db.exportSource;
  inserted = 0;
  for (const [number, category] of [[101, 'Standard single room'], [102, 'Standard double room']] as const) {
    await db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (?, ?, 2, 100000, 1, 0, 0)`, number, category);
  }
});

afterEach(async () => await closeDb());

/** Two nights from 2026-05-01 + 2n days: the default stays never overlap (as a room's stays must not). */
function nthPeriod(n: number): { checkin: string; checkout: string } {
  const day = addDays('2026-05-01', 2 * n);
  return { checkin: resolveTime(day, 'Europe/Copenhagen', '14:00').iso, checkout: resolveTime(addDays(day, 2), 'Europe/Copenhagen', '12:00').iso };
}

const ROWS_PER_INSERT = 200;

async function insertStays(count: number, make: (i: number) => Partial<StayRow> = () => ({})): Promise<void> {
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const s: StayRow = { roomId: 1, guestName: `Guest ${i}`, category: 'Standard single room', status: 'booked', ...nthPeriod(inserted++), ...make(i) };
    rows.push([s.roomId, s.category, s.guestName, s.checkin, s.checkout, Date.parse(s.checkin), Date.parse(s.checkout), s.status]);
  }
  await db.unit(async () => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const part = rows.slice(i, i + ROWS_PER_INSERT);
      await db.run(
        `INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
         VALUES ${part.map(() => "(?, ?, ?, 2, ?, ?, ?, ?, 2, ?, 200000, 'desk', 0, 0)").join(', ')}`,
        ...part.flat(),
      );
    }
  });
}

async function csv(query: StayCsvQuery = {}): Promise<string> {
  let text = '';
  for await (const piece of streamCsvExport(source, 'stays', query)) text += piece;
  return text;
}

/** Where nothing can be read: a SQLite file that does not exist, a PostgreSQL database that does not. */
function missingSource(): ExportSource {
  if (source.dialect === 'sqlite') return { dialect: 'sqlite', file: join(database.dir, 'missing.db') };
  const url = new URL(source.url);
  url.pathname = '/frontdesk_missing';
  return { dialect: 'postgres', url: url.toString() };
}

const parse = (text: string, delimiter = ',') => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;

describe('the stays export', () => {
  it("starts with seed 000's columns, exactly named, then the desk's own", async () => {
    const text = await csv();
    expect(text).toBe('id,roomnumber,category,isbooking,checkin,checkout,status,guest_name,guests,nights,price\r\n');
    expect(STAY_CSV_COLUMNS.slice(0, 6)).toEqual(['id', 'roomnumber', 'category', 'isbooking', 'checkin', 'checkout']);
  });

  it('writes one line per stay with its room number, and isbooking 0 only for cancelled and no-show stays', async () => {
    await insertStays(1);
    await insertStays(1, () => ({ roomId: 2, category: 'Standard double room', status: 'cancelled' }));
    await insertStays(1, () => ({ status: 'no_show' }));
    await insertStays(1, () => ({ status: 'checked_out' }));
    const rows = parse(await csv()).slice(1);
    expect(rows[0]).toEqual(['1', '101', 'Standard single room', '1', '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 'booked', 'Guest 0', '2', '2', '200000']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2', '102', 'Standard double room', '0']);
    expect(rows.map((r) => r[3])).toEqual(['1', '0', '0', '1']);
  });

  it('uses ; as the delimiter when asked, and quotes a ; inside a cell', async () => {
    await insertStays(1, () => ({ guestName: 'Jensen; Anna' }));
    const text = await csv({ delimiter: ';' });
    expect(text.split('\r\n')[0]).toBe('id;roomnumber;category;isbooking;checkin;checkout;status;guest_name;guests;nights;price');
    expect(text).toContain(';"Jensen; Anna";');
    expect(parse(text, ';')[1]![7]).toBe('Jensen; Anna');
  });

  it('starts with a UTF-8 BOM only when asked', async () => {
    expect((await csv({ bom: true })).startsWith('\ufeffid,')).toBe(true);
    expect((await csv()).startsWith('id,')).toBe(true);
  });

  it('quotes commas, quotes and newlines so every cell reads back as written', async () => {
    const names = ['Hansen, Mette', 'Anna "Pip" Berg', 'Line one\nline two', 'Crlf\r\nhere', ' padded ', 'Ærø Ødegård'];
    await insertStays(names.length, (i) => ({ guestName: names[i]! }));
    const text = await csv();
    expect(text).toContain('"Anna ""Pip"" Berg"');
    expect(parse(text).slice(1).map((r) => r[7])).toEqual(names);
  });

  it('neutralises cells a spreadsheet would run as a formula with a leading quote', async () => {
    const names = ['=1+1', '+45 12 34 56 78', '-2', '@SUM(A1)', '\tTab', '\rCr', '=HYPERLINK("http://x")\nmore', 'Plain = fine'];
    await insertStays(names.length, (i) => ({ guestName: names[i]! }));
    await insertStays(1, () => ({ category: '=cmd|calc' }));
    const rows = parse(await csv()).slice(1);
    expect(rows.slice(0, names.length).map((r) => r[7])).toEqual([
      "'=1+1", "'+45 12 34 56 78", "'-2", "'@SUM(A1)", "'\tTab", "'\rCr", `'=HYPERLINK("http://x")\nmore`, 'Plain = fine',
    ]);
    expect(rows[names.length]![2]).toBe("'=cmd|calc");
  });

  it('filters by overlap with local dates [from, to), by status and by room', async () => {
    await insertStays(1, () => ({ checkin: '2026-04-28T14:00:00+02:00', checkout: '2026-05-01T12:00:00+02:00' })); // 1: leaves on the 1st
    await insertStays(1, () => ({ checkin: '2026-05-01T14:00:00+02:00', checkout: '2026-05-03T12:00:00+02:00' })); // 2
    await insertStays(1, () => ({ checkin: '2026-05-05T14:00:00+02:00', checkout: '2026-05-06T12:00:00+02:00', status: 'cancelled' })); // 3
    await insertStays(1, () => ({ roomId: 2, checkin: '2026-05-02T14:00:00+02:00', checkout: '2026-05-04T12:00:00+02:00' })); // 4
    const ids = async (q: StayCsvQuery) => parse(await csv(q)).slice(1).map((r) => Number(r[0]));

    expect(await ids({ from: '2026-05-01', to: '2026-05-05' })).toEqual([2, 4]);
    expect(await ids({ from: '2026-04-30' })).toEqual([1, 2, 3, 4]);
    expect(await ids({ to: '2026-05-01' })).toEqual([1]);
    expect(await ids({ status: 'cancelled' })).toEqual([3]);
    expect(await ids({ roomId: 2 })).toEqual([4]);
    expect(await ids({ roomId: 1, status: 'booked', from: '2026-05-02' })).toEqual([2]);
  });

  it('crosses chunk boundaries without losing or repeating a row (12 001 stays)', async () => {
    const total = 12_001;
    await insertStays(total);
    const pieces: string[] = [];
    for await (const piece of streamCsvExport(source, 'stays', {})) pieces.push(piece);
    expect(pieces.length).toBe(1 + Math.ceil(total / EXPORT_CHUNK_ROWS)); // the header, then the chunks
    const ids = parse(pieces.join('')).slice(1).map((r) => Number(r[0]));
    expect(ids).toHaveLength(total);
    expect(ids.every((id, i) => id === i + 1)).toBe(true);
  });

  it('reads one snapshot: a stay booked while the export runs is not half in it', async () => {
    await insertStays(EXPORT_CHUNK_ROWS + 10);
    const gen = streamCsvExport(source, 'stays', {});
    let text = (await gen.next()).value as string;
    text += (await gen.next()).value as string;
    await insertStays(5);
    for await (const piece of gen) text += piece;
    expect(parse(text).length - 1).toBe(EXPORT_CHUNK_ROWS + 10);
  });

  it('counts rows into progress', async () => {
    await insertStays(3);
    const progress = { rows: 0 };
    for await (const _ of streamCsvExport(source, 'stays', {}, undefined, progress));
    expect(progress.rows).toBe(3);
  });
});

describe('the stays export to a file', () => {
  it('writes the export to the chosen file and reports the row count, leaving no temp file', async () => {
    await insertStays(2500, (i) => ({ guestName: `Gäst, ${i}` }));
    const target = join(database.dir, 'stays-2026-05-01.csv');
    const result = await writeCsvFile(source, 'stays', { delimiter: ';', bom: true }, target);
    expect(result).toEqual({ rows: 2500 });
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('\ufeffid;roomnumber;')).toBe(true);
    expect(parse(text.slice(1), ';')).toHaveLength(2501);
    expect(readdirSync(database.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('refuses an empty or backwards date range before writing anything', async () => {
    const target = join(database.dir, 'out.csv');
    await expect(writeCsvFile(source, 'stays', { from: '2026-05-02', to: '2026-05-01' }, target)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it('leaves nothing under the chosen name when the export fails', async () => {
    const target = join(database.dir, 'out.csv');
    await expect(writeCsvFile(missingSource(), 'stays', {}, target)).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);
  });
});

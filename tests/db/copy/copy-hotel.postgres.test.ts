/**
 * `db:copy` moves the demo hotel from SQLite into PostgreSQL whole: every table with its ids, the
 * identity sequences after the highest id, counts and checksums verified, and a host on the copy
 * answers the seeds' routes exactly as a host on the original does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyHotel, type CopyProgress, type CopyReport } from '../../../db/copy/copy-hotel';
import { copyTables } from '../../../db/copy/copy-plan';
import { openReadConnection } from '../../../db/read-connection';
import { adminCtx, createTestCore } from '../../support/test-core';
import type { TestDatabase } from '../../support/test-database';
import { demoSource, emptyPostgres, hostOn, urlOf, withDb } from './copy-fixture';

let source: TestDatabase;
let target: TestDatabase;
let report: CopyReport;
const progress: CopyProgress[] = [];

beforeAll(async () => {
  source = await demoSource();
  target = await emptyPostgres();
  report = await copyHotel({ from: source.file!, to: urlOf(target), batchRows: 100, onProgress: (e) => progress.push(e) });
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

/** Every row of every table of the SQLite original, keyed by table, in key order. */
function sourceRows(): Map<string, unknown[]> {
  const sqlite = openReadConnection(source.file!);
  try {
    return new Map(copyTables().map((t) => [t.name, sqlite.prepare(`SELECT * FROM "${t.name}" ORDER BY "${t.key}"`).all()]));
  } finally {
    sqlite.close();
  }
}

/**
 * A read of every domain, at the test core's clock: the seeds' routes and the desk API's lists and
 * CSV exports. (The outbox list, the guest search, the appointments calendar and the stays and
 * appointments CSV exports still run SQLite-only SQL on the `pg` branch, whatever the data: their
 * areas' conversion, not the copy's.)
 */
const ROUTES = [
  '/bookings', '/bookings/export/csv', '/resources/', '/cars', '/api/v1/bookings/rooms',
  '/api/v1/rooms', '/api/v1/stays', '/api/v1/blocks?from=2026-04-01&to=2026-07-01',
  '/api/v1/providers', '/api/v1/rentals', '/api/v1/cars', '/api/v1/stock/resources', '/api/v1/stock/bookings', '/api/v1/audit',
  '/api/v1/users', '/api/v1/settings', '/api/v1/worklists', '/api/v1/admin/bookings',
  '/api/v1/exports/audit.csv', '/api/v1/exports/cars.csv', '/api/v1/exports/rentals.csv', '/api/v1/exports/stock-bookings.csv',
];

describe('db:copy of the demo hotel', () => {
  it('copies every table, each with rows, ids and values kept, the append-only ones included', async () => {
    const original = sourceRows();
    for (const [table, rows] of original) expect(rows.length, table).toBeGreaterThan(0);
    await withDb(target, async (db) => {
      for (const t of copyTables()) {
        const copied = await db.all(`SELECT * FROM "${t.name}" ORDER BY "${t.key}"`);
        expect(copied, t.name).toEqual(original.get(t.name));
      }
    });
    expect(report.tables.map((t) => t.table).sort()).toEqual([...original.keys()].sort());
    expect(report.rows).toBe([...original.values()].reduce((n, rows) => n + rows.length, 0));
  });

  it('reports each table verified with its count and SHA-256 checksum, and skips what only SQLite has by name, with a reason', () => {
    const verified = progress.filter((e) => e.kind === 'verified');
    expect(verified.map((e) => e.table)).toEqual(copyTables().map((t) => t.name));
    for (const e of verified) expect(e.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(report.tables.find((t) => t.table === 'stays')).toMatchObject({ rows: sourceRows().get('stays')!.length });
    const skipped = report.skipped.flatMap((s) => s.tables).sort();
    expect(skipped).toEqual(['__drizzle_migrations', 'sqlite_sequence', 'stay_search', 'stay_search_config', 'stay_search_content', 'stay_search_data', 'stay_search_docsize', 'stay_search_idx', 'stay_search_queue']);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(20);
  });

  it('reports a running count on a large table, batch by batch, then its rows', () => {
    const total = sourceRows().get('stays')!.length;
    const counts = progress.filter((e) => e.kind === 'rows' && e.table === 'stays').map((e) => (e.kind === 'rows' ? [e.done, e.total] : []));
    expect(counts).toEqual(Array.from({ length: Math.ceil(total / 100) }, (_, i) => [Math.min((i + 1) * 100, total), total]));
    expect(progress.find((e) => e.kind === 'copied' && e.table === 'stays')).toMatchObject({ rows: total });
  });

  it('sets every identity sequence after the highest id (before anything else writes): the next insert gets max + 1', async () => {
    const original = sourceRows();
    for (const table of copyTables().filter((x) => x.identity)) {
      const max = Math.max(...original.get(table.name)!.map((row) => (row as { id: number }).id));
      expect(report.tables.find((r) => r.table === table.name)!.nextId, table.name).toBe(BigInt(max) + 1n);
    }
    const t = await createTestCore({ database: target });
    try {
      for (const table of copyTables().filter((x) => x.identity)) {
        const max = Math.max(...original.get(table.name)!.map((row) => (row as { id: number }).id));
        const seq = await t.db.get<{ last: number }>(`SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')) AS last`, `"${table.name}"`);
        expect(seq!.last, table.name).toBe(max);
      }
      // Through the rooms service, undone afterwards (the copy must stay the original's twin for the routes).
      const { max } = (await t.db.get<{ max: number }>('SELECT max(id) AS max FROM guest_rooms'))!;
      let id = 0;
      const undo = new Error('undo');
      await expect(t.db.unit(async () => {
        id = (await t.core.handlers['rooms:create']({ number: 9901, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 9, housekeeping: 'clean' }, adminCtx)).id;
        throw undo;
      })).rejects.toBe(undo);
      expect(id).toBe(max + 1);
    } finally {
      await t.close({ keep: true });
    }
  });

  it('answers the reads of every domain on the copy byte for byte as on the original (seeds routes, desk API lists, CSV exports)', async () => {
    const original = await hostOn(source);
    const copy = await hostOn(target);
    try {
      for (const path of ROUTES) {
        const [a, b] = [await original.get(path), await copy.get(path)];
        expect([a.status, b.status], path).toEqual([200, 200]);
        const [textA, textB] = [await a.text(), await b.text()];
        expect(textA.length, path).toBeGreaterThan(100);
        expect(textB, path).toBe(textA);
      }
    } finally {
      await original.host.close();
      await copy.host.close();
    }
  });
});

/**
 * A small export is read and formatted on the host's own thread (core/export/small-export.ts): one
 * statement on the host's database handle, no worker started, and the same bytes as the worker
 * writes for it; one row more than the limit and the worker runs it, whole. On this run's engine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport, writeCsvFile, type ExportFrom } from '../../../core/composition/csv-export';
import { exportDef, type ExportQuery } from '../../../core/composition/export-registry';
import type { ExportEnv, ExportId } from '../../../core/export/export-def';
import { exportWorkerChannel } from '../../../core/export/export-thread';
import { readSmallExport, SMALL_EXPORT_ROWS } from '../../../core/export/small-export';
import type { CallContext } from '../../../core/context';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
const copenhagen: ExportEnv = { timeZone: 'Europe/Copenhagen' };
const eva: CallContext = { actor: { userId: null, username: 'eva', role: 'admin' }, via: 'http', address: '10.0.0.7' };

beforeEach(async () => {
  t = await createTestCore();
  await t.db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'Standard single room', 2, 100000, 1, 0, 0)`);
});
afterEach(async () => await t.close());

/** `count` cancelled stays of room 101 (any number fit its dates), named `<prefix> <i>`, in one statement. */
async function insertStays(count: number, prefix = 'Guest'): Promise<void> {
  await t.db.run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
     SELECT 1, 'Standard single room', ? || ' ' || i, 2, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1777644000000, 1777802400000, 2, 'cancelled', 200000, 'desk', 0, 0 FROM n`,
    prefix,
  );
}

/** The exports' workers started while `fn` runs (each is announced on the channel as it starts). */
async function workersStarted<T>(fn: () => Promise<T>): Promise<{ value: T; workers: number }> {
  let workers = 0;
  const onStart = () => workers++;
  exportWorkerChannel.subscribe(onStart);
  try {
    return { value: await fn(), workers };
  } finally {
    exportWorkerChannel.unsubscribe(onStart);
  }
}

async function text<I extends ExportId>(from: ExportFrom, id: I, query: ExportQuery<I>, env?: ExportEnv): Promise<string> {
  let out = '';
  for await (const piece of streamCsvExport(from, id, query, env)) out += piece;
  return out;
}

describe('a small export', () => {
  it('is read on the host thread without a worker, byte for byte what the worker writes', async () => {
    await insertStays(300, '=Formula; "quoted", name');
    const query = { delimiter: ';' as const, bom: true };
    const small = await workersStarted(() => text(t.db, 'stays', query));
    expect(small.workers).toBe(0);
    const worker = await workersStarted(() => text(t.db.exportSource, 'stays', query));
    expect(worker.workers).toBe(1);
    expect(small.value).toBe(worker.value);
    expect(small.value.startsWith('\ufeff')).toBe(true);
    expect(small.value.split('\r\n').filter(Boolean)).toHaveLength(301);
  });

  it("converts its columns' cells as the worker does (the audit log: times in the hotel's zone, formulas neutralised)", async () => {
    t.clock.set(Date.parse('2026-05-01T22:30:00Z'));
    await t.core.audit.record({ ...eva, actor: { userId: null, username: '=HYPERLINK("x")', role: 'staff' } }, { action: 'stays:create', entity: 'stays', detail: {} });
    const small = await workersStarted(() => text(t.db, 'audit', {}, copenhagen));
    expect(small.workers).toBe(0);
    expect(small.value).toBe(await text(t.db.exportSource, 'audit', {}, copenhagen));
    expect(small.value).toContain(`2026-05-02T00:30:00+02:00,"'=HYPERLINK(""x"")",staff`);
  });

  it('with no rows is its header alone', async () => {
    const small = await readSmallExport(t.db, exportDef('stays'), {}, copenhagen);
    expect(small).toEqual({ pieces: [await text(t.db.exportSource, 'stays', {})], rows: 0 });
  });

  it('is at most the limit: one row more and it is left to the worker', async () => {
    await insertStays(10);
    expect((await readSmallExport(t.db, exportDef('stays'), {}, copenhagen, 10))?.rows).toBe(10);
    expect(await readSmallExport(t.db, exportDef('stays'), {}, copenhagen, 9)).toBeUndefined();
  });

  it('is written to the desk file from the host, nothing left beside it', async () => {
    await insertStays(40);
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-small-export-'));
    try {
      const file = join(dir, 'stays.csv');
      const written = await workersStarted(() => writeCsvFile(t.db, 'stays', {}, file));
      expect(written).toEqual({ value: { rows: 40 }, workers: 0 });
      expect(readFileSync(file, 'utf8')).toBe(await text(t.db.exportSource, 'stays', {}));
      expect(existsSync(`${file}.part`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a report's CSV (several queries, one snapshot) always runs in the worker", async () => {
    expect(await readSmallExport(t.db, exportDef('roomsReport'), {}, copenhagen)).toBeUndefined();
  });
});

describe('an export of more than the limit', () => {
  it('runs in the worker, from its first row, whole', async () => {
    await insertStays(SMALL_EXPORT_ROWS + 1);
    const big = await workersStarted(() => text(t.db, 'stays', {}));
    expect(big.workers).toBe(1);
    const lines = big.value.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(SMALL_EXPORT_ROWS + 2);
    expect(lines[1]).toMatch(/^1,101,/);
    expect(lines.at(-1)).toMatch(new RegExp(`^${SMALL_EXPORT_ROWS + 1},`));
  });
});

/** The audit log's export (core/auth/audit-export.ts) through the export worker, on its own connection. */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport } from '../../../core/composition/csv-export';
import type { AuditCsvQuery } from '../../../core/auth/audit-export';
import type { CallContext } from '../../../core/context';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
const eva: CallContext = { actor: { userId: null, username: 'eva', role: 'admin' }, via: 'http', address: '10.0.0.7' };
const copenhagen = { timeZone: 'Europe/Copenhagen' };

beforeEach(async () => {
  t = await createTestCore();
  // 2026-05-01 23:30 and 2026-05-02 00:30 in Copenhagen (UTC+2): either side of a local midnight.
  t.clock.set(Date.parse('2026-05-01T21:30:00Z'));
  await t.core.audit.record(eva, { action: 'rooms:create', entity: 'rooms', entityId: 1, detail: { number: 101 } });
  t.clock.set(Date.parse('2026-05-01T22:30:00Z'));
  await t.core.audit.record({ ...eva, actor: { userId: null, username: '=HYPERLINK("x")', role: 'staff' } }, { action: 'stays:create', entity: 'stays', detail: {} });
});
afterEach(async () => await t.close());

async function rows(query: AuditCsvQuery): Promise<string[][]> {
  let text = '';
  for await (const piece of streamCsvExport(t.db.exportSource, 'audit', query, copenhagen)) text += piece;
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('the audit log export', () => {
  it('writes times in the hotel zone, empty cells for what is not known, and neutralises formulas', async () => {
    const [header, first, second] = await rows({});
    expect(header).toEqual(['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address']);
    expect(first).toEqual(['1', '2026-05-01T23:30:00+02:00', 'eva', 'admin', 'rooms:create', 'rooms', '1', '{"number":101}', 'http', '10.0.0.7']);
    expect(second![1]).toBe('2026-05-02T00:30:00+02:00');
    expect(second![2]).toBe(`'=HYPERLINK("x")`);
    expect(second![6]).toBe('');
  });

  it('filters by hotel-local dates (to inclusive), actor, action and entity', async () => {
    const ids = async (q: AuditCsvQuery) => (await rows(q)).slice(1).map((r) => Number(r[0]));
    expect(await ids({ from: '2026-05-02' })).toEqual([2]);
    expect(await ids({ to: '2026-05-01' })).toEqual([1]);
    expect(await ids({ from: '2026-05-01', to: '2026-05-02' })).toEqual([1, 2]);
    expect(await ids({ actor: 'eva' })).toEqual([1]);
    expect(await ids({ action: 'stays:create', entity: 'stays' })).toEqual([2]);
  });
});

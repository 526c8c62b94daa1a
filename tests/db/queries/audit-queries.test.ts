import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { insertAuditRow, listAuditRows, type AuditRow } from '../../../db/queries/audit-queries';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});
afterEach(() => close());

const row = (at: number, actor = 'eva', action = 'stays:create'): AuditRow => ({
  at, actorId: 3, actor, role: 'staff', action, entity: 'stays', entityId: String(at), detail: '{}', via: 'http', address: null,
});

describe('audit queries', () => {
  it('inserts rows and reads them back newest first', async () => {
    for (const at of [100, 200, 300]) await insertAuditRow(db, row(at));
    expect((await listAuditRows(db, {}, null, 10)).map((r) => r.at)).toEqual([300, 200, 100]);
    expect(await listAuditRows(db, {}, 3, 1)).toEqual([{ id: 2, ...row(200) }]);
  });

  it('filters on actor, action and a half-open at range', async () => {
    await insertAuditRow(db, row(100, 'eva', 'a'));
    await insertAuditRow(db, row(200, 'olaf', 'a'));
    await insertAuditRow(db, row(300, 'eva', 'b'));
    expect((await listAuditRows(db, { actor: 'eva' }, null, 10)).map((r) => r.at)).toEqual([300, 100]);
    expect((await listAuditRows(db, { actor: 'eva', action: 'a' }, null, 10)).map((r) => r.at)).toEqual([100]);
    expect((await listAuditRows(db, { fromMs: 200, toMs: 300 }, null, 10)).map((r) => r.at)).toEqual([200]);
  });

  it('is append-only: the triggers refuse UPDATE and DELETE, even of a single field', async () => {
    await insertAuditRow(db, row(100));
    await expect(db.run(`UPDATE audit_log SET actor = 'mallory'`)).rejects.toThrow('audit_log is append-only');
    await expect(db.run('UPDATE audit_log SET detail = ? WHERE id = 1', '{}')).rejects.toThrow('audit_log is append-only');
    await expect(db.run('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow('audit_log is append-only');
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow('audit_log is append-only');
    expect(await listAuditRows(db, {}, null, 10)).toEqual([{ id: 1, ...row(100) }]);
  });
});

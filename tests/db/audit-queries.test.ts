import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../db/open-database';
import { insertAuditRow, listAuditRows, type AuditRow } from '../../db/queries/audit-queries';

let dir: string;
let db: Sqlite;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-audit-'));
  db = (await openDatabase({ file: join(dir, 'frontdesk.db') })).sqlite;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

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
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'mallory'`).run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('UPDATE audit_log SET detail = ? WHERE id = 1').run('{}')).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(await listAuditRows(db, {}, null, 10)).toEqual([{ id: 1, ...row(100) }]);
  });
});

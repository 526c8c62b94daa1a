/** 0002: the audit log becomes append-only, and what it held before is kept as it was. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0002_audit_append_only');
});
afterEach(() => step.dispose());

const addEntry = (db: MigrationStep['before'], actor: string) =>
  db.prepare(`INSERT INTO audit_log (at, actor, role, action, entity, via) VALUES (1, ?, 'staff', 'a:b', 'a', 'http')`).run(actor);

describe('migration 0002_audit_append_only', () => {
  it('could still change a row before it, not after it; the rows written before are kept', () => {
    addEntry(step.before, 'eva');
    expect(step.before.prepare(`UPDATE audit_log SET actor = 'eva'`).run().changes).toBe(1);
    const db = step.migrate();
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'eva' }]);
  });

  it('still appends', () => {
    const db = step.migrate();
    addEntry(db, 'jens');
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });
});

/**
 * Makes every INSERT into a table fail with `message`, as a full disk or a broken table would, on
 * either engine: a trigger that raises. For tests that show a unit of work is all or nothing (a stay
 * is not stored when its outbox message cannot be written).
 */
import type { Database } from '../../db/database';

export async function failInsertsInto(db: Database, table: string, message: string): Promise<void> {
  const name = `${table}_fails_for_test`;
  if (db.dialect === 'sqlite') {
    await db.run(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    return;
  }
  await db.run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`);
  await db.run(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
}

/**
 * lockRecords (db/queries/record-locks.ts) on both engines: on PostgreSQL it takes a transaction's
 * advisory locks and says so, so a caller reads again under them what it read before (the timeslot's
 * seat count, core/appointments/appointment-kit.ts); on SQLite the unit already holds the one writer,
 * nothing is taken, and a row read earlier in the unit may be used as it is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { lockRecord, lockRecords } from '../../../db/queries/record-locks';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});

afterEach(() => close());

describe('lockRecords', () => {
  it('says whether it took a lock: on PostgreSQL yes, on SQLite, whose unit holds the writer, no', async () => {
    const taken = await db.unit(async () => [await lockRecord(db, 'timeslot', 7), await lockRecords(db, ['room', 2], ['car', 1])]);
    expect(taken).toEqual(db.dialect === 'postgres' ? [true, true] : [false, false]);
  });
});

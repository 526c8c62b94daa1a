/**
 * The process the crash test kills: the real core on the database file given as argv[2], booking
 * one-night stays as fast as it can and acknowledging each id on stdout only after its COMMIT
 * returned. Restarted on the same file, it carries on after the stays already there.
 *
 * stdout protocol, one line each: `pragmas {"journal_mode":"wal","synchronous":2,"node":"v24…"}`,
 * `ready`, then one stay id per committed booking. `writeSync` puts each line in the pipe before the
 * next booking starts, so an id the parent has read is an id the database has acknowledged.
 * Run with `node --import tsx tests/support/crash-child.ts <db file>`; nothing imports it.
 */
import { writeSync } from 'node:fs';
import { createEventBus, type CallContext } from '../../core/context';
import { createCore } from '../../core/create-core';
import type { Database } from '../../db/database';
import { openDatabase, type Sqlite } from '../../db/open-database';
import { getRoomByNumber } from '../../db/queries/room-queries';
import { addDays } from '../../shared/time';

const CRASH_ROOMS = 10;
/** A safety net: a child whose parent died without killing it stops by itself. */
const GIVE_UP_AFTER_MS = 60_000;
/** Ahead of the real clock the child runs on (a stay in the past is refused). */
const FIRST_NIGHT = '2030-06-01';
const ctx: CallContext = { actor: { userId: null, username: 'crash-child', role: 'staff' }, via: 'internal' };

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * Writes the whole line before returning. The pipe to the parent is non-blocking, so when the parent
 * reads slowly (a loaded machine) writeSync throws EAGAIN: wait a millisecond and write the rest.
 */
const say = (line: string) => {
  const bytes = Buffer.from(`${line}\n`);
  for (let written = 0; written < bytes.length; ) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
};

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child.ts <db file>');
const db = await openDatabase({ engine: 'sqlite', file });
const sqlite = (db as Database & { sqlite: Sqlite }).sqlite;
say(`pragmas ${JSON.stringify({
  journal_mode: sqlite.pragma('journal_mode', { simple: true }),
  synchronous: sqlite.pragma('synchronous', { simple: true }),
  node: process.version,
})}`);

// No billing URL: the messages stay pending in the outbox, where the parent looks for them.
const core = await createCore({ db, clock: Date.now, events: createEventBus() }, { settings: { timeZone: 'Europe/Copenhagen', billingServiceUrl: '' } });
const roomIds: number[] = [];
for (let i = 0; i < CRASH_ROOMS; i++) {
  const number = 101 + i;
  const room = (await getRoomByNumber(db, number)) ??
    (await core.handlers['rooms:create']({ number, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1, housekeeping: 'clean' }, ctx));
  roomIds.push(room.id);
}

// Booking n takes room n mod 10 on night ⌊n / 10⌋: never a conflict, whatever the restarts.
let n = (await db.get<{ n: number }>('SELECT count(*) AS n FROM stays'))!.n;
say('ready');
const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
while (Date.now() < giveUpAt) {
  const night = addDays(FIRST_NIGHT, Math.floor(n / CRASH_ROOMS));
  const stay = await core.call(
    'stays:create',
    { roomId: roomIds[n % CRASH_ROOMS]!, checkin: night, checkout: addDays(night, 1), guestName: `Guest ${n}`, guests: 1 },
    ctx,
  );
  say(String(stay.id));
  n++;
}
await db.close();
process.exit(3);

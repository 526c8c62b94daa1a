/**
 * A second writer for race tests: its own connection(s) and core on the same database (the SQLite
 * file, or the same PostgreSQL database), booking the periods it is given as fast as it can once the
 * starting signal arrives. Reports which attempts won.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEventBus } from '../../core/context';
import { createCore } from '../../core/create-core';
import { openDatabase, type DatabaseConfig } from '../../db/open-database';
import { isAppError } from '../../shared/errors';

interface RaceJob {
  config: DatabaseConfig;
  roomId: number;
  periods: { checkin: string; checkout: string }[];
  start: Int32Array;
}

const job = workerData as RaceJob;
const db = await openDatabase(job.config);
const core = await createCore({ db, clock: () => Date.now(), events: createEventBus() });
const ctx = { actor: { userId: null, username: `worker-${process.pid}`, role: 'staff' as const }, via: 'internal' as const };

parentPort!.postMessage({ ready: true });
Atomics.wait(job.start, 0, 0);
const results: { won: boolean; id?: number; code?: string }[] = [];
for (const p of job.periods) {
  try {
    const stay = await core.call('stays:create', { roomId: job.roomId, guestName: 'Racer', guests: 1, ...p }, ctx);
    results.push({ won: true, id: stay.id });
  } catch (e) {
    results.push({ won: false, code: isAppError(e) ? e.code : String(e) });
  }
}
await db.close();
parentPort!.postMessage({ results });

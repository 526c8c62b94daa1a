/**
 * A second writer for race tests: its own connection and core on the same file, booking the periods
 * it is given as fast as it can once the starting signal arrives. Reports which attempts won.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../core/create-core';
import { createEventBus } from '../../core/context';
import { openDatabase } from '../../db/open-database';
import { isAppError } from '../../shared/errors';

interface RaceJob {
  dbFile: string;
  roomId: number;
  periods: { checkin: string; checkout: string }[];
  start: Int32Array;
}

const job = workerData as RaceJob;
const { sqlite } = openDatabase({ file: job.dbFile });
const core = createCore({ sqlite, clock: () => Date.now(), events: createEventBus() });
const ctx = { actor: { userId: null, username: `worker-${process.pid}`, role: 'staff' as const }, via: 'internal' as const };

parentPort!.postMessage({ ready: true });
Atomics.wait(job.start, 0, 0);
const results = job.periods.map((p) => {
  try {
    return { won: true, id: core.handlers['stays:create']({ roomId: job.roomId, guestName: 'Racer', guests: 1, ...p }, ctx).id };
  } catch (e) {
    return { won: false, code: isAppError(e) ? e.code : String(e) };
  }
});
sqlite.close();
parentPort!.postMessage({ results });

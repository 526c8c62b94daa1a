/**
 * The downtime pack as a background job (core/jobs; docs/printing.md): on one server at a time
 * (`once`: on several servers sharing a database only the leader writes), a pack when the job starts,
 * then every `downtimePackMinutes` (read again each round, so a changed setting applies from the next
 * pack), and a last one when the job stops (the host's shutdown). Without a data folder it does nothing.
 */
import type { JobDef, RunningJob } from '../jobs/job-types';
import { writeDowntimePack, type PackCore } from './downtime-pack';

const MINUTE_MS = 60_000;

/** The timer the rounds wait on (tests pass one they fire by hand). */
export interface PackTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: PackTimer = {
  set(run, ms) {
    const handle = setTimeout(run, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function startDowntimePacks(core: PackCore, dataDir: string, onError: (error: unknown) => void, timer: PackTimer = realTimer): RunningJob {
  let round: Promise<unknown> = Promise.resolve();
  let handle: unknown;
  let stopped = false;
  const write = () => {
    round = round.then(() => writeDowntimePack(core, dataDir)).catch(onError);
    return round;
  };
  const schedule = () => {
    handle = timer.set(() => {
      void write().then(() => {
        if (!stopped) schedule();
      });
    }, core.settings.get().downtimePackMinutes * MINUTE_MS);
  };
  void write();
  schedule();
  return {
    async stop() {
      stopped = true;
      timer.clear(handle);
      await round;
      // At shutdown: the lists as they are now.
      await write();
    },
  };
}

export const downtimePackJob: JobDef<PackCore> = {
  name: 'downtime-pack',
  runs: 'once',
  start({ core, dataDir, onError }) {
    if (!dataDir) return { stop: async () => undefined };
    return startDowntimePacks(core, dataDir, (error) => onError('downtime-pack', error));
  },
};

/**
 * The outbox's retention as a background job (core/jobs), on one server at a time (`once`): every
 * minute, sent and superseded messages older than `outboxRetentionDays` are deleted (dead and pending
 * ones are kept). One guarded DELETE, so two leaders at once would only delete the same rows.
 */
import { pruneSent } from '../../db/queries/outbox-queries';
import type { JobDef } from '../jobs/job-types';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';

const DAY_MS = 86_400_000;
export const PRUNE_EVERY_MS = 60_000;

/** Deletes the messages past retention now; tells the admin's outbox screen when it did. Returns how many. */
/** What the retention needs of the core. */
export interface RetentionCore {
  deps: CoreDeps;
  settings: Pick<SettingsService, 'get'>;
}

export async function pruneOutbox(core: RetentionCore): Promise<number> {
  const { db, clock, events } = core.deps;
  const pruned = await pruneSent(db, clock() - core.settings.get().outboxRetentionDays * DAY_MS);
  if (pruned > 0) events.publish({ type: 'outbox.changed' });
  return pruned;
}

export const outboxRetentionJob: JobDef<RetentionCore> = {
  name: 'outbox-retention',
  runs: 'once',
  start({ core, onError }) {
    let round: Promise<unknown> = Promise.resolve();
    const prune = () => {
      round = pruneOutbox(core).catch((error: unknown) => onError('outbox-retention', error));
    };
    prune();
    const timer = setInterval(prune, PRUNE_EVERY_MS);
    timer.unref();
    return {
      async stop() {
        clearInterval(timer);
        await round;
      },
    };
  },
};

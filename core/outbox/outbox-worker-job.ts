/**
 * The outbox worker as a background job (core/jobs): on every server, since each claims the due
 * messages it sends (`claimDue`), so many workers on one database still send each message once.
 */
import type { JobDef } from '../jobs/job-types';
import { createOutboxWorker } from './outbox-worker';

export const outboxWorkerJob: JobDef = {
  name: 'outbox-worker',
  runs: 'every-server',
  start({ core, db, fetch, onError }) {
    const worker = createOutboxWorker({
      db,
      clock: core.deps.clock,
      getSettings: () => core.settings.get(),
      getSmtpPassword: () => core.settings.smtpPassword(),
      events: core.deps.events,
      fetch,
      onError: (error) => onError('outbox-worker', error),
      brokers: core.services.brokers,
    });
    worker.start();
    return { stop: () => worker.stop() };
  },
};

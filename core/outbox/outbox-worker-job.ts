/**
 * The outbox worker as a background job (core/jobs): on every server, since each claims the due
 * messages it sends (`claimDue`), so many workers on one database still send each message once.
 */
import type { CoreDeps } from '../context';
import type { JobDef } from '../jobs/job-types';
import type { SettingsService } from '../settings/settings-service';
import { createOutboxWorker } from './outbox-worker';
import type { BrokerLinks } from './transports';

/** What the worker needs of the core: the clock and bus, the settings with the SMTP password, this server's broker links. */
export interface OutboxWorkerCore {
  deps: CoreDeps;
  settings: Pick<SettingsService, 'get' | 'smtpPassword'>;
  services: { brokers: BrokerLinks };
}

export const outboxWorkerJob: JobDef<OutboxWorkerCore> = {
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

/**
 * The background jobs the host runs, in start order (stopped in reverse). Adding one: a file
 * exporting its `JobDef` (next to its domain's services) and one line here (docs/adding-a-domain.md).
 */
import { appointmentSchedulerJob } from '../appointments/appointment-scheduler-job';
import { outboxRetentionJob } from '../outbox/outbox-retention-job';
import { outboxWorkerJob } from '../outbox/outbox-worker-job';
import { downtimePackJob } from '../print/downtime-pack-job';
import type { CoreDeps } from '../context';
import type { JobDef } from '../jobs/job-types';
import type { SettingsService } from '../settings/settings-service';
import type { CoreServices } from './core-services';

/** What the host hands every job (a `Core` is one); each job's own needs must be part of it, or this list does not compile. */
export interface JobCore {
  deps: CoreDeps;
  settings: Pick<SettingsService, 'get' | 'smtpPassword'>;
  services: CoreServices;
}

export const JOBS: readonly JobDef<JobCore>[] = [
  outboxWorkerJob,
  outboxRetentionJob,
  appointmentSchedulerJob,
  downtimePackJob,
];

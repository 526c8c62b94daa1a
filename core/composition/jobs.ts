/**
 * The background jobs the host runs, in start order (stopped in reverse). Adding one: a file
 * exporting its `JobDef` (next to its domain's services) and one line here (docs/adding-a-domain.md).
 */
import { appointmentSchedulerJob } from '../appointments/appointment-scheduler-job';
import { outboxRetentionJob } from '../outbox/outbox-retention-job';
import { outboxWorkerJob } from '../outbox/outbox-worker-job';
import { downtimePackJob } from '../print/downtime-pack-job';
import type { JobDef } from '../jobs/job-types';

export const JOBS: readonly JobDef[] = [
  outboxWorkerJob,
  outboxRetentionJob,
  appointmentSchedulerJob,
  downtimePackJob,
];

/**
 * What a background job is (core/jobs/README.md): a name, whether it runs on every server or once
 * across them, and how it starts. The host starts the registry's jobs (`core/composition/jobs.ts`) through the runner
 * (`job-runner.ts`), which holds the leadership of the `'once'` ones.
 */
import type { Database } from '../../db/database';

/**
 * - `every-server`: each server runs its own (the outbox worker: its claims keep a message to one
 *   worker).
 * - `once`: one server at a time across all servers on the database, the leader; another takes
 *   over when the leader dies. Its work must still be safe if two leaders ever overlap (claimed rows).
 */
export type JobRuns = 'every-server' | 'once';

/**
 * What a job gets from the host. `C` is what the job needs of the core (its services, settings, clock):
 * each job names its own, and the host's core has them all (core/composition/jobs.ts checks it).
 */
export interface JobContext<C = unknown> {
  core: C;
  db: Database;
  /** The host's data folder (the downtime pack writes there). */
  dataDir?: string;
  /** What the outbox worker sends with (tests pass their own). */
  fetch?: typeof fetch;
  /** Where an unexpected error of the job goes (it keeps running). */
  onError(job: string, error: unknown): void;
}

/** A started job. */
export interface RunningJob {
  /** Stops it and waits for the work in flight. */
  stop(): Promise<void>;
}

export interface JobDef<C = unknown> {
  /** Unique; also the key of a `'once'` job's leader lock, so never renamed lightly. */
  name: string;
  runs: JobRuns;
  start: (ctx: JobContext<C>) => RunningJob;
}

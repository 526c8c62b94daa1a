/**
 * The import worker thread's loop (its entry, core/composition/import-worker-entry.ts, hands it the
 * composition's services and import kinds; started by import-thread.ts, one per import; bundled as
 * its own file, `import-worker.cjs`, beside Electron's host and the serve build). It opens its own connection
 * to the host's database (`bulk`: db/open-database.ts), builds the domains' services over it and runs
 * the one import it is given (import-service.ts), so the host's event loop never runs the import's
 * rows. On SQLite the host has lent it the database's writer before starting it
 * (db/engine/writer-gate.ts): its transaction is the only write under way.
 *
 * What crosses back: progress (a few times a second), the committed import's live events (one per
 * type: every screen reloads its view on any of them, and 100 000 `stay.changed` would be 100 000
 * messages on every feed), then the summary or the error. A cancel is a flag in shared memory, read
 * between two rows: the worker's transaction never yields to its event loop on SQLite, so a message
 * would arrive too late.
 */
import { createReadStream, statSync } from 'node:fs';
import { platform, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { adoptLiveEventOrigin } from '../../db/queries/live-event-queries';
import { openDatabase } from '../../db/open-database';
import type { LiveEvent } from '../../shared/contract/events';
import { isAppError } from '../../shared/errors';
import type { CoreDeps, EventBus } from '../context';
import type { ImportKinds } from './import-kind-def';
import type { ImportJob, ImportWorkerMessage, ToImportWorker } from './import-thread';
import { createImportService, type ImportCore } from './import-service';

const port = parentPort!;

// Linux: a thread has a nice value of its own (setpriority of this thread, not the process), so the
// import yields the CPU to the host's event loop whenever both want it. Elsewhere the call would
// lower the whole process (Windows, macOS): not made.
if (platform() === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not allowed here: the import runs at the host's priority
  }
}
const post = (message: ImportWorkerMessage) => port.postMessage(message);

/** The worker's bus keeps the last event of each type; they cross to the host once the import is over. */
function collectingBus(): EventBus & { drain(): LiveEvent[] } {
  const last = new Map<string, LiveEvent>();
  return {
    coalesces: true,
    publish: (event) => void last.set(event.type, event),
    subscribe: () => () => undefined,
    drain() {
      const events = [...last.values()];
      last.clear();
      return events;
    },
  };
}

/** What the entry hands the loop: how to build the services over the worker's connection, and the kinds. */
export interface ImportComposition<S extends ImportCore> {
  createServices(deps: CoreDeps): Promise<S>;
  kinds: ImportKinds<S>;
}

async function runJob<S extends ImportCore>(composition: ImportComposition<S>, job: ImportJob, cancel: Int32Array): Promise<void> {
  const config = job.source.dialect === 'sqlite' ? { engine: 'sqlite' as const, file: job.source.file } : { engine: 'postgres' as const, url: job.source.url };
  const db = await openDatabase(config, { bulk: true });
  adoptLiveEventOrigin(db, job.liveEventOrigin);
  const events = collectingBus();
  let summary;
  try {
    const services = await composition.createServices({ db, clock: () => Date.now() + job.clockOffsetMs, events });
    const input = 'text' in job.input ? job.input.text : createReadStream(job.input.file, { highWaterMark: 256 * 1024 });
    const totalBytes = 'file' in job.input ? statSync(job.input.file).size : Buffer.byteLength(job.input.text);
    summary = await createImportService(services, composition.kinds).run(input, {
      ...job.options,
      totalBytes,
      onProgress: (progress) => post({ type: 'progress', progress }),
      cancelled: () => Atomics.load(cancel, 0) === 1,
    }, job.ctx);
  } finally {
    // Closed before the answer: the host may then give the writer back and hand this worker the next import.
    await db.close();
  }
  const committed = events.drain();
  if (committed.length) post({ type: 'events', events: committed });
  post({ type: 'done', summary });
}

/** Serves the host's imports, one at a time, over the composition's services and kinds. */
export function serveImportJobs<S extends ImportCore>(composition: ImportComposition<S>): void {
  // One import at a time: the host sends the next only once this one has answered (import-thread.ts).
  port.on('message', (m: ToImportWorker) => {
    runJob(composition, m.job, new Int32Array(m.cancel)).catch((e: unknown) => {
      if (isAppError(e)) {
        post({ type: 'error', code: e.code, message: e.message, ...(e.reason ? { reason: e.reason } : {}), ...(e.params ? { params: { ...e.params } } : {}), ...(e.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: e.retryAfterSeconds }) });
      } else post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    });
  });
}

/**
 * The messages between Electron's main process (host-client.ts) and the desk's host in its utility
 * process (host-process.ts). Every value crosses by structured clone; nothing here imports electron,
 * so both sides (and the tests, in plain Node) share these types.
 *
 * Main → host: `start` once, first; then `call`, `authorize`, `export` and `importFile` requests, each with an `id`
 * answered by exactly one `result`; `close` last. Host → main: `started` or `start-failed` once, the
 * `result`s (in any order), and every committed change as an `event`.
 *
 * **Tokens travel only between these two processes**: main keeps each window's token and puts it on
 * the request; the host turns it into a caller (`core.contextFor`). The page never holds one.
 */
import { isFileExport, isFileImport, type FileExportName, type FileImportName } from '../shared/contract/ipc-channels';
import type { IpcResult } from '../shared/contract/commands';
import type { LiveEvent } from '../shared/contract/events';
import type { HandledCommandName } from '../core/context';

/**
 * The host process's V8 flags (main passes them to `utilityProcess.fork`; benchmark 4 runs host.cjs
 * with the same). With V8's default young generation (up to 16 MB per semi-space) the host's
 * resident memory climbs 30–50 MB under a steady request load (docs/benchmarks.md, benchmark 4).
 * 4 MB costs ~6 MB over 2 MB (the desk host's peak during five exports 129–130 → 136–137 MB, `serve`
 * idle +0.1–0.5 MB PSS) and buys the requests' time: 50 bookings in flight hold ~2.6 MB while they
 * wait for their batch's fsync, more than a 2 MB semi-space, so at 2 MB what they hold was copied,
 * promoted and left to full collections. At 4 MB it dies young: host CPU a booking 0.71–0.79 ×,
 * p99 0.54–0.73 × (loaded 48.7 → 26.3 ms), on PostgreSQL 0.73 × (docs/benchmarks.md, thirty-sixth
 * pass; V8 rounds a semi-space up to a power of two, so there is no 3). `--max-old-space-size=256` is not there
 * to cap the heap (the desk's live set is ~35 MB, a 100 000-stay import ~100 MB) but for what it
 * does to V8's heap growing factor: below 1 GB V8 scales it down (1.4 at 256 MB instead of 4), so a
 * burst of short-lived objects (8 desks asking for the 300-room board) is collected at ~1.4 × the
 * live set instead of ~4 ×: 256 MB → 150 MB peak resident (docs/benchmarks.md, benchmark 9).
 * `--no-maglev`: V8's middle optimising tier compiles on background threads, and while the first
 * boards or the first export run its jobs' zones (several MB each) stand beside the heap: without it
 * the host's high-water mark during benchmark 4's export is 131–132 MB against 139–148, and `serve`'s
 * board to 8 desks 120–121 against 134; hot code still reaches TurboFan (bookings no slower, a
 * report's CPU ~7 % more; docs/benchmarks.md, sixteenth pass). `--no-parallel-scavenge`: with small
 * semi-spaces a booking load scavenges ~65–130 times a second, and each parallel scavenge hands work to
 * V8's helper threads; on a 2-core PC they take a core the main thread then waits for (sampled
 * from /proc: 30 % of the main thread's time in the stalls that make bookings' p99 spent on the run
 * queue, up to 54 ms in one stall). Scavenging a small semi-space alone on the main thread costs less than that:
 * host CPU a booking 0.77–0.82 ×, p99 0.59–0.75 × in four sittings of five, 0.98 × and 0.89 × in the
 * fifth; the export, the board and memory unchanged (docs/benchmarks.md, twenty-ninth pass).
 * `--no-memory-reducer`: V8's memory reducer makes full collections once the host has allocated little
 * for ~8 s, and each finds the last burst's objects dead and drops the optimized code that held them:
 * after a pause of that length the next bookings on PostgreSQL cost the host ~2 × the CPU each for
 * seconds (490 → 900–980 µs). The idle collector (core/idle-gc.ts) gives an idle host's memory back
 * instead, after 30 s of quiet; `serve`'s memory rows were the same without the reducer (docs/benchmarks.md,
 * forty-sixth pass).
 * `npm run serve` runs with the same.
 * Electron's main takes V8 flags only on its own command line; a utility process takes them from here.
 */
export const HOST_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=256', '--no-maglev', '--no-parallel-scavenge', '--no-memory-reducer'];

export { isFileExport, isFileImport, type FileExportName, type FileImportName };

export interface HostStartOptions {
  /** Where `frontdesk.db` lives. */
  dataDir: string;
  rendererDir: string;
  migrationsDir: string;
  /**
   * The REST port, over the `lanPort` setting (default: the setting, 8787). Whichever it is, when
   * another program holds it the host takes a free one instead.
   */
  port?: number;
}

export type HostRequest =
  | { kind: 'call'; id: number; name: HandledCommandName; input: unknown; token: string | null }
  /**
   * Would this caller be allowed `name`? Asked before a save or open dialog, so a refused export or
   * import shows none; for an export the answer's value is the dialog's title and proposed file name
   * (`ExportPlan`), for an import null.
   */
  | { kind: 'authorize'; id: number; name: FileExportName | FileImportName; token: string | null }
  | { kind: 'export'; id: number; name: FileExportName; input: unknown; token: string | null; file: string }
  /** Imports the CSV at `file`, the path the user chose in the open dialog (electron/import-dialog.ts). */
  | { kind: 'importFile'; id: number; name: FileImportName; input: unknown; token: string | null; file: string };

/** A request before the client has numbered it. */
export type HostRequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

export type ToHost = { kind: 'start'; options: HostStartOptions } | HostRequest | { kind: 'close' };

export interface HostStarted {
  /** Where the REST API listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** Where the host's data is (the SQLite file). */
  database: string;
}

export type HostResult = { kind: 'result'; id: number } & IpcResult<unknown>;

export type FromHost =
  | ({ kind: 'started' } & HostStarted)
  | { kind: 'start-failed'; message: string }
  | HostResult
  | { kind: 'event'; event: LiveEvent };

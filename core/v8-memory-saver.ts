/**
 * V8's memory saver mode for `serve` on its SQLite file (docs/benchmarks.md §4, twelfth pass).
 *
 * V8 grows its old generation to a limit it sets after each full collection: the live size times a
 * factor (~1.4 under `--max-old-space-size=256`), and at least 8 MB more. In memory saver mode the
 * factor is at most 1.3, the step 2 MB, and each full collection compacts to give pages back. The
 * server's peaks under the board's load are that swing: with a booking a second beside 8 desks the
 * board is built once a second, its garbage fills the old generation, and the heap swings between
 * ~32 MB live and ~51 MB every two seconds (`--trace-gc`). What it costs is more full collections,
 * each of them concurrent and small on a ~32 MB heap: the server's CPU per board answered and per
 * booking was within the noise; a 1 000 000-row download took ~10 % more of it, for no lower peak
 * (benchmark 9: the board with a booking a second 141 → 129 MB, the soak 147 → 140 MB).
 *
 * Set while the process runs (`v8.setFlagsFromString`, before the host is started): V8 reads the flag
 * each time it sizes the heap, in the main isolate and in every worker (the export's and import's),
 * so it works wherever `serve` is started from (the npm script, Docker, systemd, Windows).
 * tests/core/v8-memory-saver.test.ts checks that a flag set this way does lower a heap's peak.
 *
 * Not on PostgreSQL: there every booking's rows and protocol messages are garbage of the driver's,
 * and bookings over HTTP sit close to their target; the mode's cost there is unmeasured. Not in the
 * desk's host either: its peak is the export (benchmark 4), and there the mode lowered no peak and
 * made the download slower, with more of the host's CPU (docs/benchmarks.md §4, thirteenth pass).
 */
import { setFlagsFromString } from 'node:v8';

/** V8 flags `serve` sets on SQLite, its default engine. */
export const SQLITE_SERVE_V8_FLAGS: readonly string[] = ['--memory-saver-mode'];

/** `serve`'s V8 flags for its database: on PostgreSQL (`databaseUrl` given) none, else `SQLITE_SERVE_V8_FLAGS`. */
export const serveV8Flags = (databaseUrl: string | undefined): readonly string[] => (databaseUrl === undefined ? SQLITE_SERVE_V8_FLAGS : []);

/** Sets each of `flags` in this process's V8. */
export function applyV8Flags(flags: readonly string[], set: (flag: string) => void = setFlagsFromString): void {
  for (const flag of flags) set(flag);
}

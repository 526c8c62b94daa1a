/**
 * glibc's allocator settings for the long-running processes, `serve` and the desk's host (docs/benchmarks.md §4). They are read
 * from the environment once, when the process starts, so `serve` applies them to itself: on Linux
 * with glibc, when they are not set yet, it executes itself again with them (`process.execve`: the
 * same process id, arguments and V8 flags; before anything else is loaded). Elsewhere (Windows,
 * macOS, musl) nothing happens; a variable already set by the caller (Docker, systemd) is kept.
 *
 * `MALLOC_MMAP_THRESHOLD_`: every block of that size or more gets its own mapping, returned to the
 * system when freed. glibc's default starts at 128 KiB but raises the threshold to the largest such
 * block freed (and its trim threshold to twice that), after which the server's large short-lived
 * blocks (a socket's copy of a 0.7 MB board answer, a CSV piece, SQLite's scratch) are carved from
 * the heap and stay resident once freed. Fixed at 128 KiB: on the 300-room board to 8 desks, VmHWM
 * 155/167/161 → 149/149/154 MB and 158/161/154 → 161/151/150 MB (board-memory-ab.ts, two sittings);
 * on the mixed soak 162/150 → 152/144 MB (serve-memory-ab.ts).
 *
 * `serve` ran on its SQLite file with 16 KiB until the forty-second pass (docs/benchmarks.md), for the
 * blocks between 16 and 128 KiB (V8's compiler zones while the first boards and bookings are optimised) that
 * left the heap several MB larger (eleventh pass). On a machine where a page fault and a mapping are dear
 * (a PVM guest: ~12 µs a fault) every 64 KiB socket read was a mapping of its own, and bookings over HTTP
 * cost the host 3.5 × the CPU in half the runs (`booking-cpu-ab.ts . .@MALLOC_MMAP_THRESHOLD_=131072`: 789–813
 * against 211–306 µs a booking), a board served to 8 desks 1.3 × (board-memory-ab.ts: 2.3–2.4 against 1.8–1.9 ms), for
 * memory that is now the same within a megabyte: idle PSS 78.6 / 78.4 MB either way, the soak's peak RSS
 * 113.6 / 114.1 → 115.2 / 114.9 MB, the board to 8 desks with a booking a second VmHWM 112.9 / 113.2 → 113.8 /
 * 114.5 MB (serve-memory-ab.ts, board-memory-ab.ts, one sitting). On PostgreSQL every answer arrives on a
 * socket too (~60 µs more system time a booking at 16 KiB, booking-postgres-ab.ts). `serve` uses `MALLOC_ENV`
 * on both databases.
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * The desk's host: the same, and `MALLOC_ARENA_MAX=1`, every thread allocating from the one main arena.
 * glibc otherwise gives threads arenas of their own (up to 8 per core), and the host's are many — the
 * export's worker (which also makes the WAL's checkpoints), V8's four platform threads, libuv's pool
 * running the group commit's fsyncs —, each keeping its freed blocks resident apart from the others':
 * 17–20 MB of thread arenas in the host during benchmark 4 (8 MB with two arenas). Benchmark 4's desk host, VmHWM over a turn (bench/ab/export-ab.ts, the variants taking turns):
 * 147 / 147 / 149 MB → 141 / 141 / 141 MB, the export and the HTTP download no slower, the host's CPU
 * the same, SQLite bookings over HTTP no slower (docs/benchmarks.md §4, tenth pass). Small blocks come
 * from each thread's own cache (tcache) first, so threads meet at the arena's lock only for larger ones.
 * Not for `serve`, which may run on PostgreSQL: there one arena made bookings over HTTP 3–12 % slower
 * (benchmark 1, four turns each).
 * It keeps the 128 KiB threshold: at 16 KiB its peak in benchmark 4 moved no more than the noise (seven
 * turns each, eleventh pass). Main passes it when it forks the host (desk-app.ts); on Windows and macOS
 * the variables mean nothing.
 */
export const DESK_HOST_MALLOC_ENV: Readonly<Record<string, string>> = { ...MALLOC_ENV, MALLOC_ARENA_MAX: '1' };

/** `env` with `settings` under it: a value `env` already has (Docker, systemd, the user) is kept. */
export function withMallocEnv(env: NodeJS.ProcessEnv, settings: Readonly<Record<string, string>> = MALLOC_ENV): NodeJS.ProcessEnv {
  return { ...settings, ...env };
}

interface ProcessLike {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  execPath: string;
  execArgv: string[];
  argv: string[];
  execve?: (file: string, args?: readonly string[], env?: NodeJS.ProcessEnv) => never;
  report?: { getReport(): object };
}

/** Whether this process runs on glibc (its allocator is the one the settings are for). */
function onGlibc(proc: ProcessLike): boolean {
  const header = (proc.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/**
 * Executes this process again with `settings` when it runs on glibc without them; returns when there
 * is nothing to do (or nothing it can do). The variables once set, the new process returns at once.
 */
export function applyMallocEnv(settings: Readonly<Record<string, string>>, proc: ProcessLike = process): void {
  const missing = Object.keys(settings).filter((name) => proc.env[name] === undefined);
  if (missing.length === 0 || proc.platform !== 'linux' || typeof proc.execve !== 'function' || !onGlibc(proc)) return;
  proc.execve(proc.execPath, [proc.execPath, ...proc.execArgv, ...proc.argv.slice(1)], withMallocEnv(proc.env, settings));
}

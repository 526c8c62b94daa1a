/**
 * glibc's allocator settings for the long-running processes, `serve` and the desk's host (docs/benchmarks.md §4). They are read
 * from the environment once, when the process starts, so `serve` applies them to itself: on Linux
 * with glibc, when they are not set yet, it executes itself again with them (`process.execve`: the
 * same process id, arguments and V8 flags; before anything else is loaded). Elsewhere (Windows,
 * macOS, musl) nothing happens; a variable already set by the caller (Docker, systemd) is kept.
 *
 * `MALLOC_MMAP_THRESHOLD_`: every block of that size or more gets its own mapping, returned to the
 * system when freed. glibc's default starts at 128 KiB but raises the threshold to the largest such
 * block freed (and its trim threshold to twice that), after which every large short-lived block (a
 * socket's copy of a 0.7 MB board answer, a CSV piece, SQLite's scratch) is carved from the heap and
 * stays resident once freed, however large. A fixed threshold bounds that: blocks under it come from
 * the heap, blocks over it are mapped and given back.
 *
 * `serve`: **1 MiB** since the forty-fourth pass (docs/benchmarks.md). The blocks a built board
 * takes between 128 KiB and 1 MiB — SQLite's JSON text of the stays' names and ids, grown by
 * `mremap`, and the answer's 0.7 MB of bytes — were each a mapping at 128 KiB, faulted in page
 * by page every time: on a machine where a fault is dear (a PVM guest, ~12 µs) the host's CPU a built
 * board 0.84 × at 1 MiB, its first byte 0.82 ×, 768 against 1 436 faults a board
 * (`board-answer-ab.ts . .@MALLOC_MMAP_THRESHOLD_=1048576`); bookings the same (host CPU 0.93 ×,
 * `booking-cpu-ab.ts`); memory within a megabyte (`serve-memory-ab.ts`: idle PSS 78.5 / 78.4 against
 * 78.7 / 78.9 MB, the soak's VmHWM 115.0 / 115.4 against 115.2 / 115.1 MB; `board-memory-ab.ts`, the
 * board to 8 desks with a booking a second: VmHWM 110.8 against 111.9 MB). Before: 128 KiB (from
 * the forty-second pass; 16 KiB on SQLite until then, which made every 64 KiB socket read a mapping of
 * its own: bookings up to 3.5 × the host's CPU on that machine). On glibc's own dynamic threshold the
 * server's peaks were several MB higher (board VmHWM 155/167/161 against 149/149/154 MB at 128 KiB,
 * the soak 162/150 against 152/144, eleventh pass). `serve` uses `MALLOC_ENV` on both databases; the desk's host uses its threshold too.
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '1048576' };

/**
 * The desk's host: `serve`'s 1 MiB threshold, and `MALLOC_ARENA_MAX=1`, every thread allocating from the one main arena.
 * glibc otherwise gives threads arenas of their own (up to 8 per core), and the host's are many — the
 * export's worker (which also makes the WAL's checkpoints), V8's four platform threads, libuv's pool
 * running the group commit's fsyncs —, each keeping its freed blocks resident apart from the others':
 * 17–20 MB of thread arenas in the host during benchmark 4 (8 MB with two arenas). Benchmark 4's desk host, VmHWM over a turn (bench/ab/export-ab.ts, the variants taking turns):
 * 147 / 147 / 149 MB → 141 / 141 / 141 MB, the export and the HTTP download no slower, the host's CPU
 * the same, SQLite bookings over HTTP no slower (docs/benchmarks.md §4, tenth pass). Small blocks come
 * from each thread's own cache (tcache) first, so threads meet at the arena's lock only for larger ones.
 * Not for `serve`, which may run on PostgreSQL: there one arena made bookings over HTTP 3–12 % slower
 * (benchmark 1, four turns each).
 * The threshold is `serve`'s since the forty-fifth pass: with one arena, a built board took the host
 * 1.24 × the CPU at 128 KiB that it takes at 1 MiB, in both orders (1 459 / 1 468 against 805 / 765
 * page faults a board, `board-answer-ab.ts .@MALLOC_ARENA_MAX=1@MALLOC_MMAP_THRESHOLD_=131072
 * .@MALLOC_ARENA_MAX=1@MALLOC_MMAP_THRESHOLD_=1048576`, machine 9), and its peak over benchmark 4's five
 * exports stayed the same (135–138 against 135–137 MB, five turns each, forty-fourth pass). Before:
 * 128 KiB (at 16 KiB its peak in benchmark 4 moved no more than the noise, eleventh pass). Main passes
 * it when it forks the host (desk-app.ts); on Windows and macOS the variables mean nothing.
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

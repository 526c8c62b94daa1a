/**
 * glibc's allocator settings for `serve`'s long-running process (docs/benchmarks.md §4). They are read
 * from the environment once, when the process starts, so `serve` applies them to itself: on Linux
 * with glibc, when they are not set yet, it executes itself again with them (`process.execve`: the
 * same process id, arguments and V8 flags; before anything else is loaded). Elsewhere (Windows,
 * macOS, musl) nothing happens; a variable already set by the caller (Docker, systemd) is kept.
 *
 * `MALLOC_MMAP_THRESHOLD_=131072`: every block of 128 KiB or more gets its own mapping, returned to the
 * system when freed. glibc's default starts there but raises the threshold to the largest such block
 * freed (and its trim threshold to twice that), after which the server's large short-lived blocks
 * (a socket's copy of a 0.7 MB board answer, a CSV piece, SQLite's scratch) are carved from the heap
 * and stay resident once freed. Measured on the 300-room board to 8 desks, VmHWM 155/167/161 →
 * 149/149/154 MB and 158/161/154 → 161/151/150 MB (board-memory-ab.ts, two sittings); on the mixed
 * soak 162/150 → 152/144 MB (serve-memory-ab.ts).
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

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
 * Executes this process again with `MALLOC_ENV` when it runs on glibc without them; returns when there
 * is nothing to do (or nothing it can do). The variables once set, the new process returns at once.
 */
export function applyMallocEnv(proc: ProcessLike = process): void {
  const missing = Object.keys(MALLOC_ENV).filter((name) => proc.env[name] === undefined);
  if (missing.length === 0 || proc.platform !== 'linux' || typeof proc.execve !== 'function' || !onGlibc(proc)) return;
  proc.execve(proc.execPath, [proc.execPath, ...proc.execArgv, ...proc.argv.slice(1)], { ...MALLOC_ENV, ...proc.env });
}

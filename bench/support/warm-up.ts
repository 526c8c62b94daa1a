/**
 * A write benchmark's host warmed to its working size before its measured runs (benchmarks 1 and
 * 10). A host started on an empty hotel grows for its first seconds of steady writes: its WAL file
 * up to the size from which it starts over (40 000 frames, db/engine/wal-checkpointer.ts; until then
 * every COMMIT appends to the file, and each fsync also writes the file's new size: p90 1.6–1.9 × an
 * fsync once the file is reused), and its memory (1.2–2.1 page faults a booking against 0.07 later).
 * A run measured in that span measured the host's start, once in its life, and it was always the
 * first run: p99 56–66 ms where the later runs of the same host read 25–32 ms, and where the first run
 * of a host warmed this way reads 23–27 (bench/ab/first-runs.ts; docs/benchmarks.md, fiftieth pass).
 * So the warm-up goes on, a second of the benchmark's own load at a time, until the host's WAL has
 * started over once (`group-commit:stats`: the checkpointer's counts, a restart or a checkpoint
 * made inline), at most `maxSeconds`; a host
 * without the checkpointer (PostgreSQL, or SQLite's own checkpoints after a fallback) is warmed for
 * one second, as before.
 */
import type { BenchChild } from './child-process';

/** Longer than benchmark 1's host takes on a slow disk beside a busy process (5–6 s measured). */
export const WARM_UP_MAX_SECONDS = 20;

interface Stats {
  checkpoints?: { restarts: number; inline: number };
}

/** Runs `loadOneSecond` until `host`'s WAL has started over once (at most `maxSeconds` times); returns how many seconds it ran. */
export async function warmToWorkingSize(host: Pick<BenchChild, 'ask'>, loadOneSecond: () => Promise<unknown>, maxSeconds = WARM_UP_MAX_SECONDS): Promise<number> {
  for (let seconds = 1; ; seconds++) {
    await loadOneSecond();
    const { checkpoints } = await host.ask<Stats>({ type: 'group-commit:stats' }, 'group-commit:stats');
    if (!checkpoints || checkpoints.restarts + checkpoints.inline > 0 || seconds >= maxSeconds) return seconds;
  }
}

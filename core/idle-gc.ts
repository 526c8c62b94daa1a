/**
 * One full garbage collection when the host has gone quiet after work (docs/benchmarks.md §4).
 *
 * V8 collects only when JavaScript allocates: a server that has just started (migrations, the demo
 * hotel, its routes compiled) or just answered a burst keeps that work's garbage in its heap for as
 * long as it stays idle — 5–8 MB of resident memory after start-up — and V8's memory reducer does
 * not step in for a heap this small. So every `intervalMs` (2 s) this checks whether the event loop was
 * idle for nearly the whole interval and the heap has grown by `minGrowthBytes` since the last
 * collection; if so, it collects once (a few tens of ms on a ~35 MB heap, at a moment nothing was
 * waiting). A busy server never meets the idle test, so requests never wait for it.
 *
 * Only a host that has not yet worked — no look since its first request (first-request.ts) has found
 * its loop busy for `workUtilization` (a quarter) of the interval — collects at its first idle look:
 * the start-up's collection. Any other collection waits until the host has been quiet for
 * `laterQuietMs` (30 s). A full collection while idle finds none of the requests' objects alive, and V8
 * then drops the optimized code that had them embedded (`--trace-deopt`: "embedded weak objects
 * cleared", 140–183 functions a time): the next burst runs slower while ~250 functions are optimized
 * again. At 2 s that was every pause of a working desk (thirty-fourth pass), and a host that worked
 * before its first idle moment (a server asked for bookings at once after its start) paid it once more,
 * with its requests' code flushed as if it were the start-up's: ~2 × the host's CPU a booking on
 * PostgreSQL for the next seconds (forty-sixth pass). A request or two (a desk signing in, its first
 * board) do not end the start-up: they leave no hot code to lose, and the start-up's collection before
 * the desk's first export keeps the host's peak during it 5 MB lower (127–128 against 132–133 MB). A
 * burst's garbage meanwhile waits for V8's own collections (its memory reducer is off in the hosts:
 * electron/host-protocol.ts's `HOST_EXEC_ARGV`).
 *
 * `gc` is V8's own, exposed with `--expose-gc` set at run time (the process's command line need not
 * carry it: the desk's utility process, `serve`, Docker and the tests all get it the same way).
 *
 * The collection is V8's memory-reducing one (`MEMORY_REDUCING`: full collections until nothing more
 * is freed, compacting, the young generation shrunk back), not a plain full collection, which frees
 * the garbage but keeps the pages it was in: `serve --demo` idle 92.0–92.3 → 88.2–89.5 MB PSS, the
 * anonymous part 45.4–45.7 → 41.6–42.7 (docs/benchmarks.md §4, twenty-sixth pass). It holds the thread
 * longer, two collections of ~35 ms after start-up instead of one of ~25 (`--trace-gc`), at a moment
 * the host had been idle for a whole interval.
 *
 * The start-up's collection also drops its compiled code (`withStartUpCodeFlushed`): V8 keeps a
 * function's bytecode, and its baseline machine code, until the function has sat unused through six
 * full collections (`--bytecode-old-age`), baseline code for ever (`--no-flush-baseline-code`). At a
 * host's first idle moment before work almost everything compiled so far ran once — the modules' top
 * levels, the migrations, the demo hotel, the routes' registration — and the requests' code is not
 * compiled yet.
 * So for that one collection any function not running now counts as old and its code goes; a
 * function needed again is compiled from its source again, once. After it V8's own rule holds.
 * `serve --demo` idle 81.4–81.5 → 79.2–79.5 MB PSS (docs/benchmarks.md §4, twenty-seventh pass). Only
 * the memory-reducing collection flushes code at all: a plain `gc()` keeps it whatever the age.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { firstRequestCame } from './first-request';

export interface IdleCollectorOptions {
  /** How often to look (default 2 s). */
  intervalMs?: number;
  /** Event-loop utilisation over the interval below which the host counts as idle (default 2 %). */
  idleUtilization?: number;
  /** Growth of the heap in use since the last collection that makes one worth it (default 4 MB). */
  minGrowthBytes?: number;
  /** How long the loop must have been idle before any collection but the start-up's (default 30 s). */
  laterQuietMs?: number;
  /** Event-loop utilisation over an interval after the first request that counts as work, ending the start-up (default 25 %). */
  workUtilization?: number;
  /** Whether a request has come (default: first-request.ts says). */
  requestCame?: () => boolean;
}

export interface IdleCollector {
  /** Collections made so far (tests). */
  readonly collections: number;
  stop(): void;
}

/** Node's options to `gc()` for V8's memory-reducing collection (its "last resort"). */
export const MEMORY_REDUCING = { type: 'major', execution: 'sync', flavor: 'last-resort' } as const;

let exposedGc: (() => void) | undefined;

/** V8's `gc()`, from a context made after `--expose-gc` was set, memory-reducing. */
function v8Gc(): () => void {
  if (!exposedGc) {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: typeof MEMORY_REDUCING) => void;
    exposedGc = () => gc(MEMORY_REDUCING);
  }
  return exposedGc;
}

/** Node flags with which the process itself chose how V8 drops unused code: then it is left to them. */
const OWN_FLUSHING = /^--(no-)?(flush-bytecode|flush-baseline-code|stress-flush-code|bytecode-old-age|flush-code-based-on-time)(=|$)/;

/** `collect`, run with every function not running now counted old, its bytecode and baseline code dropped. */
export function withStartUpCodeFlushed(collect: () => void, execArgv: readonly string[] = process.execArgv, set: (flag: string) => void = setFlagsFromString): void {
  if (execArgv.some((arg) => OWN_FLUSHING.test(arg))) return collect();
  set('--bytecode-old-age=1');
  set('--flush-baseline-code');
  try {
    collect();
  } finally {
    // V8's defaults again (node --v8-options).
    set('--no-flush-baseline-code');
    set('--bytecode-old-age=6');
  }
}

/**
 * What a look that found the loop idle and the heap grown leads to: the start-up's collection (its
 * code flushed) while nothing has been collected and the host has not worked; otherwise a collection
 * once the loop has been quiet for `laterQuietMs`, nothing before.
 */
export function idleCollectionDue(state: { collections: number; worked: boolean; quietMs: number; laterQuietMs: number }): 'start-up' | 'collect' | 'none' {
  if (state.collections === 0 && !state.worked) return 'start-up';
  return state.quietMs >= state.laterQuietMs ? 'collect' : 'none';
}

export function startIdleCollector(options: IdleCollectorOptions = {}): IdleCollector {
  const { intervalMs = 2000, idleUtilization = 0.02, minGrowthBytes = 4 * 1024 * 1024, laterQuietMs = 30_000, workUtilization = 0.25, requestCame = firstRequestCame } = options;
  const gc = v8Gc();
  let last = performance.eventLoopUtilization();
  let afterLast = 0;
  let collections = 0;
  /** Since when the loop has been idle at every look (the end of the last busy interval). */
  let quietSince = performance.now();
  let worked = false;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    if (utilization >= idleUtilization) {
      quietSince = performance.now();
      // Busy after a request: the host works (the start-up's leftovers, its jobs' first rounds, do not count).
      if (utilization >= workUtilization && requestCame()) worked = true;
      return;
    }
    if (getHeapStatistics().used_heap_size < afterLast + minGrowthBytes) return;
    const due = idleCollectionDue({ collections, worked, quietMs: performance.now() - quietSince, laterQuietMs });
    if (due === 'none') return;
    if (due === 'start-up') withStartUpCodeFlushed(gc);
    else gc();
    collections++;
    afterLast = getHeapStatistics().used_heap_size;
    // The collection itself is not the host's work: the next interval is judged without it.
    last = performance.eventLoopUtilization();
  }, intervalMs);
  timer.unref();
  return {
    get collections() {
      return collections;
    },
    stop: () => clearInterval(timer),
  };
}

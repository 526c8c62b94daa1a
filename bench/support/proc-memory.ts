/**
 * A process's memory as the kernel counts it, read from outside (Linux `/proc`):
 * - **PSS** (`/proc/<pid>/smaps_rollup`): resident pages, each shared page divided by the number of
 *   processes mapping it — what the process costs the machine. Split into anonymous memory (the V8
 *   heap, malloc, stacks: the process's own) and file-backed pages (the node binary's code and its
 *   ICU data, native modules: shared with any other process running the same files).
 * - **RSS** and its high-water mark **VmHWM** (`/proc/<pid>/status`): resident pages, shared ones
 *   counted whole; VmHWM is the peak over the process's life, whatever the sampling missed.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface ProcMemory {
  rss: number;
  hwm: number;
  pss: number;
  pssAnon: number;
  pssFile: number;
  /**
   * PSS as if no other process mapped the same files: its own anonymous memory plus every file page
   * it has resident, counted whole. The benchmark's own processes run the same node binary, which
   * would otherwise take a share of its code pages off the server's PSS; alone on a desk PC, the
   * server pays for them all. The targets are read on this figure.
   */
  pssAlone: number;
}

function kB(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  if (!m) throw new Error(`no ${field}`);
  return Number(m[1]) * 1024;
}

export function procMemorySupported(): boolean {
  return existsSync('/proc/self/smaps_rollup');
}

export function procMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const pssAnon = kB(rollup, 'Pss_Anon');
  return {
    rss: kB(status, 'VmRSS'),
    hwm: kB(status, 'VmHWM'),
    pss: kB(rollup, 'Pss'),
    pssAnon,
    pssFile: kB(rollup, 'Pss_File'),
    pssAlone: pssAnon + kB(status, 'RssFile') + kB(status, 'RssShmem'),
  };
}

/** Samples `procMemory(pid)` every `intervalMs` until stopped; the samples and the peaks. */
export function sampleProcMemory(pid: number, intervalMs = 250): { stop(): { samples: (ProcMemory & { at: number })[]; /** Of pssAlone. */ peakPss: number; peakRss: number; hwm: number } } {
  const samples: (ProcMemory & { at: number })[] = [];
  const started = performance.now();
  const take = () => {
    try {
      samples.push({ at: performance.now() - started, ...procMemory(pid) });
    } catch {
      // the process is gone: the samples so far stand
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return {
        samples,
        peakPss: Math.max(...samples.map((s) => s.pssAlone)),
        peakRss: Math.max(...samples.map((s) => s.rss)),
        hwm: samples[samples.length - 1]!.hwm,
      };
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seconds PSS must hold still (within 1 MB) to count as settled. Long enough to span V8's memory
 * reducer, which runs its first mark-compacts ~10 s after the start-up's last allocations and hands
 * back 12–15 MB of the start-up's pages (`--trace-gc`: "Mark-Compact (reduce)" at 10.7 s, RSS
 * 121–126 → 107–112 MB between the 9th and the 12th second, every start): a 5 s window settled
 * before it, on a level the server leaves a few seconds later.
 */
export const SETTLE_SECONDS = 15;

/** Memory once PSS has moved less than 1 MB over `SETTLE_SECONDS` (at most 90 s after start-up). */
export async function settled(pid: number): Promise<ProcMemory> {
  const window: number[] = [];
  for (let i = 0; i < 90; i++) {
    window.push(procMemory(pid).pssAlone);
    if (window.length > SETTLE_SECONDS) window.shift();
    if (window.length === SETTLE_SECONDS && Math.max(...window) - Math.min(...window) < 2 ** 20) break;
    await sleep(1000);
  }
  return procMemory(pid);
}

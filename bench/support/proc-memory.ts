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

/**
 * What a minor page fault costs this machine: fresh memory (its own mapping, as glibc gives a block
 * of 128 KiB or more) touched once a page, timed, against the same pages written again once they are
 * there. On bare metal or a hardware-virtualised guest a fault that zeroes a 4 KiB page costs ~0.5–2 µs;
 * on a guest whose page tables the hypervisor shadows (a PVM guest: `pvm_*` in `/proc/cmdline`) every
 * fault is a trip through the host, and one machine of this kind took ~11 µs (docs/benchmarks.md,
 * forty-second pass). Every process that starts (a page's renderer), grows its heap or takes memory
 * back from the system pays it per page, so the figure goes into every run's header.
 *
 *   npx tsx bench/support/page-faults.ts [--mib 256]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { median } from './stats';

const PAGE = 4096;

export interface PageFaultCost {
  /** µs a fresh page costs, touched once (its fault and its zeroing), less a write to a page already there. */
  usPerFault: number;
  /** Minor faults counted per page touched (~1; less where the kernel hands out huge pages). */
  faultsPerPage: number;
  /** Whether the kernel runs as a PVM guest (page tables shadowed by the hypervisor). */
  pvmGuest: boolean;
}

function touchAll(buffer: Buffer, value: number): void {
  for (let i = 0; i < buffer.length; i += PAGE) buffer[i] = value;
}

/** One round: `mib` MiB of fresh memory touched, then written again. */
function round(mib: number): { freshUs: number; againUs: number; faults: number; pages: number } {
  const buffer = Buffer.allocUnsafeSlow(mib * 1024 * 1024);
  const faults0 = process.resourceUsage().minorPageFault;
  const t0 = process.hrtime.bigint();
  touchAll(buffer, 1);
  const t1 = process.hrtime.bigint();
  const faults = process.resourceUsage().minorPageFault - faults0;
  touchAll(buffer, 2);
  const t2 = process.hrtime.bigint();
  return { freshUs: Number(t1 - t0) / 1e3, againUs: Number(t2 - t1) / 1e3, faults, pages: buffer.length / PAGE };
}

/** The machine's cost of a minor page fault: the median of `rounds` rounds of `mib` MiB each. */
export function pageFaultCost(mib = 64, rounds = 5): PageFaultCost {
  const rows = Array.from({ length: rounds }, () => round(mib));
  let cmdline = '';
  try {
    cmdline = readFileSync('/proc/cmdline', 'utf8');
  } catch {
    // not Linux
  }
  return {
    usPerFault: median(rows.map((r) => (r.freshUs - r.againUs) / Math.max(1, r.faults))),
    faultsPerPage: median(rows.map((r) => r.faults / r.pages)),
    pvmGuest: /\bpvm_/.test(cmdline),
  };
}

/** The run header's words for it: `a minor page fault 11.2 µs (a PVM guest)`. */
export const pageFaultText = (cost: PageFaultCost): string => `a minor page fault ${cost.usPerFault.toFixed(1)} µs${cost.pvmGuest ? ' (a PVM guest: the hypervisor shadows its page tables)' : ''}`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { mib: { type: 'string', default: '256' } } });
  const cost = pageFaultCost(Number(values.mib));
  console.log(`${pageFaultText(cost)}; ${cost.faultsPerPage.toFixed(2)} faults a page touched`);
}

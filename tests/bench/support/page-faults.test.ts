/**
 * What a minor page fault costs the machine (bench/support/page-faults.ts), the figure every benchmark
 * run's header carries: fresh memory faults once a page, and the cost is the fault's, not the write's.
 */
import { describe, expect, it } from 'vitest';
import { pageFaultCost, pageFaultText } from '../../../bench/support/page-faults';

describe('the cost of a minor page fault (Linux)', () => {
  it('counts about one fault a fresh page and a positive cost for each', () => {
    const cost = pageFaultCost(16, 3);
    // Transparent huge pages may serve part of a 16 MiB block with 2 MiB pages (fewer faults), never more than one a page.
    expect(cost.faultsPerPage).toBeGreaterThan(0);
    expect(cost.faultsPerPage).toBeLessThanOrEqual(1.01);
    expect(cost.usPerFault).toBeGreaterThan(0);
  });

  it('names a PVM guest in the header only when the kernel is one', () => {
    expect(pageFaultText({ usPerFault: 11.24, faultsPerPage: 1, pvmGuest: true })).toBe('a minor page fault 11.2 µs (a PVM guest: the hypervisor shadows its page tables)');
    expect(pageFaultText({ usPerFault: 0.84, faultsPerPage: 1, pvmGuest: false })).toBe('a minor page fault 0.8 µs');
  });
});

/**
 * The benchmarks' host starts with the glibc settings `npm run serve` ships with (bench/support/bench-host.ts
 * `benchHostMallocEnv`, core/malloc-env.ts), not glibc's defaults: on a machine whose page faults are dear
 * the two differ by 1.3 × the host's CPU a built board.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchHostMallocEnv, benchHostMallocText } from '../../../bench/support/bench-host';
import { MALLOC_ENV } from '../../../core/malloc-env';

describe("the benchmarks' host's glibc settings", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are serve's", () => {
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', undefined);
    expect(benchHostMallocEnv()).toEqual(MALLOC_ENV);
    expect(benchHostMallocText()).toBe("glibc's MALLOC_MMAP_THRESHOLD_=1048576 (as `npm run serve` runs)");
  });

  it('leave a setting of the environment as it is, and are none when glibc’s defaults are asked for', () => {
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', '65536');
    expect(benchHostMallocEnv()).toEqual({});
    expect(benchHostMallocText()).toBe("glibc's MALLOC_MMAP_THRESHOLD_=65536 (as `npm run serve` runs)");
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', undefined);
    expect(benchHostMallocEnv('glibc')).toEqual({});
  });
});

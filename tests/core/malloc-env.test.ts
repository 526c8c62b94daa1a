/**
 * core/malloc-env.ts: `serve` starts itself again with glibc's allocator settings when they are not
 * set, on Linux with glibc only, keeping its arguments, V8 flags and the caller's own values.
 */
import { describe, expect, it } from 'vitest';
import { applyMallocEnv, DESK_HOST_MALLOC_ENV, MALLOC_ENV, withMallocEnv } from '../../core/malloc-env';

function fakeProcess(over: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; glibc?: boolean } = {}) {
  const calls: { file: string; args: readonly string[]; env: NodeJS.ProcessEnv }[] = [];
  const proc = {
    platform: over.platform ?? 'linux',
    env: over.env ?? { PATH: '/usr/bin' },
    execPath: '/usr/bin/node',
    execArgv: ['--max-semi-space-size=2'],
    argv: ['/usr/bin/node', '/app/dist-server/serve.cjs', '--port', '0'],
    execve: ((file: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) => {
      calls.push({ file, args, env });
    }) as unknown as (file: string, args?: readonly string[], env?: NodeJS.ProcessEnv) => never,
    report: { getReport: () => ({ header: over.glibc === false ? {} : { glibcVersionRuntime: '2.36' } }) },
  };
  return { proc, calls };
}

describe('applyMallocEnv', () => {
  it('on Linux with glibc, without the settings: executes the same node, flags and arguments again with them', () => {
    const { proc, calls } = fakeProcess();
    applyMallocEnv(MALLOC_ENV, proc);
    expect(calls).toEqual([
      { file: '/usr/bin/node', args: ['/usr/bin/node', '--max-semi-space-size=2', '/app/dist-server/serve.cjs', '--port', '0'], env: { PATH: '/usr/bin', MALLOC_MMAP_THRESHOLD_: '1048576' } },
    ]);
  });

  it('does nothing once they are set (the process it started), and keeps a value the caller chose', () => {
    const { proc, calls } = fakeProcess({ env: { MALLOC_MMAP_THRESHOLD_: '65536' } });
    applyMallocEnv(MALLOC_ENV, proc);
    expect(calls).toEqual([]);
  });

  it('does nothing on Windows or macOS, or on Linux without glibc', () => {
    for (const over of [{ platform: 'win32' as const }, { platform: 'darwin' as const }, { glibc: false }]) {
      const { proc, calls } = fakeProcess(over);
      applyMallocEnv(MALLOC_ENV, proc);
      expect(calls).toEqual([]);
    }
  });
});

describe('MALLOC_ENV', () => {
  it("fixes serve's mmap threshold at 1 MiB, over a socket read (64 KiB) and a built board's answer (0.7 MB), so neither is a mapping of its own", () => {
    expect(MALLOC_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576' });
    expect(Number(MALLOC_ENV.MALLOC_MMAP_THRESHOLD_)).toBeGreaterThan(64 * 1024);
    expect(Number(MALLOC_ENV.MALLOC_MMAP_THRESHOLD_)).toBeGreaterThan(0.7 * 2 ** 20);
  });
});

describe('withMallocEnv', () => {
  it("puts serve's settings, or the desk host's, under an environment, keeping every value it already has", () => {
    expect(withMallocEnv({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', MALLOC_MMAP_THRESHOLD_: '1048576' });
    expect(withMallocEnv({ PATH: '/usr/bin' }, DESK_HOST_MALLOC_ENV)).toEqual({ PATH: '/usr/bin', MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '1' });
    expect(withMallocEnv({ MALLOC_ARENA_MAX: '4' }, DESK_HOST_MALLOC_ENV)).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '4' });
  });

  it("gives the desk's host serve's 1 MiB threshold and one arena, and serve no arena setting of its own", () => {
    expect(DESK_HOST_MALLOC_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '1' });
    expect(MALLOC_ENV).not.toHaveProperty('MALLOC_ARENA_MAX');
  });
});

/**
 * core/v8-memory-saver.ts: `serve` on SQLite sets V8's memory saver mode while it runs, and a flag
 * set that way does change how far V8 lets a heap grow (a Node or V8 upgrade that ignored it, or a
 * misspelt flag, fails the last test).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyV8Flags, serveV8Flags, SQLITE_SERVE_V8_FLAGS } from '../../core/v8-memory-saver';

/**
 * A child Node with serve's heap limits sets `flags` at run time, as serve does, then keeps ~20 MB
 * alive and makes garbage for a while; it prints the largest heap V8 reserved meanwhile. Its garbage
 * collector runs on its main thread only (`--single-threaded-gc`): with V8's concurrent marker the
 * peak depends on how soon a helper thread gets a core, and in CI's full run, both cores busy, the
 * peak without the mode moved between 60 and 80 MB and once came within 15 % of the peak with it.
 * On the main thread the same garbage gives the same heap: 146–173 MB without the mode, 54–71 MB with
 * it (12 runs each beside two busy processes on this 2-core machine, 2026-11-27).
 */
function peakHeapMb(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8');
    for (const flag of JSON.parse(process.argv[1])) v8.setFlagsFromString(flag);
    const live = [];
    for (let i = 0; i < 300000; i++) live.push({ a: i, b: 'x' + i });
    let garbage = [];
    let peak = 0;
    for (let round = 0; round < 400; round++) {
      for (let i = 0; i < 10000; i++) garbage.push({ i, s: 'y' + i });
      if (garbage.length > 200000) garbage = [];
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(live.length > 0 ? peak / 2 ** 20 : 0);`;
  const run = spawnSync(process.execPath, ['--max-semi-space-size=2', '--max-old-space-size=256', '--single-threaded-gc', '-e', script, JSON.stringify(flags)], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

describe('serve and V8 memory saver mode', () => {
  it('sets it on SQLite, its default engine, and not on PostgreSQL', () => {
    expect(serveV8Flags(undefined)).toEqual(['--memory-saver-mode']);
    expect(serveV8Flags('postgres://frontdesk@127.0.0.1:5432/frontdesk')).toEqual([]);
  });

  it('sets each flag in the running V8', () => {
    const set: string[] = [];
    applyV8Flags(SQLITE_SERVE_V8_FLAGS, (flag) => set.push(flag));
    expect(set).toEqual(['--memory-saver-mode']);
  });

  it('set while the process runs, it keeps the heap smaller under the same garbage', { timeout: 30_000 }, () => {
    const without = peakHeapMb([]);
    const withSaver = peakHeapMb(SQLITE_SERVE_V8_FLAGS);
    expect(without).toBeGreaterThan(40);
    expect(withSaver, `peak heap ${withSaver} MB with the mode, ${without} MB without`).toBeLessThan(without * 0.7);
  });
});

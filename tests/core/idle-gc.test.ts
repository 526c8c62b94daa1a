/**
 * core/idle-gc.ts: one full collection once the event loop has been idle for an interval and the heap
 * has grown since the last one; none while the loop is busy, none without growth; after the first,
 * none until the loop has been quiet for `laterQuietMs`. The collection is
 * memory-reducing: checked against V8 in a child Node (a Node that ignored the options fails it).
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { idleCollectionDue, MEMORY_REDUCING, startIdleCollector, withStartUpCodeFlushed, type IdleCollector } from '../../core/idle-gc';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Keeps the event loop busy for `ms`, in slices, so the interval's timer still fires between them. */
async function busyFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const slice = performance.now() + 20;
    while (performance.now() < slice) {
      // busy
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Looks every 100 ms, any growth counts, and a loose idle bound, so a busy test runner does not decide it. */
const EAGER = { intervalMs: 100, minGrowthBytes: 0, idleUtilization: 0.5 };

let collector: IdleCollector | undefined;
afterEach(() => collector?.stop());

describe('startIdleCollector', () => {
  it('collects when the event loop was idle over an interval and the heap grew', async () => {
    // Idle here: the test only sleeps (a loose idle bound, so a busy test runner does not decide it).
    collector = startIdleCollector(EAGER);
    await sleep(800);
    expect(collector.collections).toBeGreaterThanOrEqual(1);
  });

  it('does not collect when the heap has not grown by the threshold since the last collection', async () => {
    collector = startIdleCollector({ ...EAGER, minGrowthBytes: 512 * 1024 * 1024 });
    await sleep(500);
    expect(collector.collections).toBe(0);
  });

  it('after its first collection, collects again only once the loop has been quiet for laterQuietMs', async () => {
    collector = startIdleCollector({ ...EAGER, laterQuietMs: 1500 });
    await sleep(500);
    // The first at the first idle look; quiet since the start for ~0.5 s, not yet 1.5 s.
    expect(collector.collections).toBe(1);
    await sleep(1700);
    expect(collector.collections).toBeGreaterThanOrEqual(2);
  });

  it('a busy stretch starts the quiet time again: the next collection waits laterQuietMs after it', async () => {
    collector = startIdleCollector({ ...EAGER, laterQuietMs: 1200 });
    await sleep(400);
    expect(collector.collections).toBe(1);
    await busyFor(900);
    // 1.3 s since the start, but quiet for under 1.2 s since the loop was last busy.
    await sleep(600);
    expect(collector.collections).toBe(1);
    await sleep(1100);
    expect(collector.collections).toBeGreaterThanOrEqual(2);
  });

  it('does not collect while the event loop is busy', async () => {
    collector = startIdleCollector(EAGER);
    await busyFor(600);
    expect(collector.collections).toBe(0);
  });

  it('collects with options that give the heap back to its live size, which a plain full collection does not', () => {
    // A child with serve's heap limits keeps ~10 MB alive among ~90 MB of garbage, then collects once
    // with `options`; it prints the heap V8 keeps committed and the part in use. `--single-threaded`:
    // with V8's helper threads the pages a collection frees are given back by one of them, so what is
    // committed right after depends on when it ran (a CI run read 31.7 MB after the reducing one, 19.9
    // after the plain one); on one thread the same garbage gives the same heap (21.9 MB plain, 12.2 MB
    // reducing, for 10.6 MB live, eight runs each beside three busy processes on two cores).
    const collect = (options: object) => {
      const script = `
        let keep = []; for (let i = 0; i < 200000; i++) keep.push({ i, s: 'x' + i, a: [i, i + 1] });
        let junk = []; for (let r = 0; r < 5; r++) { for (let i = 0; i < 200000; i++) junk.push({ i, s: 'y' + i }); junk = []; }
        keep = keep.filter((_, i) => i % 4 === 0);
        gc(JSON.parse(process.argv[1]));
        setTimeout(() => {
          const m = process.memoryUsage();
          console.log(JSON.stringify({ committed: m.heapTotal / 2 ** 20, used: m.heapUsed / 2 ** 20, kept: keep.length }));
        }, 100);`;
      const run = spawnSync(process.execPath, ['--expose-gc', '--single-threaded', '--max-semi-space-size=2', '--max-old-space-size=256', '-e', script, JSON.stringify(options)], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { committed: number; used: number; kept: number };
    };
    const plain = collect({ type: 'major', execution: 'sync' });
    const reducing = collect(MEMORY_REDUCING);
    expect(reducing.kept).toBe(50_000);
    expect(reducing.committed, JSON.stringify({ plain, reducing })).toBeLessThan(reducing.used * 1.5 + 2);
    expect(reducing.committed, JSON.stringify({ plain, reducing })).toBeLessThan(plain.committed * 0.7);
  });

  it("drops the start-up's compiled code at the first collection, and leaves V8's own rule after it", () => {
    // A child compiles and runs 3 000 functions once (a start-up), then collects as the idle collector
    // does: by V8's own rule, then with the start-up's code flushed; the functions run again and the
    // next collection keeps their code. It prints V8's bytecode size after each step, in KB.
    const script = `
      const { getHeapCodeStatistics } = await import('node:v8');
      const { withStartUpCodeFlushed } = await import(${JSON.stringify(join(process.cwd(), 'core', 'idle-gc.ts'))});
      const bytecode = () => Math.round(getHeapCodeStatistics().bytecode_and_metadata_size / 1024);
      const fns = new Function(Array.from({ length: 3000 }, (_, i) => 'function f' + i + '(a) { return [a, ' + i + '].map((x) => x * 2).join(); }').join('\\n') + '; return [' + Array.from({ length: 3000 }, (_, i) => 'f' + i).join() + '];')();
      const runAll = () => fns.forEach((f, i) => f(i));
      const major = () => gc(${JSON.stringify(MEMORY_REDUCING)});
      runAll();
      const ran = bytecode();
      major();
      const plain = bytecode();
      withStartUpCodeFlushed(major, []);
      const flushed = bytecode();
      runAll();
      const again = bytecode();
      major();
      const after = bytecode();
      console.log(JSON.stringify({ ran, plain, flushed, again, after }));`;
    const run = () => {
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout) as { ran: number; plain: number; flushed: number; again: number; after: number };
    };
    const sizes = run();
    const detail = JSON.stringify(sizes);
    expect(sizes.plain, detail).toBeGreaterThan(sizes.ran * 0.8); // V8's rule keeps the code of functions that just ran
    expect(sizes.plain - sizes.flushed, detail).toBeGreaterThan(500); // the 3 000 functions' code (~1 MB) dropped
    expect(sizes.again - sizes.flushed, detail).toBeGreaterThan(500); // compiled again when called
    expect(sizes.after, detail).toBeGreaterThan(sizes.again * 0.8); // and kept by the next collection: V8's rule again
  });

  it("sets V8's defaults again after the flushing collection, even one that throws, and leaves a process started with its own flags to them", () => {
    const set: string[] = [];
    expect(() => withStartUpCodeFlushed(() => { set.push('collect'); throw new Error('boom'); }, [], (flag) => set.push(flag))).toThrow('boom');
    expect(set).toEqual(['--bytecode-old-age=1', '--flush-baseline-code', 'collect', '--no-flush-baseline-code', '--bytecode-old-age=6']);
    for (const own of ['--bytecode-old-age=3', '--no-flush-bytecode', '--flush-baseline-code', '--stress-flush-code']) {
      const asked: string[] = [];
      let collected = 0;
      withStartUpCodeFlushed(() => void collected++, ['--max-semi-space-size=2', own], (flag) => asked.push(flag));
      expect([own, asked, collected]).toEqual([own, [], 1]);
    }
  });
});

describe('idleCollectionDue: the start-up collection, and the later ones', () => {
  const at = (collections: number, worked: boolean, quietMs: number) => idleCollectionDue({ collections, worked, quietMs, laterQuietMs: 30_000 });

  it('makes the start-up collection at the first idle look of a host that has not worked yet, however short the quiet', () => {
    expect(at(0, false, 2_000)).toBe('start-up');
    expect(at(0, false, 60_000)).toBe('start-up');
  });

  it('makes no start-up collection once the host has worked: the first waits for laterQuietMs of quiet like every later one', () => {
    expect(at(0, true, 2_000)).toBe('none');
    expect(at(0, true, 29_999)).toBe('none');
    expect(at(0, true, 30_000)).toBe('collect');
    expect(at(1, false, 2_000)).toBe('none');
    expect(at(3, true, 31_000)).toBe('collect');
  });
});

describe('startIdleCollector after work', () => {
  it('a host busy after its first request does not collect at its next idle look, only after laterQuietMs of quiet', async () => {
    collector = startIdleCollector({ ...EAGER, laterQuietMs: 1200, workUtilization: 0.5, requestCame: () => true });
    await busyFor(400);
    await sleep(500);
    // Idle for several looks, but the host worked: no start-up collection.
    expect(collector.collections).toBe(0);
    await sleep(1200);
    expect(collector.collections).toBeGreaterThanOrEqual(1);
  });

  it('busy before any request (the start-up’s leftovers) still collects at the first idle look', async () => {
    collector = startIdleCollector({ ...EAGER, laterQuietMs: 60_000, workUtilization: 0.5, requestCame: () => false });
    await busyFor(400);
    await sleep(500);
    expect(collector.collections).toBe(1);
  });

  it('a request without work (a desk signing in) leaves the start-up collection at the first idle look', async () => {
    collector = startIdleCollector({ ...EAGER, laterQuietMs: 60_000, workUtilization: 0.5, requestCame: () => true });
    await sleep(500);
    expect(collector.collections).toBe(1);
  });
});

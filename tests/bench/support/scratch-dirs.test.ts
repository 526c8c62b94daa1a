/**
 * The benchmarks' scratch folders (bench/support/scratch-dirs.ts): a folder a benchmark made goes
 * when it exits, and one left by a process that is gone goes the next time a benchmark makes one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir, sweepOrphans } from '../../../bench/support/scratch-dirs';

const MODULE = fileURLToPath(new URL('../../../bench/support/scratch-dirs.ts', import.meta.url));

const roots: string[] = [];
function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'scratch-dirs-'));
  roots.push(root);
  return root;
}

/** The id of a process that has ended (a shell that exited at once). */
function endedPid(): number {
  return Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim());
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('benchmark scratch folders', () => {
  it('removes the folders of processes that are gone and keeps those of running ones', () => {
    const root = freshRoot();
    const orphan = `render-ab-0-${endedPid()}-1796053964409`;
    const mine = `render-ab-1-${process.pid}-1796053964957`;
    const parent = `load-cpu-${process.ppid}-1796049820432`;
    for (const name of [orphan, mine, parent, 'unrelated']) mkdirSync(join(root, name, 'inside'), { recursive: true });
    expect(sweepOrphans(root)).toEqual([orphan]);
    expect(readdirSync(root).sort()).toEqual([parent, mine, 'unrelated'].sort());
  });

  it('removes the folders a process made when it exits', () => {
    const root = freshRoot();
    const script = `import { scratchDir } from ${JSON.stringify(MODULE)}; console.log(scratchDir('probe', ${JSON.stringify(root)}));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const made = run.stdout.trim();
    expect(made).toMatch(new RegExp(`^${root}/probe-${run.pid}-\\d+$`));
    expect(existsSync(made)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('names a folder by its maker and removes every folder it made when asked', () => {
    const root = freshRoot();
    const a = scratchDir('probe', root);
    const b = scratchDir('probe', root);
    expect(a).toMatch(new RegExp(`probe-${process.pid}-\\d+$`));
    expect(existsSync(a) && existsSync(b)).toBe(true);
    removeScratchDirs();
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });
});

/**
 * The benchmarks' scratch folders under bench/.cache/work, one per use, named `<name>-<pid>-<ms>`.
 * Each goes when the process that made it exits, and any left by a process that is gone (killed, or
 * stopped by Ctrl-C, which skips Node's exit handlers) goes the next time a benchmark makes one. Most
 * hold a copy of the dense hotel (~400 MB): the A/B and profiling tools used to leave theirs behind,
 * and a few hundred of them filled a 250 GB disk.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK_DIR = join(dirname(dirname(fileURLToPath(import.meta.url))), '.cache', 'work');

const made = new Set<string>();
let swept = false;

/** Whether a process with this id is running (signal 0 checks without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders under `root` whose maker is no longer running; returns their names. */
export function sweepOrphans(root = WORK_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const gone = names.filter((name) => {
    const pid = Number(/-(\d+)-\d+$/.exec(name)?.[1]);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid);
  });
  for (const name of gone) rmSync(join(root, name), { recursive: true, force: true });
  return gone;
}

/** Removes every folder this process made (also run at its exit). */
export function removeScratchDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** A fresh scratch folder, removed when this process exits (callers may remove it sooner). */
export function scratchDir(name: string, root = WORK_DIR): string {
  if (!swept) {
    swept = true;
    sweepOrphans(root);
    process.once('exit', removeScratchDirs);
  }
  const dir = join(root, `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  made.add(dir);
  return dir;
}

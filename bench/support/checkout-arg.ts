/**
 * A checkout named on an A/B tool's command line, with an optional environment for the host it
 * starts: `<path>[@NAME=value]…`. For settings read only as a process starts (glibc's `MALLOC_*`):
 * `. .@MALLOC_MMAP_THRESHOLD_=16384@MALLOC_ARENA_MAX=1` is this checkout as it is, then with those.
 */
import { basename, resolve } from 'node:path';

export interface CheckoutArg {
  /** The checkout's folder. */
  dir: string;
  /** Its host's environment, over this process's. */
  env: Record<string, string>;
  /** For the tool's lines: the folder's name and the settings (`main@MALLOC_ARENA_MAX=1`). */
  name: string;
}

export function parseCheckoutArg(arg: string): CheckoutArg {
  const [path, ...settings] = arg.split('@');
  const env: Record<string, string> = {};
  for (const pair of settings) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`${arg}: "${pair}" is not NAME=value`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const dir = resolve(path!);
  return { dir, env, name: basename(dir) + arg.slice(path!.length) };
}

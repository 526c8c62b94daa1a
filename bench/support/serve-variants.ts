/**
 * The memory A/B tools' variants of `npm run serve` (bench/ab/board-memory-ab.ts, serve-memory-ab.ts):
 * a build (`script`, default this checkout's, built as `npm run serve` builds it), Node flags in place
 * of the serve script's, and environment, given as JSON on the command line, each started on a data
 * folder and a free port by support/serve-process.ts.
 */
import { startServeProcess, type ServeProcess } from './serve-process';

export interface ServeVariant {
  name: string;
  script?: string;
  flags: string[];
  env?: Record<string, string>;
}

/** The variants given as JSON in `arg` (an A/B tool's first argument). */
export const readVariants = (arg: string | undefined): ServeVariant[] => JSON.parse(arg ?? '[]') as ServeVariant[];

/** Starts one variant on `dataDir` and a free port, with more of serve's arguments; resolves once it listens. */
export async function startServeVariant(v: ServeVariant, dataDir: string, args: string[] = []): Promise<ServeProcess> {
  const serve = await startServeProcess(dataDir, { script: v.script, nodeFlags: v.flags, env: v.env, args });
  if (!serve) throw new Error(`${v.name}: the memory A/B reads /proc (Linux only)`);
  return serve;
}

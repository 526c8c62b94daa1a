/**
 * The memory A/B tools' variants of `npm run serve` (bench/ab/board-memory-ab.ts, serve-memory-ab.ts):
 * a build (`script`, default this checkout's dist-server/serve.cjs), Node flags and environment,
 * given as JSON on the command line, each started on a data folder and a free port.
 */
import { spawn } from 'node:child_process';

export interface ServeVariant {
  name: string;
  script?: string;
  flags: string[];
  env?: Record<string, string>;
}

/** The variants given as JSON in `arg` (an A/B tool's first argument). */
export const readVariants = (arg: string | undefined): ServeVariant[] => JSON.parse(arg ?? '[]') as ServeVariant[];

/** Starts one variant on `dataDir` and a free port; resolves once it listens. */
export async function startServeVariant(v: ServeVariant, dataDir: string, args: string[] = []) {
  const child = spawn(process.execPath, [...v.flags, v.script ?? 'dist-server/serve.cjs', '--data', dataDir, '--port', '0', ...args], {
    env: { ...process.env, ...v.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      if (out.length < 10_000) out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${v.name}: serve exited ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * Starts the real `npm run serve` in a child process on a fresh data folder and waits for the URL it
 * prints. The renderer is already built by `npm run test:e2e`, so SKIP_RENDERER_BUILD avoids a rebuild.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServeProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServe(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
  const args = ['run', 'serve', '--silent', '--', '--data', dataDir, '--port', '0'];
  if (options.demo) args.push('--demo');
  const child: ChildProcess = spawn('npm', args, {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/i.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Benchmark 4's host as Electron runs it: dist-electron's host.cjs (built here from
 * vite.electron.config.ts into bench/.cache, the CSV worker beside it) in its own process with the
 * desk's V8 flags (`HOST_EXEC_ARGV`) and glibc's settings (`DESK_HOST_MALLOC_ENV`), as main passes them to
 * `utilityProcess.fork`, started and driven
 * by main's own host client over the host protocol. Only the launcher differs: Node's fork instead of
 * Electron's utility process. A probe preloaded into it (host-probe.ts) reads memory and event-loop
 * delay from inside. The benchmark admin is created before the host starts (bench-auth.ts) and
 * signed in through the protocol, as the desk's window is.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBuilder } from 'vite';
import { defaultRendererDir } from '../../core/host';
import { DESK_HOST_MALLOC_ENV, withMallocEnv } from '../../core/malloc-env';
import { DB_FILE_NAME, defaultMigrationsDir } from '../../db/open-database';
import { startHostClient, type HostClient } from '../../electron/host-client';
import { HOST_EXEC_ARGV } from '../../electron/host-protocol';
import { forkNodeUtility, type NodeUtilityProcess } from '../../electron/node-utility-process';
import { commands, type IpcResult } from '../../shared/contract/commands';
import type { LoginResult } from '../../shared/contract/auth';
import { BENCH_ADMIN_PASSWORD, BENCH_ADMIN_USERNAME, ensureBenchAdmin } from './bench-auth';
import type { MonitorReport } from './process-monitor';
import { BENCH_DIR, CACHE_DIR } from './hotel-dataset';
import { nowMs } from './stats';

const REPO = join(BENCH_DIR, '..');

interface EsbuildModule {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/** Builds host.cjs, export-worker.cjs and the probe into bench/.cache/electron-host (inside the repo, so they find node_modules). */
export async function buildElectronHost(): Promise<string> {
  const outDir = join(CACHE_DIR, 'electron-host');
  mkdirSync(outDir, { recursive: true });
  const builder = await createBuilder({
    root: REPO,
    configFile: join(REPO, 'vite.electron.config.ts'),
    logLevel: 'warn',
    environments: {
      host: { build: { outDir, emptyOutDir: false, sourcemap: false } },
      exportWorker: { build: { outDir, emptyOutDir: false } },
    },
  });
  await builder.build(builder.environments.host!);
  await builder.build(builder.environments.exportWorker!);
  const name = 'esbuild';
  const esbuild = (await import(name)) as EsbuildModule;
  await esbuild.build({
    entryPoints: [join(BENCH_DIR, 'support', 'host-probe.ts')],
    outfile: join(outDir, 'host-probe.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
  return outDir;
}

export interface ElectronLikeHost {
  client: HostClient;
  child: NodeUtilityProcess;
  pid: number;
  /** The admin's bearer token (for the load and the HTTP download). */
  token: string;
  /** The desktop's export through the protocol: the host writes `file`; timed round trip. */
  exportFile(file: string): Promise<{ rows: number; ms: number }>;
  probeStart(): Promise<void>;
  probeStop(): Promise<MonitorReport>;
  stop(): Promise<void>;
}

function valueOf<T>(result: IpcResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** `extraExecArgv`: more of Node's flags for the host (a profile: `--cpu-prof`, bench/ab/export-ab.ts). */
export async function startElectronHost(dataDir: string, buildDir: string, extraExecArgv: readonly string[] = []): Promise<ElectronLikeHost> {
  await ensureBenchAdmin(join(dataDir, DB_FILE_NAME));
  let child!: NodeUtilityProcess;
  const client = await startHostClient({
    spawn: () =>
      (child = forkNodeUtility(join(buildDir, 'host.cjs'), {
        execArgv: [...HOST_EXEC_ARGV, ...extraExecArgv, '--require', join(buildDir, 'host-probe.cjs')],
        env: withMallocEnv(process.env, DESK_HOST_MALLOC_ENV),
      })),
    options: { dataDir, rendererDir: defaultRendererDir(), migrationsDir: defaultMigrationsDir(), port: 0 },
    onCrash: (code) => console.error(`[bench] the host process died (exit code ${code})`),
  });
  const login = valueOf<LoginResult>(await client.call('auth:login', { username: BENCH_ADMIN_USERNAME, password: BENCH_ADMIN_PASSWORD }, null), 'sign-in');
  const token = login.access_token;
  // The probe's replies share the channel with the host's protocol messages (which have no `type`).
  const waiting = new Map<string, (message: unknown) => void>();
  child.on('message', (message) => {
    const type = (message as { type?: unknown } | null)?.type;
    const resolve = typeof type === 'string' ? waiting.get(type) : undefined;
    if (!resolve) return;
    waiting.delete(type as string);
    resolve(message);
  });
  const probeReply = <T>(type: string) => new Promise<T>((resolve) => waiting.set(type, resolve as (message: unknown) => void));
  const exportInput = commands['stays:export'].input.parse({});
  return {
    client,
    child,
    pid: child.pid!,
    token,
    async exportFile(file) {
      const t0 = nowMs();
      const { rows } = valueOf<{ rows: number }>(await client.exportFile('stays:export', exportInput, token, file), 'export');
      return { rows, ms: nowMs() - t0 };
    },
    async probeStart() {
      const started = probeReply('probe:started');
      child.postMessage({ type: 'probe:start' });
      await started;
    },
    async probeStop() {
      // Listen first, then ask: the probe answers 'probe:done' only once it is told to stop.
      const done = probeReply<MonitorReport>('probe:done');
      child.postMessage({ type: 'probe:stop' });
      return await done;
    },
    stop: () => client.close(),
  };
}

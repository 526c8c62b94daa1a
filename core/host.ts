/**
 * The host: everything the desk runs besides the window. Opens the database, builds the core, seeds
 * the demo hotel when asked, starts the REST server and the outbox worker. Electron's main process
 * and `npm run serve` both start exactly this; `close()` undoes it in reverse, once.
 */
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DB_FILE_NAME, openDatabase } from '../db/open-database';
import type { Settings } from '../shared/contract/schemas';
import { buildServer } from './api/build-server';
import { createEventBus, type Clock } from './context';
import { createCore, type Core } from './create-core';
import { seedDemoHotel } from './demo/demo-hotel';
import { DEFAULT_HOST, DEFAULT_PORT } from './host-defaults';
import { createOutboxWorker, type OutboxWorker } from './outbox/outbox-worker';

export { DEFAULT_HOST, DEFAULT_PORT } from './host-defaults';

export interface HostOptions {
  /** Where `frontdesk.db` lives (created if missing). */
  dataDir: string;
  /** Default 8787; 0 takes any free port. */
  port?: number;
  /** Default 127.0.0.1: the LAN sees the API only when told (`0.0.0.0`). */
  host?: string;
  /** Seed the demo hotel into an empty database. */
  demo?: boolean;
  clock?: Clock;
  /** What the outbox worker sends with (tests pass their own). */
  fetch?: typeof fetch;
  /** Written over the stored settings at start-up (e.g. billing URL from the environment). */
  settings?: Partial<Settings>;
  /** The built renderer; default `<repo>/dist/renderer`. */
  rendererDir?: string;
  migrationsDir?: string;
  logger?: boolean;
  /** Run the outbox worker (default true). */
  worker?: boolean;
}

export interface Host {
  core: Core;
  server: FastifyInstance;
  /** `http://127.0.0.1:8787` */
  url: string;
  port: number;
  dbFile: string;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function createHost(options: HostOptions): Promise<Host> {
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const clock = options.clock ?? Date.now;
  const { sqlite, orm } = openDatabase({ file: dbFile, migrationsDir: options.migrationsDir });
  let server: FastifyInstance | undefined;
  let worker: OutboxWorker | undefined;
  try {
    const core = createCore({ sqlite, orm, clock, events: createEventBus() }, { settings: options.settings });
    if (options.demo) seedDemoHotel(core);

    server = await buildServer(core, {
      dbFile,
      rendererDir: options.rendererDir ?? defaultRendererDir(),
      logger: options.logger,
    });
    const host = options.host ?? DEFAULT_HOST;
    await server.listen({ port: options.port ?? DEFAULT_PORT, host });
    const port = (server.server.address() as AddressInfo).port;

    worker = createOutboxWorker({ sqlite, clock, getSettings: () => core.settings.get(), events: core.deps.events, fetch: options.fetch });
    if (options.worker !== false) worker.start();

    const started = { server, worker };
    let closing: Promise<void> | undefined;
    return {
      core,
      server,
      url: `http://${urlHost(host)}:${port}`,
      port,
      dbFile,
      close() {
        closing ??= (async () => {
          try {
            await started.worker.stop();
            await started.server.close();
          } finally {
            sqlite.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await worker?.stop();
    await server?.close().catch(() => undefined);
    sqlite.close();
    throw error;
  }
}

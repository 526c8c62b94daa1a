/**
 * The host: everything the desk runs besides the window. Opens the database, builds the core,
 * creates the first admin on a first start, seeds the demo hotel when asked, starts the REST server
 * and the background jobs (core/jobs: the outbox worker, its retention, the appointments' scheduler). Electron's host process and `npm run serve` both start exactly this;
 * `close()` undoes it in reverse, once.
 *
 * **The LAN switch**: while the `lanEnabled` setting is off the API listens on 127.0.0.1 only; when
 * an admin turns it on (possible only once the default admin password is gone) it moves to
 * `lanHost:lanPort` at once, and back when turned off — no restart (core/api/listener.ts).
 */
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DB_FILE_NAME, openDatabase, type DatabaseConfig } from '../db/open-database';
import type { Database } from '../db/database';
import { startLiveEventListener, type LiveEventListener } from '../db/live-event-listener';
import type { Settings } from '../shared/contract/settings';
import { buildServer, requestHandlerOf } from './api/build-server';
import { createListener, type ListenAddress, type Listener } from './api/listener';
import { createOutageLog } from './api/outage-log';
import { createEventBus, type CallContext, type Clock } from './context';
import { createCore, type Core } from './create-core';
import { seedDemoHotel } from './demo/demo-hotel';
import { createHostLog, type HostLog, type LogOptions } from './logging';
import { startIdleCollector } from './idle-gc';
import { startJobs, type JobRunner } from './jobs/job-runner';
import { JOBS } from './composition/jobs';
import { lendExportWorker } from './export/export-thread';

export { DEFAULT_HOST, DEFAULT_PORT } from './host-defaults';

export interface HostOptions {
  /** Where `frontdesk.db` (on SQLite) and the logs live (created if missing). */
  dataDir: string;
  /**
   * A PostgreSQL database (`postgres://user:password@host:5432/frontdesk`) instead of the SQLite file
   * in `dataDir`: the same core, API and UI on PostgreSQL 15 or newer (docs/postgresql.md).
   */
  databaseUrl?: string;
  /**
   * The port, overriding the `lanPort` setting until an admin changes the LAN settings; 0 takes any
   * free port. Default: the setting (8787).
   */
  port?: number;
  /** The LAN address (`lanHost` setting, default 0.0.0.0), stored at start-up. Used only while the LAN API is on. */
  host?: string;
  /** Switch the LAN API on at start-up (refused while the default admin password is in use). */
  lan?: boolean;
  /**
   * The first admin's password on a first start (no user yet); without it the first admin is
   * `admin`/`admin` and must change it. Default: env FRONTDESK_ADMIN_PASSWORD.
   */
  adminPassword?: string;
  /**
   * The hotel's IANA time zone, set and confirmed before anything else is stored (the demo's stays
   * are made in it). Refused when the hotel already has stays in another zone (docs/stays-rules.md):
   * the host does not start. Without it, the stored zone; the demo's default is Europe/Copenhagen.
   */
  timeZone?: string;
  /** Seed the demo hotel into an empty database. */
  demo?: boolean;
  /**
   * This server's name when several servers share one PostgreSQL database (`--server-name`, env
   * FRONTDESK_SERVER_NAME; default the machine's host name): its LAN switch, address and port are
   * kept under it, so an admin's change through one server moves only that server's listener.
   * Unused on SQLite (one process owns the file).
   */
  serverName?: string;
  /** The reverse proxies in front of this server (`--trust-proxy`): see BuildServerOptions.trustProxy. */
  trustProxy?: readonly string[];
  clock?: Clock;
  /** What the outbox worker sends with (tests pass their own). */
  fetch?: typeof fetch;
  /** Written over the stored settings at start-up (e.g. billing URL from the environment). */
  settings?: Partial<Settings>;
  /** The built renderer; default `<repo>/dist/renderer`. */
  rendererDir?: string;
  migrationsDir?: string;
  /** Warnings and errors to stdout (without `log`). */
  logger?: boolean;
  /**
   * The host's log: JSON lines to a rotating file in `<dataDir>/logs` (and the console if asked),
   * one request id per request, secrets redacted (core/logging.ts). Off without it.
   */
  log?: LogOptions;
  /** Run the outbox worker (default true): the `outbox-worker` job. */
  worker?: boolean;
  /** Run the appointments' scheduler: holds lapse, reminders go out (default true): the `appointment-scheduler` job. */
  appointmentScheduler?: boolean;
  /** Background jobs by name (core/composition/jobs.ts): `false` leaves one off. */
  jobs?: Record<string, boolean>;
  /**
   * How often a server that does not lead a `'once'` job tries to take it over, and the leader checks
   * its lock (default 15 s): a dead leader's jobs move within this of PostgreSQL ending its session.
   */
  leaderRetryMs?: number;
  /** One full garbage collection when the host goes quiet after work (core/idle-gc.ts; default true). */
  idleGc?: boolean;
}

export interface Host {
  core: Core;
  server: FastifyInstance;
  /** The background jobs (`jobs.running()`: those running on this server now). */
  jobs: JobRunner;
  /** Where the API is reached on this machine now: `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Where the data is: the SQLite file, or the PostgreSQL URL without its password. */
  database: string;
  /** Where the log files are (`<dataDir>/logs`), when the host logs. */
  logDir: string | null;
  /** Settles once the listener has followed the last LAN setting change (tests wait on it). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** The URLs LAN clients use: every external IPv4 address of this machine for 0.0.0.0. */
export function lanUrls(address: ListenAddress): string[] {
  if (address.host !== '0.0.0.0' && address.host !== '::') return [`http://${urlHost(address.host)}:${address.port}`];
  const urls: string[] = [];
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal) urls.push(`http://${info.address}:${address.port}`);
    }
  }
  return urls;
}

const LOOPBACK_HOST = '127.0.0.1';
/** The host's own start-up work (`--lan`), as the audit log shows it. */
const HOST_CONTEXT: CallContext = { actor: { userId: null, username: 'host', role: 'admin' }, via: 'internal' };

/** Where the settings say the API should listen now. */
function wanted(settings: Settings, portOverride: number | undefined): ListenAddress {
  const port = portOverride ?? settings.lanPort;
  return settings.lanEnabled ? { host: settings.lanHost, port } : { host: LOOPBACK_HOST, port };
}

/**
 * Follows the LAN settings: after every `settings.changed` (published after the COMMIT), moves the
 * listener if the wanted address differs. The `port` option holds until an admin sets the port.
 */
function followLanSettings(core: Core, listener: Listener, portOverride: number | undefined) {
  let override = portOverride;
  let lastPort = core.settings.get().lanPort;
  let lastError: string | null = null;
  let moving: Promise<void> = Promise.resolve();
  const unsubscribe = core.deps.events.subscribe((event) => {
    if (event.type !== 'settings.changed') return;
    if (event.settings.lanPort !== lastPort) override = undefined;
    lastPort = event.settings.lanPort;
    const to = wanted(event.settings, override);
    const at = listener.current();
    if (at && at.host === to.host && at.port === to.port) return;
    moving = listener.listen(to).then(
      () => {
        lastError = null;
      },
      (error: unknown) => {
        lastError = `Could not listen on ${to.host}:${to.port}: ${(error as Error).message}`;
        console.error(`Frontdesk: ${lastError}`);
      },
    );
  });
  core.setNetworkStatus(() => {
    const settings = core.settings.get();
    const listening = listener.current();
    return { lanEnabled: settings.lanEnabled, listening, urls: settings.lanEnabled && listening ? lanUrls(listening) : [], error: lastError };
  });
  return { unsubscribe, settled: () => moving };
}

// eslint-disable-next-line max-lines-per-function -- the host's start-up in order (database, core, server, jobs, LAN switch) and its close in reverse, over one state
export async function createHost(options: HostOptions): Promise<Host> {
  const config: DatabaseConfig = options.databaseUrl
    ? { engine: 'postgres', url: options.databaseUrl }
    : { engine: 'sqlite', file: join(options.dataDir, DB_FILE_NAME) };
  const clock = options.clock ?? Date.now;
  const db: Database = await openDatabase(config, { migrationsDir: options.migrationsDir, checkpointThreads: lendExportWorker });
  let server: FastifyInstance | undefined;
  let listener: Listener | undefined;
  let jobs: JobRunner | undefined;
  let hostLog: HostLog | undefined;
  let liveEvents: LiveEventListener | undefined;
  try {
    if (options.log) hostLog = await createHostLog(options.dataDir, options.log);
    const startSettings: Partial<Settings> = { ...options.settings, ...(options.host ? { lanHost: options.host } : {}) };
    const core = await createCore({ db, clock, events: createEventBus() }, { settings: startSettings, server: options.serverName ?? hostname() });
    await core.auth.ensureFirstRunAdmin(options.adminPassword ?? process.env.FRONTDESK_ADMIN_PASSWORD);
    if (options.lan && !core.settings.get().lanEnabled) {
      // Refused (409) while the default admin password is in use, like the admin's own switch.
      await core.handlers['settings:update']({ lanEnabled: true }, HOST_CONTEXT);
      await core.audit.record(HOST_CONTEXT, { action: 'settings:update', entity: 'settings', detail: { lanEnabled: true } });
    }
    if (options.timeZone !== undefined && !(core.settings.get().timeZoneConfirmed && core.settings.get().timeZone === options.timeZone)) {
      // Refused (409 stays.timeZoneFixed) when stays exist in another zone: then the host does not start.
      await core.handlers['settings:update']({ timeZone: options.timeZone }, HOST_CONTEXT);
      await core.audit.record(HOST_CONTEXT, { action: 'settings:update', entity: 'settings', detail: { timeZone: options.timeZone } });
    }
    if (options.demo) await seedDemoHotel(core);
    // Other servers' committed events reach this server's clients (PostgreSQL; a no-op on SQLite).
    const listenerOutage = createOutageLog((line) => hostLog?.logger.warn(line));
    liveEvents = await startLiveEventListener(db, {
      // Another server's settings change: this one reads the stored settings again and tells its own
      // clients and its listener (core/settings/settings-service.ts) in its own terms: its LAN
      // address is its own, so the other server's never moves this one's listener.
      deliver: (event) =>
        event.type === 'settings.changed'
          ? void core.settings.refresh().catch((error: unknown) => hostLog?.logger.warn({ err: error }, 'settings from another server: not read'))
          : core.deps.events.publish(event),
      onError: (error) => {
        if (!listenerOutage(error, 'live events from other servers: the database cannot be reached; retrying')) hostLog?.logger.warn({ err: error }, 'live events from other servers: retrying');
      },
    });

    server = await buildServer(core, {
      rendererDir: options.rendererDir ?? defaultRendererDir(),
      logger: hostLog?.logger ?? options.logger,
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    });
    await server.ready();
    listener = createListener(requestHandlerOf(server), server.server);
    const first = await listener.listen(wanted(core.settings.get(), options.port));
    // `port: 0` took a free port: keep that one, rather than a new free port at every setting change.
    const lan = followLanSettings(core, listener, options.port === 0 ? first.port : options.port);

    const off: Record<string, boolean> = { ...options.jobs, ...(options.worker === false ? { 'outbox-worker': false } : {}), ...(options.appointmentScheduler === false ? { 'appointment-scheduler': false } : {}) };
    const log = hostLog?.logger ?? server.log;
    // While the database is out of reach, one line now and then, not a stack trace per round (outage-log.ts).
    const jobsOutage = createOutageLog((line) => log.warn(line));
    jobs = startJobs(
      JOBS.filter((job) => off[job.name] !== false),
      {
        core, db, dataDir: options.dataDir, fetch: options.fetch,
        onError: (job, error) => {
          if (!jobsOutage(error, `${job}: the database cannot be reached; retrying`)) log.error({ err: error, job }, `${job}: failed, retrying`);
        },
      },
      { leaderRetryMs: options.leaderRetryMs },
    );

    const idleGc = options.idleGc === false ? undefined : startIdleCollector();
    const started = { server, jobs, listener, liveEvents };
    let closing: Promise<void> | undefined;
    const at = () => started.listener.current() ?? { host: LOOPBACK_HOST, port: 0 };
    return {
      core,
      server,
      jobs,
      get url() {
        return `http://${urlHost(at().host)}:${at().port}`;
      },
      get port() {
        return at().port;
      },
      database: db.location,
      logDir: hostLog?.dir ?? null,
      settled: () => lan.settled(),
      close() {
        closing ??= (async () => {
          try {
            idleGc?.stop();
            lan.unsubscribe();
            await started.liveEvents.stop();
            await started.jobs.stop();
            await core.services.imports.close(); // an import under way rolls back
            await core.services.brokers.close(); // the RabbitMQ link, if the outbox screen opened one without a worker
            // Fastify first: it ends the live feed's WebSockets with a close frame, where the listener
            // could only cut their sockets.
            await started.server.close();
            await started.listener.close();
          } finally {
            await db.close();
            await hostLog?.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await liveEvents?.stop();
    await jobs?.stop();
    await listener?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await db.close();
    await hostLog?.close();
    throw error;
  }
}

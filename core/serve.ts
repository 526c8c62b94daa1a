/**
 * `npm run serve -- --data DIR --port N [--database URL] [--host ADDR] [--lan] [--time-zone ZONE] [--demo]`: the headless LAN server
 * (core + REST API + the built renderer for browsers). The only file besides Electron's host process
 * that starts a host.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Settings } from '../shared/contract/settings';
import { isValidTimeZone, LIKELY_HOTEL_ZONE } from '../shared/time-zones';
import { DEFAULT_LAN_HOST, DEFAULT_PORT } from './host-defaults';
import { DEFAULT_LOG_LEVEL, isLogLevel, LOG_LEVELS, type LogLevel } from './log-levels';
import { applyMallocEnv, MALLOC_ENV } from './malloc-env';
import { deferOptimizingCompiler } from './optimizing-compiler';
import { applyV8Flags, serveV8Flags } from './v8-memory-saver';
import type { HostOptions } from './host';

const USAGE = `Usage: npm run serve -- [--data DIR] [--port N] [--database URL] [--host ADDR] [--lan] [--time-zone ZONE] [--server-name NAME] [--trust-proxy LIST] [--demo] [--log-level LEVEL]

  --data DIR    where frontdesk.db lives (env FRONTDESK_DATA, default ./frontdesk-data), and the logs
  --database URL
                a PostgreSQL 15+ database instead of the SQLite file in DIR:
                postgres://user:password@host:5432/frontdesk (env FRONTDESK_DATABASE_URL, then
                DATABASE_URL; default: SQLite, DIR/frontdesk.db)
  --port N      port to listen on, 0 for any free one (env FRONTDESK_PORT, default: the
                LAN port setting, ${DEFAULT_PORT})
  --host ADDR   the LAN API's address once it is on (env FRONTDESK_HOST, default ${DEFAULT_LAN_HOST})
  --lan         switch the LAN API on (refused while the admin password is the default);
                without it, and until an admin turns it on in Settings, only 127.0.0.1 listens
  --time-zone ZONE
                the hotel's IANA time zone, e.g. Europe/Copenhagen (env FRONTDESK_TIME_ZONE), set
                and confirmed before anything is stored; refused once the hotel has stays in
                another zone. Default: the stored zone; a new hotel is asked at the first sign-in
  --server-name NAME
                this server's name when several share one PostgreSQL database (env
                FRONTDESK_SERVER_NAME, default the machine's host name): its LAN switch, address
                and port are its own, kept under this name
  --trust-proxy LIST
                the reverse proxies (load balancers) in front of this server, comma-separated
                addresses or CIDRs, e.g. 10.0.0.5 or 172.28.0.0/24 (env FRONTDESK_TRUST_PROXY,
                default none): their X-Forwarded-For names the client, for the rate limit, the
                sign-in back-off and the audit log
  --demo        seed a demo hotel into an empty database, in --time-zone (default
                ${LIKELY_HOTEL_ZONE})
  --log-level LEVEL
                fatal, error, warn, info, debug, trace or silent (env FRONTDESK_LOG_LEVEL,
                default info): JSON lines to the console and to DIR/logs/frontdesk.<date>.<n>.log
  --help        show this

Environment: BILLING_SERVICE_URL, EVENT_SERVICE_URL set the integration targets;
FRONTDESK_ADMIN_PASSWORD, on a first start, is the first admin's password (otherwise admin/admin,
to be changed at the first sign-in).`;

class UsageError extends Error {
  /** `usage`: print the usage after the message (not for a bad database URL: one line says it all). */
  constructor(message: string, readonly usage = true) {
    super(message);
  }
}

/** As db/open-database's isPostgresUrl, without loading the engines before the arguments are checked. */
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

type ServeConfig = Pick<HostOptions, 'dataDir' | 'databaseUrl' | 'port' | 'host' | 'lan' | 'demo' | 'settings' | 'timeZone' | 'serverName' | 'trustProxy'> & { help: boolean; logLevel: LogLevel };

function parseLogLevel(text: string, from: string): LogLevel {
  const level = text.trim().toLowerCase();
  if (!isLogLevel(level)) throw new UsageError(`${from} must be one of ${LOG_LEVELS.join(', ')}, not "${text}"`);
  return level;
}

function parseTimeZone(text: string, from: string): string {
  const zone = text.trim();
  if (!isValidTimeZone(zone)) throw new UsageError(`${from} must be an IANA time zone such as ${LIKELY_HOTEL_ZONE}, not "${text}"`);
  return zone;
}

/** An IPv4 or IPv6 address, with an optional /prefix, or one of proxy-addr's names for a range. */
const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-f:.]*:[\da-f:.]*(\/\d{1,3})?)$/i;

function parseTrustProxy(text: string, from: string): string[] {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !PROXY_ENTRY.test(e) || (!/^[a-z]+$/i.test(e) && isIP(e.split('/')[0]!) === 0));
  if (entries.length === 0 || bad !== undefined) throw new UsageError(`${from} must list addresses or CIDRs such as 10.0.0.5,172.28.0.0/24, not "${bad ?? text}"`);
  return entries;
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return Number(text);
}

/** A setting from its flag, else from its environment variable (an empty variable counts as unset), parsed and named by where it came from. */
function flagOrEnv<T>(flag: string | undefined, flagName: string, env: NodeJS.ProcessEnv, envName: string, parse: (text: string, from: string) => T): T | undefined {
  if (flag !== undefined) return parse(flag, flagName);
  const fromEnv = env[envName];
  return fromEnv ? parse(fromEnv, envName) : undefined;
}

/**
 * `--database`, then FRONTDESK_DATABASE_URL, then DATABASE_URL (seed 001's name); none: SQLite. An
 * empty variable counts as unset. The message never repeats the URL: it may hold a password.
 */
function parseDatabaseUrl(values: { database?: string }, env: NodeJS.ProcessEnv): string | undefined {
  const [from, text] =
    values.database !== undefined
      ? ['--database', values.database]
      : env.FRONTDESK_DATABASE_URL
        ? ['FRONTDESK_DATABASE_URL', env.FRONTDESK_DATABASE_URL]
        : env.DATABASE_URL
          ? ['DATABASE_URL', env.DATABASE_URL]
          : [undefined, undefined];
  if (from === undefined) return undefined;
  const url = text.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!POSTGRES_URL.test(url) || !parsed?.hostname) {
    throw new UsageError(`${from} must be a PostgreSQL URL such as postgres://user:password@host:5432/frontdesk (see --help)`, false);
  }
  return url;
}

/** Arguments win over the environment, which wins over the defaults. */
function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        database: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        lan: { type: 'boolean' },
        demo: { type: 'boolean' },
        'time-zone': { type: 'string' },
        'server-name': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const databaseUrl = parseDatabaseUrl(values, env);
  const settings: Partial<Settings> = {};
  if (env.BILLING_SERVICE_URL) settings.billingServiceUrl = env.BILLING_SERVICE_URL;
  if (env.EVENT_SERVICE_URL) settings.eventServiceUrl = env.EVENT_SERVICE_URL;
  const host = values.host ?? env.FRONTDESK_HOST;
  if (host !== undefined && host.trim() === '') throw new UsageError('--host must not be empty');
  const port = values.port ?? env.FRONTDESK_PORT;
  const serverName = values['server-name'] ?? env.FRONTDESK_SERVER_NAME;
  if (serverName !== undefined && !/^[\w.:-]{1,64}$/.test(serverName)) throw new UsageError('--server-name: 1 to 64 letters, digits, . _ : or -');
  const trustProxy = flagOrEnv(values['trust-proxy'], '--trust-proxy', env, 'FRONTDESK_TRUST_PROXY', parseTrustProxy);
  const logLevel = flagOrEnv(values['log-level'], '--log-level', env, 'FRONTDESK_LOG_LEVEL', parseLogLevel) ?? DEFAULT_LOG_LEVEL;
  const timeZone = flagOrEnv(values['time-zone'], '--time-zone', env, 'FRONTDESK_TIME_ZONE', parseTimeZone);
  return {
    logLevel,
    ...(timeZone === undefined ? {} : { timeZone }),
    help: values.help ?? false,
    dataDir: resolve(values.data ?? env.FRONTDESK_DATA ?? './frontdesk-data'),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(port === undefined ? {} : { port: parsePort(port) }),
    ...(host === undefined ? {} : { host }),
    ...(serverName === undefined ? {} : { serverName }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    lan: values.lan ?? false,
    demo: values.demo ?? false,
    settings,
  };
}

async function main(): Promise<void> {
  let config: ServeConfig;
  try {
    config = parseServeArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.usage ? `${e.message}\n\n${USAGE}` : e.message);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  // glibc's allocator settings, read only as a process starts: this one starts again with them (malloc-env.ts).
  applyMallocEnv(MALLOC_ENV);
  // V8's memory saver mode on SQLite, before anything of the host is loaded (v8-memory-saver.ts).
  applyV8Flags(serveV8Flags(config.databaseUrl));
  // SIGINT/SIGTERM are ours before anything is opened or announced: a signal while the host starts
  // closes it once it is up; one right after "listening" closes it too (exit 0), never the default kill.
  const running: { close?: () => Promise<void> } = {};
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing…`);
    if (running.close) closeAndExit(running.close);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Loaded only now: `--help` and bad arguments answer without starting Fastify and SQLite. The
  // host starts without V8's optimizing compiler; its first request switches it on
  // (optimizing-compiler.ts: ~6 MB of the node binary's pages a server nobody has used yet never needs).
  deferOptimizingCompiler();
  const { createHost } = await import('./host');
  const { logLevel, help: _help, ...hostConfig } = config;
  const host = await createHost({ ...hostConfig, log: { level: logLevel, console: true } });
  running.close = () => host.close();
  if (stopping) {
    closeAndExit(running.close);
    return;
  }
  const where = config.databaseUrl === undefined ? `data: ${config.dataDir}` : `database: ${host.database}`;
  console.log(`Frontdesk listening on ${host.url} (${where})`);
  console.log(`API docs: ${host.url}/docs`);
  const network = await host.core.handlers['network:status']({}, { actor: { userId: null, username: 'host', role: 'admin' }, via: 'internal' });
  if (network.server !== null) console.log(`Server name: ${network.server} (its LAN switch, address and port are its own)`);
  if (network.lanEnabled) console.log(`LAN API on: ${network.urls.join(', ') || `${network.listening?.host}:${network.listening?.port}`}`);
  else console.log(`LAN API off (127.0.0.1 only)${network.blockedReason ? `: ${network.blockedReason}` : ''}; an admin turns it on in Settings.`);
}

function closeAndExit(close: () => Promise<void>): void {
  close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('Closing failed:', e);
      process.exit(1);
    },
  );
}

main().catch((e: unknown) => {
  console.error('Frontdesk could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});

/**
 * `npm run serve -- --data DIR --port N [--host ADDR] [--demo]`: the headless LAN server (core + REST
 * API + the built renderer for browsers). The only file besides Electron's main that starts a host.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Settings } from '../shared/contract/schemas';
import { DEFAULT_HOST, DEFAULT_PORT } from './host-defaults';
import type { HostOptions } from './host';

const USAGE = `Usage: npm run serve -- [--data DIR] [--port N] [--host ADDR] [--demo]

  --data DIR    where frontdesk.db lives (env FRONTDESK_DATA, default ./frontdesk-data)
  --port N      port to listen on, 0 for any free one (env FRONTDESK_PORT, default ${DEFAULT_PORT})
  --host ADDR   address to bind (env FRONTDESK_HOST, default ${DEFAULT_HOST}; 0.0.0.0 opens it to the LAN)
  --demo        seed a demo hotel into an empty database
  --help        show this

Environment: BILLING_SERVICE_URL, EVENT_SERVICE_URL set the integration targets.`;

class UsageError extends Error {}

type ServeConfig = Pick<HostOptions, 'dataDir' | 'port' | 'host' | 'demo' | 'settings'> & { help: boolean };

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return Number(text);
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
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const settings: Partial<Settings> = {};
  if (env.BILLING_SERVICE_URL) settings.billingServiceUrl = env.BILLING_SERVICE_URL;
  if (env.EVENT_SERVICE_URL) settings.eventServiceUrl = env.EVENT_SERVICE_URL;
  const host = values.host ?? env.FRONTDESK_HOST ?? DEFAULT_HOST;
  if (host.trim() === '') throw new UsageError('--host must not be empty');
  const port = values.port ?? env.FRONTDESK_PORT;
  return {
    help: values.help ?? false,
    dataDir: resolve(values.data ?? env.FRONTDESK_DATA ?? './frontdesk-data'),
    port: port === undefined ? DEFAULT_PORT : parsePort(port),
    host,
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
    console.error(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  // Loaded only now: `--help` and bad arguments answer without starting Fastify and SQLite.
  const { createHost } = await import('./host');
  const host = await createHost({ ...config, logger: true });
  const everywhere = config.host === '0.0.0.0' || config.host === '::' ? ' and on every network interface' : '';
  console.log(`Frontdesk listening on ${host.url}${everywhere} (data: ${config.dataDir})`);
  console.log(`API docs: ${host.url}/docs`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing…`);
    host.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Closing failed:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('Frontdesk could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});

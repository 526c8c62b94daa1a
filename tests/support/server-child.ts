/**
 * One Frontdesk server as its own process, for the tests that run several on one PostgreSQL database
 * and SIGKILL one of them: the real host (`createHost`, as `npm run serve -- --database … --server-name
 * …` starts it: every background job, the live-event listener, the LAN switch) on a free port.
 *
 * argv[2] is a JSON `ServerChildConfig`. Two things differ from `serve`, both for the test to see
 * what happens: `leaderRetryMs` (how soon a `'once'` job moves to another server; serve's default is
 * 15 s), and the outbox worker's fetch adds `X-Test-Server: <name>`, so a billing receiver knows
 * which server sent each request (the claims a killed server left behind).
 *
 * stdout, one line each: `ready <url>`, then `jobs <names>` (comma-separated, possibly empty) each time
 * the jobs running on this server change (a `'once'` job gained or lost). Run with
 * `node --import tsx tests/support/server-child.ts '<json>'`; nothing imports it.
 */
import { writeSync } from 'node:fs';
import { createHost } from '../../core/host';
import type { Settings } from '../../shared/contract/settings';
import { TEST_ADMIN_PASSWORD } from './sessions';

export interface ServerChildConfig {
  name: string;
  dataDir: string;
  databaseUrl: string;
  leaderRetryMs: number;
  settings: Partial<Settings>;
}

/** A safety net: a child whose parent died without killing it stops by itself. */
const GIVE_UP_AFTER_MS = 15 * 60_000;
const say = (line: string) => writeSync(1, `${line}\n`);

const config = JSON.parse(process.argv[2] ?? 'null') as ServerChildConfig | null;
if (!config) throw new Error("usage: server-child.ts '<json config>'");

const tagged: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('x-test-server', config.name);
  return fetch(input, { ...init, headers });
};

const host = await createHost({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  serverName: config.name,
  port: 0,
  rendererDir: config.dataDir,
  adminPassword: TEST_ADMIN_PASSWORD,
  settings: config.settings,
  leaderRetryMs: config.leaderRetryMs,
  fetch: tagged,
});
say(`ready ${host.url}`);

let jobs = '';
setInterval(() => {
  const now = host.jobs.running().sort().join(',');
  if (now !== jobs) say(`jobs ${(jobs = now)}`);
}, 20);
setTimeout(() => process.exit(3), GIVE_UP_AFTER_MS).unref();
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));

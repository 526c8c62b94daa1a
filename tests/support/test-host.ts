/**
 * A real host (`createHost`, as Electron and `npm run serve` start it) on a temp data folder and any
 * free port, its first admin created with TEST_ADMIN_PASSWORD and signed in over `POST /login/`.
 * `fetch` sends that admin's token unless the call brings its own `authorization` header.
 */
import { join } from 'node:path';
import { createHost, type Host, type HostOptions } from '../../core/host';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from './sessions';
import { createTestDatabase } from './test-database';

export interface TestHost {
  host: Host;
  dir: string;
  /** The first admin's bearer token. */
  token: string;
  /** `fetch(host.url + path)`, signed in as the first admin. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request, signed in as the first admin (or with `token`). */
  json(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * On this run's engine: the SQLite file in the host's own data folder, or a fresh PostgreSQL
 * database (tests/support/test-database.ts).
 */
export async function startTestHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const database = await createTestDatabase();
  const dir = database.dir;
  let host: Host;
  try {
    host = await createHost({
      dataDir: dir,
      ...(database.config.engine === 'postgres' ? { databaseUrl: database.config.url } : {}),
      port: 0,
      worker: false,
      rendererDir: join(dir, 'no-renderer'),
      adminPassword: TEST_ADMIN_PASSWORD,
      ...options,
      settings: { timeZone: 'Europe/Copenhagen', ...options.settings },
    });
  } catch (e) {
    await database.drop();
    throw e;
  }
  const token = await signInOverHttp(host.url);
  const signedFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${host.url}${path}`, { ...init, headers });
  };
  return {
    host,
    dir,
    token,
    fetch: signedFetch,
    json: (method, path, body, as = token) =>
      signedFetch(path, {
        method,
        headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async close() {
      try {
        await host.close();
      } finally {
        await database.drop();
      }
    },
  };
}

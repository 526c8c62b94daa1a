/**
 * Signing the benchmarks in: every route but /health needs a token. The admin is created in the
 * benchmark's own process before a host starts on the data folder, so the measured host starts as it
 * does on any day but the first (the first start also loads the common-password list to check the
 * password, a few MB the desk never holds again); the host process signs it in and hands the token over.
 */
import { createEventBus } from '../../core/context';
import { createCore } from '../../core/create-core';
import { isPostgresUrl, openDatabase } from '../../db/open-database';
import { NOW_MS, TIME_ZONE } from './hotel-dataset';

export const BENCH_ADMIN_USERNAME = 'admin';
/** The benchmark hotels' first admin (FRONTDESK_ADMIN_PASSWORD for a `npm run serve` on them). */
export const BENCH_ADMIN_PASSWORD = 'Bench-Admin-Quay-4711';

/** Creates the first admin with BENCH_ADMIN_PASSWORD in the database (a SQLite file or a PostgreSQL URL), unless it has users already. */
export async function ensureBenchAdmin(database: string): Promise<void> {
  const db = await openDatabase(isPostgresUrl(database) ? { engine: 'postgres', url: database } : { engine: 'sqlite', file: database });
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    await core.auth.ensureFirstRunAdmin(BENCH_ADMIN_PASSWORD);
  } finally {
    await db.close();
  }
}

/** `POST /login/` as the benchmark admin on a running server; the bearer token. */
export async function signInOverHttp(origin: string): Promise<string> {
  const res = await fetch(`${origin}/login/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_ADMIN_USERNAME, password: BENCH_ADMIN_PASSWORD }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST ${origin}/login/ → ${res.status} ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}

/** The demo hotel's admin: `admin`/`admin` at the first start, with a new password chosen at the first sign-in. */
export async function chooseAdminPassword(origin: string): Promise<void> {
  const login = await fetch(`${origin}/login/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }) });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const changed = await fetch(`${origin}/api/v1/me/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ currentPassword: 'admin', newPassword: BENCH_ADMIN_PASSWORD }),
  });
  if (changed.status !== 200) throw new Error(`POST /api/v1/me/password: ${changed.status} ${await changed.text()}`);
}

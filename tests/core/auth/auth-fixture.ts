/**
 * The sign-in services over a fresh database of this run's engine with the real migrations, the
 * hotel in Europe/Copenhagen and a clock the test moves; built directly (not through createCore) so
 * these tests exercise exactly the auth folder. Close it in afterEach.
 */
import { createAuditService } from '../../../core/auth/audit-service';
import { createAuthService, type ThrottlePolicy } from '../../../core/auth/auth-service';
import type { AuditService, AuthService, UsersService } from '../../../core/auth/auth-types';
import { createUsersService } from '../../../core/auth/users-service';
import { createEventBus, type CallContext, type CoreDeps } from '../../../core/context';
import { createSettingsService, type SettingsService } from '../../../core/settings/settings-service';
import type { Database, Db } from '../../../db/database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import type { Role } from '../../../shared/contract/roles';

/** 2026-05-01T10:00:00+02:00. */
export const NOW = Date.parse('2026-05-01T08:00:00Z');
export const GOOD_PASSWORD = 'Tide-pool lantern 42';

export interface AuthFixture {
  db: Database;
  database: TestDatabase;
  deps: CoreDeps;
  settings: SettingsService;
  audit: AuditService;
  auth: AuthService;
  users: UsersService;
  advance(ms: number): void;
  now(): number;
  /** Creates a user with GOOD_PASSWORD (or `password`), without the first sign-in's forced change, and returns its id. */
  addUser(username: string, role: Role, password?: string): Promise<number>;
  /** Builds the services again on the same database (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const systemCtx: CallContext = { actor: { userId: null, username: 'system', role: 'admin' }, via: 'internal' };
export const httpCtx = (address = '192.168.1.50'): CallContext => ({ actor: { userId: null, username: 'anonymous', role: 'anonymous' }, via: 'http', address });

export async function createAuthFixture(options: { throttle?: ThrottlePolicy } = {}): Promise<AuthFixture> {
  const database = await createTestDatabase();
  const db = await database.open();
  let nowMs = NOW;
  const deps: CoreDeps = { db, clock: () => nowMs, events: createEventBus() };
  const build = async () => {
    const settings = await createSettingsService(deps, { timeZone: 'Europe/Copenhagen' });
    const audit = createAuditService(deps, settings);
    const auth = await createAuthService(deps, settings, audit, options.throttle ? { throttle: options.throttle } : {});
    const users = createUsersService(deps, settings, audit);
    return { settings, audit, auth, users };
  };
  const f: AuthFixture = {
    db,
    database,
    deps,
    ...(await build()),
    advance: (ms) => (nowMs += ms),
    now: () => nowMs,
    addUser: async (username, role, password = GOOD_PASSWORD) => {
      const { id } = await f.users.create({ username, email: `${username}@hotel.test`, password, role }, systemCtx);
      await db.run('UPDATE users SET must_change_password = 0 WHERE id = ?', id);
      return id;
    },
    restart: async () => {
      Object.assign(f, await build());
    },
    async close() {
      await db.close();
      await database.drop();
    },
  };
  return f;
}

/** Awaits `p` and returns the AppError-like rejection (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; retryAfterSeconds?: number }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; retryAfterSeconds?: number };
  }
  throw new Error('expected a rejection');
}

export function auditRows(db: Db, action?: string): Promise<{ action: string; actor: string; entityId: string | null; detail: string; via: string; address: string | null }[]> {
  const sql = `SELECT action, actor, entity_id AS "entityId", detail, via, address FROM audit_log ${action ? 'WHERE action = ?' : ''} ORDER BY id`;
  return db.all(sql, ...(action ? [action] : []));
}

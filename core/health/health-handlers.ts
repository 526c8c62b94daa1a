import type { z } from 'zod';
import type { HealthSchema, healthCommands } from '../../shared/contract/health';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../context';
import type { HandlersFor } from '../handler-types';
import type { SettingsService } from '../settings/settings-service';

/** A database behind this release is not put right by waiting a second: ask again in half a minute. */
const NOT_MIGRATED_RETRY_AFTER_S = 30;

export function healthHandlers(s: { deps: CoreDeps; settings: SettingsService; health: z.output<typeof HealthSchema> }): HandlersFor<typeof healthCommands> {
  const { version, database } = s.health;
  return {
    // A round trip to the database: a server that lost it answers 503 (UNAVAILABLE), so a balancer drains it.
    'health:get': async () => {
      await s.deps.db.get('SELECT 1 AS ok');
      return s.health;
    },
    // Never the database: a server whose database is away is alive (drain it), not dead (restart it).
    'health:live': async () => ({ status: 'alive' as const, version }),
    // One read of the migrations table: it fails with 503 while the database cannot be reached.
    'health:ready': async () => {
      const migrations = await s.deps.db.migrationStatus();
      if (!migrations.current) {
        throw new AppError('UNAVAILABLE', `The database is behind this server's release (migration ${migrations.latest} is not applied)`, {
          retryAfterSeconds: NOT_MIGRATED_RETRY_AFTER_S,
          reason: 'database.notMigrated',
          params: { latest: migrations.latest },
        });
      }
      return { status: 'ready' as const, version, database, server: s.settings.server(), migrations: { applied: migrations.applied, latest: migrations.latest } };
    },
  };
}

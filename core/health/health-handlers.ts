import type { z } from 'zod';
import type { HealthSchema, healthCommands } from '../../shared/contract/health';
import type { CoreDeps } from '../context';
import type { HandlersFor } from '../handler-types';

export function healthHandlers(s: { deps: CoreDeps; health: z.output<typeof HealthSchema> }): HandlersFor<typeof healthCommands> {
  return {
    // A round trip to the database: a server that lost it answers 503 (UNAVAILABLE), so a balancer drains it.
    'health:get': async () => {
      await s.deps.db.get('SELECT 1 AS ok');
      return s.health;
    },
  };
}

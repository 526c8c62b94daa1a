import type { healthCommands } from '../../shared/contract/health';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function healthHandlers(s: CoreServices): HandlersFor<typeof healthCommands> {
  return {
    // A round trip to the database: a server that lost it answers 503 (UNAVAILABLE), so a balancer drains it.
    'health:get': async () => {
      await s.deps.db.get('SELECT 1 AS ok');
      return s.health;
    },
  };
}

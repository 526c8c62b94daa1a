import type { healthCommands } from '../../shared/contract/health';
import type { CoreServices } from '../core-services';
import type { HandlersFor } from '../handler-types';

export function healthHandlers(s: CoreServices): HandlersFor<typeof healthCommands> {
  return { 'health:get': () => s.health };
}

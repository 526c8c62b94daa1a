import type { settingsCommands } from '../../shared/contract/settings';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function settingsHandlers({ settings, network }: CoreServices): HandlersFor<typeof settingsCommands> {
  return {
    'settings:get': async () => settings.view(),
    'settings:update': (input) => network.updateSettings(input),
    'network:status': () => network.status(),
  };
}

import type { settingsCommands } from '../../shared/contract/settings';
import type { HandlersFor } from '../handler-types';
import type { SettingsService } from './settings-service';
import type { NetworkService } from './network-service';

export function settingsHandlers({ settings, network }: { settings: SettingsService; network: NetworkService }): HandlersFor<typeof settingsCommands> {
  return {
    'settings:get': async () => settings.view(),
    'settings:update': (input) => network.updateSettings(input),
    'network:status': () => network.status(),
  };
}

/**
 * The LAN API's status and its one rule: it opens only once nobody can sign in with the well-known
 * default password. Where the host listens is told by the host (a bare core listens nowhere).
 */
import type { NetworkStatus, Settings, SettingsUpdate } from '../../shared/contract/settings';
import { AppError } from '../../shared/errors';
import type { SettingsService } from './settings-service';

export const LAN_BLOCKED_MESSAGE = 'Change the default admin password before switching the LAN API on';

export type ListeningStatus = Omit<NetworkStatus, 'blockedReason' | 'server'>;

export interface NetworkService {
  status(): Promise<NetworkStatus>;
  /** Where the host listens; set by the host. */
  setStatusProvider(provider: () => ListeningStatus): void;
  /** Changes the settings, refusing (409) to switch the LAN API on while the default password is in use. */
  updateSettings(patch: SettingsUpdate): Promise<Settings>;
}

export function createNetworkService(settings: SettingsService, defaultPasswordPending: () => Promise<boolean>): NetworkService {
  let provider: () => ListeningStatus = () => ({ lanEnabled: settings.get().lanEnabled, listening: null, urls: [], error: null });
  return {
    status: async () => ({ ...provider(), server: settings.server(), blockedReason: (await defaultPasswordPending()) ? LAN_BLOCKED_MESSAGE : null }),
    setStatusProvider(p) {
      provider = p;
    },
    async updateSettings(patch) {
      if (patch.lanEnabled && !settings.get().lanEnabled && await defaultPasswordPending()) throw new AppError('CONFLICT', LAN_BLOCKED_MESSAGE, { reason: 'settings.lanBlocked' });
      return settings.update(patch);
    },
  };
}

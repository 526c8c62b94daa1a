/** Where the host listens and the URLs LAN clients use, or why the LAN API cannot be switched on. */
import { create } from 'zustand';
import type { NetworkStatus } from '../../../shared/contract/settings';
import { transport } from '../transport/current-transport';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface NetworkState {
  status: NetworkStatus | null;
  error: unknown;
  load(): Promise<void>;
}

export const useNetworkStore = create<NetworkState>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await transport().invoke('network:status', {}), error: null });
    } catch (e) {
      set({ error: e });
      throw e;
    }
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    network: true;
  }
}

registerRefresher('network', async () => {
  if (useNetworkStore.getState().status) await useNetworkStore.getState().load();
});
registerSessionReset(() => useNetworkStore.setState({ status: null, error: null }));

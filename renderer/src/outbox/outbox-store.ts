/** Delivery state of messages to billing and the event broker; dead ones can be sent again. */
import { create } from 'zustand';
import type { OutboxMessage, OutboxStatus } from '../../../shared/contract/outbox';
import { transport } from '../transport/current-transport';
import { change } from '../stores/change';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface OutboxState {
  status: OutboxStatus | null;
  loading: boolean;
  error: unknown;
  /** True while the Outbox screen is open: only then do live events reload it. */
  watching: boolean;
  load(): Promise<void>;
  retry(id: number): Promise<OutboxMessage>;
  watch(on: boolean): void;
}

export const useOutboxStore = create<OutboxState>((set) => ({
  status: null,
  loading: false,
  error: null,
  watching: false,
  async load() {
    set({ loading: true });
    try {
      const status = await transport().invoke('outbox:status', {});
      set({ status, loading: false, error: null });
    } catch (e) {
      set({ loading: false, error: e });
      throw e;
    }
  },
  retry(id) {
    return change('outbox:retry', { id });
  },
  watch(on) {
    set({ watching: on });
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    outbox: true;
  }
}

registerRefresher('outbox', async () => {
  if (useOutboxStore.getState().watching) await useOutboxStore.getState().load();
});
registerSessionReset(() => useOutboxStore.setState({ status: null, loading: false, error: null }));

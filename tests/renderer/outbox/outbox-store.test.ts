import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../../../shared/contract/outbox';
import { useOutboxStore } from '../../../renderer/src/outbox/outbox-store';
import { refreshNow } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const status = { pending: 1, sent: 5, dead: 0 } as unknown as OutboxStatus;

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
  useOutboxStore.getState().watch(false);
  t.answer('outbox:status', () => status);
});

describe('outbox store', () => {
  it('loads the delivery state', async () => {
    await useOutboxStore.getState().load();
    expect(useOutboxStore.getState()).toMatchObject({ status, loading: false, error: null });
  });

  it('is reloaded by live events only while its screen is open', async () => {
    await refreshNow(['outbox']);
    expect(t.calls).toEqual([]);
    useOutboxStore.getState().watch(true);
    await refreshNow(['outbox']);
    expect(t.calls.map(([name]) => name)).toEqual(['outbox:status']);
  });

  it('sends a dead message again and shows the new state', async () => {
    t.answer('outbox:retry', () => ({ id: 7 }));
    useOutboxStore.getState().watch(true);
    await useOutboxStore.getState().retry(7);
    expect(t.calls).toEqual([['outbox:retry', { id: 7 }], ['outbox:status', {}]]);
  });

  it('forgets the state on sign-out', async () => {
    await useOutboxStore.getState().load();
    clearSessionData();
    expect(useOutboxStore.getState().status).toBeNull();
  });
});

import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';
import type { LiveEvent } from '../../shared/contract/events';
import { IMPORT_OPEN_CHANNEL, LIVE_EVENT_CHANNEL } from '../../shared/contract/ipc-channels';
import { fake, fakeEvent, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../electron/preload');
  api = fake.exposed.get('frontdesk') as Api;
});

beforeEach(() => {
  fake.ipcRenderer.invocations.length = 0;
});

describe('the preload bridge', () => {
  it('exposes one object, window.frontdesk, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['frontdesk']);
  });

  it('has exactly one function per IPC command of the contract, plus onEvent, printToPdf and openImportFile', () => {
    expect(Object.keys(api).sort()).toEqual([...ipcCommandNames, 'onEvent', 'printToPdf', 'openImportFile'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('stays:seedExport');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('sends each command on its own channel with the input, and returns the reply', async () => {
    for (const name of ipcCommandNames) {
      const input = { probe: name };
      await expect(api[name]!(input)).resolves.toEqual({ ok: true, value: { channel: name } });
    }
    expect(fake.ipcRenderer.invocations).toEqual(ipcCommandNames.map((name) => ({ channel: name, args: [{ probe: name }] })));
  });

  it('asks main for an import file on its own channel, with the title only', async () => {
    await expect(api.openImportFile!({ title: 'Vælg en fil' })).resolves.toEqual({ ok: true, value: { channel: IMPORT_OPEN_CHANNEL } });
    expect(fake.ipcRenderer.invocations.at(-1)).toEqual({ channel: IMPORT_OPEN_CHANNEL, args: [{ title: 'Vælg en fil' }] });
  });

  it('passes live events as the payload only, never the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent!(listener) as () => void;
    const payload: LiveEvent = { type: 'outbox.changed' };
    fake.ipcRenderer.emit(LIVE_EVENT_CHANNEL, fakeEvent({ sender: fake.ipcRenderer, ports: [] }), payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    unsubscribe();
  });

  it('stops delivering events after unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent!(listener) as () => void;
    expect(fake.ipcRenderer.listenerCount(LIVE_EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(LIVE_EVENT_CHANNEL)).toBe(0);
    fake.ipcRenderer.emit(LIVE_EVENT_CHANNEL, fakeEvent(), { type: 'outbox.changed' });
    expect(listener).not.toHaveBeenCalled();
  });
});

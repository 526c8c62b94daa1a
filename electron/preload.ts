/**
 * The whole bridge between the sandboxed page and main: one function per IPC command of the contract
 * and `onEvent` for live events. **No raw ipcRenderer and nothing else crosses.** Built to a single
 * CommonJS file: a sandboxed preload can require nothing but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, LIVE_EVENT_CHANNEL, type FrontdeskApi } from '../shared/contract/ipc-channels';
import type { LiveEvent } from '../shared/contract/events';

const calls = Object.fromEntries(
  IPC_CHANNELS.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
);

function onEvent(listener: (event: LiveEvent) => void): () => void {
  // The IpcRendererEvent (with its `sender`) never reaches the page: only the payload does.
  const relay = (_event: IpcRendererEvent, payload: LiveEvent) => listener(payload);
  ipcRenderer.on(LIVE_EVENT_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(LIVE_EVENT_CHANNEL, relay);
  };
}

const api = { ...calls, onEvent } as unknown as FrontdeskApi;

contextBridge.exposeInMainWorld('frontdesk', api);

/**
 * The whole bridge between the sandboxed page and main: one function per IPC command of the contract,
 * `onEvent` for live events, `printToPdf` (the window printing itself) and `openImportFile` (the open dialog of an import). **No raw ipcRenderer and nothing else crosses.** Built to a single
 * CommonJS file: a sandboxed preload can require nothing but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IMPORT_OPEN_CHANNEL, IPC_CHANNELS, LIVE_EVENT_CHANNEL, PRINT_PDF_CHANNEL, type FrontdeskApi, type ImportOpenRequest, type PrintPdfRequest } from '../shared/contract/ipc-channels';
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

/** The desktop's print-to-PDF of this page (electron/print-dialog.ts): main prints the window, not the page's data. */
const printToPdf = (request: PrintPdfRequest) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, request);

/** The desktop's open dialog for an import (electron/import-dialog.ts): main keeps the path, the page learns the name. */
const openImportFile = (request: ImportOpenRequest) => ipcRenderer.invoke(IMPORT_OPEN_CHANNEL, request);

const api = { ...calls, onEvent, printToPdf, openImportFile } as unknown as FrontdeskApi;

contextBridge.exposeInMainWorld('frontdesk', api);

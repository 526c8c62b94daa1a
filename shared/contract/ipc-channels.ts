/**
 * The desktop window's API as the preload exposes it: one function per IPC command, plus live
 * events. Values come from the generated command table (no zod), so the sandboxed preload bundles
 * to a few strings; the types come from the contract.
 */
import { COMMAND_TABLE } from './command-table';
import type { CommandInput, CommandName, CommandOutput, IpcResult } from './commands';
import type { LiveEvent } from './events';

type Table = typeof COMMAND_TABLE;
/** The command names the contract allows over IPC (those without `ipc: false`). */
export type IpcChannel = { [K in keyof Table]: Table[K]['ipc'] extends true ? K : never }[keyof Table] & CommandName;

/**
 * The exports the window can run: the IPC commands with the contract's `export` flag. In the desktop
 * app each is a save dialog and a file the host writes; in a browser, a download.
 */
export type FileExportName = { [K in keyof Table]: Table[K] extends { export: string; ipc: true } ? K : never }[keyof Table] & CommandName;

/** Whether `name` is one of them (read from the generated table: plain data, no zod). */
export function isFileExport(name: CommandName): name is FileExportName {
  const row: { export?: string; ipc: boolean } = COMMAND_TABLE[name];
  return row.export !== undefined && row.ipc;
}

/**
 * The file imports the window can run: the IPC commands with the contract's `upload` flag. In the
 * desktop app the file is the one chosen in the open dialog (`IMPORT_OPEN_CHANNEL`); in a browser,
 * the request's body.
 */
export type FileImportName = { [K in keyof Table]: Table[K] extends { upload: true; ipc: true } ? K : never }[keyof Table] & CommandName;

/** Whether `name` is one of them (read from the generated table: plain data, no zod). */
export function isFileImport(name: CommandName): name is FileImportName {
  const row: { upload?: true; ipc: boolean } = COMMAND_TABLE[name];
  return row.upload === true && row.ipc;
}

export const IPC_CHANNELS = (Object.keys(COMMAND_TABLE) as (keyof Table)[]).filter((k) => COMMAND_TABLE[k].ipc) as IpcChannel[];

/** The IPC channel that carries live events from main to the window. */
export const LIVE_EVENT_CHANNEL = 'events:live';

/**
 * The IPC channel of the desktop's print-to-PDF (electron/print-dialog.ts): the window asks main to
 * print itself (`webContents.printToPDF`, A4) and save the PDF where a save dialog says. Not a command
 * of the host: the page is the window's own.
 */
export const PRINT_PDF_CHANNEL = 'print:pdf';
/** What the window asks: the proposed file name (`arrivals-2026-05-01.pdf`) and the dialog's title. */
export interface PrintPdfRequest {
  fileName: string;
  title: string;
}

/**
 * The IPC channel of the desktop's open dialog for an import (electron/import-dialog.ts): main shows
 * the dialog and keeps the chosen file for the window; the window learns its name and size only, and
 * the next file import of the window (`imports:runFile`) reads it. Not a command of the host.
 */
export const IMPORT_OPEN_CHANNEL = 'imports:open';
/** What the window asks: the dialog's title (in the user's language). */
export interface ImportOpenRequest {
  title: string;
}
/** The chosen file as the window may know it; null when the dialog was cancelled. */
export type ImportOpenResult = { fileName: string; bytes: number } | null;

/** What one exposed command does: send the input, get the `{ ok, value } | { ok, error }` result. */
/** Commands whose input fields are all optional may be called without an argument. */
export type IpcCall<K extends CommandName> = object extends CommandInput<K>
  ? (input?: CommandInput<K>) => Promise<IpcResult<CommandOutput<K>>>
  : (input: CommandInput<K>) => Promise<IpcResult<CommandOutput<K>>>;

/** `window.frontdesk` in the desktop app: one function per IPC command, plus live events. */
export type FrontdeskApi = { readonly [K in IpcChannel]: IpcCall<K> } & {
  /** Calls `listener` with each live event; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: LiveEvent) => void) => () => void;
  /** Prints the window to a PDF file the user chooses (`path: null`: cancelled). */
  readonly printToPdf: (request: PrintPdfRequest) => Promise<IpcResult<{ path: string | null }>>;
  /** Asks for a CSV file to import in the open dialog; the window's next file import reads it. */
  readonly openImportFile: (request: ImportOpenRequest) => Promise<IpcResult<ImportOpenResult>>;
};

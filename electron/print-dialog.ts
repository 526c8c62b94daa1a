/**
 * The desktop's printing (issue 17 §2; docs/printing.md): the window asks to print itself
 * (`PRINT_PDF_CHANNEL`), main asks where to save (a save dialog, as a sheet of the window), renders the
 * page with Chromium's `webContents.printToPDF` (A4, the page's print stylesheet) and writes the file.
 * Only the desk's own page may ask; cancelling is not an error. The browser prints with
 * `window.print()` instead (renderer/src/print/print-store.ts).
 */
import { dialog, type BrowserWindow, type IpcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PRINT_PDF_CHANNEL, type PrintPdfRequest } from '../shared/contract/ipc-channels';

type Result = { ok: true; value: { path: string | null } } | { ok: false; error: { code: string; message: string } };

export interface DeskPrinterOptions {
  ipcMain: Pick<IpcMain, 'handle'>;
  getWindow: () => BrowserWindow | null;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

/** A plain file name ending in `.pdf` (no folder: the dialog chooses that), and a short title. */
function requestOf(input: unknown): PrintPdfRequest | null {
  if (typeof input !== 'object' || input === null) return null;
  const { fileName, title } = input as Record<string, unknown>;
  if (typeof fileName !== 'string' || !/^[\p{L}\p{N}._ -]{1,120}\.pdf$/u.test(fileName) || fileName.startsWith('.')) return null;
  if (typeof title !== 'string' || title.length > 200) return null;
  return { fileName, title };
}

export function registerPrintHandler({ ipcMain, getWindow, isTrustedSender, defaultDir, writeFile = (path, data) => fs.writeFile(path, data) }: DeskPrinterOptions): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the desk.' } };
    const request = requestOf(input);
    if (!request) return { ok: false, error: { code: 'VALIDATION', message: 'expected a file name ending in .pdf and a title' } };
    const options: SaveDialogOptions = {
      title: request.title,
      defaultPath: join(defaultDir, request.fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const win = getWindow();
    const choice = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null } };
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(choice.filePath, pdf);
    return { ok: true, value: { path: choice.filePath } };
  });
}

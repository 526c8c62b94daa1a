/**
 * The desktop side of every file export (the contract's commands with the `export` flag): the host
 * is asked first whether the window's user may export at all, and answers with the dialog's title
 * and the proposed file name (core/composition/csv-export.ts `exportPlan`), so a refused export shows no
 * dialog; the user picks where the file goes; then the host writes the CSV straight to that path
 * (no CSV text travels over IPC), authorizing again. Cancelling is not an error.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { ExportPlan } from '../core/composition/csv-export';
import type { HostClient } from './host-client';
import type { ExportFile } from './ipc-handlers';

export interface DeskExporterOptions {
  host: Pick<HostClient, 'authorize' | 'exportFile'>;
  getWindow: () => BrowserWindow | null;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
}

export function createDeskExporter({ host, getWindow, defaultDir }: DeskExporterOptions): ExportFile {
  return async (name, input, token) => {
    const allowed = await host.authorize(name, token);
    if (!allowed.ok) return allowed;
    const { title, fileName } = allowed.value as ExportPlan;
    const options: SaveDialogOptions = {
      title,
      defaultPath: join(defaultDir, fileName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = getWindow();
    const choice = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null, rows: 0 } };
    return host.exportFile(name, input, token, choice.filePath);
  };
}

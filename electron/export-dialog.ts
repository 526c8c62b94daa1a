/**
 * The desktop side of `exports:stays`: the user picks where the file goes, then the core writes the
 * CSV straight to that path (no CSV string travels over IPC). Cancelling is not an error.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { writeStaysCsvFile } from '../core/export/stays-csv';
import type { ExportStays } from './ipc-handlers';

export interface StaysExporterOptions {
  dbFile: string;
  getWindow: () => BrowserWindow | null;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
  now?: () => Date;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function createStaysExporter({ dbFile, getWindow, defaultDir, now = () => new Date() }: StaysExporterOptions): ExportStays {
  return async (query) => {
    const options: SaveDialogOptions = {
      title: 'Export stays',
      defaultPath: join(defaultDir, `stays-${localDate(now())}.csv`),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = getWindow();
    const choice = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { path: null, rows: 0 };
    const { rows } = await writeStaysCsvFile(dbFile, query, choice.filePath);
    return { path: choice.filePath, rows };
  };
}

/**
 * The desktop side of the file exports (`stays:export`, `audit:export`): the user picks where the
 * file goes, then the host process writes the CSV straight to that path (no CSV text travels over
 * IPC). The host is asked first whether the window's user may export at all, so a refused export
 * shows no dialog; it authorizes again when it writes. Cancelling is not an error.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { HostClient } from './host-client';
import type { FileExportName } from './host-protocol';
import type { ExportFile } from './ipc-handlers';

export interface DeskExporterOptions {
  host: Pick<HostClient, 'authorize' | 'exportFile'>;
  getWindow: () => BrowserWindow | null;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
  now?: () => Date;
}

const DIALOGS: Record<FileExportName, { title: string; fileStem: string }> = {
  'stays:export': { title: 'Export stays', fileStem: 'stays' },
  'audit:export': { title: 'Export the audit log', fileStem: 'audit-log' },
};

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function createDeskExporter({ host, getWindow, defaultDir, now = () => new Date() }: DeskExporterOptions): ExportFile {
  return async (name, input, token) => {
    const allowed = await host.authorize(name, token);
    if (!allowed.ok) return allowed;
    const { title, fileStem } = DIALOGS[name];
    const options: SaveDialogOptions = {
      title,
      defaultPath: join(defaultDir, `${fileStem}-${localDate(now())}.csv`),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = getWindow();
    const choice = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null, rows: 0 } };
    return host.exportFile(name, input, token, choice.filePath);
  };
}

import { join } from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerPrintHandler } from '../../electron/print-dialog';
import { PRINT_PDF_CHANNEL } from '../../shared/contract/ipc-channels';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
let win: FakeBrowserWindow;
let written: { path: string; data: Uint8Array }[];
let printToPDF: ReturnType<typeof vi.fn>;
let trusted: boolean;

function register() {
  registerPrintHandler({
    ipcMain: fake.ipcMain as never,
    getWindow: () => win as unknown as BrowserWindow,
    isTrustedSender: () => trusted,
    defaultDir: '/home/desk/Documents',
    writeFile: async (path, data) => {
      written.push({ path, data });
    },
  });
}
const ask = (input: unknown) => fake.ipcMain.invoke(PRINT_PDF_CHANNEL, { sender: { printToPDF } } as unknown as IpcMainInvokeEvent, input);

beforeEach(() => {
  resetFakeElectron();
  win = new FakeBrowserWindow({});
  written = [];
  trusted = true;
  printToPDF = vi.fn(async () => PDF);
  register();
});

describe('printing to PDF (desktop)', () => {
  it('asks where to save, as a sheet of the desk window, then prints the page to A4 and writes that file', async () => {
    fake.nextSaveDialogResult = { canceled: false, filePath: '/home/desk/Documents/arrivals-2026-05-01.pdf' };
    await expect(ask({ fileName: 'arrivals-2026-05-01.pdf', title: 'Arrivals' })).resolves.toEqual({ ok: true, value: { path: '/home/desk/Documents/arrivals-2026-05-01.pdf' } });
    expect(fake.saveDialogCalls.map((c) => c.window)).toEqual([win]);
    expect(fake.saveDialogCalls[0]!.options).toMatchObject({ title: 'Arrivals', defaultPath: join('/home/desk/Documents', 'arrivals-2026-05-01.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }));
    expect(written).toEqual([{ path: '/home/desk/Documents/arrivals-2026-05-01.pdf', data: PDF }]);
  });

  it('writes nothing and says so when the dialog is cancelled', async () => {
    fake.nextSaveDialogResult = { canceled: true, filePath: '' };
    await expect(ask({ fileName: 'in-house-2026-05-01.pdf', title: 'In house' })).resolves.toEqual({ ok: true, value: { path: null } });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });

  it('refuses another page, and a file name with a folder or another extension, before any dialog', async () => {
    trusted = false;
    await expect(ask({ fileName: 'a.pdf', title: 'A' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    trusted = true;
    for (const fileName of ['../x.pdf', '/etc/x.pdf', 'x.exe', '.pdf', 42]) {
      await expect(ask({ fileName, title: 'A' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(fake.saveDialogCalls).toHaveLength(0);
    expect(written).toEqual([]);
  });
});

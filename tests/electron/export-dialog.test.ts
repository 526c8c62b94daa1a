import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeskExporter, type DeskExporterOptions } from '../../electron/export-dialog';
import { isFileExport } from '../../electron/host-protocol';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

let authorize: ReturnType<typeof vi.fn>;
let exportFile: ReturnType<typeof vi.fn>;

function exporterWith(win: FakeBrowserWindow | null) {
  return createDeskExporter({
    host: { authorize, exportFile } as unknown as DeskExporterOptions['host'],
    getWindow: () => win as unknown as BrowserWindow | null,
    defaultDir: '/home/desk/Documents',
  });
}

beforeEach(() => {
  resetFakeElectron();
  // The host answers with the dialog's title and file name (core/export/csv-export.ts `exportPlan`).
  authorize = vi.fn(async (name: string) => ({
    ok: true,
    value: name === 'audit:export' ? { title: 'Export the audit log', fileName: 'audit-2026-03-09.csv' } : { title: 'Export stays', fileName: 'stays-2026-03-09.csv' },
  }));
  exportFile = vi.fn(async (_name: string, _input: unknown, _token: string, file: string) => ({ ok: true, value: { path: file, rows: 2 } }));
});

describe('the file exports (desktop)', () => {
  it('asks the host whether the user may export before showing any dialog', async () => {
    authorize.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role may not do this' } });
    const result = await exporterWith(new FakeBrowserWindow({}))('audit:export', { delimiter: ',', bom: false }, 'staff-token');
    expect(authorize).toHaveBeenCalledWith('audit:export', 'staff-token');
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role may not do this' } });
    expect(fake.saveDialogCalls).toHaveLength(0);
    expect(exportFile).not.toHaveBeenCalled();
  });

  it('returns { path: null, rows: 0 } and writes nothing when the dialog is cancelled', async () => {
    fake.nextSaveDialogResult = { canceled: true, filePath: '' };
    const result = await exporterWith(new FakeBrowserWindow({}))('stays:export', { delimiter: ',', bom: false }, 't');
    expect(result).toEqual({ ok: true, value: { path: null, rows: 0 } });
    expect(exportFile).not.toHaveBeenCalled();
  });

  it('asks where to save, as a sheet of the desk window, with the title and dated file name the host proposed, in Documents', async () => {
    const win = new FakeBrowserWindow({});
    await exporterWith(win)('stays:export', {}, 't');
    await exporterWith(win)('audit:export', {}, 't');
    expect(fake.saveDialogCalls.map((c) => c.window)).toEqual([win, win]);
    expect(fake.saveDialogCalls[0]!.options).toMatchObject({
      title: 'Export stays',
      defaultPath: join('/home/desk/Documents', 'stays-2026-03-09.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(fake.saveDialogCalls[1]!.options).toMatchObject({
      title: 'Export the audit log',
      defaultPath: join('/home/desk/Documents', 'audit-2026-03-09.csv'),
    });
  });

  it('has the host write the chosen file with the query and the token', async () => {
    fake.nextSaveDialogResult = { canceled: false, filePath: '/home/desk/march.csv' };
    const result = await exporterWith(null)('stays:export', { delimiter: ';', bom: false, from: '2026-03-04' }, 't');
    expect(exportFile).toHaveBeenCalledWith('stays:export', { delimiter: ';', bom: false, from: '2026-03-04' }, 't', '/home/desk/march.csv');
    expect(result).toEqual({ ok: true, value: { path: '/home/desk/march.csv', rows: 2 } });
    expect(fake.saveDialogCalls[0]!.window).toBeNull();
  });

  it('passes the host’s refusal on (the host authorizes again when it writes)', async () => {
    fake.nextSaveDialogResult = { canceled: false, filePath: '/home/desk/audit.csv' };
    exportFile.mockResolvedValue({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Your session has ended' } });
    const result = await exporterWith(null)('audit:export', {}, 't');
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Your session has ended' } });
  });
});

describe('which commands are file exports', () => {
  it('is read from the contract: every IPC command with the export flag, no other', () => {
    const expected = (Object.entries(commands) as [CommandName, CommandDef][]).filter(([, def]) => def.export !== undefined && def.ipc !== false).map(([name]) => name);
    expect(expected).toEqual(expect.arrayContaining(['stays:export', 'audit:export']));
    expect(commandNames.filter((name) => isFileExport(name))).toEqual(expected);
  });
});

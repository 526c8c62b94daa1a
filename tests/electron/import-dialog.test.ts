/**
 * The desktop's open dialog for an import (electron/import-dialog.ts) against the fake `electron`
 * module: only the desk's page may ask, the host is asked first whether the window's user may import
 * (a refused import shows no dialog), the dialog is a sheet of the window, the page learns the
 * file's name and size only, and the window's next file import goes to the host with that path.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostClient } from '../../electron/host-client';
import { registerImportDialog, type DeskImporter } from '../../electron/import-dialog';
import { IMPORT_OPEN_CHANNEL } from '../../shared/contract/ipc-channels';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

type Result = Awaited<ReturnType<HostClient['call']>>;
let win: FakeBrowserWindow;
let trusted: boolean;
let authorize: ReturnType<typeof vi.fn<(name: string, token: string | null) => Promise<Result>>>;
let importFile: ReturnType<typeof vi.fn<(name: string, input: unknown, token: string | null, file: string) => Promise<Result>>>;
let importer: DeskImporter;

const WINDOW = 5;
const ask = (input: unknown, id = WINDOW) => fake.ipcMain.invoke(IMPORT_OPEN_CHANNEL, { sender: { id } } as unknown as IpcMainInvokeEvent, input);

beforeEach(() => {
  resetFakeElectron();
  win = new FakeBrowserWindow({});
  trusted = true;
  authorize = vi.fn(async () => ({ ok: true as const, value: null }));
  importFile = vi.fn(async () => ({ ok: true as const, value: { committed: true } }));
  importer = registerImportDialog({
    ipcMain: fake.ipcMain as never,
    host: { authorize, importFile } as unknown as Pick<HostClient, 'authorize' | 'importFile'>,
    sessions: { tokenFor: (id: number) => (id === WINDOW ? 'token-5' : null) },
    getWindow: () => win as unknown as BrowserWindow,
    isTrustedSender: () => trusted,
    defaultDir: '/home/desk/Documents',
    sizeOf: async () => 4_321,
  });
});

describe('choosing a file to import (desktop)', () => {
  it('asks the host first, then shows the open dialog as a sheet of the desk window, and tells the page the name and size only', async () => {
    fake.nextOpenDialogResult = { canceled: false, filePaths: ['/home/desk/Documents/Kommende ophold.csv'] };
    await expect(ask({ title: 'Vælg en CSV-fil' })).resolves.toEqual({ ok: true, value: { fileName: 'Kommende ophold.csv', bytes: 4_321 } });
    expect(authorize).toHaveBeenCalledWith('imports:runFile', 'token-5');
    expect(fake.openDialogCalls.map((c) => c.window)).toEqual([win]);
    expect(fake.openDialogCalls[0]!.options).toMatchObject({ title: 'Vælg en CSV-fil', defaultPath: '/home/desk/Documents', properties: ['openFile'] });
    expect(fake.openDialogCalls[0]!.options.filters).toContainEqual({ name: 'CSV', extensions: ['csv', 'txt'] });
  });

  it('imports the file the window chose: the host gets its path with the input and the token', async () => {
    fake.nextOpenDialogResult = { canceled: false, filePaths: ['/data/stays.csv'] };
    await ask({ title: 'Import' });
    await expect(importer.importFile('imports:runFile', { kind: 'stays', dryRun: true }, WINDOW, 'token-5')).resolves.toEqual({ ok: true, value: { committed: true } });
    expect(importFile).toHaveBeenCalledWith('imports:runFile', { kind: 'stays', dryRun: true }, 'token-5', '/data/stays.csv');
  });

  it('keeps nothing when the dialog is cancelled: the import asks for a file first', async () => {
    fake.nextOpenDialogResult = { canceled: true, filePaths: [] };
    await expect(ask({ title: 'Import' })).resolves.toEqual({ ok: true, value: null });
    await expect(importer.importFile('imports:runFile', { kind: 'stays' }, WINDOW, 'token-5')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'imports.noFile' } });
    expect(importFile).not.toHaveBeenCalled();
  });

  it('keeps each window its own file, and forgets a closed window\'s', async () => {
    fake.nextOpenDialogResult = { canceled: false, filePaths: ['/data/rooms.csv'] };
    await ask({ title: 'Import' });
    await expect(importer.importFile('imports:runFile', { kind: 'guestRooms' }, 6, 'token-6')).resolves.toMatchObject({ ok: false, error: { reason: 'imports.noFile' } });
    importer.forget(WINDOW);
    await expect(importer.importFile('imports:runFile', { kind: 'guestRooms' }, WINDOW, 'token-5')).resolves.toMatchObject({ ok: false, error: { reason: 'imports.noFile' } });
    expect(importFile).not.toHaveBeenCalled();
  });

  it('refuses another page, a bad request and a user who may not import, before any dialog', async () => {
    trusted = false;
    await expect(ask({ title: 'Import' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    trusted = true;
    for (const input of [null, 'x', { title: 42 }, { title: 'x'.repeat(201) }]) {
      await expect(ask(input)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    authorize.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed for role staff' } });
    await expect(ask({ title: 'Import' })).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed for role staff' } });
    expect(fake.openDialogCalls).toHaveLength(0);
  });
});

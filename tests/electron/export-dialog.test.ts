import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { createStaysExporter } from '../../electron/export-dialog';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

let dir: string;
let dbFile: string;

/** A real migrated database with one room and two stays. */
function seedDatabase(file: string): void {
  const { sqlite } = openDatabase({ file, migrationsDir: join(process.cwd(), 'db', 'migrations') });
  const now = Date.UTC(2026, 0, 1);
  sqlite
    .prepare('INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(101, 'Standard single room', 1, 90000, 1, now, now);
  const stay = sqlite.prepare(
    `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
     VALUES (1, 'Standard single room', ?, ?, ?, ?, ?, ?, ?, 'desk', ?, ?)`,
  );
  stay.run('Ada Lovelace', '2026-03-01T14:00:00+01:00', '2026-03-03T12:00:00+01:00', Date.UTC(2026, 2, 1, 13), Date.UTC(2026, 2, 3, 11), 2, 180000, now, now);
  stay.run('Alan Turing', '2026-03-05T14:00:00+01:00', '2026-03-06T12:00:00+01:00', Date.UTC(2026, 2, 5, 13), Date.UTC(2026, 2, 6, 11), 1, 90000, now, now);
  sqlite.close();
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-export-'));
  dbFile = join(dir, 'frontdesk.db');
  seedDatabase(dbFile);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function exporterWith(win: FakeBrowserWindow | null) {
  return createStaysExporter({
    dbFile,
    getWindow: () => win as unknown as BrowserWindow | null,
    defaultDir: '/home/desk/Documents',
    now: () => new Date(2026, 2, 9, 10, 30),
  });
}

describe('the stays export (desktop)', () => {
  it('returns { path: null, rows: 0 } and writes nothing when the dialog is cancelled', async () => {
    fake.nextSaveDialogResult = { canceled: true, filePath: '' };
    const result = await exporterWith(new FakeBrowserWindow({}))({ delimiter: ',', bom: false });
    expect(result).toEqual({ path: null, rows: 0 });
  });

  it('asks where to save, as a sheet of the desk window, proposing a dated .csv in Documents', async () => {
    const win = new FakeBrowserWindow({});
    fake.nextSaveDialogResult = { canceled: true };
    await exporterWith(win)({ delimiter: ',', bom: false });
    expect(fake.saveDialogCalls).toHaveLength(1);
    expect(fake.saveDialogCalls[0]!.window).toBe(win);
    expect(fake.saveDialogCalls[0]!.options).toMatchObject({
      defaultPath: join('/home/desk/Documents', 'stays-2026-03-09.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes the CSV to the chosen path and reports the row count', async () => {
    const target = join(dir, 'stays.csv');
    fake.nextSaveDialogResult = { canceled: false, filePath: target };
    const result = await exporterWith(new FakeBrowserWindow({}))({ delimiter: ';', bom: false });
    expect(result).toEqual({ path: target, rows: 2 });
    const lines = readFileSync(target, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id;roomnumber;category;isbooking;checkin;checkout/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Ada Lovelace');
  });

  it('passes the filters through to the file', async () => {
    const target = join(dir, 'march-5.csv');
    fake.nextSaveDialogResult = { canceled: false, filePath: target };
    const result = await exporterWith(null)({ delimiter: ',', bom: false, from: '2026-03-04' });
    expect(result).toEqual({ path: target, rows: 1 });
    expect(readFileSync(target, 'utf8')).toContain('Alan Turing');
    expect(fake.saveDialogCalls[0]!.window).toBeNull();
  });
});

/**
 * A spreadsheet kept in LibreOffice in a Danish locale imports (issue 17 §3): the test writes a CSV,
 * has LibreOffice (headless, a profile whose locale is da-DK) make an `.ods` of it, then save that
 * `.ods` as CSV the way a Danish user's "Save as CSV" does (`;`, Windows-1252, decimal comma, the
 * cells as shown), and imports the result. In `slow`: LibreOffice takes ~30 s to start twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IMPORT_KIND_DEFS } from '../../../core/composition/import-kinds';
import { createImportService } from '../../../core/imports/import-service';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
const DANISH_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>
</oor:items>
`;

let t: TestCore;
let dir: string;
beforeEach(async () => {
  t = await createTestCore();
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-ods-'));
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function soffice(...args: string[]): void {
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, ...args], { stdio: 'ignore', timeout: 90_000 });
}

it('imports rooms from an .ods saved as CSV by LibreOffice in Danish', async () => {
  mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
  writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), DANISH_PROFILE);
  writeFileSync(join(dir, 'rooms.csv'), 'Værelse;Kategori;Pladser;Pris;Etage\n301;Dobbeltværelse;2;1125,50;3\n302;Familieværelse;4;1.850,00;3\n');
  // CSV → .ods: `;`, `"`, UTF-8 (76), from line 1, Danish (1030).
  soffice('--infilter=CSV:59,34,76,1,,1030', '--convert-to', 'ods', '--outdir', dir, join(dir, 'rooms.csv'));
  mkdirSync(join(dir, 'out'));
  // .ods → CSV as a Danish Calc saves it: `;`, Windows-1252 (1), Danish, the cells as shown.
  soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,1,1,,1030,false,true,true', '--outdir', join(dir, 'out'), join(dir, 'rooms.ods'));
  const bytes = readFileSync(join(dir, 'out', 'rooms.csv'));
  expect(bytes.includes(Buffer.from('1125,5'))).toBe(true);
  expect(bytes.includes(0xe6)).toBe(true); // æ in Windows-1252

  const summary = await createImportService(t.core.services, IMPORT_KIND_DEFS).run(bytes, { kind: 'guestRooms', dryRun: false, mode: 'allOrNothing' }, adminCtx);
  expect(summary).toMatchObject({ encoding: 'windows-1252', delimiter: ';', created: 2, failed: 0 });
  const rooms = await t.core.handlers['rooms:list']({}, deskCtx);
  expect(rooms.map((r) => [r.number, r.category, r.capacity, r.nightlyRate])).toEqual([[301, 'Dobbeltværelse', 2, 112_550], [302, 'Familieværelse', 4, 185_000]]);
});

/**
 * The desk's stays CSV opened by a real spreadsheet engine: LibreOffice Calc from Debian
 * (`apt-get install libreoffice-calc-nogui`), headless, converts the download to a flat ODS file,
 * whose cells say what Calc made of each value. Dates must be dates, times times, money and counts
 * numbers — in English with `,` and a decimal point, and in Danish with `;` and a decimal comma, each
 * opened with that language's settings, as an accountant's Calc or Excel would open it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aRoom, aStay } from '../support/builders';
import { startTestApi, type TestApi } from '../support/http-client';
import { adminCtx, deskCtx } from '../support/test-core';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
let api: TestApi;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-calc-'));
  api = await startTestApi();
  const h = api.t.core.handlers;
  await h['rooms:create'](aRoom({ number: 101, category: 'Standard single room', nightlyRate: 99_950 }), adminCtx);
  await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Hansen, Mette' }), deskCtx);
  const second = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-11-06T09:30', checkout: '2026-11-09', guestName: 'Ærø Ødegård', price: 123_456 }), deskCtx);
  await h['stays:cancel']({ id: second.id }, deskCtx);
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Cell {
  type: string;
  value: string;
}

/** Converts `csv` with Calc's CSV filter (delimiter, quote, UTF-8, from line 1, language) and reads each row's typed cells. */
function openInCalc(name: string, csv: string, delimiter: ',' | ';', language: number): Cell[][] {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  const filter = `Text - txt - csv (StarCalc):${delimiter.charCodeAt(0)},34,76,1,,${language}`;
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 90_000,
  });
  const xml = readFileSync(join(dir, `${name}.fods`), 'utf8');
  const rows = [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((m) =>
    [...m[1]!.matchAll(/<table:table-cell[^>]*?office:value-type="(\w+)"(?:[^>]*?office:(?:date-|time-|)value="([^"]*)")?[^>]*>\s*(?:<text:p>([^<]*)<\/text:p>)?/g)].map((c) => ({
      type: c[1]!,
      value: c[2] ?? c[3] ?? '',
    })),
  );
  return rows.filter((r) => r.length > 0);
}

async function download(query: string): Promise<string> {
  const res = await api.raw({ method: 'GET', url: `/api/v1/exports/stays.csv?${query}` });
  expect(res.status).toBe(200);
  return res.text;
}

describe('the desk\'s stays CSV in LibreOffice Calc', () => {
  it('English, comma-separated: dates as dates, times as times, the price as a number in DKK', async () => {
    const rows = openInCalc('stays-en', await download('lang=en&delimiter=,'), ',', 1033);
    expect(rows[0]!.map((c) => c.value)).toEqual([
      'Stay', 'Room', 'Category', 'Status', 'Guest', 'Guests', 'Arrival date', 'Arrival time', 'Departure date', 'Departure time', 'Nights', 'Price (DKK)',
    ]);
    expect(rows[1]).toEqual([
      { type: 'float', value: '1' }, { type: 'float', value: '101' }, { type: 'string', value: 'Standard single room' },
      { type: 'string', value: 'Booked' }, { type: 'string', value: 'Hansen, Mette' }, { type: 'float', value: '1' },
      { type: 'date', value: '2026-05-01' }, { type: 'time', value: 'PT14H00M00S' }, { type: 'date', value: '2026-05-03' },
      { type: 'time', value: 'PT12H00M00S' }, { type: 'float', value: '2' }, { type: 'float', value: '1999' },
    ]);
    expect(rows[2]!.slice(3, 12)).toEqual([
      { type: 'string', value: 'Cancelled' }, { type: 'string', value: 'Ærø Ødegård' }, { type: 'float', value: '1' },
      { type: 'date', value: '2026-11-06' }, { type: 'time', value: 'PT09H30M00S' }, { type: 'date', value: '2026-11-09' },
      { type: 'time', value: 'PT12H00M00S' }, { type: 'float', value: '3' }, { type: 'float', value: '1234.56' },
    ]);
  });

  it('Danish, semicolon-separated with a BOM: the same types, read with a Danish decimal comma', async () => {
    const rows = openInCalc('stays-da', await download('lang=da&delimiter=;&bom=true'), ';', 1030);
    expect(rows[0]!.map((c) => c.value)).toEqual([
      'Ophold', 'Værelse', 'Kategori', 'Status', 'Gæst', 'Gæster', 'Ankomstdato', 'Ankomsttid', 'Afrejsedato', 'Afrejsetid', 'Nætter', 'Pris (DKK)',
    ]);
    expect(rows[2]!.map((c) => c.type)).toEqual(['float', 'float', 'string', 'string', 'string', 'float', 'date', 'time', 'date', 'time', 'float', 'float']);
    expect(rows[2]![3]).toEqual({ type: 'string', value: 'Annulleret' });
    expect(rows[2]![6]).toEqual({ type: 'date', value: '2026-11-06' });
    expect(rows[2]![11]).toEqual({ type: 'float', value: '1234.56' });
  });
});

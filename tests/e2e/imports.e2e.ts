/**
 * The import center in the Danish UI (issue 17 §3): a CSV of rooms with two bad rows (a room number
 * the file repeats, a capacity that is not a number) and one room already there → the dry run lists exactly those two rows with their
 * reasons in Danish → "all or nothing" imports nothing → "only the valid rows" imports the two good
 * ones, and importing the same file again changes nothing. Then a file of 20 000 future stays: the
 * import shows its progress as it goes (live events over `/ws`) and is cancelled midway: nothing is
 * written.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import type { Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
hotelDeskPerFile({ rooms: [101], settings: { locale: 'da' } }, (opened) => ({ desk, page } = opened));

const CSV = 'Værelse;Kategori;Pladser;Pris;Etage\n102;Dobbeltværelse;2;1.125,00;1\n102;Suite;4;2500;1\n103;Enkeltværelse;x;850;1\n104;Enkeltværelse;1;850,50;1\n101;Standard;2;1195;1\n';
/** `rows` two-night stays over rooms 102 and 104, back to back from January next year, `;` and dd-mm-yyyy. */
function staysCsv(rows: number): string {
  const first = Date.UTC(new Date().getUTCFullYear() + 1, 0, 4);
  const dk = (ms: number) => new Date(ms).toISOString().slice(0, 10).split('-').reverse().join('-');
  let text = 'Værelse;Ankomst;Afrejse;Gæst;Personer\n';
  for (let i = 0; i < rows; i++) {
    const from = first + Math.floor(i / 2) * 2 * 86_400_000;
    text += `${i % 2 ? 104 : 102};${dk(from)};${dk(from + 2 * 86_400_000)};Gæst ${i};1\n`;
  }
  return text;
}

const roomNumbers = async () => (await desk.api.call<Room[]>('GET', '/api/v1/rooms')).map((r) => r.number);

async function chooseFile(): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name: 'værelser.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByTestId('import-preview').waitFor();
}

beforeAll(async () => {
  await page.goto('/#/imports');
  await page.getByTestId('imports-screen').waitFor();
});

describe('importing rooms in the Danish UI', () => {
  it('previews two bad rows in Danish, imports nothing all-or-nothing, then only the valid rows', async () => {
    await chooseFile();
    expect(await page.getByTestId('import-counts').textContent()).toBe('5 rækker: 2 kan importeres, 1 findes allerede, 2 med fejl');
    expect(await page.getByTestId('import-map-number').inputValue()).toBe('Værelse');
    expect(await page.getByTestId('import-error-3').textContent()).toBe('3Værelse 102 findes allerede');
    expect(await page.getByTestId('import-error-4').textContent()).toBe('4PladserRække 4, Pladser: "x" er ikke et tal');
    expect(await page.locator('[data-testid^="import-error-"]').count()).toBe(2);

    await page.getByTestId('import-mode-allOrNothing').check();
    await page.getByTestId('import-run').click();
    await expect.poll(async () => await page.getByTestId('import-result').textContent()).toBe('Intet blev importeret: 2 rækker har fejl.');
    expect(await roomNumbers()).toEqual([101]);

    await page.getByTestId('import-mode-validOnly').check();
    await page.getByTestId('import-run').click();
    await expect.poll(async () => await page.getByTestId('import-result').textContent()).toBe('Importeret: 2 nye, 1 fandtes allerede, 2 sprunget over.');
    expect(await roomNumbers()).toEqual([101, 102, 104]);

    await page.reload();
    await page.getByTestId('imports-screen').waitFor();
    await chooseFile();
    expect(await page.getByTestId('import-counts').textContent()).toBe('5 rækker: 0 kan importeres, 4 findes allerede, 1 med fejl');
  });
});

describe('a large import in the Danish UI', () => {
  it('shows how far the import has come, and a cancel midway writes nothing', async () => {
    await page.getByTestId('import-kind').selectOption('stays');
    await page.getByTestId('import-file').setInputFiles({ name: 'ophold.csv', mimeType: 'text/csv', buffer: Buffer.from(staysCsv(20_000), 'utf8') });
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^20\.?000 rækker: 20\.?000 kan importeres, 0 findes allerede, 0 med fejl$/);

    await page.getByTestId('import-mode-allOrNothing').check();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-progress-counts').waitFor();
    expect(await page.getByTestId('import-progress-counts').textContent()).toMatch(/^[\d.]+ rækker læst og kontrolleret · [\d.]+ skrevet · 0 fandtes allerede · 0 med fejl$/);
    expect(await page.getByTestId('import-busy').getByText('Importerer…').count()).toBe(1);
    await page.getByTestId('import-cancel').click();
    await expect.poll(async () => await page.getByTestId('import-cancelled').textContent()).toBe('Annulleret: intet blev skrevet.');
    expect(await page.getByTestId('import-busy').count()).toBe(0);
    expect(await desk.api.call<{ total: number }>('GET', '/api/v1/stays?limit=1')).toMatchObject({ total: 0 });
  }, 240_000);
});

/**
 * The stays CSV through the export dialog, as the browser downloads it: the options chosen in the
 * dialog shape the file, every stay is one row with the API's values written for an accountant's
 * spreadsheet (decimal price in the hotel's currency, local dates and times, statuses in the desk's
 * language), and a guest name that a spreadsheet would run as a formula arrives neutralised.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stay } from '../../shared/contract/stays';
import { aStay, getStay } from './support/api-client';
import { closeDialog, openBoard } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

const COLUMNS = ['Stay', 'Room', 'Category', 'Status', 'Guest', 'Guests', 'Arrival date', 'Arrival time', 'Departure date', 'Departure time', 'Nights', 'Price (DKK)'];
const STATUS: Record<string, string> = { booked: 'Booked', cancelled: 'Cancelled' };
const FORMULA_NAME = '=HYPERLINK("http://evil.example";"click")';
const AT_NAME = '@SUM(1+1)';

let desk: Desk;
let page: Page;
const stays: Stay[] = [];
const rooms = hotelDeskPerFile(
  { rooms: [[101, { category: 'Standard single room' }], [102, { category: 'Suite; sea view' }]] },
  (opened) => ({ desk, page } = opened),
);

beforeAll(async () => {
  const [single, suite] = [rooms.get(101)!, rooms.get(102)!];
  stays.push(await aStay(desk.api, { room: single, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Alice Export' }));
  stays.push(await aStay(desk.api, { room: suite, checkin: hotelDay(1), checkout: hotelDay(2), guestName: FORMULA_NAME }));
  stays.push(await aStay(desk.api, { room: suite, checkin: hotelDay(2), checkout: hotelDay(4), guestName: AT_NAME }));
  const cancelled = await aStay(desk.api, { room: single, checkin: hotelDay(5), checkout: hotelDay(7), guestName: 'Carl Cancelled' });
  stays.push(await desk.api.call<Stay>('POST', `/api/v1/stays/${cancelled.id}/cancel`));
  await openBoard(page, 101);
});

interface ExportChoice {
  delimiter: 'comma' | 'semicolon';
  bom: boolean;
  from?: string;
  to?: string;
}

/** Fills the export dialog, clicks Export and returns the download the browser received. */
async function exportThroughDialog(choice: ExportChoice): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-dialog').waitFor();
  await page.getByTestId(`export-${choice.delimiter}`).check();
  await page.getByTestId('export-bom').setChecked(choice.bom);
  if (choice.from) await page.getByTestId('export-from').fill(choice.from);
  if (choice.to) await page.getByTestId('export-to').fill(choice.to);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-submit').click()]);
  const bytes = await readFile(await download.path());
  await page.getByTestId('export-result').waitFor();
  return { download, bytes };
}

function parse(text: string, delimiter: string): { header: string[]; rows: Record<string, string>[] } {
  const result = Papa.parse<Record<string, string>>(text, { delimiter, header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { header: result.meta.fields ?? [], rows: result.data };
}


describe('the stays CSV export through the dialog', () => {
  it('downloads every stay with semicolons and a BOM: seed columns first, the API values, formulas neutralised', async () => {
    const { download, bytes } = await exportThroughDialog({ delimiter: 'semicolon', bom: true });
    expect(download.suggestedFilename()).toBe(`stays-${hotelDay(0)}.csv`);
    expect(await page.getByTestId('export-result').textContent()).toBe('Downloaded');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(COLUMNS.join(';'));

    const { header, rows } = parse(text, ';');
    expect(header).toEqual(COLUMNS);
    expect(rows.map((r) => r.Stay)).toEqual(stays.map((s) => String(s.id)));
    for (const row of rows) {
      const s = await getStay(desk.api, Number(row.Stay));
      expect(row).toMatchObject({
        Room: String(s.roomNumber),
        Category: s.category,
        Status: STATUS[s.status],
        'Arrival date': s.checkinDate,
        'Arrival time': s.checkin.slice(11, 16),
        'Departure date': s.checkoutDate,
        'Departure time': s.checkout.slice(11, 16),
        Nights: String(s.nights),
        // `;` goes with a decimal comma, as in a Danish spreadsheet.
        'Price (DKK)': (s.price / 100).toFixed(2).replace('.', ','),
      });
    }
    const cancelledRow = rows.find((r) => r.Stay === String(stays[3]!.id))!;
    expect(cancelledRow).toMatchObject({ Status: 'Cancelled', Guest: 'Carl Cancelled' });
    expect(rows.find((r) => r.Stay === String(stays[1]!.id))!.Category).toBe('Suite; sea view');

    // A spreadsheet runs a cell starting with = + - @ as a formula: those names get a leading quote.
    expect(rows.find((r) => r.Stay === String(stays[1]!.id))!.Guest).toBe(`'${FORMULA_NAME}`);
    expect(rows.find((r) => r.Stay === String(stays[2]!.id))!.Guest).toBe(`'${AT_NAME}`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    await closeDialog(page, 'export-dialog');
  });

  it('applies the dialog’s other choices: commas, no BOM, only stays that overlap the chosen dates', async () => {
    const { bytes } = await exportThroughDialog({ delimiter: 'comma', bom: false, from: hotelDay(3), to: hotelDay(5) });
    expect(bytes[0]).toBe('S'.charCodeAt(0));
    const { header, rows } = parse(bytes.toString('utf8'), ',');
    expect(header).toEqual(COLUMNS);
    // `,` goes with a decimal point.
    expect(rows.map((r) => r['Price (DKK)'])).toEqual([((await getStay(desk.api, stays[2]!.id)).price / 100).toFixed(2)]);
    // Nights [day 3, day 5): only the @ stay (days 2–4) has one; Alice leaves on day 3, Carl arrives on day 5.
    expect(rows.map((r) => r.Guest)).toEqual([`'${AT_NAME}`]);
    await closeDialog(page, 'export-dialog');
  });
});

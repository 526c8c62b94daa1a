/**
 * The export center (issue 17 §3) on a Danish desk, in Chromium against `npm run serve`: one screen
 * lists every export the admin may run with its filters, in Danish; one of them, filtered, downloads
 * its CSV with Danish headers and only the rows its filter keeps.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStay } from './support/api-client';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101], settings: { locale: 'da' } }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Åse Eksport' });
  await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(10), checkout: hotelDay(12), guestName: 'Bo Senere' });
});

describe('the export center (Danish)', () => {
  it('lists every export with its filters and downloads the stays CSV, filtered by dates', async () => {
    await page.goto('/#/exports');
    await page.getByTestId('exports-screen').waitFor();
    expect(await page.locator('#exports-title').textContent()).toBe('Eksport');
    for (const id of ['stays', 'audit', 'appointments', 'cars', 'rentals', 'stock']) await page.getByTestId(`exports-${id}`).waitFor();
    const stays = page.getByTestId('exports-stays');
    expect(await stays.getByRole('heading').textContent()).toBe('Ophold (til bogholderiet)');
    await stays.getByText('Fra', { exact: true }).waitFor();

    await page.getByTestId('exports-stays-to').fill(hotelDay(5));
    await page.getByTestId('exports-stays-delimiter').selectOption(';');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exports-stays-run').click()]);
    const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header!.split(';').slice(0, 5)).toEqual(['Ophold', 'Værelse', 'Kategori', 'Status', 'Gæst']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Åse Eksport');
    expect(rows[0]).toContain('Booket');
    expect(await page.getByTestId('exports-stays-result').textContent()).toBe('Downloadet');
  });
});

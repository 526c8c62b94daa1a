/**
 * The Reports screen in the Danish UI (issue 17 §1): a range's rooms report with its figures beside
 * the same days last year, and its charts drawn (uPlot, loaded with the screen's chunk).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStay } from './support/api-client';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101, 102], settings: { locale: 'da' } }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  // Two of the eight room-nights from today to today + 3: occupancy 25 %, at the rooms' 1 000 kr a night.
  await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Mette Hansen' });
});

describe('the rooms report in Danish', () => {
  it('shows the figures beside last year, with its charts', async () => {
    await page.goto('/#/reports');
    await page.getByTestId('reports-screen').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rapporter: Værelser');
    await page.getByTestId('report-period').selectOption('range');
    await page.getByTestId('report-from').fill(hotelDay(0));
    await page.getByTestId('report-to').fill(hotelDay(3));
    await page.getByTestId('report-show').click();

    const occupancy = page.getByTestId('report-row-occupancy');
    await expect.poll(async () => await occupancy.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Belægning25 %0 %');
    expect(await page.getByTestId('report-row-roomsSold').textContent()).toBe('Solgte værelser20');
    expect(await page.getByTestId('report-row-roomsAvailable').textContent()).toBe('Disponible værelser88');
    expect(await page.getByTestId('report-last-year-period').textContent()).toMatch(/^Sidste år: /);

    // Both charts drew, each with this period's series and last year's in its legend.
    for (const chart of ['report-occupancy-chart', 'report-revenue-chart']) {
      const box = page.getByTestId(chart);
      await box.locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });
      expect(await box.locator('.u-legend').textContent()).toContain('Sidste år');
    }
    expect(await page.getByTestId('reports-screen').textContent()).not.toMatch(/Occupancy|Last year|Rooms sold/);
  });
});

/**
 * The fleet report in the Danish UI (issue 17 §1): picked on the Reports screen, a two-day range
 * with its figures beside the same days last year, cars out by day as a line with last year's
 * beside it, utilisation per car as bars, and the table per car.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Car } from '../../shared/contract/cars';
import type { Rental } from '../../shared/contract/rentals';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
hotelDeskPerFile({ rooms: [101], settings: { locale: 'da' } }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  const yaris = await desk.api.call<Car>('POST', '/api/v1/cars', { brand: 'Toyota', model: 'Yaris', fuelType: 'Petrol', mileage: 1000, plate: 'AB 12 345' });
  await desk.api.call<Car>('POST', '/api/v1/cars', { brand: 'VW', model: 'ID.3', fuelType: 'Electric', mileage: 500 });
  // The Yaris holds today and tomorrow; it comes back at once with 120 km and a scratch.
  const rental = await desk.api.call<Rental>('POST', '/api/v1/rentals', { carId: yaris.id, from: hotelDay(0), to: hotelDay(2), guestName: 'Mette Hansen' });
  await desk.api.call('POST', `/api/v1/rentals/${rental.id}/hand-out`, { mileage: 1000 });
  await desk.api.call('POST', `/api/v1/rentals/${rental.id}/return`, { mileage: 1120, damage: true, damageNote: 'Ridse i døren' });
});

describe('the fleet report in Danish', () => {
  it('shows utilisation, km and damage beside last year, with its charts', async () => {
    await page.goto('/#/reports');
    await page.getByTestId('reports-screen').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('report-kind-fleet').click();
    await expect.poll(async () => await page.getByRole('heading', { level: 1 }).textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Rapporter: Biler');
    await page.getByTestId('report-period').selectOption('range');
    await page.getByTestId('report-from').fill(hotelDay(0));
    await page.getByTestId('report-to').fill(hotelDay(1));
    await page.getByTestId('report-show').click();

    // Two of four car-days: 50 % now, nothing the same days last year.
    const utilisation = page.getByTestId('report-row-utilisation');
    await expect.poll(async () => await utilisation.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Udnyttelse50 %0 %');
    expect(await page.getByTestId('report-row-kmDriven').textContent()).toBe('Kørte km1200');
    expect(await page.getByTestId('report-row-damageReports').textContent()).toBe('Skadesrapporter10');
    expect(await page.getByTestId('report-last-year-period').textContent()).toMatch(/^Sidste år: /);
    expect(await page.getByTestId('report-cars').locator('tbody tr').allTextContents()).toEqual(['Toyota Yaris (AB 12 345)12100 %1201', 'VW ID.3000 %00']);

    // Both charts drew, each with this period's series and last year's in its legend.
    for (const chart of ['report-cars-chart', 'report-car-utilisation-chart']) {
      const box = page.getByTestId(chart);
      await box.locator('canvas').waitFor({ timeout: UI_TIMEOUT_MS });
      expect(await box.locator('.u-legend').textContent()).toContain('Sidste år');
    }
    expect(await page.getByTestId('reports-screen').textContent()).not.toMatch(/Utilisation|Last year|Km driven/);

    // CSV downloads the report shown, for the same days: Danish headers, `;` and the decimal comma.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toBe(`fleet-report-${hotelDay(0)}.csv`);
    const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(/^Bil;Udlejninger;Udlejede dage;Mulige dage;Udnyttelse \(%\);Kørte km;Skadesrapporter;/);
    expect(csv[1]).toBe('Toyota Yaris (AB 12 345);1;2;2;100,0;120;1;0;0,0;0');
  });
});

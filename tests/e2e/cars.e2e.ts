/**
 * The Cars screen end to end (issue 9 §3): add a car, reserve it, hand it out (undo that once and hand it out again), take it back with
 * damage, and see the next hand-out refused with the reason, while the car shows as damaged; a
 * second desk with the timeline open sees each change live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Car } from '../../shared/contract/cars';
import type { Rental } from '../../shared/contract/rentals';
import { addDays, localDate } from '../../shared/time';
import { HOTEL_ZONE, setUpHotel } from './support/api-client';
import { openDesk, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';

let desk: Desk;

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('the Cars screen', () => {
  it('adds a car, reserves it, hands it out, takes it back damaged, and refuses the next hand-out', async () => {
    const today = localDate(Date.now(), HOTEL_ZONE);
    const page = await desk.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.goto('/#/cars');
    await page.getByTestId('cars-screen').waitFor();
    // Another desk has the timeline open: it hears of every change live, with no reload.
    const other = await desk.newPage();
    other.setDefaultTimeout(UI_TIMEOUT_MS);
    await other.goto('/#/cars');
    await other.getByTestId('cars-screen').waitFor();
    await other.getByTestId('cars-tab-timeline').click();

    // Add a car through the form.
    await page.getByTestId('car-add').click();
    await page.getByTestId('car-brand').fill('Toyota');
    await page.getByTestId('car-model').fill('Corolla');
    await page.getByTestId('car-fuel').fill('Petrol');
    await page.getByTestId('car-mileage').fill('12000');
    await page.getByTestId('car-plate').fill('E2E 123');
    await page.getByTestId('car-rate').fill('595');
    await page.getByTestId('car-submit').click();
    await page.getByTestId('car-dialog').waitFor({ state: 'detached' });
    const cars = await desk.api.call<Car[]>('GET', '/api/v1/cars');
    const car = cars.find((c) => c.plate === 'E2E 123')!;
    expect(car).toMatchObject({ brand: 'Toyota', model: 'Corolla', mileage: 12000, dailyRate: 59_500 });
    await page.getByTestId(`cars-row-${car.id}`).waitFor();
    await other.getByTestId(`timeline-car-${car.id}`).waitFor();

    // Reserve it for today → the day after tomorrow.
    await page.getByTestId(`car-reserve-${car.id}`).click();
    expect(await page.getByTestId('reserve-from').inputValue()).toBe(today);
    await page.getByTestId('reserve-to').fill(addDays(today, 2));
    await page.getByTestId('reserve-guest').fill('Mette Hansen');
    await page.getByTestId('reserve-price').waitFor();
    await page.getByTestId('reserve-submit').click();
    await page.getByTestId('reserve-dialog').waitFor({ state: 'detached' });
    const [first] = await desk.api.call<Rental[]>('GET', `/api/v1/rentals?carId=${car.id}`);
    expect(first).toMatchObject({ status: 'reserved', guestName: 'Mette Hansen', days: 2, price: 119_000 });
    await other.locator(`[data-testid="timeline-rental-${first!.id}"].car-bar-reserved`).waitFor();

    // Hand it out from the timeline.
    await page.getByTestId('cars-tab-timeline').click();
    await page.getByTestId(`timeline-rental-${first!.id}`).click();
    await page.getByTestId('rental-mileage').fill('12010');
    await page.getByTestId('rental-handout-submit').click();
    await page.getByTestId('rental-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await desk.api.call<Car>('GET', `/api/v1/cars/${car.id}`)).isRented).toBe(true);
    await page.locator(`[data-testid="timeline-rental-${first!.id}"].car-bar-out`).waitFor();
    await other.locator(`[data-testid="timeline-rental-${first!.id}"].car-bar-out`).waitFor();

    // Undo the hand-out (issue 18): reserved again, the car in; then hand it out once more.
    await page.getByTestId(`timeline-rental-${first!.id}`).click();
    await page.getByTestId('rental-undo').click();
    await page.getByTestId('rental-dialog').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="timeline-rental-${first!.id}"].car-bar-reserved`).waitFor();
    expect((await desk.api.call<Car>('GET', `/api/v1/cars/${car.id}`)).isRented).toBe(false);
    await page.getByTestId(`timeline-rental-${first!.id}`).click();
    await page.getByTestId('rental-handout-submit').click();
    await page.getByTestId('rental-dialog').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="timeline-rental-${first!.id}"].car-bar-out`).waitFor();

    // Take it back with damage.
    await page.getByTestId(`timeline-rental-${first!.id}`).click();
    await page.getByTestId('rental-mileage').fill('12480');
    await page.getByTestId('rental-damage').check();
    await page.getByTestId('rental-damage-note').fill('Scratch on the rear bumper');
    await page.getByTestId('rental-return-submit').click();
    await page.getByTestId('rental-dialog').waitFor({ state: 'detached' });
    expect(await desk.api.call<Car>('GET', `/api/v1/cars/${car.id}`)).toMatchObject({ isRented: false, hasDamage: true, mileage: 12480, damageNote: 'Scratch on the rear bumper' });

    // Reserve again, and try to hand it out: refused, with the reason, and nothing changes.
    await page.getByTestId('cars-tab-inventory').click();
    expect(await page.getByTestId(`car-state-${car.id}`).getAttribute('class')).toContain('car-pill-damaged');
    await page.getByTestId(`car-reserve-${car.id}`).click();
    await page.getByTestId('reserve-to').fill(addDays(today, 3));
    await page.getByTestId('reserve-guest').fill('Jens Olsen');
    await page.getByTestId('reserve-submit').click();
    await page.getByTestId('reserve-dialog').waitFor({ state: 'detached' });
    const second = (await desk.api.call<Rental[]>('GET', `/api/v1/rentals?carId=${car.id}&status=reserved`))[0]!;
    await page.getByTestId('cars-tab-timeline').click();
    await page.getByTestId(`timeline-rental-${second.id}`).click();
    await page.getByTestId('rental-handout-submit').click();
    const refusal = page.getByTestId('rental-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/damage|skade/i);
    expect(await page.getByTestId('rental-dialog').isVisible()).toBe(true);
    expect((await desk.api.call<Rental>('GET', `/api/v1/rentals/${second.id}`)).status).toBe('reserved');
    expect((await desk.api.call<Car>('GET', `/api/v1/cars/${car.id}`)).isRented).toBe(false);
  });
});

/**
 * Live updates over /ws: what another client changes shows on an open board without a reload —
 * a booking made through the REST API, and a check-in made at a second desk's browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import { aRoom, aStay, setUpHotel } from './support/api-client';
import { barDates, barWithStatus, openBoard, stayBar } from './support/board-page';
import { hotelDay, openDesk, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';

let desk: Desk;
let first: Page;
let second: Page;
const rooms = new Map<number, Room>();

/** Set on the page's window once loaded: if the page reloaded, it is gone. */
const MARK = '__frontdeskE2eNoReload';

async function markPage(page: Page): Promise<void> {
  await page.evaluate((mark) => Object.assign(globalThis, { [mark]: true }), MARK);
}

async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate((mark) => (globalThis as Record<string, unknown>)[mark] === true, MARK);
}

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  for (const n of [101, 102]) rooms.set(n, await aRoom(desk.api, n));
  [first, second] = await Promise.all([desk.newPage(), desk.newPage()]);
  await Promise.all([openBoard(first, 101), openBoard(second, 101)]);
  await Promise.all([markPage(first), markPage(second)]);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('live updates on an open board', () => {
  it('shows a booking made through the API on both open boards without a reload, with today’s arrivals counted', async () => {
    expect(await first.getByTestId('count-arrivals').textContent()).toBe('0');
    const stay = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(0), checkout: hotelDay(3), guestName: 'Lan Client' });

    for (const page of [first, second]) {
      const bar = page.getByTestId('room-row-102').getByTestId(`stay-bar-${stay.id}`);
      await bar.waitFor();
      expect(await bar.textContent()).toContain('Lan Client');
      expect(await barDates(page, bar, hotelDay(0))).toEqual({ checkin: hotelDay(0), checkout: hotelDay(3) });
      await expect.poll(() => page.getByTestId('count-arrivals').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
      expect(await stillSamePage(page)).toBe(true);
    }
  });

  it('shows a check-in made at the second desk on the first desk’s board', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(0), checkout: hotelDay(2), guestName: 'Desk Two Guest' });
    await barWithStatus(first, 101, stay.id, 'booked').waitFor();

    await stayBar(second, stay.id).click();
    await second.locator('[data-testid="stay-status"][data-status="booked"]').waitFor();
    await second.getByTestId('stay-action-check-in').click();
    await second.getByTestId('stay-dialog').waitFor({ state: 'detached' });

    await barWithStatus(first, 101, stay.id, 'checked_in').waitFor();
    await expect.poll(() => first.getByTestId('count-in-house').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
    expect(await stillSamePage(first)).toBe(true);
  });
});

/**
 * The board's rows beyond the view (board-rows-ahead.ts): the first frame draws the rows in view,
 * the rest are mounted while the page is idle, so scrolling moves rows that are already there; and a
 * row away from the view is redrawn for the weeks scrolled to sideways once the page is idle, so its
 * bars are there when it is scrolled to.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStay } from './support/api-client';
import { openBoard, stayBar } from './support/board-page';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
// 60 rooms on two floors: about 20 rows fill the window, the last ones are far below it.
const numbers = [...Array.from({ length: 30 }, (_, i) => 101 + i), ...Array.from({ length: 30 }, (_, i) => 201 + i)];
const rooms = hotelDeskPerFile({ rooms: numbers }, (opened) => ({ desk, page } = opened));
let farStay = 0;
let lateStay = 0;

beforeAll(async () => {
  farStay = (await aStay(desk.api, { room: rooms.get(229)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Far Below' })).id;
  lateStay = (await aStay(desk.api, { room: rooms.get(228)!, checkin: hotelDay(60), checkout: hotelDay(63), guestName: 'Late And Low' })).id;
});

describe('the board rows beyond the view', () => {
  it('mounts every room row without scrolling once the page is idle, bars included', async () => {
    await openBoard(page, 101);
    await page.getByTestId('room-row-230').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    expect(await page.locator('[data-testid^="room-row-"]').count()).toBe(numbers.length);
    // Its bar is drawn below the window, where nothing was scrolled yet.
    await stayBar(page, farStay).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    const [bar, grid] = [await stayBar(page, farStay).boundingBox(), await page.getByTestId('board-grid').boundingBox()];
    expect(bar!.y).toBeGreaterThan(grid!.y + grid!.height);
  });

  it('redraws the rows away from the view for the weeks scrolled to sideways', async () => {
    page = await desk.newPage();
    await openBoard(page, 101, `#/board?from=${hotelDay(0)}&days=90`);
    await page.getByTestId('room-row-230').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    expect(await page.locator('[data-testid^="day-"]').count()).toBe(90);
    // The stay two months ahead is beyond the weeks in view: not drawn yet.
    expect(await stayBar(page, lateStay).count()).toBe(0);
    await page.getByTestId('board-grid').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await stayBar(page, lateStay).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    // Room 228 is far below the rows in view: its row was redrawn for those weeks while idle.
    const [row, grid] = [await page.getByTestId('room-row-228').boundingBox(), await page.getByTestId('board-grid').boundingBox()];
    expect(row!.y).toBeGreaterThan(grid!.y + grid!.height);
  });
});

/**
 * The desk's worklists and search (issue 10 items 9 and 10), in Chromium against `npm run serve`:
 * a counter opens today's arrivals, one click checks a guest in, the list and the counters go down
 * (at this desk and, live, at another); `/` focuses the header's search, typing finds a guest, Enter
 * opens the stay on the board.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stay } from '../../shared/contract/stays';
import { aStay, getStay } from './support/api-client';
import { openBoard, stayBar } from './support/board-page';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
let other: Page;
let first: Stay;
let second: Stay;
let later: Stay;
const rooms = hotelDeskPerFile({ rooms: [101, 102, 103] }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  first = await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(0), checkout: hotelDay(2), guestName: 'Astrid Arrives' });
  second = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(0), checkout: hotelDay(3), guestName: 'Bjørn Also Arrives' });
  later = await aStay(desk.api, { room: rooms.get(103)!, checkin: hotelDay(20), checkout: hotelDay(23), guestName: 'Cecilie Kierkegård' });
  other = await desk.newPage();
  await openBoard(page, 101);
  await openBoard(other, 101);
});

const count = (p: Page, id: string) => p.getByTestId(id).textContent();

describe('a worklist check-in', () => {
  it('opens Arrivals from its counter, checks a guest in with one click, and the counts go down here and at another desk', async () => {
    expect(await count(page, 'count-arrivals')).toBe('2');
    expect(await count(page, 'count-in-house')).toBe('0');
    await page.getByTestId('open-count-arrivals').click();
    const list = page.getByTestId('worklist-arrivals');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(2);
    await page.getByTestId(`work-item-${first.id}`).getByText('Astrid Arrives').waitFor();

    await page.getByTestId(`work-act-${first.id}`).click();
    await page.getByTestId(`work-item-${first.id}`).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(await list.locator('tbody tr').count()).toBe(1);
    expect((await getStay(desk.api, first.id)).status).toBe('checked_in');
    await expect.poll(() => count(page, 'count-arrivals'), { timeout: UI_TIMEOUT_MS }).toBe('1');
    expect(await count(page, 'count-in-house')).toBe('1');
    expect(await page.getByTestId('worklist-tab-arrivals').textContent()).toMatch(/1$/);
    // The other desk's counters follow live, without a reload.
    await expect.poll(() => count(other, 'count-arrivals'), { timeout: UI_TIMEOUT_MS }).toBe('1');
    expect(await count(other, 'count-in-house')).toBe('1');

    // In house: the guest just checked in, nothing left to do until the departure day.
    await page.getByTestId('worklist-tab-inHouse').click();
    await page.getByTestId('worklist-inHouse').getByText('Astrid Arrives').waitFor();

    // Checked in at the other desk: this desk's open list gets shorter by itself.
    await page.getByTestId('worklist-tab-arrivals').click();
    await page.getByTestId(`work-item-${second.id}`).waitFor();
    await desk.api.call('POST', `/api/v1/stays/${second.id}/check-in`);
    await page.getByTestId('worklist-empty').waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => count(page, 'count-arrivals'), { timeout: UI_TIMEOUT_MS }).toBe('0');
    await page.keyboard.press('Escape');
    await page.getByTestId('worklist').waitFor({ state: 'detached' });
  });
});

describe('the search', () => {
  it('`/` focuses the header search; typing part of a name finds the guest; Enter opens the stay on the board', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const input = page.getByTestId('global-search');
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('kierkegard');
    const hit = page.getByTestId(`search-hit-${later.id}`);
    await hit.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await hit.textContent()).toContain('Cecilie Kierkegård');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    const dialog = page.getByTestId('stay-dialog');
    await dialog.locator('[data-testid="stay-status"][data-status="booked"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.textContent()).toContain('Cecilie Kierkegård');
    // The board moved to the stay's dates: its bar is on screen behind the dialog.
    await stayBar(page, later.id).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Ctrl+K finds a stay by its room number, and says when nothing matches', async () => {
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('global-search');
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await input.fill('101');
    await page.getByTestId(`search-hit-${first.id}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill('zzzxq');
    await page.getByTestId('search-popup').getByText('Nothing found').waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill('ab');
    await page.getByTestId('search-popup').getByText('at least 3 letters').waitFor();
  });
});

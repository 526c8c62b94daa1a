/**
 * Drag on the board (issue 10 item 11): across free nights to book (New stay opens with the room and
 * both dates), a stay's bar to another room to move it, its end to extend it; each is confirmed in a
 * dialog and re-checked by the host, and a refused move says what is in the way. The summary rows
 * show the occupancy and each category's free rooms per night.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/schemas';
import { aRoom, aStay, getStay, setUpHotel } from './support/api-client';
import { barDates, closeDialog, dayColumn, openBoard, stayBar } from './support/board-page';
import { hotelDay, openDesk, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';

let desk: Desk;
let page: Page;
const rooms = new Map<number, Room>();

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  for (const n of [101, 102, 103, 104, 105]) rooms.set(n, await aRoom(desk.api, n));
  page = await desk.newPage();
  await openBoard(page, 101);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

/** The middle of a room's night on screen. */
async function nightPoint(room: number, date: string): Promise<{ x: number; y: number }> {
  const day = await dayColumn(page, date).boundingBox();
  const row = await page.getByTestId(`room-row-${room}`).boundingBox();
  if (!day || !row) throw new Error(`room ${room} on ${date} is not on the board`);
  return { x: day.x + day.width / 2, y: row.y + row.height / 2 };
}

/** Presses at `from`, moves there in steps (as a hand does), releases at `to`. */
async function drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

async function barCentre(bar: Locator): Promise<{ x: number; y: number }> {
  const box = await bar.boundingBox();
  if (!box) throw new Error('bar not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('drag on the board', () => {
  it('shows the occupancy and each category\'s free rooms per night above the rooms', async () => {
    // The figures follow the rooms' first paint (a deferred render): wait for them.
    await page.getByTestId('summary-occupancy').locator('.summary-cell').first().waitFor();
    expect(await page.getByTestId('summary-occupancy').textContent()).toContain('0%');
    const free = page.getByTestId('summary-category-Standard double room');
    expect(await free.locator('.summary-cell').first().textContent()).toBe('5');
  });

  it('books by dragging across free nights: New stay opens with the room and both dates, and the bar covers them', async () => {
    await drag(await nightPoint(101, hotelDay(1)), await nightPoint(101, hotelDay(3)));
    const dialog = page.getByTestId('booking-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('booking-room').inputValue()).toBe(String(rooms.get(101)!.id));
    expect(await page.getByTestId('booking-checkin').inputValue()).toBe(hotelDay(1));
    expect(await page.getByTestId('booking-checkout').inputValue()).toBe(hotelDay(4));
    await page.getByTestId('booking-guest-name').fill('Dora Drag');
    await page.getByTestId('booking-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const bar = page.getByTestId('room-row-101').locator('[data-testid^="stay-bar-"]');
    await bar.waitFor();
    expect(await barDates(page, bar, hotelDay(0))).toEqual({ checkin: hotelDay(1), checkout: hotelDay(4) });
    // The summary follows: one of five rooms sold on day 1.
    await expect.poll(() => page.getByTestId('summary-occupancy').locator('.summary-cell').nth(1).textContent(), { timeout: UI_TIMEOUT_MS }).toBe('20%');
  });

  it('moves a stay by dragging its bar to another room, after confirming (same rate: no price question)', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Max Move' });
    const bar = stayBar(page, stay.id);
    await bar.waitFor();
    const from = await barCentre(bar);
    const target = await nightPoint(103, hotelDay(2));
    await drag(from, { x: from.x, y: target.y });
    const dialog = page.getByTestId('drag-change-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent(), { timeout: UI_TIMEOUT_MS }).toContain('Move Max Move to room 103?');
    await page.getByTestId('price-same').waitFor();
    await page.getByTestId('drag-change-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('room-row-103').getByTestId(`stay-bar-${stay.id}`).waitFor();
    expect(await getStay(desk.api, stay.id)).toMatchObject({ roomNumber: 103, checkinDate: hotelDay(1), checkoutDate: hotelDay(3), price: 2 * 100_000 });
  });

  it('refuses a move onto another guest\'s nights, naming the stay in the way, and changes nothing', async () => {
    const moving = await aStay(desk.api, { room: rooms.get(104)!, checkin: hotelDay(5), checkout: hotelDay(7), guestName: 'Rita Refused' });
    const inTheWay = await aStay(desk.api, { room: rooms.get(105)!, checkin: hotelDay(6), checkout: hotelDay(8), guestName: 'Ivan Inway' });
    const bar = stayBar(page, moving.id);
    await bar.waitFor();
    const from = await barCentre(bar);
    await drag(from, { x: from.x, y: (await nightPoint(105, hotelDay(5))).y });
    const dialog = page.getByTestId('drag-change-dialog');
    await dialog.waitFor();
    await page.getByTestId('drag-change-submit').click();
    const refusal = page.getByTestId('dialog-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`stay #${inTheWay.id} for Ivan Inway`);
    expect(await getStay(desk.api, moving.id)).toMatchObject({ roomNumber: 104 });
    await closeDialog(page, 'drag-change-dialog');
  });

  it('extends a stay by dragging its end, asking keep or reprice, and saves the chosen price', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(103)!, checkin: hotelDay(8), checkout: hotelDay(10), guestName: 'Erik Extend' });
    const bar = stayBar(page, stay.id);
    await bar.waitFor();
    const box = (await bar.boundingBox())!;
    const end = { x: box.x + box.width - 3, y: box.y + box.height / 2 };
    const target = await nightPoint(103, hotelDay(12));
    await drag(end, { x: target.x, y: end.y });
    const dialog = page.getByTestId('drag-change-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent(), { timeout: UI_TIMEOUT_MS }).toContain('New dates for Erik Extend');
    await page.getByTestId('price-choice').waitFor();
    expect(await page.getByTestId('drag-change-submit').isDisabled()).toBe(true);
    await page.getByTestId('price-reprice').check();
    await page.getByTestId('drag-change-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => barDates(page, bar, hotelDay(0)), { timeout: UI_TIMEOUT_MS }).toEqual({ checkin: hotelDay(8), checkout: hotelDay(12) });
    expect(await getStay(desk.api, stay.id)).toMatchObject({ checkoutDate: hotelDay(12), nights: 4, price: 4 * 100_000 });
  });

  it('shortens a stay by dragging its end back, keeping the agreed price when chosen', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(9), checkout: hotelDay(13), guestName: 'Sara Short' });
    const bar = stayBar(page, stay.id);
    await bar.waitFor();
    const box = (await bar.boundingBox())!;
    const end = { x: box.x + box.width - 3, y: box.y + box.height / 2 };
    const target = await nightPoint(102, hotelDay(11));
    await drag(end, { x: target.x, y: end.y });
    await page.getByTestId('drag-change-dialog').waitFor();
    await page.getByTestId('price-keep').check();
    await page.getByTestId('drag-change-submit').click();
    await page.getByTestId('drag-change-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await getStay(desk.api, stay.id)).checkoutDate, { timeout: UI_TIMEOUT_MS }).toBe(hotelDay(11));
    expect(await getStay(desk.api, stay.id)).toMatchObject({ nights: 2, price: 4 * 100_000 });
  });

  it('keeps a plain click a click: a free night still opens New stay for one night', async () => {
    const p = await nightPoint(105, hotelDay(1));
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('booking-dialog').waitFor();
    expect(await page.getByTestId('booking-checkout').inputValue()).toBe(hotelDay(2));
    await closeDialog(page, 'booking-dialog');
  });
});

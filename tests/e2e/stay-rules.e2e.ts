/**
 * The desk's rules in the real UI (docs/stays-rules.md): a check-out undone from the stay dialog
 * puts the stay back in the house with its booked nights; a block created from the board's toolbar
 * withholds its room from New stay for its nights (and the API agrees); a guest gone on the arrival
 * day leaves a stay of no nights, still on the board as a marker that opens it, its night free.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import { aStay, getStay } from './support/api-client';
import { barDates, barWithStatus, clickNight, closeDialog, openBoard, openStayDialog } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101, 102, 103] }, (opened) => ({ desk, page } = opened));

/** Checks the stay in through the API, then out through its dialog on the board, the departure's quote confirmed. */
async function checkInThenOutThroughDialog(stayId: number): Promise<void> {
  await desk.api.call('POST', `/api/v1/stays/${stayId}/check-in`);
  await openBoard(page, 101);
  const dialog = await openStayDialog(page, stayId, 'checked_in');
  await page.getByTestId('stay-action-check-out').click();
  await page.getByTestId('departure-quote').waitFor();
  await page.getByTestId('stay-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the desk rules in the UI', () => {
  it('undoes a check-out: the stay is in the house again with its booked nights', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(-1), checkout: hotelDay(3), guestName: 'Una Undo' });
    await checkInThenOutThroughDialog(stay.id);
    await barWithStatus(page, 101, stay.id, 'checked_out').waitFor();
    expect(await getStay(desk.api, stay.id)).toMatchObject({ status: 'checked_out', checkoutDate: hotelDay(0) });

    // A misclick: the desk undoes it from the stay's dialog, the same day.
    const dialog = await openStayDialog(page, stay.id, 'checked_out');
    expect(await page.getByTestId('stay-action-undo').textContent()).toBe('Undo check-out');
    await page.getByTestId('stay-action-undo').click();
    await page.getByTestId('stay-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const bar = barWithStatus(page, 101, stay.id, 'checked_in');
    await bar.waitFor();
    await expect.poll(() => barDates(page, bar, hotelDay(0)), { timeout: 15_000 }).toMatchObject({ checkout: hotelDay(3) });
    expect(await getStay(desk.api, stay.id)).toMatchObject({ status: 'checked_in', checkoutDate: hotelDay(3), nights: 4 });
    const audit = await desk.api.call<{ entries: { action: string; entityId: string | null }[] }>('GET', '/api/v1/audit?action=stays:undo');
    expect(audit.entries.map((e) => [e.action, e.entityId])).toContainEqual(['stays:undo', String(stay.id)]);
  });

  it('creates a block from the toolbar, and New stay no longer offers the room for those nights', async () => {
    await openBoard(page, 101);
    const room = rooms.get(102)!;
    await page.getByTestId('block-new').click();
    const form = page.getByTestId('block-form');
    await form.waitFor();
    await page.getByTestId('block-room').selectOption(String(room.id));
    await page.getByTestId('block-from').fill(hotelDay(3));
    await page.getByTestId('block-to').fill(hotelDay(5));
    await page.getByTestId('block-reason').fill('Burst pipe');
    await page.getByTestId('block-kind').selectOption('out_of_order');
    await page.getByTestId('block-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('room-row-102').locator('[data-testid^="block-bar-"]').waitFor();

    // New stay for a night inside the block: room 102 is not in the list; 101 and 103 are.
    await page.getByTestId('new-stay').click();
    await page.getByTestId('booking-dialog').waitFor();
    await page.getByTestId('booking-checkin').fill(hotelDay(4));
    await page.getByTestId('booking-checkout').fill(hotelDay(5));
    const option = (id: number) => page.locator(`[data-testid="booking-room"] option[value="${id}"]`);
    // The list keeps the last dates' rooms until the new dates' answer comes (no flicker while it
    // loads), so wait for exactly the rooms free on those nights, not for one that is in both lists.
    const offered = () => page.locator('[data-testid="booking-room"] option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean).sort());
    await expect.poll(offered).toEqual([rooms.get(101)!.id, rooms.get(103)!.id].map(String).sort());
    // Right after the block, the room is offered again.
    await page.getByTestId('booking-checkin').fill(hotelDay(5));
    await page.getByTestId('booking-checkout').fill(hotelDay(6));
    await option(room.id).waitFor({ state: 'attached' });

    const free = await desk.api.call<Room[]>('GET', `/api/v1/rooms/free?checkin=${hotelDay(4)}&checkout=${hotelDay(5)}`);
    expect(free.map((r) => r.number)).toEqual([101, 103]);
  });

  it('keeps a guest gone on the arrival day on the board: a marker opens the stay, the night is free', async () => {
    const room = rooms.get(103)!;
    const stay = await aStay(desk.api, { room, checkin: hotelDay(0), checkout: hotelDay(2), guestName: 'Dag Daytrip' });

    // Checked out the same day: the stay ends now, with no nights.
    await checkInThenOutThroughDialog(stay.id);
    expect(await getStay(desk.api, stay.id)).toMatchObject({ status: 'checked_out', checkinDate: hotelDay(0), checkoutDate: hotelDay(0), nights: 0 });

    // Its marker sits in the right half of today's column, named by the guest.
    const marker = barWithStatus(page, 103, stay.id, 'checked_out');
    await marker.waitFor();
    expect(await marker.getAttribute('data-nights')).toBe('0');
    expect(await marker.getAttribute('aria-label')).toBe('Dag Daytrip');
    const [day, box] = [await page.getByTestId(`day-${hotelDay(0)}`).boundingBox(), await marker.boundingBox()];
    expect(box!.x).toBeGreaterThanOrEqual(day!.x + day!.width / 2);
    expect(box!.x + box!.width).toBeLessThanOrEqual(day!.x + day!.width);

    // The night is free: the rest of the cell (its left half here) starts a new booking, and the API offers the room.
    await clickNight(page, 103, hotelDay(0), 0.25);
    await page.getByTestId('booking-dialog').waitFor();
    expect(await page.getByTestId('booking-room').inputValue()).toBe(String(room.id));
    expect(await page.getByTestId('booking-checkin').inputValue()).toBe(hotelDay(0));
    await closeDialog(page, 'booking-dialog');
    // From a minute after the guest left (after 14:00 the stay held the room until then, so the
    // usual 14:00 start would still meet it; its instant is shown to the second), to tomorrow's
    // check-out: at any time of day.
    const left = new Date(Date.parse((await getStay(desk.api, stay.id)).checkout) + 60_000).toISOString();
    const free = await desk.api.call<Room[]>('GET', `/api/v1/rooms/free?checkin=${encodeURIComponent(left)}&checkout=${hotelDay(1)}`);
    expect(free.map((r) => r.number)).toContain(103);

    // By keyboard: the grid's cursor on that cell names the stay with no nights, and O opens it.
    await page.getByTestId('board-grid').focus();
    const target = `cell-103-${hotelDay(0)}`;
    for (let i = 0; i < 3 && (await page.getByTestId('board-grid').getAttribute('aria-activedescendant')) !== target; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('board-grid').getAttribute('aria-activedescendant')).toBe(target);
    expect(await page.getByTestId(target).getAttribute('aria-label')).toMatch(/free; Dag Daytrip .*\(no nights; O opens it\)$/);
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('stay-dialog').textContent(), { timeout: 15_000 }).toContain('Dag Daytrip');
    await closeDialog(page, 'stay-dialog');

    // The marker opens the stay, whose check-out can still be undone: the guest is back with both nights.
    const dialog = await openStayDialog(page, stay.id, 'checked_out');
    await page.getByTestId('stay-action-undo').click();
    await page.getByTestId('stay-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const bar = barWithStatus(page, 103, stay.id, 'checked_in');
    await bar.waitFor();
    await expect.poll(() => barDates(page, bar, hotelDay(0)), { timeout: 15_000 }).toEqual({ checkin: hotelDay(0), checkout: hotelDay(2) });
  });
});

/**
 * The one date field and the one time field (issue 18 §4), in a Danish desk on a browser whose own
 * language is American English (Chromium's default here): dates read and type as `23.11.2026`,
 * times as `14:00`, typed or picked (with the mouse and from the keyboard), in a calendar and a list
 * in the desk's language; no native date or time input is left to show `11/23/2026` or `02:00 PM`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/contract/blocks';
import { openBoard } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
hotelDeskPerFile({ rooms: [101, 102], settings: { locale: 'da' } }, (world) => ({ desk, page } = world));

/** `2026-11-23` as the Danish desk writes it. */
function danish(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const focusedTestId = () =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null);

const NATIVE = 'input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"]';

describe('the date field, in Danish', () => {
  it('types 23.11.2026-style dates and picks them in a Danish calendar, by mouse and by keyboard, inside a dialog', async () => {
    await openBoard(page, 101);
    expect(await page.getByTestId('board-from').inputValue()).toBe(danish(hotelDay(0)));
    await page.getByTestId('block-new').click();
    await page.getByTestId('block-form').waitFor();
    expect(await page.locator(NATIVE).count()).toBe(0);
    await page.getByTestId('block-room').selectOption({ label: '102 · Standard double room' });

    // Typed, as the desk writes dates.
    expect(await page.getByTestId('block-from').getAttribute('placeholder')).toBe('dd.mm.åååå');
    await page.getByTestId('block-from').fill('');
    await page.getByTestId('block-from').pressSequentially(danish(hotelDay(3)));

    // Picked with the mouse: the calendar opens above the dialog, in Danish, Monday first, on the
    // month of the field's date (the block's end: tomorrow, which on a month's last day is the next month's).
    const shown = (await page.getByTestId('block-to').inputValue()).split('.').reverse().join('-');
    await page.getByTestId('block-to-pick').click();
    const calendar = page.getByTestId('block-to-calendar');
    await calendar.waitFor();
    const month = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${shown}T12:00:00Z`));
    expect(await calendar.textContent()).toContain(month);
    expect((await calendar.locator('th').allTextContents()).slice(0, 2)).toEqual(['ma', 'ti']);
    await calendar.locator(`td[data-day="${hotelDay(5)}"] button`).click();
    await calendar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('block-to').inputValue()).toBe(danish(hotelDay(5)));

    // From the keyboard: Alt+↓ opens it on the chosen day, → moves a day, Enter picks, the field has the focus again.
    await page.getByTestId('block-to').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await calendar.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('block-to').inputValue()).toBe(danish(hotelDay(6)));
    expect(await focusedTestId()).toBe('block-to');

    // Escape closes the calendar only: the dialog stays, the date as it was.
    await page.keyboard.press('Alt+ArrowDown');
    await calendar.waitFor();
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('block-form').isVisible()).toBe(true);
    expect(await page.getByTestId('block-to').inputValue()).toBe(danish(hotelDay(6)));

    await page.getByTestId('block-reason').fill('Nyt gulvtæppe');
    await page.getByTestId('block-save').click();
    await page.getByTestId('block-form').waitFor({ state: 'detached' });
    const blocks = await desk.api.call<Block[]>('GET', `/api/v1/blocks?from=${hotelDay(0)}&to=${hotelDay(30)}`);
    expect(blocks.find((b) => b.reason === 'Nyt gulvtæppe')).toMatchObject({ fromDate: hotelDay(3), toDate: hotelDay(6) });
  });

  it('refuses a date that does not exist, as typed, instead of taking another', async () => {
    await page.goto('/#/appointments');
    await page.getByTestId('appointments-screen').waitFor();
    const field = page.getByTestId('appt-date');
    expect(await field.inputValue()).toBe(danish(hotelDay(0)));
    await field.fill('31.02.2027');
    await field.blur();
    expect(await field.inputValue()).toBe('31.02.2027');
    expect(await page.getByTestId('appt-range').textContent()).not.toContain('2027');
  });
});

describe('the time field', () => {
  it('types 15 as 15:00, picks 12:30 from the list by keyboard, saves them, and shows them 24-hour in English too', async () => {
    await page.goto('/#/settings');
    await page.getByTestId('settings-screen').waitFor();
    expect(await page.locator(NATIVE).count()).toBe(0);
    const checkin = page.getByTestId('settings-checkinTime');
    expect(await checkin.inputValue()).toBe('14:00');
    expect(await checkin.getAttribute('placeholder')).toBe('tt:mm');
    await checkin.fill('');
    await checkin.pressSequentially('15');
    await checkin.press('Tab');
    expect(await checkin.inputValue()).toBe('15:00');

    const checkout = page.getByTestId('settings-checkoutTime');
    await checkout.focus();
    await page.keyboard.press('Alt+ArrowDown');
    const list = page.getByTestId('settings-checkoutTime-list');
    await list.waitFor();
    expect(await list.locator('[aria-selected="true"]').textContent()).toBe('12:00');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await checkout.inputValue()).toBe('12:30');
    expect(await focusedTestId()).toBe('settings-checkoutTime');

    // And with the mouse.
    await page.getByTestId('settings-checkinTime-pick').click();
    await page.getByTestId('settings-checkinTime-list').locator('[data-time="15:30"]').click();
    expect(await checkin.inputValue()).toBe('15:30');

    await page.getByTestId('settings-save').click();
    // This save's own toast (an earlier test's may still be on screen: toasts fade after a few seconds).
    await page.getByTestId('toast-success').filter({ hasText: /Indstillingerne er gemt|Settings saved/ }).waitFor();
    expect(await desk.api.call('GET', '/api/v1/settings')).toMatchObject({ checkinTime: '15:30', checkoutTime: '12:30' });

    await page.getByTestId('lang-en').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await checkin.inputValue()).toBe('15:30');
    expect(await checkin.getAttribute('placeholder')).toBe('hh:mm');
    await page.getByTestId('lang-da').click();
  });
});

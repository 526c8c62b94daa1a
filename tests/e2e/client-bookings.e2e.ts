/**
 * A client (a kiosk or guest app on the LAN) in a browser: it sees My bookings, only its own, and
 * books for itself from the categories and rooms the hotel has free; another client's booking is
 * neither listed nor readable directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedBooking } from '../../shared/contract/seed-bookings';
import { aRoom, aUser, listBookings, setUpHotel, signIn, type ApiClient } from './support/api-client';
import { hotelDay, openDesk, SESSION_TOKEN_KEY, type Desk } from './support/desk-fixture';
import { openSignIn, headerUser, signInThroughForm, type PageStorage } from './support/session-page';

let desk: Desk;
let clientA: ApiClient;
let clientB: ApiClient;
let bookingA: SeedBooking;
let bookingB: SeedBooking;

const book = (api: ApiClient, roomnumber: number, guest: string, from: number, to: number) =>
  api.call<SeedBooking>('POST', '/bookings', { roomnumber, category: 'Standard double room', checkin: hotelDay(from), checkout: hotelDay(to), guest_name: guest });

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  for (const n of [101, 102, 103, 104]) await aRoom(desk.api, n);
  await aRoom(desk.api, 201, { category: 'Family room', capacity: 4, nightlyRate: 180_000 });
  await aUser(desk.api, 'kiosk-a', 'client', 'kiosk-a-pass-2026');
  await aUser(desk.api, 'kiosk-b', 'client', 'kiosk-b-pass-2026');
  clientA = (await signIn(desk.serve.url, 'kiosk-a', 'kiosk-a-pass-2026')).api;
  clientB = (await signIn(desk.serve.url, 'kiosk-b', 'kiosk-b-pass-2026')).api;
  bookingA = await book(clientA, 101, 'Guest of A', 1, 3);
  bookingB = await book(clientB, 102, 'Guest of B', 1, 3);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('a client in the browser', () => {
  it('signs in to My bookings, sees only its own booking, and cannot fetch the other client’s', async () => {
    const page = await openSignIn(desk);
    await signInThroughForm(page, 'kiosk-a', 'kiosk-a-pass-2026');
    await page.getByTestId('my-bookings').waitFor();
    expect(await headerUser(page)).toEqual({ name: 'kiosk-a', role: 'client' });
    await page.getByTestId(`my-booking-${bookingA.id}`).waitFor();
    expect(await page.getByTestId(`my-booking-${bookingA.id}`).textContent()).toContain('Guest of A');
    expect(await page.locator('[data-testid^="my-booking-"]').count()).toBe(1);
    expect(await page.getByTestId(`my-booking-${bookingB.id}`).count()).toBe(0);
    // No desk for a client: no board, no admin screens.
    expect(await page.getByTestId('board').count()).toBe(0);
    expect(await page.getByTestId('nav-board').count()).toBe(0);

    // The admin sees both; B's own list has only B's.
    expect((await listBookings(desk.api)).map((b) => b.id).sort()).toEqual([bookingA.id, bookingB.id].sort());
    expect((await listBookings(clientB)).map((b) => b.id)).toEqual([bookingB.id]);

    // A direct fetch of B's stay from A's page, with A's token, is refused.
    const direct = await page.evaluate(
      async ([id, key]) => {
        const token = (globalThis as unknown as PageStorage).sessionStorage.getItem(key);
        const res = await fetch(`/api/v1/stays/${id}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: res.status, body: await res.text() };
      },
      [bookingB.id, SESSION_TOKEN_KEY] as const,
    );
    expect(direct.status).toBe(403);
    expect(direct.body).not.toContain('Guest of B');
  });

  it('books from the categories and rooms free for its dates and guests; a room taken meanwhile is refused in the form', async () => {
    const page = await desk.newPage({ token: clientA.token });
    await page.goto('/');
    await page.getByTestId('client-booking-form').waitFor();
    // A client cannot read the hotel's settings, so its language is this machine's choice.
    await page.getByTestId('lang-en').click();

    await page.getByTestId('client-checkin').fill(hotelDay(1));
    await page.getByTestId('client-checkout').fill(hotelDay(2));
    const category = page.getByTestId('client-category');
    const room = page.getByTestId('client-room');
    const options = (select: typeof room) => select.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    await expect.poll(() => options(category)).toEqual(['Standard double room', 'Family room']);
    // Four guests: only the family room sleeps them.
    await page.getByTestId('client-guests').fill('4');
    await expect.poll(() => options(category)).toEqual(['Family room']);
    await page.getByTestId('client-guests').fill('2');
    await expect.poll(() => options(category)).toEqual(['Standard double room', 'Family room']);
    await category.selectOption('Standard double room');
    // 101 is A's and 102 is B's on those nights: neither is offered.
    await expect.poll(() => options(room)).toEqual(['103', '104']);
    await room.selectOption('103');
    await page.getByTestId('client-guest-name').fill('Second Guest of A');

    // B books 103 before A submits: A's booking is refused in the form, and 103 is no longer offered.
    await book(clientB, 103, 'Quicker Guest of B', 1, 2);
    await page.getByTestId('client-book-submit').click();
    const refusal = page.getByTestId('client-booking-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Not possible: .*103/);
    await expect.poll(() => options(room)).toEqual(['104']);

    await room.selectOption('104');
    await page.getByTestId('client-book-submit').click();
    await page.locator('[data-testid^="my-booking-"]').nth(1).waitFor();
    expect(await page.locator('[data-testid^="my-booking-"]').count()).toBe(2);
    const mine = await listBookings(clientA);
    expect(mine.map((b) => [b.guest_name, b.roomnumber, b.guests]).sort()).toEqual([['Guest of A', 101, 1], ['Second Guest of A', 104, 2]]);
    expect((await listBookings(clientB)).map((b) => b.guest_name).sort()).toEqual(['Guest of B', 'Quicker Guest of B']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTimeZone, seedDemoHotel } from '../../../core/demo/demo-hotel';
import { overlaps } from '../../../shared/rules/stay-rules';
import { nightsBetween } from '../../../shared/time';
import { aRoom } from '../../support/builders';
import { countRows, outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

const NOTHING = { rooms: 0, stays: 0, serviceRooms: 0, providers: 0, appointments: 0, stockResources: 0, loans: 0, cars: 0, rentals: 0 };

/** What the demo wrote in every domain, as the desk reads it. */
async function demoRecords(core: TestCore) {
  const h = core.core.handlers;
  return {
    stays: (await h['stays:list']({ limit: 1000, offset: 0 }, deskCtx)).items.map((s) => [s.guestName, s.checkin, s.status]),
    appointments: (await h['appointments:calendar']({ from: '2026-04-24', days: 21 }, deskCtx)).appointments.map((a) => [a.guestName, a.startTime, a.status, a.paymentStatus]),
    loans: (await h['stock:bookings']({ limit: 1000, offset: 0 }, deskCtx)).items.map((b) => [b.guestName, b.quantity, b.status, b.returnBy]),
    rentals: (await h['rentals:list']({ limit: 500 }, deskCtx)).map((r) => [r.carId, r.guestName, r.from, r.status]),
  };
}

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(); // today: 2026-05-01
});
afterEach(async () => await t.close());

describe('seedDemoHotel', () => {
  it('fills an empty database with 40 rooms over four floors and categories, and sends nothing to billing or e-mail', async () => {
    const result = await seedDemoHotel(t.core);
    expect(result.rooms).toBe(40);
    const rooms = await t.core.handlers['rooms:list']({}, deskCtx);
    expect(rooms.map((r) => r.number)).toEqual([1, 2, 3, 4].flatMap((f) => Array.from({ length: 10 }, (_, i) => f * 100 + i + 1)));
    expect(new Set(rooms.map((r) => r.category))).toEqual(
      new Set(['Standard single room', 'Standard double room', 'Superior double room', 'Junior suite']),
    );
    expect(rooms.find((r) => r.number === 101)).toMatchObject({ category: 'Standard single room', nightlyRate: 89_500, capacity: 1 });
    expect(rooms.some((r) => r.housekeeping === 'dirty')).toBe(true);
    expect(await countRows(t.db, 'stays')).toBe(result.stays);
    expect(await countRows(t.db, 'room_blocks')).toBeGreaterThanOrEqual(2);
    // Only the fleet's messages for the event broker wait in the outbox, as for any car (demo-cars.ts).
    expect(new Set((await outboxRows(t.db)).map((r) => r.target))).toEqual(new Set(['events']));
  });

  it('does nothing on a database that already has rooms', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 999 }), adminCtx);
    expect(await seedDemoHotel(t.core)).toEqual(NOTHING);
    await seedDemoHotel(t.core);
    expect(await countRows(t.db, 'guest_rooms')).toBe(1);
    for (const table of <const>['stays', 'service_rooms', 'providers', 'appointments', 'stock_resources', 'cars']) expect(await countRows(t.db, table), table).toBe(0);
    expect(t.core.settings.get().timeZoneConfirmed).toBe(false);
  });

  it('is idempotent and deterministic', async () => {
    const first = await seedDemoHotel(t.core);
    expect(await seedDemoHotel(t.core)).toEqual(NOTHING);
    const other = await createTestCore();
    try {
      expect(await seedDemoHotel(other.core)).toEqual(first);
      expect(await demoRecords(other)).toEqual(await demoRecords(t));
    } finally {
      await other.close();
    }
  });

  it('books a realistic, consistent house: no double booking, statuses that fit the dates, 60–80 % occupancy', async () => {
    await seedDemoHotel(t.core);
    const stays = (await t.core.handlers['stays:list']({ limit: 1000, offset: 0 }, deskCtx)).items;
    const blocks = await t.core.handlers['blocks:list']({ from: '2026-01-01', to: '2027-01-01' }, deskCtx);
    const today = '2026-05-01';
    const ms = (iso: string) => Date.parse(iso);

    const live = stays.filter((s) => s.status !== 'cancelled' && s.status !== 'no_show');
    for (const a of live) {
      const clash = live.find((b) => b.id !== a.id && b.roomId === a.roomId && overlaps(ms(a.checkin), ms(a.checkout), ms(b.checkin), ms(b.checkout)));
      expect(clash, `stay ${a.id} overlaps another`).toBeUndefined();
      const blocked = blocks.find((b) => b.roomId === a.roomId && overlaps(ms(a.checkin), ms(a.checkout), ms(b.from), ms(b.to)));
      expect(blocked, `stay ${a.id} overlaps a block`).toBeUndefined();
    }
    for (const s of stays) {
      expect(s.nights).toBeGreaterThanOrEqual(1);
      expect(s.nights).toBeLessThanOrEqual(7);
      if (s.status === 'checked_out') expect(s.checkoutDate <= today).toBe(true);
      if (s.status === 'checked_in') expect(s.checkinDate <= today && s.checkoutDate >= today).toBe(true);
      if (s.status === 'booked') expect(s.checkinDate >= today).toBe(true);
    }
    expect(stays.some((s) => s.checkinDate < '2026-04-20')).toBe(true);
    expect(stays.some((s) => s.checkinDate > '2026-06-15')).toBe(true);
    for (const status of ['booked', 'checked_in', 'checked_out', 'cancelled', 'no_show']) {
      expect(stays.some((s) => s.status === status), status).toBe(true);
    }

    // Room-nights sold over the whole demo period [today − 14, today + 56).
    let sold = 0;
    for (const s of live) {
      const start = s.checkinDate < '2026-04-17' ? '2026-04-17' : s.checkinDate;
      const end = s.checkoutDate > '2026-06-26' ? '2026-06-26' : s.checkoutDate;
      if (end > start) sold += nightsBetween(start, end);
    }
    const occupancy = sold / (40 * 70);
    expect(occupancy).toBeGreaterThan(0.6);
    expect(occupancy).toBeLessThan(0.8);
  });

  it('seeds around a given day', async () => {
    await seedDemoHotel(t.core, { today: '2026-12-01' });
    const page = await t.core.handlers['stays:list']({ from: '2026-11-01', to: '2027-02-01', limit: 1, offset: 0 }, deskCtx);
    expect(page.total).toBe(await countRows(t.db, 'stays'));
  });
});

describe('the demo hotel\'s time zone, chosen before anything is stored', () => {
  let utc: TestCore;
  beforeEach(async () => {
    utc = await createTestCore({ timeZone: 'UTC' }); // a server on UTC: the zone is its default, not confirmed
  });
  afterEach(async () => await utc.close());

  it('is Europe/Copenhagen, confirmed, on a server whose zone is UTC; the stays are made in it', async () => {
    expect(utc.core.settings.get()).toMatchObject({ timeZone: 'UTC', timeZoneConfirmed: false });
    await seedDemoHotel(utc.core);
    expect(utc.core.settings.get()).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
    const stay = (await utc.core.handlers['stays:list']({ status: 'booked', limit: 1, offset: 0 }, deskCtx)).items[0]!;
    expect(stay.checkin).toMatch(/T14:00:00\+0[12]:00$/);
  });

  it('is the zone asked for (serve --time-zone)', async () => {
    await seedDemoHotel(utc.core, { timeZone: 'Europe/Oslo' });
    expect(utc.core.settings.get()).toMatchObject({ timeZone: 'Europe/Oslo', timeZoneConfirmed: true });
  });

  it('keeps a zone an admin already confirmed', async () => {
    await utc.core.handlers['settings:update']({ timeZone: 'Atlantic/Reykjavik' }, adminCtx);
    await seedDemoHotel(utc.core);
    expect(utc.core.settings.get()).toMatchObject({ timeZone: 'Atlantic/Reykjavik', timeZoneConfirmed: true });
  });

  it('demoTimeZone: asked, else confirmed, else Copenhagen', () => {
    expect(demoTimeZone({ timeZone: 'UTC', timeZoneConfirmed: false })).toBe('Europe/Copenhagen');
    expect(demoTimeZone({ timeZone: 'UTC', timeZoneConfirmed: true })).toBe('UTC');
    expect(demoTimeZone({ timeZone: 'UTC', timeZoneConfirmed: true }, 'America/New_York')).toBe('America/New_York');
  });
});

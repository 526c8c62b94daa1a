import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoHotel } from '../../../core/demo/demo-hotel';
import { overlaps } from '../../../shared/rules/stay-rules';
import { nightsBetween } from '../../../shared/time';
import { aRoom } from '../../support/builders';
import { countRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(); // today: 2026-05-01
});
afterEach(async () => await t.close());

describe('seedDemoHotel', () => {
  it('fills an empty database with 40 rooms over four floors and categories, and no outbox messages', async () => {
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
    expect(await countRows(t.db, 'outbox')).toBe(0);
  });

  it('does nothing on a database that already has rooms', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 999 }), adminCtx);
    expect(await seedDemoHotel(t.core)).toEqual({ rooms: 0, stays: 0 });
    await seedDemoHotel(t.core);
    expect(await countRows(t.db, 'guest_rooms')).toBe(1);
    expect(await countRows(t.db, 'stays')).toBe(0);
  });

  it('is idempotent and deterministic', async () => {
    const first = await seedDemoHotel(t.core);
    expect(await seedDemoHotel(t.core)).toEqual({ rooms: 0, stays: 0 });
    const other = await createTestCore();
    try {
      expect(await seedDemoHotel(other.core)).toEqual(first);
      const names = (db: TestCore['sqlite']) => db.prepare('SELECT guest_name, checkin FROM stays ORDER BY id').all();
      expect(names(other.db)).toEqual(names(t.db));
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
    expect(page.total).toBe(countRows(t.db, 'stays'));
  });
});

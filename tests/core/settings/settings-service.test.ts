import { SettingsSchema } from '../../../shared/contract/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { likelyHotelZone } from '../../../shared/time-zones';
import { createCore } from '../../../core/create-core';
import { createEventBus } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';
import { openTestDatabase } from '../../support/test-database';

let t: TestCore | undefined;
afterEach(async () => await t?.close());

describe('settings', () => {
  it('starts a fresh database with the defaults (and the zone the test asked for)', async () => {
    t = await createTestCore();
    const settings = await t.core.handlers['settings:get']({}, deskCtx);
    // Exactly the contract's settings; a domain's own default is its domain's test to pin (a new section needs no line here).
    expect(Object.keys(settings).sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
    expect(settings).toMatchObject({
      hotelName: 'Hotel Frontdesk',
      timeZone: 'Europe/Copenhagen',
      currency: 'DKK',
      locale: 'da',
      checkinTime: '14:00',
      checkoutTime: '12:00',
      maxStayNights: 90,
      billingServiceUrl: 'http://billing-service:5002',
      eventServiceUrl: '',
      outboxRetryHours: 72,
      outboxRetentionDays: 7,
      lanEnabled: false,
      lanHost: '0.0.0.0',
      lanPort: 8787,
      selfRegistration: false,
      sessionHours: 12,
      // cars (issue 9 §2); stays, appointments and stock (issue 21)
      brokerEventTypes: [
        'car.added', 'car.updated', 'car.deleted', 'car.reserved', 'car.reservation_cancelled', 'car.rented', 'car.returned', 'car.damaged', 'car.repaired',
        'stay.booked', 'stay.changed', 'stay.checked_in', 'stay.checked_out', 'stay.cancelled', 'stay.no_show',
        'appointment.booked', 'appointment.confirmed', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.lapsed',
        'appointment.completed', 'appointment.no_show', 'appointment.status_undone',
        'stock.lent', 'stock.returned', 'stock.loan_cancelled',
      ],
      smtpHost: '',
      smtpPort: 587,
      smtpTls: 'starttls',
      smtpUser: '',
      smtpPasswordSet: false,
      smtpFrom: '',
      // appointments (issue 8)
      appointmentHoldMinutes: 30,
      appointmentReminderMinutes: 60,
      refundFullHours: 48,
      refundPartialHours: 24,
      refundPartialPercent: 50,
      paymentCheckoutUrl: '',
      reportsOutOfOrderUnavailable: false,
      // stays' rules (issue 10)
      earlyCheckinMinutes: 360,
      departurePriceRule: 'booked',
      timeZoneConfirmed: false,
      // printing (issue 17 §2)
      downtimePackMinutes: 30,
    });
  });

  it("takes the machine's zone (Europe/Copenhagen on a server's UTC) on a fresh database when none is given, and keeps it stored", async () => {
    const { db, close } = await openTestDatabase();
    try {
      const core = await createCore({ db, clock: () => 0, events: createEventBus() });
      expect(core.settings.get().timeZone).toBe(likelyHotelZone(Intl.DateTimeFormat().resolvedOptions().timeZone));
      const stored = await db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'timeZone'`);
      expect(JSON.parse(stored!.value)).toBe(core.settings.get().timeZone);
    } finally {
      await close();
    }
  });

  it('updates, persists across a restart, and publishes settings.changed', async () => {
    t = await createTestCore();
    const next = await t.core.handlers['settings:update']({ hotelName: 'Hotel Nyhavn', currency: 'EUR', eventServiceUrl: 'https://broker.lan/events' }, adminCtx);
    expect(next).toMatchObject({ hotelName: 'Hotel Nyhavn', currency: 'EUR', eventServiceUrl: 'https://broker.lan/events' });
    expect(t.core.settings.get()).toEqual(next);
    expect(t.events.at(-1)).toEqual({ type: 'settings.changed', settings: next });

    await t.close({ keep: true });
    const again = await createTestCore({ database: t.database, settings: {} });
    try {
      expect(again.core.settings.get()).toMatchObject({ hotelName: 'Hotel Nyhavn', currency: 'EUR' });
    } finally {
      await again.close();
    }
  });

  it('takes a database that already has stays as past its first run: the zone counts as confirmed', async () => {
    t = await createTestCore();
    expect(t.core.settings.get().timeZoneConfirmed).toBe(false);
    const room = (await t.core.handlers['rooms:create'](aRoom(), adminCtx)).id;
    await t.core.handlers['stays:create'](aStay({ roomId: room }), deskCtx);
    expect(t.core.settings.get().timeZoneConfirmed).toBe(false);
    await t.close({ keep: true });
    const again = await createTestCore({ database: t.database, settings: {} });
    try {
      // An upgraded install or an imported database: no first-run step for a zone its stays are fixed in.
      expect(again.core.settings.get()).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
    } finally {
      await again.close();
    }
  });

  it('changes the cache only once the update is committed, and not at all when it rolls back', async () => {
    t = await createTestCore();
    const db = t.db;
    const update = t.core.handlers['settings:update'];
    // Inside a longer unit of work: until its COMMIT, the change is not the hotel's yet.
    await db.unit(async () => {
      expect(await update({ hotelName: 'Hotel Nyhavn' }, adminCtx)).toMatchObject({ hotelName: 'Hotel Nyhavn' });
      expect(t!.core.settings.get().hotelName).toBe('Hotel Frontdesk');
    });
    expect(t.core.settings.get().hotelName).toBe('Hotel Nyhavn');
    expect(t.events.filter((e) => e.type === 'settings.changed')).toHaveLength(1);
    // A unit that rolls back after the update (as a PostgreSQL unit may): nothing moves.
    await expect(db.unit(async () => {
      await update({ hotelName: 'Hotel Rolled Back', maxStayNights: 200 }, adminCtx);
      throw new Error('the unit fails after the update');
    })).rejects.toThrow('the unit fails after the update');
    expect(t.core.settings.get()).toMatchObject({ hotelName: 'Hotel Nyhavn', maxStayNights: 90 });
    expect(t.core.services.settings.maxStayMs()).toBe(92 * 86_400_000);
    expect(t.events.filter((e) => e.type === 'settings.changed')).toHaveLength(1);
    const stored = await db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'hotelName'`);
    expect(JSON.parse(stored!.value)).toBe('Hotel Nyhavn');
  });

  it('keeps the largest maximum stay ever in force as the bound of overlap queries', async () => {
    t = await createTestCore();
    const update = t.core.handlers['settings:update'];
    await update({ maxStayNights: 120 }, adminCtx);
    await update({ maxStayNights: 30 }, adminCtx);
    expect(t.core.services.settings.maxStayMs()).toBe(122 * 86_400_000);
    const stored = await t.db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'stayLengthBoundNights'`);
    expect(JSON.parse(stored!.value)).toBe(120);
  });

  it('writes start-up settings over the stored ones (the host’s environment)', async () => {
    t = await createTestCore({ settings: { billingServiceUrl: 'http://127.0.0.1:9999' } });
    expect(t.core.settings.get().billingServiceUrl).toBe('http://127.0.0.1:9999');
  });

  it('refuses an unknown time zone, a non-http URL and a bad time of day, changing nothing', async () => {
    t = await createTestCore();
    const update = t.core.handlers['settings:update'];
    await expectAppError(async () => await update({ timeZone: 'Mars/Olympus_Mons' }, adminCtx), 'VALIDATION', /timeZone/);
    await expectAppError(async () => await update({ billingServiceUrl: 'ftp://billing' }, adminCtx), 'VALIDATION', /billingServiceUrl/);
    await expectAppError(async () => await update({ checkinTime: '25:00' }, adminCtx), 'VALIDATION', /checkinTime/);
    expect(t.core.settings.get()).toMatchObject({ timeZone: 'Europe/Copenhagen', billingServiceUrl: 'http://billing-service:5002', checkinTime: '14:00' });
  });

  it('uses a new check-in time for the next booking', async () => {
    t = await createTestCore();
    const h = t.core.handlers;
    const room = (await h['rooms:create'](aRoom(), adminCtx)).id;
    await h['settings:update']({ checkinTime: '15:00', checkoutTime: '11:00' }, adminCtx);
    const stay = await h['stays:create'](aStay({ roomId: room }), deskCtx);
    expect([stay.checkin, stay.checkout]).toEqual(['2026-05-01T15:00:00+02:00', '2026-05-03T11:00:00+02:00']);
  });

  it('still sees a long stay after the maximum is lowered', async () => {
    t = await createTestCore();
    const h = t.core.handlers;
    const room = (await h['rooms:create'](aRoom(), adminCtx)).id;
    await h['stays:create'](aStay({ roomId: room, checkin: '2026-05-01', checkout: '2026-07-30' }), deskCtx);
    await h['settings:update']({ maxStayNights: 7 }, adminCtx);
    await expectAppError(async () => await h['stays:create'](aStay({ roomId: room, checkin: '2026-07-28', checkout: '2026-07-31' }), deskCtx), 'ROOM_UNAVAILABLE');
    await t.close({ keep: true });
    const again = await createTestCore({ database: t.database });
    try {
      await expectAppError(
        async () => await again.core.handlers['stays:create'](aStay({ roomId: room, checkin: '2026-07-28', checkout: '2026-07-31' }), deskCtx),
        'ROOM_UNAVAILABLE',
      );
    } finally {
      await again.close();
    }
  });
});

describe('health:get', () => {
  it("reports ok, the app version and the database engine's own version", async () => {
    t = await createTestCore();
    const health = await t.core.handlers['health:get']({}, deskCtx);
    expect(health).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: expect.stringMatching(/^(SQLite 3|PostgreSQL 1\d)\.\d+/) });
    const engine = t.db.dialect === 'sqlite'
      ? `SQLite ${(await t.db.get<{ v: string }>('SELECT sqlite_version() AS v'))!.v}`
      : `PostgreSQL ${(await t.db.get<{ v: string }>("SELECT current_setting('server_version') AS v"))!.v.split(' ')[0]}`;
    expect(health.database).toBe(engine);
  });
});

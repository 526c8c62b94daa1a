import { afterEach, describe, expect, it } from 'vitest';
import { likelyHotelZone } from '../../../shared/time';
import { createCore } from '../../../core/create-core';
import { createEventBus } from '../../../core/context';
import { openDatabase } from '../../../db/open-database';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore | undefined;
afterEach(async () => await t?.close());

describe('settings', () => {
  it('starts a fresh database with the defaults (and the zone the test asked for)', async () => {
    t = await createTestCore();
    expect(await t.core.handlers['settings:get']({}, deskCtx)).toEqual({
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
      // cars (issue 9 §2)
      brokerEventTypes: [
        'car.added', 'car.updated', 'car.deleted', 'car.reserved', 'car.reservation_cancelled', 'car.rented', 'car.returned', 'car.damaged', 'car.repaired',
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
      // stays' rules (issue 10)
      earlyCheckinMinutes: 360,
      departurePriceRule: 'booked',
      timeZoneConfirmed: false,
    });
  });

  it("takes the machine's zone (Europe/Copenhagen on a server's UTC) on a fresh database when none is given, and keeps it stored", async () => {
    const { sqlite } = await openDatabase({ file: ':memory:' });
    try {
      const core = await createCore({ sqlite, clock: () => 0, events: createEventBus() });
      expect(core.settings.get().timeZone).toBe(likelyHotelZone(Intl.DateTimeFormat().resolvedOptions().timeZone));
      const stored = db.get(`SELECT value FROM settings WHERE key = 'timeZone'`) as { value: string };
      expect(JSON.parse(stored.value)).toBe(core.settings.get().timeZone);
    } finally {
      sqlite.close();
    }
  });

  it('updates, persists across a restart, and publishes settings.changed', async () => {
    t = await createTestCore();
    const next = await t.core.handlers['settings:update']({ hotelName: 'Hotel Nyhavn', currency: 'EUR', eventServiceUrl: 'https://broker.lan/events' }, adminCtx);
    expect(next).toMatchObject({ hotelName: 'Hotel Nyhavn', currency: 'EUR', eventServiceUrl: 'https://broker.lan/events' });
    expect(t.core.settings.get()).toEqual(next);
    expect(t.events.at(-1)).toEqual({ type: 'settings.changed', settings: next });

    const file = t.dbFile;
    await t.db.close();
    const again = await createTestCore({ dbFile: file, settings: {} });
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
    const file = t.dbFile;
    await t.db.close();
    const again = await createTestCore({ dbFile: file, settings: {} });
    try {
      // An upgraded install or an imported database: no first-run step for a zone its stays are fixed in.
      expect(again.core.settings.get()).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
    } finally {
      await again.close();
    }
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
    const file = t.dbFile;
    await t.db.close();
    const again = await createTestCore({ dbFile: file });
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
  it('reports ok, the app version and the SQLite version', async () => {
    t = await createTestCore();
    const health = await t.core.handlers['health:get']({}, deskCtx);
    expect(health).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), sqlite: expect.stringMatching(/^3\.\d+\.\d+$/) });
    expect(health.db).toBe((await t.db.get('SELECT sqlite_version() AS v') as { v: string }).v);
  });
});

/**
 * A password inside an integration URL (RabbitMQ's `amqp://user:password@host/vhost`, a billing URL
 * with credentials) is stored and used, never shown: not in `settings:get`, not in the answer to a
 * change, not in `settings.changed`, not in the audit log. The settings form saving the masked URL
 * back keeps the stored password; the mask sent for another server is refused, not stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasUrlPassword, keepMaskedPassword, maskUrlPassword } from '../../../shared/rules/url-credentials';
import { expectAppError } from '../../support/app-error';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore | undefined;
afterEach(async () => await t?.close());

const SECRET = 'Br0ker-s3cret';
const BROKER = `amqp://frontdesk:${SECRET}@rabbit.hotel.lan:5672/hotel`;

describe('url credentials (pure)', () => {
  it('masks the password only, and leaves every other URL exactly as typed', () => {
    expect(maskUrlPassword(BROKER)).toBe('amqp://frontdesk:***@rabbit.hotel.lan:5672/hotel');
    expect(maskUrlPassword('http://billing:5002')).toBe('http://billing:5002');
    expect(maskUrlPassword('https://user@billing')).toBe('https://user@billing');
    expect(maskUrlPassword('')).toBe('');
    expect(hasUrlPassword(BROKER)).toBe(true);
    expect(hasUrlPassword(maskUrlPassword(BROKER))).toBe(false);
  });

  it('puts the stored password back for the same user on the same server, the vhost may change', () => {
    expect(keepMaskedPassword('amqp://frontdesk:***@rabbit.hotel.lan:5672/hotel', BROKER)).toBe(BROKER);
    expect(keepMaskedPassword('amqp://frontdesk:***@rabbit.hotel.lan:5672/other', BROKER)).toBe(`amqp://frontdesk:${SECRET}@rabbit.hotel.lan:5672/other`);
    expect(keepMaskedPassword('amqp://frontdesk:***@elsewhere:5672/hotel', BROKER)).toBe('amqp://frontdesk:***@elsewhere:5672/hotel');
    expect(keepMaskedPassword('amqp://other:***@rabbit.hotel.lan:5672/hotel', BROKER)).toBe('amqp://other:***@rabbit.hotel.lan:5672/hotel');
    expect(keepMaskedPassword('amqp://frontdesk:new@rabbit.hotel.lan:5672/hotel', BROKER)).toBe('amqp://frontdesk:new@rabbit.hotel.lan:5672/hotel');
  });
});

describe('a password inside the event broker URL', () => {
  it('is used by the core and shown nowhere: answers, the live event and the audit log mask it', async () => {
    t = await createTestCore();
    const answer = await t.core.call('settings:update', { eventServiceUrl: BROKER }, adminCtx);
    expect(answer.eventServiceUrl).toBe('amqp://frontdesk:***@rabbit.hotel.lan:5672/hotel');
    expect(t.core.settings.get().eventServiceUrl).toBe(BROKER);
    expect((await t.core.handlers['settings:get']({}, deskCtx)).eventServiceUrl).toBe('amqp://frontdesk:***@rabbit.hotel.lan:5672/hotel');
    const changed = t.events.filter((e) => e.type === 'settings.changed');
    expect(changed.length).toBeGreaterThan(0);
    expect(JSON.stringify(changed)).not.toContain(SECRET);
    const audit = await t.core.call('audit:list', { action: 'settings:update', limit: 50 }, adminCtx);
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).toContain('amqp://frontdesk:***@rabbit.hotel.lan');
  });

  it('is kept when the form saves the masked URL back, and the mask for another server is refused, nothing written', async () => {
    const tc = (t = await createTestCore());
    await tc.core.call('settings:update', { eventServiceUrl: BROKER }, adminCtx);
    await tc.core.call('settings:update', { hotelName: 'Hotel Fjord', eventServiceUrl: 'amqp://frontdesk:***@rabbit.hotel.lan:5672/hotel' }, adminCtx);
    expect(tc.core.settings.get()).toMatchObject({ hotelName: 'Hotel Fjord', eventServiceUrl: BROKER });

    await expectAppError(() =>
      tc.core.call('settings:update', { hotelName: 'Hotel Vest', eventServiceUrl: 'amqp://frontdesk:***@elsewhere.lan:5672/hotel' }, adminCtx),
      'VALIDATION',
    );
    expect(tc.core.settings.get()).toMatchObject({ hotelName: 'Hotel Fjord', eventServiceUrl: BROKER });
  });
});

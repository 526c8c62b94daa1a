import { describe, expect, it } from 'vitest';
import { configuredTargets, OUTBOX_TARGETS, transportOf } from '../../../core/outbox/outbox-targets';
import { defaultSettings } from '../../../core/settings/settings-service';

describe('the outbox target registry', () => {
  it('finds each target’s base URL in the settings; an empty one is not configured', () => {
    const settings = { ...defaultSettings(), billingServiceUrl: ' http://billing:5002 ', eventServiceUrl: '' };
    expect([...configuredTargets(settings)]).toEqual([['billing', 'http://billing:5002']]);
    expect([...configuredTargets({ ...settings, eventServiceUrl: 'http://broker/events' }).keys()]).toEqual(['billing', 'events']);
  });

  it('delivers e-mail by SMTP once a server and a sender are set (both: otherwise its messages wait)', () => {
    const settings = { ...defaultSettings(), billingServiceUrl: '', smtpHost: 'smtp.hotel.example', smtpPort: 465 };
    expect([...configuredTargets(settings)]).toEqual([]);
    expect([...configuredTargets({ ...settings, smtpFrom: 'desk@hotel.example' })]).toEqual([['email', 'smtp://smtp.hotel.example:465']]);
    expect([...configuredTargets({ ...settings, smtpHost: '::1', smtpFrom: 'desk@hotel.example' })]).toEqual([['email', 'smtp://[::1]:465']]);
    expect(OUTBOX_TARGETS.email).toMatchObject({ transports: ['smtp'], wholeState: false, sequenceInBody: false });
    expect(OUTBOX_TARGETS.billing.transports).toEqual(['http']);
  });

  it('lets billing’s whole-state messages supersede older ones, and keeps every event', () => {
    expect(OUTBOX_TARGETS.billing).toMatchObject({ wholeState: true, sequenceInBody: true });
    expect(OUTBOX_TARGETS.events).toMatchObject({ wholeState: false, sequenceInBody: false });
  });

  it('picks the event broker’s transport by its URL scheme: http(s) POSTs (the default), amqp(s) publishes to RabbitMQ', () => {
    expect(transportOf('events', 'http://broker:8080/events')).toBe('http');
    expect(transportOf('events', 'https://broker/events')).toBe('http');
    expect(transportOf('events', 'amqp://frontdesk:secret@rabbit:5672/hotel')).toBe('amqp');
    expect(transportOf('events', 'AMQPS://rabbit/')).toBe('amqp');
    // Billing only POSTs: an amqp URL there is still HTTP (and refused as an invalid URL by the attempt).
    expect(transportOf('billing', 'amqp://rabbit/')).toBe('http');
    expect(transportOf('email', 'smtp://mail:25')).toBe('smtp');
  });
});

import { describe, expect, it } from 'vitest';
import { configuredTargets, OUTBOX_TARGETS } from '../../../core/outbox/outbox-targets';
import { defaultSettings } from '../../../core/settings/settings-service';

describe('the outbox target registry', () => {
  it('finds each target’s base URL in the settings; an empty one is not configured', () => {
    const settings = { ...defaultSettings(), billingServiceUrl: ' http://billing:5002 ', eventServiceUrl: '' };
    expect([...configuredTargets(settings)]).toEqual([['billing', 'http://billing:5002']]);
    expect([...configuredTargets({ ...settings, eventServiceUrl: 'http://broker/events' }).keys()]).toEqual(['billing', 'events']);
  });

  it('lets billing’s whole-state messages supersede older ones, and keeps every event', () => {
    expect(OUTBOX_TARGETS.billing).toMatchObject({ wholeState: true, sequenceInBody: true });
    expect(OUTBOX_TARGETS.events).toMatchObject({ wholeState: false, sequenceInBody: false });
  });
});

/** Who hears of what: one rule (the events' audience) for the WebSocket feed and the desktop window alike. */
import { describe, expect, it } from 'vitest';
import { mayReceive, type Viewer } from '../../../shared/contract/event-def';
import { audienceOf, eventVisibleTo, liveEvents, type LiveEvent } from '../../../shared/contract/events';

const admin: Viewer = { role: 'admin', userId: 1 };
const staff: Viewer = { role: 'staff', userId: 2 };
const owner: Viewer = { role: 'client', userId: 7 };
const otherClient: Viewer = { role: 'client', userId: 8 };
const anonymous: Viewer = { role: 'anonymous', userId: null };

const stay = (ownerId: number | null) =>
  ({
    type: 'stay.changed',
    action: 'created',
    stay: { id: 1, roomId: 1, roomNumber: 101, category: 'Double', guestName: 'Ada', guestEmail: null, guestPhone: null, guests: 1, checkin: '', checkout: '', checkinDate: '', checkoutDate: '', nights: 1, status: 'booked', price: 0, notes: '', createdBy: 'x', ownerId, createdAt: '', updatedAt: '' },
  }) as LiveEvent;

describe('mayReceive', () => {
  it('admits the desk to desk events, admins to admin events, and the owner to its own', () => {
    expect(mayReceive(staff, { desk: true })).toBe(true);
    expect(mayReceive(admin, { desk: true })).toBe(true);
    expect(mayReceive(owner, { desk: true })).toBe(false);
    expect(mayReceive(staff, { admins: true })).toBe(false);
    expect(mayReceive(admin, { admins: true })).toBe(true);
    expect(mayReceive(owner, { ownerId: 7 })).toBe(true);
    expect(mayReceive(otherClient, { ownerId: 7 })).toBe(false);
    expect(mayReceive(anonymous, { ownerId: null })).toBe(false);
  });

  it('never lets an internal signal out', () => {
    for (const v of [admin, staff, owner, anonymous]) expect(mayReceive(v, 'internal')).toBe(false);
  });
});

describe('the live events\' audiences', () => {
  it('a stay change reaches the desk and the stay\'s owner, no other client', () => {
    expect(eventVisibleTo(staff, stay(7))).toBe(true);
    expect(eventVisibleTo(owner, stay(7))).toBe(true);
    expect(eventVisibleTo(otherClient, stay(7))).toBe(false);
    expect(eventVisibleTo(otherClient, stay(null))).toBe(false);
  });

  it('the outbox is the admins\', and its wake-up signal is nobody\'s', () => {
    expect(eventVisibleTo(admin, { type: 'outbox.changed' })).toBe(true);
    expect(eventVisibleTo(staff, { type: 'outbox.changed' })).toBe(false);
    expect(audienceOf({ type: 'outbox.enqueued' })).toBe('internal');
  });

  it('every event type says who may receive it', () => {
    for (const [type, def] of Object.entries(liveEvents)) {
      expect(typeof def.audience, type).toBe('function');
      expect(def.schema.shape.type.value, type).toBe(type);
    }
  });
});

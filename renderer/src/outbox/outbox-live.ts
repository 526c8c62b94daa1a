/**
 * The outbox screen follows deliveries while it is open (the store decides); after the feed was
 * offline it reloads once. By name only: the outbox store loads with its screen.
 */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './outbox-store';

export const outboxLive: LiveEntries = {
  'outbox.changed': { refresh: ['outbox'] },
  reconnected: { refresh: ['outbox'] },
};

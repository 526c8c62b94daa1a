/**
 * A LAN client's own list follows its bookings: the host sends a client the events of its own
 * stays only (their audience is the stay's owner), so any stay event here is one of them. By name
 * only: the store loads with the client's screen.
 */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './my-bookings-store';

export const myBookingsLive: LiveEntries = {
  'stay.changed': { refresh: ['myBookings'] },
  reconnected: { refresh: ['myBookings'] },
};

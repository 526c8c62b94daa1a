/** Another desk (or a LAN client) booked, returned or restocked: reload what is open (by name). */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './stock-store';

export const stockLive: LiveEntries = {
  'stock.changed': { refresh: ['stock', 'stockExtras'] },
  // A stay that ends returns its extras: its dialog's list follows.
  'stay.changed': { refresh: ['stockExtras'] },
  reconnected: { refresh: ['stock', 'stockExtras'] },
};

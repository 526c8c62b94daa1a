/** A space added, booked or cancelled here or at another desk: the parking screen reloads (if open). */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './parking-store';

export const parkingLive: LiveEntries = {
  'parking.changed': { refresh: ['parking'] },
  reconnected: { refresh: ['parking'] },
};

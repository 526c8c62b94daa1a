/** The open worklist follows every change of a stay or a room (housekeeping), here or at another desk. */
import type {} from './worklist-store';
import type { LiveEntries } from '../stores/live-event-table';

export const deskLive: LiveEntries = {
  'stay.changed': { refresh: ['worklists'] },
  'room.changed': { refresh: ['worklists'] },
  reconnected: { refresh: ['worklists'] },
};

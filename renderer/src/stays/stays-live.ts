/** Another desk changed the stay whose details are open here: show its new state. */
import type { LiveEntries } from '../stores/live-event-table';
import { useStaysStore } from './stays-store';

export const staysLive: LiveEntries = {
  'stay.changed': { receive: (e) => useStaysStore.getState().received(e.stay) },
};

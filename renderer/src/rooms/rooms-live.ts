/** The rooms screen follows room changes from other desks (only when it was loaded: by name, no import). */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './rooms-store';

export const roomsLive: LiveEntries = {
  'room.changed': { refresh: ['rooms'] },
};

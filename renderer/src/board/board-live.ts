/**
 * What reloads the board: anything that changes a night's cell, and the settings (the hotel's today,
 * its check-in times). A burst of events is one reload.
 */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './board-store';

export const boardLive: LiveEntries = {
  'stay.changed': { refresh: ['board'] },
  'room.changed': { refresh: ['board'] },
  'block.changed': { refresh: ['board'] },
  'settings.changed': { refresh: ['board'] },
  reconnected: { refresh: ['board'] },
};

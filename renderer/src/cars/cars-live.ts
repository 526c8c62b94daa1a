/** The Cars screen follows fleet changes from other desks and LAN clients (only the views it loaded). */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './cars-store';

export const carsLive: LiveEntries = {
  'car.changed': { refresh: ['cars', 'carTimeline'] },
  'rental.changed': { refresh: ['cars', 'carTimeline'] },
  reconnected: { refresh: ['cars', 'carTimeline'] },
};

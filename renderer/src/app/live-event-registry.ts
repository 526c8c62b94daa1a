/**
 * **The live-event registry: a domain with live entries is one line here.** Merges each domain's
 * table of live events (`<domain>/<domain>-live.ts`: what an event reloads or which store takes it)
 * into the one table `stores/live-events.ts` dispatches on.
 */
import { appointmentsLive } from '../appointments/appointments-live';
import { boardLive } from '../board/board-live';
import { carsLive } from '../cars/cars-live';
import { myBookingsLive } from '../client/my-bookings-live';
import { deskLive } from '../desk/desk-live';
import { outboxLive } from '../outbox/outbox-live';
import { roomsLive } from '../rooms/rooms-live';
import { settingsLive } from '../settings/settings-live';
import { staysLive } from '../stays/stays-live';
import { stockLive } from '../stock/stock-live';
import { mergeLiveEntries } from '../stores/live-event-table';

export const LIVE_EVENT_TABLE = mergeLiveEntries(boardLive, staysLive, roomsLive, settingsLive, outboxLive, myBookingsLive, stockLive, carsLive, appointmentsLive, deskLive);

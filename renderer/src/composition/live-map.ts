/**
 * **The live map: a domain with live entries is one line here.** Merges each domain's entries
 * (`<domain>/<domain>-live.ts`: which of its views an event reloads, which of its stores takes the
 * event) into the one map from event to views. The stores look every change up in it: this desk's
 * own (`stores/change.ts`, by the events the command declares in the contract) and every other
 * client's, as its event arrives (`stores/live-events.ts`, over IPC or a LAN browser's `/ws`).
 */
import { appointmentsLive } from '../appointments/appointments-live';
import { boardLive } from '../board/board-live';
import { carsLive } from '../cars/cars-live';
import { myBookingsLive } from '../client/my-bookings-live';
import { deskLive } from '../desk/desk-live';
import { importsLive } from '../imports/imports-live';
import { outboxLive } from '../outbox/outbox-live';
import { roomsLive } from '../rooms/rooms-live';
import { settingsLive } from '../settings/settings-live';
import { staysLive } from '../stays/stays-live';
import { stockLive } from '../stock/stock-live';
import { mergeLiveEntries } from '../stores/live-event-table';

export const LIVE_MAP = mergeLiveEntries(boardLive, staysLive, roomsLive, settingsLive, outboxLive, myBookingsLive, stockLive, carsLive, appointmentsLive, deskLive, importsLive);

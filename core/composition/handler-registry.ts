/**
 * The whole handler map, combined from the domains' handler modules (as Actual Budget combines its
 * handler groups). **Registry: a new domain adds one line here.** A command of the contract without
 * a handler does not compile: the result must be the complete `Handlers` map.
 */
import { appointmentAdminHandlers, appointmentBookingHandlers, providerHandlers, serviceRoomHandlers } from '../appointments/appointments-handlers';
import { auditHandlers } from '../auth/audit-handlers';
import { authHandlers } from '../auth/auth-handlers';
import { userHandlers } from '../auth/users-handlers';
import { blockHandlers } from '../blocks/blocks-handlers';
import { boardHandlers } from '../board/board-handlers';
import { carHandlers } from '../cars/cars-handlers';
import { rentalHandlers } from '../cars/rentals-handlers';
import type { Handlers } from '../context';
import type { CoreServices } from './core-services';
import { deskHandlers } from '../desk/desk-handlers';
import { printHandlers } from '../print/print-handlers';
import { healthHandlers } from '../health/health-handlers';
import { importHandlers } from '../imports/import-handlers';
import { IMPORT_KIND_DEFS } from './import-kinds';
import { outboxHandlers } from '../outbox/outbox-handlers';
import { roomHandlers } from '../rooms/rooms-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import { reportHandlers } from '../reports/reports-handlers';
import { stayDeskHandlers } from '../stays/stay-desk-handlers';
import { stayHandlers } from '../stays/stays-handlers';
import { stockHandlers } from '../stock/stock-handlers';

export function createHandlers(s: CoreServices): Handlers {
  return {
    ...healthHandlers(s),
    ...authHandlers(s),
    ...userHandlers(s),
    ...auditHandlers(s),
    ...settingsHandlers(s),
    ...outboxHandlers(s),
    ...roomHandlers(s),
    ...stayHandlers(s),
    ...stayDeskHandlers(s),
    ...blockHandlers(s),
    ...boardHandlers(s),
    ...serviceRoomHandlers(s),
    ...providerHandlers(s),
    ...appointmentBookingHandlers(s),
    ...appointmentAdminHandlers(s),
    ...carHandlers(s),
    ...rentalHandlers(s),
    ...stockHandlers(s),
    ...deskHandlers(s),
    ...printHandlers(s),
    ...importHandlers(s, IMPORT_KIND_DEFS),
    ...reportHandlers(s),
  };
}

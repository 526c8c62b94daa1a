import type { appointmentAdminCommands } from '../../shared/contract/appointment-admin';
import type { appointmentBookingCommands } from '../../shared/contract/appointment-bookings';
import type { providerCommands } from '../../shared/contract/providers';
import type { serviceRoomCommands } from '../../shared/contract/service-rooms';
import type { HandlersFor } from '../handler-types';
import type { ServiceRoomsService } from './service-rooms-service';
import type { ProvidersService } from './providers-service';
import type { AppointmentsService } from './appointments-service';

export function serviceRoomHandlers({ serviceRooms }: { serviceRooms: ServiceRoomsService }): HandlersFor<typeof serviceRoomCommands> {
  return {
    'serviceRooms:list': (input) => serviceRooms.list(input),
    'serviceRooms:get': (input) => serviceRooms.get(input.id),
    'serviceRooms:freeTimeslots': (input) => serviceRooms.freeTimeslots(input),
    'serviceRooms:create': (input) => serviceRooms.create(input),
    'serviceRooms:update': (input) => serviceRooms.update(input),
    'serviceRooms:deactivate': (input) => serviceRooms.deactivate(input.id),
    'timeslots:generate': (input) => serviceRooms.generate(input),
    'timeslots:preview': (input) => serviceRooms.preview(input),
    'timeslots:delete': (input) => serviceRooms.deleteTimeslot(input.id),
  };
}

export function providerHandlers({ providers }: { providers: ProvidersService }): HandlersFor<typeof providerCommands> {
  return {
    'providers:list': (input) => providers.list(input.includeInactive ?? false),
    'providers:get': (input) => providers.get(input.id),
    'providers:create': (input) => providers.create(input),
    'providers:update': (input) => providers.update(input),
    'providers:availability': (input) => providers.availability(input.id, input.date),
  };
}

export function appointmentBookingHandlers({ appointments }: { appointments: AppointmentsService }): HandlersFor<typeof appointmentBookingCommands> {
  return {
    'appointments:create': (input, ctx) => appointments.create(input, ctx),
    'appointments:mine': (input, ctx) => appointments.mine(input, ctx),
    'appointments:get': (input, ctx) => appointments.get(input.id, ctx),
    'appointments:refundQuote': (input, ctx) => appointments.refundQuote(input.id, ctx),
    'appointments:cancel': (input, ctx) => appointments.cancel(input.id, ctx),
    'appointments:delete': (input, ctx) => appointments.cancel(input.id, ctx),
    'appointments:reschedule': (input, ctx) => appointments.reschedule(input, ctx),
  };
}

export function appointmentAdminHandlers({ appointments }: { appointments: AppointmentsService }): HandlersFor<typeof appointmentAdminCommands> {
  return {
    'appointments:adminList': (input) => appointments.adminList(input),
    'appointments:setStatus': (input) => appointments.setStatus(input.id, input.status),
    'appointments:undoStatus': (input, ctx) => appointments.undoStatus(input.id, ctx),
    'appointments:stats': (input) => appointments.stats(input),
    'appointments:deskCreate': (input, ctx) => appointments.deskCreate(input, ctx),
    'appointments:pay': (input) => appointments.pay(input.id, input.method),
    'appointments:calendar': (input) => appointments.calendar(input.from, input.days),
  };
}

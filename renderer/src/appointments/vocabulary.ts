/**
 * The contract's word lists the screens offer (payment methods, statuses, kinds, room types,
 * weekdays), as plain data: importing them from shared/contract/appointments.ts would load zod with
 * the desk's calendar. A test checks they equal the contract's.
 */
import type { AppointmentKind, AppointmentStatus, PaymentMethod, ServiceRoomType, Weekday } from '../../../shared/contract/appointments';

export const PAYMENT_METHODS = ['cash', 'card', 'invoice'] as const satisfies readonly PaymentMethod[];
export const APPOINTMENT_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'] as const satisfies readonly AppointmentStatus[];
export const APPOINTMENT_KINDS = ['provider', 'timeslot'] as const satisfies readonly AppointmentKind[];
export const SERVICE_ROOM_TYPES = ['office', 'consultation', 'meeting', 'treatment'] as const satisfies readonly ServiceRoomType[];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

/** Rows of the appointment queries (db/queries/) in the contract's shapes (instants in the hotel's zone). */
import type { AppointmentRow } from '../../db/queries/appointment-queries';
import type { ProviderRow } from '../../db/queries/provider-queries';
import type { ServiceRoomRow, TimeslotRow } from '../../db/queries/service-room-queries';
import type { Appointment, Provider, ServiceRoom, Timeslot, WeekHours } from '../../shared/contract/appointments';
import { formatInstant } from '../../shared/time';

const iso = (ms: number | null, zone: string) => (ms === null ? null : formatInstant(ms, zone));

export function toServiceRoom(r: ServiceRoomRow, zone: string): ServiceRoom {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    capacity: r.capacity,
    roomType: r.roomType,
    hourlyRate: r.hourlyRate,
    isActive: r.active === 1,
    metadata: r.metadata === null ? null : (JSON.parse(r.metadata) as Record<string, unknown>),
    createdAt: formatInstant(r.createdMs, zone),
    updatedAt: formatInstant(r.updatedMs, zone),
  };
}

export function toTimeslot(t: TimeslotRow): Timeslot {
  return {
    id: t.id,
    roomId: t.roomId,
    startTime: t.startTime,
    endTime: t.endTime,
    date: t.date,
    durationMinutes: Math.round((t.endMs - t.startMs) / 60_000),
    capacity: t.capacity,
    booked: t.booked,
    isAvailable: t.booked < t.capacity,
  };
}

export function toProvider(p: ProviderRow, zone: string): Provider {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    appointmentMinutes: p.appointmentMinutes,
    bufferMinutes: p.bufferMinutes,
    price: p.price,
    workingHours: JSON.parse(p.workingHours) as WeekHours,
    daysOff: JSON.parse(p.daysOff) as string[],
    active: p.active === 1,
    createdAt: formatInstant(p.createdMs, zone),
    updatedAt: formatInstant(p.updatedMs, zone),
  };
}

export function toAppointment(a: AppointmentRow, zone: string): Appointment {
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    paymentStatus: a.paymentStatus,
    paymentMethod: a.paymentMethod,
    price: a.price,
    refundAmount: a.refundAmount,
    userId: a.userId,
    guestName: a.guestName,
    guestEmail: a.guestEmail,
    roomId: a.roomId,
    timeslotId: a.timeslotId,
    providerId: a.providerId,
    room: a.roomId !== null && a.roomName !== null && a.roomType !== null ? { id: a.roomId, name: a.roomName, roomType: a.roomType } : null,
    provider: a.providerId !== null && a.providerName !== null ? { id: a.providerId, name: a.providerName } : null,
    startTime: a.startTime,
    endTime: a.endTime,
    date: a.date,
    time: a.time,
    durationMinutes: Math.round((a.endMs - a.startMs) / 60_000),
    notes: a.notes,
    bookingType: a.bookingType,
    holdExpiresAt: a.status === 'pending' ? iso(a.holdUntilMs, zone) : null,
    reminderSentAt: iso(a.reminderSentMs, zone),
    cancelledAt: iso(a.cancelledMs, zone),
    createdBy: a.createdBy,
    createdAt: formatInstant(a.createdMs, zone),
    updatedAt: formatInstant(a.updatedMs, zone),
  };
}

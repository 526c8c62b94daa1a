/**
 * What the event broker hears of an appointment (issue 21; docs/integrations.md): booked, confirmed
 * (paid), rescheduled, cancelled (with the refund), lapsed (an unpaid hold ran out), completed,
 * no-show, and a completed or no-show mark undone. The body names the service room or the provider,
 * the time in the hotel's zone, status, payment and price: never the guest's e-mail or the notes.
 * One appointment's events go out in order (aggregate `appointment-events:<id>`, apart from its
 * e-mails' `appointment:<id>`).
 */
import type { Appointment, AppointmentEventAction } from '../../shared/contract/appointments';
import type { BrokerEventType } from '../../shared/contract/broker-events';
import type { Commit } from '../commit';
import { toEventBroker } from '../outbox/broker-events';
import type { SettingsService } from '../settings/settings-service';

/** A status change is a completed or no-show mark, or one undone (the status it went back to). */
function typeOf(action: AppointmentEventAction, a: Appointment): BrokerEventType {
  switch (action) {
    case 'created': return 'appointment.booked';
    case 'confirmed': return 'appointment.confirmed';
    case 'rescheduled': return 'appointment.rescheduled';
    case 'cancelled': return 'appointment.cancelled';
    case 'lapsed': return 'appointment.lapsed';
    case 'status_changed': return a.status === 'completed' ? 'appointment.completed' : a.status === 'no_show' ? 'appointment.no_show' : 'appointment.status_undone';
  }
}

/** The appointment as the broker sees it. */
export function brokerAppointment(a: Appointment, currency: string) {
  return {
    appointment_id: a.id, kind: a.kind, status: a.status, payment_status: a.paymentStatus, price: a.price, refund_amount: a.refundAmount, currency,
    guest_name: a.guestName, room: a.room ? { room_id: a.room.id, name: a.room.name, room_type: a.room.roomType } : null,
    provider: a.provider ? { provider_id: a.provider.id, name: a.provider.name } : null,
    start_time: a.startTime, end_time: a.endTime, date: a.date, time: a.time, duration_minutes: a.durationMinutes,
  };
}

export async function appointmentToBroker(c: Commit, settings: SettingsService, action: AppointmentEventAction, a: Appointment): Promise<void> {
  await toEventBroker(c, settings, typeOf(action, a), `appointment-events:${a.id}`, { appointment: brokerAppointment(a, settings.get().currency) });
}

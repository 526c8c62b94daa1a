/**
 * The appointments CSV's chunk (core/appointments/appointments-export.ts: its columns in this order),
 * filtered by the appointments list's own filter (`appointmentWhere`). `created_at` comes as UTC ms;
 * the export's column writes it as text, the same on both engines.
 */
import { appointmentWhere, type AppointmentFilter } from '../appointment-queries';
import { keysetChunk, type ChunkQuery } from './chunk-query';

const COLUMNS = [
  'a.id', 'a.kind', 'a.status', 'a.local_date', 'a.local_time', 'a.start_at', 'a.end_at', 'r.name', 'p.name', 'a.guest_name', 'a.guest_email',
  'a.price', 'a.payment_status', 'a.payment_method', 'a.refund_amount', 'a.booking_type', 'a.notes', 'a.created_by', 'a.created_at',
];
const FROM = 'appointments a LEFT JOIN service_rooms r ON r.id = a.room_id LEFT JOIN providers p ON p.id = a.provider_id';

export function appointmentsChunk(f: AppointmentFilter): ChunkQuery {
  return keysetChunk(COLUMNS, FROM, 'a.id', appointmentWhere(f));
}

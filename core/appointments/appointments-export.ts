/**
 * Appointments of both kinds as CSV (`appointments:export`), filtered by status, kind, room, provider
 * and the hotel-local dates of the start (both inclusive). Runs in the export worker: no zod, no
 * drizzle, nothing of the host (the contract's types are erased).
 */
import type { AppointmentExportQuery } from '../../shared/contract/appointment-admin';
import { defineExport } from '../export/export-def';

export type AppointmentCsvQuery = Partial<AppointmentExportQuery>;

export const APPOINTMENT_CSV_COLUMNS = [
  'id', 'kind', 'status', 'date', 'time', 'start', 'end', 'room', 'provider', 'guest_name', 'guest_email',
  'price', 'payment_status', 'payment_method', 'refund_amount', 'booking_type', 'notes', 'created_by', 'created_at',
] as const;

export const appointmentsExport = defineExport<AppointmentCsvQuery>({
  fileName: 'appointments',
  title: 'Export appointments',
  columns: APPOINTMENT_CSV_COLUMNS,
  /** `local_date` is the hotel-local date of the start, so the date filter compares text. */
  chunkQuery(query) {
    const where = ['a.id > @after'];
    const params: Record<string, string | number> = {};
    const add = (sql: string, key: string, v: string | number | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      params[key] = v;
    };
    add('a.status = @status', 'status', query.status);
    add('a.kind = @kind', 'kind', query.kind);
    add('a.room_id = @roomId', 'roomId', query.roomId);
    add('a.provider_id = @providerId', 'providerId', query.providerId);
    add('a.local_date >= @from', 'from', query.from);
    add('a.local_date <= @to', 'to', query.to);
    const sql = `SELECT a.id, a.kind, a.status, a.local_date, a.local_time, a.start_at, a.end_at, r.name, p.name, a.guest_name, a.guest_email,
        a.price, a.payment_status, a.payment_method, a.refund_amount, a.booking_type, a.notes, a.created_by,
        strftime('%Y-%m-%dT%H:%M:%SZ', a.created_at / 1000, 'unixepoch')
      FROM appointments a LEFT JOIN service_rooms r ON r.id = a.room_id LEFT JOIN providers p ON p.id = a.provider_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.id LIMIT @limit`;
    return { sql, params };
  },
});

/**
 * Appointments of both kinds as CSV (`appointments:export`), filtered by status, kind, room, provider
 * and the hotel-local dates of the start (both inclusive), as the appointments list filters
 * (db/queries/exports/appointments-export-queries.ts). Runs in the export worker: no zod, no drizzle,
 * nothing of the host (the contract's types are erased).
 */
import { appointmentsChunk } from '../../db/queries/exports/appointments-export-queries';
import type { AppointmentExportQuery } from '../../shared/contract/appointment-admin';
import { defineExport } from '../export/export-def';

export type AppointmentCsvQuery = Partial<AppointmentExportQuery>;

/** UTC ms as `2026-05-01T08:00:00Z`, to the second. */
export function utcSeconds(ms: unknown): string {
  return new Date(Math.floor((ms as number) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const APPOINTMENT_CSV_COLUMNS = [
  'id', 'kind', 'status', 'date', 'time', 'start', 'end', 'room', 'provider', 'guest_name', 'guest_email',
  'price', 'payment_status', 'payment_method', 'refund_amount', 'booking_type', 'notes', 'created_by', 'created_at',
] as const;

export const appointmentsExport = defineExport<AppointmentCsvQuery>({
  fileName: 'appointments',
  title: 'Export appointments',
  columns: APPOINTMENT_CSV_COLUMNS.map((header) => (header === 'created_at' ? { header, cell: utcSeconds } : header)),
  chunkQuery: (query) =>
    appointmentsChunk({
      status: query.status, kind: query.kind, roomId: query.roomId, providerId: query.providerId, localDateFrom: query.from, localDateTo: query.to,
    }),
});

/**
 * Stock bookings as CSV (`stock:export`), oldest first: seed 002's three fields first
 * (`resource, purchase_quantity, booking_date`), then the desk's own. The date filters are the
 * hotel-local booking dates, both inclusive. Runs in the export worker: no zod, no host imports.
 */
import type { StockExportQuery } from '../../shared/contract/stock';
import { addDays, startOfLocalDate } from '../../shared/time';
import { defineExport } from '../export/export-def';

export type StockCsvQuery = Partial<StockExportQuery>;

export const STOCK_CSV_COLUMNS = [
  'id', 'resource', 'purchase_quantity', 'booking_date',
  'resource_name', 'status', 'guest_name', 'stay_id', 'roomnumber', 'return_by', 'closed_at', 'created_by', 'notes',
] as const;

export const stockBookingsExport = defineExport<StockCsvQuery>({
  fileName: 'stock-bookings',
  title: 'Export stock bookings',
  columns: STOCK_CSV_COLUMNS,
  chunkQuery(query, env) {
    const where = ['b.id > @after'];
    const params: Record<string, string | number> = {};
    if (query.resourceId !== undefined) {
      where.push('b.resource_id = @resourceId');
      params.resourceId = query.resourceId;
    }
    if (query.status !== undefined) {
      where.push('b.status = @status');
      params.status = query.status;
    }
    if (query.from !== undefined) {
      where.push('b.booked_ms >= @fromMs');
      params.fromMs = startOfLocalDate(query.from, env.timeZone);
    }
    if (query.to !== undefined) {
      where.push('b.booked_ms < @toMs');
      params.toMs = startOfLocalDate(addDays(query.to, 1), env.timeZone);
    }
    const sql = `SELECT b.id, b.resource_id, b.quantity, b.booked_at, r.name, b.status, b.guest_name, b.stay_id, g.number,
        b.return_by, b.closed_at, b.created_by, b.notes
      FROM stock_bookings b
      JOIN stock_resources r ON r.id = b.resource_id
      LEFT JOIN stays s ON s.id = b.stay_id
      LEFT JOIN guest_rooms g ON g.id = s.room_id
      WHERE ${where.join(' AND ')}
      ORDER BY b.id LIMIT @limit`;
    return { sql, params };
  },
});

/**
 * Stock bookings as CSV (`stock:export`), oldest first: seed 002's three fields first
 * (`resource, purchase_quantity, booking_date`), then the desk's own. The date filters are the
 * hotel-local booking dates, both inclusive, as the bookings list takes them
 * (db/queries/exports/stock-export-queries.ts). Runs in the export worker: no zod, no host imports.
 */
import { stockBookingsChunk } from '../../db/queries/exports/stock-export-queries';
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
  chunkQuery: (query, env) =>
    stockBookingsChunk({
      resourceId: query.resourceId,
      status: query.status,
      fromMs: query.from === undefined ? undefined : startOfLocalDate(query.from, env.timeZone),
      toMs: query.to === undefined ? undefined : startOfLocalDate(addDays(query.to, 1), env.timeZone),
    }),
});

/**
 * Stays as CSV (`stays:export`, seed 000's `stays:seedExport`). Seed 000's six columns come first,
 * named exactly as the seed names them (`id, roomnumber, category, isbooking, checkin, checkout`),
 * then the desk's own. Every value is the cell as it is: the fastest path through the writer, which
 * matters for a million rows (docs/benchmarks.md, benchmark 4).
 */
import { staysChunk } from '../../db/queries/exports/stays-export-queries';
import type { StayExportQuery } from '../../shared/contract/stays';
import { AppError } from '../../shared/errors';
import { defineExport } from '../export/export-def';

export type StayCsvQuery = Partial<StayExportQuery>;

export const STAY_CSV_COLUMNS = [
  'id', 'roomnumber', 'category', 'isbooking', 'checkin', 'checkout',
  'status', 'guest_name', 'guests', 'nights', 'price',
] as const;

export const staysExport = defineExport<StayCsvQuery>({
  fileName: 'stays',
  title: 'Export stays',
  columns: STAY_CSV_COLUMNS,
  check(query) {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`, { reason: 'stays.rangeOrder', params: { from: query.from, to: query.to } });
    }
  },
  /** Overlap on hotel-local dates (db/queries/exports/stays-export-queries.ts). */
  chunkQuery: (query) => staysChunk({ from: query.from, to: query.to, status: query.status, roomId: query.roomId }),
});

/**
 * Stays as CSV (`stays:export`, seed 000's `stays:seedExport`). Seed 000's six columns come first,
 * named exactly as the seed names them (`id, roomnumber, category, isbooking, checkin, checkout`),
 * then the desk's own. Every value is the cell as it is: the fastest path through the writer, which
 * matters for a million rows (docs/benchmarks.md, benchmark 4).
 */
import type { StayExportQuery } from '../../shared/contract/schemas';
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
  /**
   * The date filter is overlap on hotel-local dates: a stay's nights `[checkinDate, checkoutDate)`
   * meet `[from, to)` iff `checkinDate < to AND checkoutDate > from` — the first ten characters of
   * the stored ISO text are exactly the local date at booking time.
   */
  chunkQuery(query) {
    const where = ['s.id > @after'];
    const params: Record<string, string | number> = {};
    if (query.from !== undefined) {
      where.push('substr(s.checkout, 1, 10) > @from');
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push('substr(s.checkin, 1, 10) < @to');
      params.to = query.to;
    }
    if (query.status !== undefined) {
      where.push('s.status = @status');
      params.status = query.status;
    }
    if (query.roomId !== undefined) {
      where.push('s.room_id = @roomId');
      params.roomId = query.roomId;
    }
    // isbooking mirrors isBooking() in shared/rules/stay-rules.ts: 0 once cancelled or a no-show.
    const sql = `SELECT s.id, r.number, s.category, CASE WHEN s.status IN ('cancelled', 'no_show') THEN 0 ELSE 1 END,
        s.checkin, s.checkout, s.status, s.guest_name, s.guests, s.nights, s.price
      FROM stays s JOIN guest_rooms r ON r.id = s.room_id
      WHERE ${where.join(' AND ')}
      ORDER BY s.id LIMIT @limit`;
    return { sql, params };
  },
});

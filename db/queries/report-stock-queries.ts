/**
 * The stock report's SQL (issue 17 §1): the resources, and the loans that were out at some time of
 * a period (not cancelled), in id order. A hotel lends a few thousand a year, so the service adds
 * them up itself: their time out cut to the period and to each day.
 */
import type { ReportDb } from './report-queries';

export interface StockLoan {
  resourceId: number;
  quantity: number;
  bookedMs: number;
  /** When it came back (returned), or null while out. */
  closedMs: number | null;
  returnByMs: number | null;
}

export async function stockLoansOverlapping(db: ReportDb, startMs: number, endMs: number): Promise<StockLoan[]> {
  return await db.all<StockLoan>(
    `SELECT resource_id AS "resourceId", quantity, booked_ms AS "bookedMs", closed_ms AS "closedMs", return_by_ms AS "returnByMs"
     FROM stock_bookings
     WHERE status <> 'cancelled' AND booked_ms < @endMs AND (closed_ms IS NULL OR closed_ms > @startMs)
     ORDER BY id`,
    { startMs, endMs },
  );
}

export async function reportStockResources(db: ReportDb): Promise<{ id: number; name: string; totalQuantity: number; active: number }[]> {
  return await db.all<{ id: number; name: string; totalQuantity: number; active: number }>(
    'SELECT id, name, total_quantity AS "totalQuantity", active FROM stock_resources ORDER BY name, id',
  );
}

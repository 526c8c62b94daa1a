/**
 * The fleet report's SQL (issue 17 §1): the cars in the fleet at some time of a period, their
 * rentals holding days in it (not cancelled), and the rentals returned in it with their km and
 * damage. Rental days and the return's date are hotel-local text (`YYYY-MM-DD`, and the first ten
 * characters of `returned_at`, written with the hotel's offset), compared as text on both engines.
 */
import type { ReportDb } from './report-queries';

export async function reportCars(db: ReportDb, startMs: number, endMs: number): Promise<{ id: number; brand: string; model: string; plate: string | null }[]> {
  return await db.all<{ id: number; brand: string; model: string; plate: string | null }>(
    `SELECT id, brand, model, plate FROM cars WHERE created_at < @endMs AND (deleted_at IS NULL OR deleted_at >= @startMs) ORDER BY brand, model, id`,
    { startMs, endMs },
  );
}

/** Rentals holding a day of `from`..`to` (both inclusive); a rental's days are [from_date, to_date). */
export async function rentalsOverlapping(db: ReportDb, from: string, to: string): Promise<{ carId: number; fromDate: string; toDate: string }[]> {
  return await db.all<{ carId: number; fromDate: string; toDate: string }>(
    `SELECT car_id AS "carId", from_date AS "fromDate", to_date AS "toDate" FROM car_rentals
     WHERE status <> 'cancelled' AND from_date <= @to AND to_date > @from ORDER BY id`,
    { from, to },
  );
}

/** Per car, the rentals returned on `from`..`to`: km driven, and how many came back with damage noted. */
export async function returnsBetween(db: ReportDb, from: string, to: string): Promise<{ carId: number; km: number; damaged: number }[]> {
  return await db.all<{ carId: number; km: number; damaged: number }>(
    `SELECT car_id AS "carId", sum(mileage_in - mileage_out) AS km, sum(CASE WHEN damage_note IS NOT NULL THEN 1 ELSE 0 END) AS damaged
     FROM car_rentals WHERE status = 'returned' AND substr(returned_at, 1, 10) >= @from AND substr(returned_at, 1, 10) <= @to
     GROUP BY car_id ORDER BY car_id`,
    { from, to },
  );
}

/**
 * Rows for the export tests: room 101 and `count` cancelled stays in it (cancelled, so any number of
 * them fit the same dates, on PostgreSQL's exclusion constraint too), the guests named by `guestName`.
 */
import type { Database } from '../../db/database';

export async function insertRoom101(db: Database): Promise<void> {
  await db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'Standard single room', 2, 100000, 1, 0, 0)`);
}

export async function insertCancelledStays(db: Database, count: number, guestName: (i: number) => string = (i) => `Guest ${i}`, category = 'Standard single room'): Promise<void> {
  await db.unit(async () => {
    for (let i = 0; i < count; i++) {
      await db.send(
        `INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
         VALUES (1, ?, ?, 2, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1777644000000, 1777802400000, 2, 'cancelled', 200000, 'desk', 0, 0)`,
        category,
        guestName(i),
      );
    }
  });
}

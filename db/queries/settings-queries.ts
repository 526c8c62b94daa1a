/** The settings table: one JSON value per key. */
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

export function readSettingValues(db: Sqlite): Map<string, unknown> {
  const rows = prepared<{ key: string; value: string }>(db, 'SELECT key, value FROM settings').all();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function writeSettingValue(db: Sqlite, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

/** Whether any stay or room block exists: then the hotel's time zone is fixed (docs/stays-rules.md). */
export function hotelHasBookings(db: Sqlite): boolean {
  return prepared<{ n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM stays) OR EXISTS (SELECT 1 FROM room_blocks) AS n').get()!.n === 1;
}

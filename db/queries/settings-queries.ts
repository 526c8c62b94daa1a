/** The settings table: one JSON value per key. */
import type { Db, RunResult } from '../database';

export async function readSettingValues(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings');
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSettingValue(db: Db, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}

/** Stores `value` under `key` unless the key has one already (servers starting together keep the first). */
export function insertSettingValueIfMissing(db: Db, key: string, value: unknown): Promise<RunResult> {
  return db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, JSON.stringify(value));
}

/** Whether any stay or room block exists: then the hotel's time zone is fixed (docs/stays-rules.md). */
export async function hotelHasBookings(db: Db): Promise<boolean> {
  return (await db.get<{ n: number }>('SELECT EXISTS (SELECT 1 FROM stays) OR EXISTS (SELECT 1 FROM room_blocks) AS n'))!.n === 1;
}

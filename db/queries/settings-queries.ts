/** The settings table: one JSON value per key. */
import type { Db, RunResult } from '../database';

export async function readSettingValues(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings');
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSettingValue(db: Db, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}

/**
 * Stores the number `n` under `key` unless a larger one is stored already, in one statement: two
 * updates at once (two servers on one PostgreSQL) keep the larger, whichever commits last.
 */
export async function raiseSettingTo(db: Db, key: string, n: number): Promise<void> {
  await db.run(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE
       SET value = CASE WHEN CAST(settings.value AS integer) >= CAST(excluded.value AS integer) THEN settings.value ELSE excluded.value END`,
    key,
    JSON.stringify(n),
  );
}

/** Stores `value` under `key` unless the key has one already (servers starting together keep the first). */
export function insertSettingValueIfMissing(db: Db, key: string, value: unknown): Promise<RunResult> {
  return db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, JSON.stringify(value));
}

/** Whether any stay or room block exists: then the hotel's time zone is fixed (docs/stays-rules.md). */
export async function hotelHasBookings(db: Db): Promise<boolean> {
  return (await db.get<{ n: number }>('SELECT EXISTS (SELECT 1 FROM stays) OR EXISTS (SELECT 1 FROM room_blocks) AS n'))!.n === 1;
}

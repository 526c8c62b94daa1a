/**
 * What the import center reads beside the domains' own services: the natural keys already stored
 * (so a re-imported row is left unchanged) and the column mapping saved per kind (a settings row,
 * `imports.mapping.<kind>`, which the settings service ignores).
 */
import type { Db } from '../database';

const lower = (rows: { k: string | null }[]) => new Set(rows.filter((r) => r.k !== null).map((r) => r.k!.toLowerCase()));

export async function guestRoomNumbers(db: Db): Promise<Map<number, { id: number; capacity: number }>> {
  const rows = await db.all<{ id: number; number: number; capacity: number }>('SELECT id, number, capacity FROM guest_rooms');
  return new Map(rows.map((r) => [Number(r.number), { id: Number(r.id), capacity: Number(r.capacity) }]));
}

export async function serviceRoomNames(db: Db): Promise<Set<string>> {
  return lower(await db.all<{ k: string }>('SELECT name AS k FROM service_rooms'));
}

export async function providerEmails(db: Db): Promise<Set<string>> {
  return lower(await db.all<{ k: string }>('SELECT email AS k FROM providers'));
}

export async function carPlates(db: Db): Promise<Set<string>> {
  return lower(await db.all<{ k: string | null }>('SELECT plate AS k FROM cars'));
}

export async function stockResourceNames(db: Db): Promise<Set<string>> {
  return lower(await db.all<{ k: string }>('SELECT name AS k FROM stock_resources'));
}

/** `roomId|checkin date|checkout date|guest name (lower case)` of every stay not cancelled that ends after `sinceMs`. */
export async function stayKeys(db: Db, sinceMs: number): Promise<Set<string>> {
  const rows = await db.all<{ roomId: number; checkin: string; checkout: string; guestName: string }>(
    `SELECT room_id AS "roomId", checkin, checkout, guest_name AS "guestName" FROM stays WHERE status <> 'cancelled' AND checkout_ms > ?`,
    sinceMs,
  );
  return new Set(rows.map((r) => `${Number(r.roomId)}|${r.checkin.slice(0, 10)}|${r.checkout.slice(0, 10)}|${r.guestName.toLowerCase()}`));
}

const mappingKey = (kind: string) => `imports.mapping.${kind}`;

export async function readImportMapping(db: Db, kind: string): Promise<Record<string, string>> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', mappingKey(kind));
  if (!row) return {};
  const value = JSON.parse(row.value) as unknown;
  return value !== null && typeof value === 'object' ? (value as Record<string, string>) : {};
}

export async function saveImportMapping(db: Db, kind: string, mapping: Record<string, string>): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', mappingKey(kind), JSON.stringify(mapping));
}

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

/**
 * SQLite: the desk's search index (the FTS5 table `stay_search`, migration 0007) is kept by a trigger
 * on every stay insert, and FTS5 writes its pending terms out at every savepoint and every statement
 * that opens one — so inside a long import each stay cost a tiny index segment and its merges (about
 * half of an import's time: docs/imports.md). For the length of ONE import's unit of work the trigger
 * is dropped, and before that unit ends the stays it added are indexed in one statement, the same
 * way migration 0007 indexed the existing ones, and the trigger is made again from its own stored
 * text. All of it is in the import's transaction: a rollback restores the trigger as it was, and no
 * other writer can insert a stay meanwhile (the import holds the one writer).
 * Call inside the import's unit; call the returned function last in that unit. PostgreSQL's search
 * index is an expression index, kept by the database itself: nothing to do.
 */
export async function deferStaySearchIndex(db: Db): Promise<() => Promise<void>> {
  if (db.dialect !== 'sqlite') return async () => undefined;
  const trigger = await db.get<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'stay_search_insert'`);
  if (!trigger) return async () => undefined;
  const before = (await db.get<{ id: number | null }>('SELECT max(id) AS id FROM stays'))?.id ?? 0;
  await db.run('DROP TRIGGER stay_search_insert');
  return async () => {
    await db.run(
      `INSERT INTO stay_search (rowid, name, email, phone)
       SELECT id, guest_name, coalesce(guest_email, ''),
              replace(replace(replace(replace(replace(replace(coalesce(guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
       FROM stays WHERE id > ?`,
      before,
    );
    await db.run(trigger.sql);
  };
}

/**
 * Providers (seed 001) and the overlap of their bookings. Connection first, prepared once, no rules:
 * the services decide. A booking occupies its provider's time while `LIVE` (appointment-live.ts).
 */
import type { WeekHours } from '../../shared/contract/appointments';
import type { Db } from '../database';
import type { providers } from '../schema';
import { LIVE, MAX_PROVIDER_SPAN_MS } from './appointment-live';
import { columnList, type RowPick } from './row-types';

// ---- providers ----------------------------------------------------------------------------------

const PROVIDER_PROPS = ['id', 'name', 'email', 'appointmentMinutes', 'bufferMinutes', 'price', 'workingHours', 'daysOff', 'active'] as const;

/**
 * A provider as read (`active` 1/0; `workingHours`, `daysOff` JSON text). Its instants are renamed
 * `createdMs`/`updatedMs` (the schema's `createdAt`/`updatedAt`), so they are added by hand.
 */
export type ProviderRow = RowPick<typeof providers, (typeof PROVIDER_PROPS)[number]> & { createdMs: number; updatedMs: number };
const PROVIDER_COLUMNS = `${columnList<typeof providers>(PROVIDER_PROPS)}, created_at AS "createdMs", updated_at AS "updatedMs"`;

export interface ProviderWrite {
  name: string;
  email: string;
  appointmentMinutes: number;
  bufferMinutes: number;
  price: number;
  workingHours: WeekHours;
  daysOff: string[];
  active: boolean;
}

export async function insertProvider(db: Db, p: ProviderWrite, nowMs: number): Promise<number> {
  return db.insert(`INSERT INTO providers (name, email, appointment_minutes, buffer_minutes, price, working_hours, days_off, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, nowMs);
}

export async function updateProvider(db: Db, id: number, p: ProviderWrite, nowMs: number): Promise<void> {
  await db.run(`UPDATE providers SET name = ?, email = ?, appointment_minutes = ?, buffer_minutes = ?, price = ?, working_hours = ?, days_off = ?, active = ?,
       updated_at = ? WHERE id = ?`, p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, id);
}

export async function getProviderRow(db: Db, id: number): Promise<ProviderRow | undefined> {
  return await db.get<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers WHERE id = ?`, id);
}

export async function listProviderRows(db: Db, includeInactive: boolean): Promise<ProviderRow[]> {
  return await db.all<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name, id`);
}

export async function providerEmailTaken(db: Db, email: string, exceptId = 0): Promise<boolean> {
  return await db.get('SELECT 1 FROM providers WHERE lower(email) = lower(?) AND id <> ?', email, exceptId) !== undefined;
}

/** A live booking of the provider whose [start, end + buffer) overlaps [startMs, untilMs). */
export async function findProviderConflict(db: Db, providerId: number, startMs: number, untilMs: number, nowMs: number, exceptId = 0): Promise<number | undefined> {
  return (await db.get<{ id: number }>(`SELECT a.id FROM appointments a
     WHERE a.provider_id = +@provider AND a.start_ms > +@lower AND a.start_ms < +@until AND a.occupied_until_ms > +@start
       AND ${LIVE} AND a.id <> +@except LIMIT 1`, { provider: providerId, lower: startMs - MAX_PROVIDER_SPAN_MS, until: untilMs, start: startMs, now: nowMs, except: exceptId }))?.id;
}

/** The provider's live bookings that may touch [fromMs, toMs), as occupied intervals in start order. */
export async function providerBusy(db: Db, providerId: number, fromMs: number, toMs: number, nowMs: number): Promise<{ startMs: number; untilMs: number }[]> {
  return await db.all<{ startMs: number; untilMs: number }>(`SELECT a.start_ms AS "startMs", a.occupied_until_ms AS "untilMs" FROM appointments a
     WHERE a.provider_id = +@provider AND a.start_ms > +@lower AND a.start_ms < +@to AND ${LIVE} ORDER BY a.start_ms`, { provider: providerId, lower: fromMs - MAX_PROVIDER_SPAN_MS, to: toMs, now: nowMs });
}

/**
 * Providers (seed 001) and the overlap of their bookings. Connection first, prepared once, no rules:
 * the services decide. A booking occupies its provider's time while `LIVE` (appointment-live.ts).
 */
import type { WeekHours } from '../../shared/contract/appointments';
import type { Sqlite } from '../open-database';
import { LIVE, MAX_PROVIDER_SPAN_MS } from './appointment-live';
import { prepared } from './prepared';

// ---- providers ----------------------------------------------------------------------------------

export interface ProviderRow {
  id: number;
  name: string;
  email: string;
  appointmentMinutes: number;
  bufferMinutes: number;
  price: number;
  workingHours: string;
  daysOff: string;
  active: number;
  createdMs: number;
  updatedMs: number;
}
const PROVIDER_COLUMNS = `id, name, email, appointment_minutes AS appointmentMinutes, buffer_minutes AS bufferMinutes, price,
  working_hours AS workingHours, days_off AS daysOff, active, created_at AS createdMs, updated_at AS updatedMs`;

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

export function insertProvider(db: Sqlite, p: ProviderWrite, nowMs: number): number {
  const res = prepared(
    db,
    `INSERT INTO providers (name, email, appointment_minutes, buffer_minutes, price, working_hours, days_off, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, nowMs);
  return Number(res.lastInsertRowid);
}

export function updateProvider(db: Sqlite, id: number, p: ProviderWrite, nowMs: number): void {
  prepared(
    db,
    `UPDATE providers SET name = ?, email = ?, appointment_minutes = ?, buffer_minutes = ?, price = ?, working_hours = ?, days_off = ?, active = ?,
       updated_at = ? WHERE id = ?`,
  ).run(p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, id);
}

export function getProviderRow(db: Sqlite, id: number): ProviderRow | undefined {
  return prepared<ProviderRow>(db, `SELECT ${PROVIDER_COLUMNS} FROM providers WHERE id = ?`).get(id);
}

export function listProviderRows(db: Sqlite, includeInactive: boolean): ProviderRow[] {
  return prepared<ProviderRow>(db, `SELECT ${PROVIDER_COLUMNS} FROM providers ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name, id`).all();
}

export function providerEmailTaken(db: Sqlite, email: string, exceptId = 0): boolean {
  return prepared(db, 'SELECT 1 FROM providers WHERE lower(email) = lower(?) AND id <> ?').get(email, exceptId) !== undefined;
}

/** A live booking of the provider whose [start, end + buffer) overlaps [startMs, untilMs). */
export function findProviderConflict(db: Sqlite, providerId: number, startMs: number, untilMs: number, nowMs: number, exceptId = 0): number | undefined {
  return prepared<{ id: number }>(
    db,
    `SELECT a.id FROM appointments a
     WHERE a.provider_id = +@provider AND a.start_ms > +@lower AND a.start_ms < +@until AND a.occupied_until_ms > +@start
       AND ${LIVE} AND a.id <> +@except LIMIT 1`,
  ).get({ provider: providerId, lower: startMs - MAX_PROVIDER_SPAN_MS, until: untilMs, start: startMs, now: nowMs, except: exceptId })?.id;
}

/** The provider's live bookings that may touch [fromMs, toMs), as occupied intervals in start order. */
export function providerBusy(db: Sqlite, providerId: number, fromMs: number, toMs: number, nowMs: number): { startMs: number; untilMs: number }[] {
  return prepared<{ startMs: number; untilMs: number }>(
    db,
    `SELECT a.start_ms AS startMs, a.occupied_until_ms AS untilMs FROM appointments a
     WHERE a.provider_id = +@provider AND a.start_ms > +@lower AND a.start_ms < +@to AND ${LIVE} ORDER BY a.start_ms`,
  ).all({ provider: providerId, lower: fromMs - MAX_PROVIDER_SPAN_MS, to: toMs, now: nowMs });
}

/**
 * Service rooms and timeslots (seed 003): public browsing, the admin's rooms, and timeslot
 * generation — idempotent (a slot that exists or would overlap one is not made again) and
 * DST-correct (each slot is its real length; wall times are the hotel's).
 */
import type { z } from 'zod';
import {
  deleteTimeslot, freeTimeslotRows, getServiceRoomRow, getTimeslotRow, insertServiceRoom, insertTimeslots, listServiceRoomRows,
  slotHasBookings, slotIntervals, updateServiceRoom, type ServiceRoomRow, type ServiceRoomWrite,
} from '../../db/queries/service-room-queries';
import type { ServiceRoom, WorkingHours } from '../../shared/contract/appointments';
import type {
  FreeTimeslotsQuerySchema, FreeTimeslotsSchema, ServiceRoomCreateSchema, ServiceRoomListQuerySchema, ServiceRoomPageSchema,
  ServiceRoomUpdateSchema, TimeslotGenerate, TimeslotGeneratedSchema,
} from '../../shared/contract/service-rooms';
import { minutesOf } from '../../shared/rules/appointment-rules';
import { DATE_TIME_RE } from '../../shared/contract/input-patterns';
import { MAX_GENERATION_DAYS } from '../../shared/contract/service-rooms';
import { AppError } from '../../shared/errors';
import { addDays, formatInstant, localToInstant, parseDate, resolveTime, type CivilDateTime } from '../../shared/time';
import { commit } from '../commit';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { toServiceRoom, toTimeslot } from './appointment-view';

type Out<S extends z.ZodType> = z.output<S>;

/** Seed 003 caps a page at 100. */
export const pageWindow = (page: number, limit: number) => {
  const l = Math.min(limit, 100);
  return { limit: l, offset: (page - 1) * l, page };
};


/** The instant of a hotel-local wall time; a time skipped by DST is read as the same time one hour on (03:30 for 02:30). */
export function wallInstant(date: string, minutes: number, zone: string): number {
  const d = parseDate(minutes >= 24 * 60 ? addDays(date, 1) : date);
  const m = minutes % (24 * 60);
  const c: CivilDateTime = { ...d, hour: Math.floor(m / 60), minute: m % 60, second: 0 };
  try {
    return localToInstant(c, zone);
  } catch {
    return localToInstant({ ...c, hour: c.hour + 1 }, zone);
  }
}

/** An ISO 8601 date or date-time (the API document's pattern) as the date it names, or a 400 naming the field. */
function isoDateOf(text: string, field: string): string {
  if (DATE_TIME_RE.test(text)) return text.slice(0, 10);
  throw new AppError('VALIDATION', `Invalid date format for ${field}. Use ISO 8601`);
}

/**
 * The hotel-local day `date` names (seed 003's timeslots): a date or a wall time is its own date
 * (a time skipped by DST still names its day); a date-time with `Z` or an offset is the hotel's date
 * at that instant (`2024-11-01T23:30:00-05:00` is 2024-11-02 in Copenhagen).
 */
function localDayOf(date: string, zone: string): string {
  if (!DATE_TIME_RE.test(date)) throw new AppError('VALIDATION', 'Invalid date format. Use ISO 8601', { reason: 'appointments.dateFormat' });
  return /(?:Z|[+-]\d{2}:?\d{2})$/.test(date.slice(10)) ? resolveTime(date, zone, '12:00').date : date.slice(0, 10);
}

export interface PlannedSlot {
  startMs: number;
  endMs: number;
  date: string;
}

/** Every slot a generation would make now: candidates day by day, less those overlapping an existing slot. */
export async function planSlots(
  existing: (fromMs: number, toMs: number) => Promise<{ startMs: number; endMs: number }[]>,
  days: string[],
  hours: WorkingHours,
  slotMinutes: number,
  zone: string,
): Promise<PlannedSlot[]> {
  const slotMs = slotMinutes * 60_000;
  const candidates: PlannedSlot[] = [];
  for (const date of days) {
    const from = wallInstant(date, minutesOf(hours.start), zone);
    const to = wallInstant(date, minutesOf(hours.end), zone);
    for (let s = from; s + slotMs <= to; s += slotMs) candidates.push({ startMs: s, endMs: s + slotMs, date });
  }
  if (candidates.length === 0) return [];
  const taken = await existing(candidates[0]!.startMs, candidates[candidates.length - 1]!.endMs);
  const planned: PlannedSlot[] = [];
  let i = 0;
  for (const c of candidates) {
    while (i < taken.length && taken[i]!.endMs <= c.startMs) i++;
    if (i < taken.length && taken[i]!.startMs < c.endMs) continue;
    planned.push(c);
  }
  return planned;
}

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over its deps whose methods (rooms, slot generation, free slots) are each short
export function createServiceRoomsService(deps: CoreDeps, settings: SettingsService) {
  const db = deps.db;
  const zone = () => settings.get().timeZone;

  const requireRoom = async (id: number): Promise<ServiceRoomRow> => {
    const row = await getServiceRoomRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'Room not found', { reason: 'appointments.roomNotFound' });
    return row;
  };

  async function generationPlan(input: TimeslotGenerate) {
    const room = await requireRoom(input.roomId);
    const start = isoDateOf(input.startDate, 'startDate');
    const end = isoDateOf(input.endDate, 'endDate');
    if (end < start) throw new AppError('VALIDATION', 'endDate must not be before startDate', { reason: 'appointments.endBeforeStart' });
    const excluded = new Set((input.excludedDates ?? []).map((d) => isoDateOf(d, 'excludedDates')));
    const days: string[] = [];
    for (let d = start; d <= end; d = addDays(d, 1)) {
      if (days.length >= MAX_GENERATION_DAYS) {
        throw new AppError('VALIDATION', `A generation covers at most ${MAX_GENERATION_DAYS} days`, { reason: 'appointments.rangeTooLong', params: { days: MAX_GENERATION_DAYS } });
      }
      if (!excluded.has(d)) days.push(d);
    }
    const slots = await planSlots(async (f, t) => await slotIntervals(db, room.id, f, t), days, input.workingHours, input.slotDuration, zone());
    return { room, slots, dateRange: { start: `${start}T00:00:00`, end: `${end}T00:00:00` } };
  }

  return {
    async list(q: Out<typeof ServiceRoomListQuerySchema>): Promise<Out<typeof ServiceRoomPageSchema>> {
      const w = pageWindow(q.page, q.limit);
      const { rows, total } = await listServiceRoomRows(db, { type: q.type, activeOnly: q.active, limit: w.limit, offset: w.offset });
      const z = zone();
      return { items: rows.map((r) => toServiceRoom(r, z)), total, page: w.page, limit: w.limit, pages: Math.ceil(total / w.limit) };
    },

    async get(id: number): Promise<ServiceRoom> {
      return toServiceRoom(await requireRoom(id), zone());
    },

    async freeTimeslots(q: Out<typeof FreeTimeslotsQuerySchema>): Promise<Out<typeof FreeTimeslotsSchema>> {
      const room = await requireRoom(q.id);
      if (q.date === undefined || q.date.trim() === '') throw new AppError('VALIDATION', 'Date parameter is required', { reason: 'appointments.dateRequired' });
      const date = localDayOf(q.date, zone());
      const rows = await freeTimeslotRows(db, room.id, date, deps.clock(), q.duration * 60_000);
      return { room: toServiceRoom(room, zone()), date: q.date, timeslots: rows.map(toTimeslot) };
    },

    async create(input: Out<typeof ServiceRoomCreateSchema>): Promise<ServiceRoom> {
      return await commit(deps, async (c) => {
        const id = await insertServiceRoom(db, {
          name: input.name,
          description: input.description ?? null,
          capacity: input.capacity,
          roomType: input.roomType,
          hourlyRate: input.hourlyRate ?? 0,
          active: input.isActive,
          metadata: input.metadata ? JSON.stringify(input.metadata) : null,
        }, c.nowMs);
        c.publish({ type: 'appointmentSetup.changed', what: 'rooms' });
        return toServiceRoom(await requireRoom(id), zone());
      });
    },

    async update(input: Out<typeof ServiceRoomUpdateSchema>): Promise<ServiceRoom> {
      return await commit(deps, async (c) => {
        const r = await requireRoom(input.id);
        const next: ServiceRoomWrite = {
          name: input.name ?? r.name,
          description: input.description !== undefined ? input.description : r.description,
          capacity: input.capacity ?? r.capacity,
          roomType: input.roomType ?? r.roomType,
          hourlyRate: input.hourlyRate !== undefined ? (input.hourlyRate ?? 0) : r.hourlyRate,
          active: input.isActive ?? r.active === 1,
          metadata: input.metadata !== undefined ? (input.metadata === null ? null : JSON.stringify(input.metadata)) : r.metadata,
        };
        await updateServiceRoom(db, r.id, next, c.nowMs);
        c.publish({ type: 'appointmentSetup.changed', what: 'rooms' });
        return toServiceRoom(await requireRoom(r.id), zone());
      });
    },

    async deactivate(id: number): Promise<{ message: string }> {
      return await commit(deps, async (c) => {
        const r = await requireRoom(id);
        await updateServiceRoom(db, r.id, { ...r, active: false }, c.nowMs);
        c.publish({ type: 'appointmentSetup.changed', what: 'rooms' });
        return { message: 'Room deactivated' };
      });
    },

    /** Makes the slots (in one transaction: all or none). */
    async generate(input: TimeslotGenerate): Promise<Out<typeof TimeslotGeneratedSchema>> {
      return await commit(deps, async (c) => {
        const { room, slots, dateRange } = await generationPlan(input);
        const z = zone();
        const capacity = input.capacity ?? room.capacity;
        await insertTimeslots(db, slots.map((s) => ({
          roomId: room.id, startMs: s.startMs, endMs: s.endMs, startAt: formatInstant(s.startMs, z), endAt: formatInstant(s.endMs, z), localDate: s.date, capacity,
        })), c.nowMs);
        if (slots.length > 0) c.publish({ type: 'appointmentSetup.changed', what: 'timeslots' });
        return { message: `Generated ${slots.length} timeslots`, count: slots.length, dateRange };
      });
    },

    async preview(input: TimeslotGenerate): Promise<Out<typeof TimeslotGeneratedSchema>> {
      const { slots, dateRange } = await generationPlan(input);
      return { message: `Would generate ${slots.length} timeslots`, count: slots.length, dateRange };
    },

    async deleteTimeslot(id: number): Promise<{ message: string }> {
      return await commit(deps, async (c) => {
        if (!await getTimeslotRow(db, id, c.nowMs)) throw new AppError('NOT_FOUND', 'Timeslot not found', { reason: 'appointments.timeslotNotFound' });
        if (await slotHasBookings(db, id)) {
          throw new AppError('VALIDATION', 'Cannot delete timeslot with existing bookings', { reason: 'appointments.timeslotBooked' });
        }
        await deleteTimeslot(db, id);
        c.publish({ type: 'appointmentSetup.changed', what: 'timeslots' });
        return { message: 'Timeslot deleted' };
      });
    },
  };
}

export type ServiceRoomsService = ReturnType<typeof createServiceRoomsService>;

/**
 * The appointments calendar as columns of positioned items: a column per service room or per
 * provider, and in each the free slots and the appointments of a day, placed by their hotel-local
 * wall time. Every instant of the contract carries the hotel's offset (`2026-06-01T09:00:00+02:00`),
 * so its wall time is read from the text: no time-zone math in the browser. Items that overlap (a
 * slot holding three guests, a free seat beside a booked one) sit side by side in lanes.
 * Pure: tested in Node.
 */
import type { Appointment, AppointmentCalendar, AppointmentStatus, Provider, ServiceRoom, Timeslot } from '../../../shared/contract/appointments';

export type ColumnMode = 'rooms' | 'providers';
export type CalendarView = 'day' | 'week';

/** A provider's free start time, as `providers:availability` answers it. */
export interface ProviderFreeTime {
  time: string;
  startTime: string;
  endTime: string;
}

/** A free place one can book or move an appointment to. */
export type FreeSlot =
  | { kind: 'timeslot'; key: string; date: string; start: string; startTime: string; minutes: number; roomId: number; timeslotId: number; seatsLeft: number }
  | { kind: 'provider'; key: string; date: string; start: string; startTime: string; minutes: number; providerId: number };

export interface CalendarColumn {
  /** `room-2` / `provider-1`. */
  key: string;
  kind: 'room' | 'provider';
  id: number;
  name: string;
  /** The room's type or the provider's appointment length, for the header. */
  detail: string;
}

export type PlacedItem =
  | { type: 'free'; slot: FreeSlot; top: number; height: number; lane: number; lanes: number }
  | { type: 'appointment'; appointment: Appointment; top: number; height: number; lane: number; lanes: number };

/** Statuses that hold their place (and are drawn unless cancelled ones are asked for). */
export const LIVE_STATUSES: readonly AppointmentStatus[] = ['pending', 'confirmed'];

/** `09:30` (or the wall time of an ISO instant with offset) → minutes after midnight. */
export function wallMinutes(text: string): number {
  const m = /(\d{2}):(\d{2})/.exec(text.length > 8 ? text.slice(11) : text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The columns of the calendar: active rooms (or providers), and inactive ones that still have appointments in view. */
export function columnsOf(calendar: AppointmentCalendar, mode: ColumnMode): CalendarColumn[] {
  if (mode === 'rooms') {
    const used = new Set(calendar.appointments.map((a) => a.roomId));
    return calendar.rooms
      .filter((r: ServiceRoom) => r.isActive || used.has(r.id))
      .map((r) => ({ key: `room-${r.id}`, kind: 'room', id: r.id, name: r.name, detail: r.roomType }));
  }
  const used = new Set(calendar.appointments.map((a) => a.providerId));
  return calendar.providers
    .filter((p: Provider) => p.active || used.has(p.id))
    .map((p) => ({ key: `provider-${p.id}`, kind: 'provider', id: p.id, name: p.name, detail: String(p.appointmentMinutes) }));
}

export function availabilityKey(providerId: number, date: string): string {
  return `${providerId}|${date}`;
}

/** A column's free slots on a day that have not begun (`nowMs`). */
export function freeSlotsOf(
  calendar: AppointmentCalendar,
  column: CalendarColumn,
  date: string,
  availability: ReadonlyMap<string, readonly ProviderFreeTime[]>,
  nowMs: number,
): FreeSlot[] {
  if (column.kind === 'room') {
    return calendar.timeslots
      .filter((s: Timeslot) => s.roomId === column.id && s.date === date && s.booked < s.capacity && Date.parse(s.startTime) > nowMs)
      .map(timeslotPlace)
      .sort((a, b) => a.startTime.localeCompare(b.startTime));
  }
  const provider = calendar.providers.find((p) => p.id === column.id);
  const minutes = provider?.appointmentMinutes ?? 30;
  return (availability.get(availabilityKey(column.id, date)) ?? [])
    .filter((f) => Date.parse(f.startTime) > nowMs)
    .map((f) => providerPlace(column.id, date, minutes, f));
}

/** A service room's timeslot with a seat left, as a free place. */
export function timeslotPlace(s: Pick<Timeslot, 'id' | 'date' | 'startTime' | 'durationMinutes' | 'roomId' | 'capacity' | 'booked'>): FreeSlot {
  return {
    kind: 'timeslot',
    key: `slot-${s.id}`,
    date: s.date,
    start: clock(wallMinutes(s.startTime)),
    startTime: s.startTime,
    minutes: s.durationMinutes,
    roomId: s.roomId,
    timeslotId: s.id,
    seatsLeft: s.capacity - s.booked,
  };
}

/** A provider's free start time on a day, for an appointment of `minutes`, as a free place. */
export function providerPlace(providerId: number, date: string, minutes: number, free: ProviderFreeTime): FreeSlot {
  return {
    kind: 'provider',
    key: `provider-${providerId}-${date}-${free.time.slice(0, 5)}`,
    date,
    start: free.time.slice(0, 5),
    startTime: free.startTime,
    minutes,
    providerId,
  };
}

/** A column's appointments on a day, earliest first; cancelled ones only when asked. */
export function appointmentsOf(calendar: AppointmentCalendar, column: CalendarColumn, date: string, showCancelled: boolean): Appointment[] {
  return calendar.appointments
    .filter((a) => (column.kind === 'room' ? a.roomId === column.id : a.providerId === column.id) && a.date === date)
    .filter((a) => showCancelled || a.status !== 'cancelled')
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id - b.id);
}

/** The hours the day view spans: every item of the day fits, at least 08:00–18:00, whole hours. */
export function hourRange(starts: readonly { start: number; minutes: number }[]): { from: number; to: number } {
  let from = 8 * 60;
  let to = 18 * 60;
  for (const s of starts) {
    from = Math.min(from, s.start);
    to = Math.max(to, s.start + s.minutes);
  }
  return { from: Math.floor(from / 60) * 60, to: Math.min(24 * 60, Math.ceil(to / 60) * 60) };
}

/**
 * Places a column's items from `from` (minutes) at `pxPerMinute`; overlapping items share the
 * width in lanes (each cluster of overlaps as many lanes as it needs).
 */
export function placeItems(free: readonly FreeSlot[], appointments: readonly Appointment[], from: number, pxPerMinute: number): PlacedItem[] {
  type Raw = { start: number; end: number; item: { type: 'free'; slot: FreeSlot } | { type: 'appointment'; appointment: Appointment } };
  const raws: Raw[] = [
    ...appointments.map((a) => {
      const start = wallMinutes(a.time);
      return { start, end: start + a.durationMinutes, item: { type: 'appointment' as const, appointment: a } };
    }),
    ...free.map((slot) => {
      const start = wallMinutes(slot.start);
      return { start, end: start + slot.minutes, item: { type: 'free' as const, slot } };
    }),
  ].sort((a, b) => a.start - b.start || (a.item.type === 'appointment' ? -1 : 1));

  const placed: PlacedItem[] = [];
  let cluster: { raw: Raw; lane: number }[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const { raw, lane } of cluster) {
      placed.push({ ...raw.item, top: (raw.start - from) * pxPerMinute, height: Math.max(14, (raw.end - raw.start) * pxPerMinute), lane, lanes } as PlacedItem);
    }
    cluster = [];
  };
  const laneEnds: number[] = [];
  for (const raw of raws) {
    if (raw.start >= clusterEnd && cluster.length > 0) {
      flush();
      laneEnds.length = 0;
    }
    let lane = laneEnds.findIndex((end) => end <= raw.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = raw.end;
    cluster.push({ raw, lane });
    clusterEnd = Math.max(clusterEnd, raw.end);
  }
  if (cluster.length > 0) flush();
  return placed;
}

/** The price a free slot costs: the room's hourly rate × the slot's length, or the provider's price. */
export function slotPrice(calendar: Pick<AppointmentCalendar, 'rooms' | 'providers'>, slot: FreeSlot): number {
  if (slot.kind === 'timeslot') {
    const room = calendar.rooms.find((r) => r.id === slot.roomId);
    return room ? Math.round((room.hourlyRate * slot.minutes) / 60) : 0;
  }
  return calendar.providers.find((p) => p.id === slot.providerId)?.price ?? 0;
}

/** Whether an appointment may be moved to a free place: same kind; a provider's appointment stays with its provider. */
export function canMoveTo(appointment: Appointment, slot: FreeSlot): boolean {
  if (!LIVE_STATUSES.includes(appointment.status)) return false;
  if (appointment.kind === 'timeslot') return slot.kind === 'timeslot' && slot.timeslotId !== appointment.timeslotId;
  return slot.kind === 'provider' && slot.providerId === appointment.providerId && !(slot.date === appointment.date && slot.start === appointment.time.slice(0, 5));
}

/** The reschedule command's input for a move to `slot`. */
export function rescheduleInput(appointment: Appointment, slot: FreeSlot): { id: number; newTimeslotId: number } | { id: number; date: string; time: string } {
  return slot.kind === 'timeslot' ? { id: appointment.id, newTimeslotId: slot.timeslotId } : { id: appointment.id, date: slot.date, time: slot.start };
}

/** The days of a view from `from`. */
export function daysOf(from: string, count: number, addDays: (date: string, n: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Where free start times are asked for: a service room's timeslots, or a provider's free time for a service of `minutes`. */
export type SlotTarget = { kind: 'room'; id: number } | { kind: 'provider'; id: number; minutes: number };

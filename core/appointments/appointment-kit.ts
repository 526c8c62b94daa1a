/**
 * What every part of the appointments service shares (seeds 001 and 003): reading a booking as its
 * caller may see it, the checks that run inside a booking's transaction (a timeslot's free seat, a
 * provider's free time), and the writes that book, cancel and announce.
 *
 * **Check and write are one transaction** (`commit()`): the seat count of a timeslot or a provider's
 * overlap is read and the booking written in the same unit of work, under the record's lock on
 * PostgreSQL, so of N requests for the last seat exactly one wins. Every change publishes
 * `appointment.changed` (seed 003's `booking_update`) and enqueues its e-mail and its event broker
 * message (appointment-broker.ts) in the same transaction.
 */
import {
  getAppointmentRow, insertAppointment, listAppointmentRows, markAppointmentCancelled, userContact, type AppointmentFilter, type AppointmentRow,
} from '../../db/queries/appointment-queries';
import { findProviderConflict } from '../../db/queries/provider-queries';
import { lockRecord } from '../../db/queries/record-locks';
import { countSlotBookings, getServiceRoomRow, getTimeslotRow, type ServiceRoomRow, type TimeslotRow } from '../../db/queries/service-room-queries';
import { type Appointment, type AppointmentEventAction, type AppointmentPage } from '../../shared/contract/appointments';
import { canApplyAppointment, refundAmount, timeslotPrice, type AppointmentAction } from '../../shared/rules/appointment-rules';
import { AppError } from '../../shared/errors';
import { addDays, formatInstant, localToInstant, parseDate, resolveTime, startOfLocalDate } from '../../shared/time';
import type { Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { appointmentToBroker } from './appointment-broker';
import { enqueueAppointmentMail, type AppointmentMailKind } from './appointment-mail';
import { toAppointment } from './appointment-view';
import { workingWindow, wallTime, type ProvidersService } from './providers-service';
import { pageWindow } from './service-rooms-service';

export const BOOKING_CREATED_MESSAGE = 'Booking created. Complete payment to confirm.';
export const SLOT_TAKEN_MESSAGE = 'This time slot is already booked';

/** Who the booking is for: a signed-in user (their own) or a guest the desk books for. */
export interface Booker {
  userId: number | null;
  guestName: string;
  guestEmail: string | null;
  createdBy: string;
}

const isDesk = (ctx: CallContext) => ctx.actor.role === 'staff' || ctx.actor.role === 'admin';

const seedTime = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** A slot's wall time `HH:MM:SS`, as its start was written (ISO in the hotel's zone, with the offset). */
export const slotWallTime = (slot: TimeslotRow) => slot.startTime.slice(11, 19);

// eslint-disable-next-line max-lines-per-function -- the checks and writes every appointment method shares, as one closure over its deps; each helper is short
export function createAppointmentKit(deps: CoreDeps, settings: SettingsService, providers: ProvidersService) {
  const db = deps.db;
  const zone = () => settings.get().timeZone;

  const requireRow = async (id: number): Promise<AppointmentRow> => {
    const row = await getAppointmentRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'Booking not found', { reason: 'appointments.bookingNotFound' });
    return row;
  };
  /** 404, then 403 `Access denied` for a client asking for another's (seed 003's order). */
  const requireVisible = async (id: number, ctx: CallContext): Promise<AppointmentRow> => {
    const row = await requireRow(id);
    if (!isDesk(ctx) && row.userId !== ctx.actor.userId) throw new AppError('FORBIDDEN', 'Access denied', { reason: 'appointments.accessDenied' });
    return row;
  };
  const view = async (id: number) => toAppointment(await requireRow(id), zone());

  async function bookerOf(ctx: CallContext): Promise<Booker> {
    const contact = ctx.actor.userId !== null ? await userContact(db, ctx.actor.userId) : undefined;
    return { userId: ctx.actor.userId, guestName: contact?.username ?? ctx.actor.username, guestEmail: contact?.email ?? null, createdBy: ctx.actor.username };
  }

  /** The live event (seed 003's `booking_update`) and the event broker's message, in the change's commit. */
  async function publish(c: Commit, action: AppointmentEventAction, a: Appointment) {
    c.publish({ type: 'appointment.changed', action, appointment: a });
    await appointmentToBroker(c, settings, action, a);
  }
  async function mail(c: Commit, kind: AppointmentMailKind, a: Appointment, extra: { refundAmount?: number; created?: boolean } = {}) {
    await enqueueAppointmentMail(c, kind, a, settings.get(), extra);
  }
  function refuse(action: AppointmentAction | 'status', row: AppointmentRow, to?: string): never {
    if (action === 'status') throw new AppError('VALIDATION', `Invalid status transition to: ${to}`, { reason: 'appointments.invalidTransition', params: { status: to ?? '' } });
    const words: Record<AppointmentAction, string> = { cancel: 'cancelled', reschedule: 'rescheduled', pay: 'paid', complete: 'completed', no_show: 'marked as a no-show' };
    throw new AppError('VALIDATION', `A ${row.status.replace('_', ' ')} booking cannot be ${words[action]}`, {
      reason: 'appointments.cannotChange', params: { status: row.status, action },
    });
  }

  // ---- the checks that run inside the booking's transaction ----

  /**
   * A seat in the slot (given, or read by id), now: 404 / 400 / 409 otherwise. The slot's row already
   * counts its live bookings (read in this transaction); a reschedule recounts without its own.
   */
  async function takeSeat(slotOrId: number | TimeslotRow, nowMs: number, exceptId = 0): Promise<{ slot: TimeslotRow; room: ServiceRoomRow }> {
    // A held seat depends on the clock, so no constraint can count it: on PostgreSQL the timeslot's
    // lock serializes this count and the insert, and the slot is read (again) under it; where no lock
    // was needed (SQLite) a row read earlier in this transaction is still the row.
    const slotId = typeof slotOrId === 'number' ? slotOrId : slotOrId.id;
    const locked = await lockRecord(db, 'timeslot', slotId);
    const slot = typeof slotOrId === 'number' || locked ? await getTimeslotRow(db, slotId, nowMs) : slotOrId;
    if (!slot) throw new AppError('NOT_FOUND', 'Timeslot not found', { reason: 'appointments.timeslotNotFound' });
    if (slot.startMs <= nowMs) throw new AppError('VALIDATION', 'Cannot book a timeslot in the past', { reason: 'appointments.slotInPast' });
    const room = await getServiceRoomRow(db, slot.roomId);
    if (!room || room.active !== 1) throw new AppError('VALIDATION', 'Room is not available for booking', { reason: 'appointments.roomInactive' });
    const booked = exceptId === 0 ? slot.booked : await countSlotBookings(db, slot.id, nowMs, exceptId);
    if (booked >= slot.capacity) {
      throw new AppError('CONFLICT', 'Timeslot is fully booked', { reason: 'appointments.slotFull' });
    }
    return { slot, room };
  }

  /** A provider's free time at `date` `time`, now: 404 / 400 / 409 otherwise. */
  async function takeProviderTime(providerId: number, date: string, time: string, nowMs: number, exceptId = 0) {
    // PostgreSQL: bookings of one provider take turns from here to COMMIT, so the overlap check sees
    // the last one's row and refuses with the seed's 409; without the lock, racers meet only in the
    // exclusion constraint, where they deadlock against each other and are retried (a no-op on SQLite).
    await lockRecord(db, 'provider', providerId);
    const p = await providers.requireProvider(providerId);
    if (p.active !== 1) throw new AppError('VALIDATION', 'Provider is not taking bookings', { reason: 'appointments.providerInactive' });
    const z = zone();
    const [h, m, s] = seedTime(time).split(':').map(Number) as [number, number, number];
    const startMs = localToInstant({ ...parseDate(date), hour: h, minute: m, second: s }, z);
    if (startMs <= nowMs) throw new AppError('VALIDATION', 'Cannot book a time in the past', { reason: 'appointments.timeInPast' });
    const endMs = startMs + p.appointmentMinutes * 60_000;
    const window = workingWindow(p, date, z);
    if (!window || startMs < window.fromMs || endMs > window.toMs) {
      throw new AppError('VALIDATION', 'Outside the provider\'s working hours', { reason: 'appointments.outsideHours' });
    }
    const occupiedUntilMs = endMs + p.bufferMinutes * 60_000;
    if (await findProviderConflict(db, p.id, startMs, occupiedUntilMs, nowMs, exceptId) !== undefined) {
      throw new AppError('CONFLICT', SLOT_TAKEN_MESSAGE, { reason: 'appointments.slotTaken' });
    }
    return { provider: p, startMs, endMs, occupiedUntilMs, date, time: wallTime(startMs, z) };
  }

  async function bookSlot(c: Commit, slotId: number, who: Booker, extra: { notes?: string; bookingType?: string; roomId?: number }): Promise<Appointment> {
    const asked = await getTimeslotRow(db, slotId, c.nowMs);
    if (!asked) throw new AppError('NOT_FOUND', 'Timeslot not found', { reason: 'appointments.timeslotNotFound' });
    if (extra.roomId !== undefined) {
      if (!await getServiceRoomRow(db, extra.roomId)) throw new AppError('NOT_FOUND', 'Room not found', { reason: 'appointments.roomNotFound' });
      if (asked.roomId !== extra.roomId) throw new AppError('VALIDATION', 'Timeslot does not belong to this room', { reason: 'appointments.slotOtherRoom' });
    }
    const { slot, room } = await takeSeat(asked, c.nowMs);
    const minutes = Math.round((slot.endMs - slot.startMs) / 60_000);
    const id = await insertAppointment(db, {
      kind: 'timeslot', ...who, roomId: slot.roomId, timeslotId: slot.id, providerId: null,
      startMs: slot.startMs, endMs: slot.endMs, occupiedUntilMs: slot.endMs, startAt: slot.startTime, endAt: slot.endTime,
      localDate: slot.date, localTime: slotWallTime(slot), status: 'pending', price: timeslotPrice(room.hourlyRate, minutes),
      notes: extra.notes ?? '', bookingType: extra.bookingType ?? null,
      holdUntilMs: c.nowMs + settings.get().appointmentHoldMinutes * 60_000,
    }, c.nowMs);
    const a = await view(id);
    await publish(c, 'created', a);
    await mail(c, 'confirmation', a, { created: true });
    return a;
  }

  async function bookProvider(c: Commit, providerId: number, date: string, time: string, who: Booker, extra: { notes?: string; bookingType?: string }): Promise<Appointment> {
    const t = await takeProviderTime(providerId, date, time, c.nowMs);
    const z = zone();
    const id = await insertAppointment(db, {
      kind: 'provider', ...who, roomId: null, timeslotId: null, providerId: t.provider.id,
      startMs: t.startMs, endMs: t.endMs, occupiedUntilMs: t.occupiedUntilMs, startAt: formatInstant(t.startMs, z), endAt: formatInstant(t.endMs, z),
      localDate: t.date, localTime: t.time, status: 'confirmed', price: t.provider.price,
      notes: extra.notes ?? '', bookingType: extra.bookingType ?? null, holdUntilMs: null,
    }, c.nowMs);
    const a = await view(id);
    await publish(c, 'created', a);
    await mail(c, 'confirmation', a, { created: true });
    return a;
  }

  function checkoutUrl(a: Appointment): string | null {
    const template = settings.get().paymentCheckoutUrl.trim();
    if (template === '') return null;
    return template.replaceAll('{id}', String(a.id)).replaceAll('{amount}', String(a.price));
  }

  async function cancelRow(c: Commit, row: AppointmentRow, action: AppointmentEventAction = 'cancelled'): Promise<{ booking: Appointment; refundAmount: number }> {
    if (!canApplyAppointment('cancel', row.status)) refuse('cancel', row);
    if (row.startMs <= c.nowMs) {
      throw new AppError('VALIDATION', 'A booking cannot be cancelled once it has begun', { reason: 'appointments.cancelAfterStart' });
    }
    const paid = row.paymentStatus === 'paid' ? row.price : 0;
    const refund = refundAmount(settings.get(), paid, row.startMs - c.nowMs);
    await markAppointmentCancelled(db, row.id, refund, refund > 0 ? 'refunded' : row.paymentStatus, c.nowMs);
    const a = await view(row.id);
    await publish(c, action, a);
    await mail(c, 'cancellation', a, { refundAmount: refund });
    return { booking: a, refundAmount: refund };
  }

  function timeRange(from: string | undefined, to: string | undefined): { fromMs?: number; toMs?: number } {
    const z = zone();
    const bare = (t: string) => /^\d{4}-\d{2}-\d{2}$/.test(t.trim());
    return {
      fromMs: from === undefined ? undefined : resolveTime(from, z, '00:00').ms,
      // A bare `to` date includes its whole day.
      toMs: to === undefined ? undefined : bare(to) ? startOfLocalDate(addDays(to.trim(), 1), z) - 1 : resolveTime(to, z, '00:00').ms,
    };
  }

  async function page(filter: AppointmentFilter, pageNo: number, limit: number): Promise<AppointmentPage> {
    const w = pageWindow(pageNo, limit);
    const { rows, total } = await listAppointmentRows(db, filter, w.limit, w.offset);
    const z = zone();
    return { items: rows.map((r) => toAppointment(r, z)), total, page: w.page, limit: w.limit };
  }

  return { deps, db, settings, zone, requireRow, requireVisible, view, bookerOf, publish, mail, refuse, takeSeat, takeProviderTime, bookSlot, bookProvider, checkoutUrl, cancelRow, timeRange, page };
}

export type AppointmentKit = ReturnType<typeof createAppointmentKit>;

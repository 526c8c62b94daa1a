/**
 * Appointments of both kinds (seeds 001 and 003): booking, reading, cancelling with a refund,
 * rescheduling, payment at the desk, status changes, the lapse of unpaid holds and the reminders.
 *
 * **Check and write are one transaction** (`commit()`: one synchronous IMMEDIATE transaction, or a
 * savepoint of the write batch): the seat count of a timeslot or a provider's overlap is read and the
 * booking written with no `await` between, so of N requests for the last seat exactly one wins.
 * Every change publishes `appointment.changed` (seed 003's `booking_update`) and enqueues its e-mail
 * in the same transaction.
 */
import type { z } from 'zod';
import { claimReminder, dueReminderIds, lapsedHoldIds, markAppointmentLapsed, nextDueMs } from '../../db/queries/appointment-due-queries';
import {
  appointmentRowsStarting, appointmentStats, getAppointmentRow, insertAppointment, listAppointmentRows, markAppointmentCancelled, markAppointmentPaid,
  moveAppointment, setAppointmentStatus, userContact, type AppointmentFilter, type AppointmentRow,
} from '../../db/queries/appointment-queries';
import { findProviderConflict, listProviderRows } from '../../db/queries/provider-queries';
import { lockRecord } from '../../db/queries/record-locks';
import {
  countSlotBookings, getServiceRoomRow, getTimeslotRow, listServiceRoomRows, timeslotRowsBetween, type ServiceRoomRow, type TimeslotRow,
} from '../../db/queries/service-room-queries';
import type { AdminAppointmentsQuerySchema, DeskAppointmentCreateSchema } from '../../shared/contract/appointment-admin';
import type { MyAppointmentsQuerySchema } from '../../shared/contract/appointment-bookings';
import {
  REMINDER_MESSAGE, SETTABLE_STATUSES, type Appointment, type AppointmentCalendar, type AppointmentCancelledSchema, type AppointmentEventAction,
  type AppointmentPage, type AppointmentStatsSchema, type PaymentMethod, type RefundQuoteSchema, type SeedProviderBooking,
} from '../../shared/contract/appointments';
import { canApplyAppointment, refundAmount, refundPercent, timeslotPrice, type AppointmentAction } from '../../shared/rules/appointment-rules';
import { AppError } from '../../shared/errors';
import { addDays, formatInstant, localDate, localToInstant, parseDate, resolveTime, startOfLocalDate } from '../../shared/time';
import { commit, type Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { enqueueAppointmentMail, type AppointmentMailKind } from './appointment-mail';
import { assertStarted, undoAppointmentStatus } from './appointment-undo';
import { toAppointment, toProvider, toServiceRoom, toTimeslot } from './appointment-view';
import { workingWindow, wallTime, type ProvidersService } from './providers-service';
import { pageWindow } from './service-rooms-service';

type Out<S extends z.ZodType> = z.output<S>;

export const BOOKING_CREATED_MESSAGE = 'Booking created. Complete payment to confirm.';
export const SLOT_TAKEN_MESSAGE = 'This time slot is already booked';

/** Who the booking is for: a signed-in user (their own) or a guest the desk books for. */
interface Booker {
  userId: number | null;
  guestName: string;
  guestEmail: string | null;
  createdBy: string;
}

const isDesk = (ctx: CallContext) => ctx.actor.role === 'staff' || ctx.actor.role === 'admin';

const seedTime = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** A slot's wall time `HH:MM:SS`, as its start was written (ISO in the hotel's zone, with the offset). */
const slotWallTime = (slot: TimeslotRow) => slot.startTime.slice(11, 19);

export function createAppointmentsService(deps: CoreDeps, settings: SettingsService, providers: ProvidersService) {
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

  function publish(c: Commit, action: AppointmentEventAction, a: Appointment) {
    c.publish({ type: 'appointment.changed', action, appointment: a });
  }
  async function mail(c: Commit, kind: AppointmentMailKind, a: Appointment, extra: { refundAmount?: number } = {}) {
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

  /** A timeslot with a free seat, now: 404 / 400 / 409 otherwise. */
  /**
   * A seat in the slot (given, or read by id), now: 404 / 400 / 409 otherwise. The slot's row already
   * counts its live bookings (read in this transaction); a reschedule recounts without its own.
   */
  async function takeSeat(slotOrId: number | TimeslotRow, nowMs: number, exceptId = 0): Promise<{ slot: TimeslotRow; room: ServiceRoomRow }> {
    // A held seat depends on the clock, so no constraint can count it: on PostgreSQL the timeslot's
    // lock serializes this count and the insert; the slot is read (again) under it (no-op on SQLite).
    const slotId = typeof slotOrId === 'number' ? slotOrId : slotOrId.id;
    await lockRecord(db, 'timeslot', slotId);
    const slot = await getTimeslotRow(db, slotId, nowMs);
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
    publish(c, 'created', a);
    await mail(c, 'confirmation', a);
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
    publish(c, 'created', a);
    await mail(c, 'confirmation', a);
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
    publish(c, action, a);
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

  return {
    /** `POST /api/v1/bookings`: seed 001's provider body or seed 003's timeslot body. */
    async create(
      input: { provider_id: number; date: string; time: string } | { timeslotId: number; roomId: number; notes?: string; bookingType?: string },
      ctx: CallContext,
    ): Promise<SeedProviderBooking | { booking: Appointment; checkoutUrl: string | null; message: string }> {
      const who = await bookerOf(ctx);
      if ('provider_id' in input) {
        const a = await commit(deps, (c) => bookProvider(c, input.provider_id, input.date, input.time, who, {}));
        return { id: a.id, provider_id: a.providerId!, date: a.date, time: a.time, created_at: a.createdAt, end_time: a.endTime, status: a.status, kind: 'provider' };
      }
      const a = await commit(deps, (c) => bookSlot(c, input.timeslotId, who, { notes: input.notes, bookingType: input.bookingType, roomId: input.roomId }));
      return { booking: a, checkoutUrl: checkoutUrl(a), message: BOOKING_CREATED_MESSAGE };
    },

    /** The desk books for a guest or a user. */
    async deskCreate(input: Out<typeof DeskAppointmentCreateSchema>, ctx: CallContext): Promise<Appointment> {
      let who: Booker = { userId: null, guestName: input.guestName, guestEmail: input.guestEmail ?? null, createdBy: ctx.actor.username };
      if (input.userId !== undefined) {
        const user = await userContact(db, input.userId);
        if (!user) throw new AppError('NOT_FOUND', 'User not found', { reason: 'appointments.userNotFound' });
        who = { ...who, userId: input.userId, guestEmail: input.guestEmail ?? user.email };
      }
      const extra = { notes: input.notes, bookingType: input.bookingType };
      return await commit(deps, (c) => ('timeslotId' in input ? bookSlot(c, input.timeslotId, who, extra) : bookProvider(c, input.providerId, input.date, input.time, who, extra)));
    },

    async get(id: number, ctx: CallContext): Promise<Appointment> {
      return toAppointment(await requireVisible(id, ctx), zone());
    },

    async mine(q: Out<typeof MyAppointmentsQuerySchema>, ctx: CallContext): Promise<AppointmentPage> {
      const r = timeRange(q.from_date, q.to_date);
      // Anonymous callers never reach here (roles); a user id of null would match nothing.
      return await page({ userId: ctx.actor.userId ?? -1, status: q.status, startFromMs: r.fromMs, startToMs: r.toMs }, q.page, q.limit);
    },

    async adminList(q: Out<typeof AdminAppointmentsQuerySchema>): Promise<AppointmentPage> {
      const r = timeRange(q.fromDate, q.toDate);
      return await page(
        { status: q.status, roomId: q.roomId, userId: q.userId, providerId: q.providerId, kind: q.kind, createdFromMs: r.fromMs, createdToMs: r.toMs },
        q.page,
        q.limit,
      );
    },

    async refundQuote(id: number, ctx: CallContext): Promise<Out<typeof RefundQuoteSchema>> {
      const row = await requireVisible(id, ctx);
      const nowMs = deps.clock();
      const paid = row.paymentStatus === 'paid' ? row.price : 0;
      const before = row.startMs - nowMs;
      const cancellable = canApplyAppointment('cancel', row.status) && before > 0;
      return {
        id: row.id,
        refundAmount: cancellable ? refundAmount(settings.get(), paid, before) : 0,
        percent: cancellable ? refundPercent(settings.get(), before) : 0,
        paid,
        hoursBeforeStart: Math.round((before / 3_600_000) * 100) / 100,
      };
    },

    async cancel(id: number, ctx: CallContext): Promise<Out<typeof AppointmentCancelledSchema>> {
      return await commit(deps, async (c) => {
        const row = await requireVisible(id, ctx);
        return { ...await cancelRow(c, row), message: 'Booking cancelled successfully' };
      });
    },

    async reschedule(input: { id: number; newTimeslotId: number } | { id: number; date: string; time: string }, ctx: CallContext): Promise<{ booking: Appointment; message: string }> {
      return await commit(deps, async (c) => {
        const row = await requireVisible(input.id, ctx);
        if (!canApplyAppointment('reschedule', row.status)) refuse('reschedule', row);
        if (row.startMs <= c.nowMs) throw new AppError('VALIDATION', 'A booking cannot be rescheduled once it has begun', { reason: 'appointments.rescheduleAfterStart' });
        const z = zone();
        if ('newTimeslotId' in input) {
          if (row.kind !== 'timeslot') throw new AppError('VALIDATION', 'A provider booking is rescheduled with date and time', { reason: 'appointments.rescheduleKind' });
          if (input.newTimeslotId === row.timeslotId) throw new AppError('VALIDATION', 'The booking is already in this timeslot', { reason: 'appointments.sameSlot' });
          const { slot } = await takeSeat(input.newTimeslotId, c.nowMs, row.id);
          if (slot.roomId !== row.roomId) throw new AppError('VALIDATION', 'The new timeslot must be in the same room', { reason: 'appointments.slotOtherRoom' });
          await moveAppointment(db, row.id, {
            roomId: slot.roomId, timeslotId: slot.id, startMs: slot.startMs, endMs: slot.endMs, occupiedUntilMs: slot.endMs,
            startAt: slot.startTime, endAt: slot.endTime, localDate: slot.date, localTime: slotWallTime(slot),
          }, c.nowMs);
        } else {
          if (row.kind !== 'provider') throw new AppError('VALIDATION', 'newTimeslotId is required', { reason: 'appointments.rescheduleKind' });
          const t = await takeProviderTime(row.providerId!, input.date, input.time, c.nowMs, row.id);
          await moveAppointment(db, row.id, {
            roomId: null, timeslotId: null, startMs: t.startMs, endMs: t.endMs, occupiedUntilMs: t.occupiedUntilMs,
            startAt: formatInstant(t.startMs, z), endAt: formatInstant(t.endMs, z), localDate: t.date, localTime: t.time,
          }, c.nowMs);
        }
        const a = await view(row.id);
        publish(c, 'rescheduled', a);
        await mail(c, 'reschedule', a);
        return { booking: a, message: 'Booking rescheduled successfully' };
      });
    },

    /** Seed 003's admin status change: completed, no_show or cancelled, by the legal transitions only. */
    async setStatus(id: number, status: string): Promise<Appointment> {
      return await commit(deps, async (c) => {
        const row = await requireRow(id);
        if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) refuse('status', row, status);
        if (status === 'cancelled') {
          if (!canApplyAppointment('cancel', row.status) || row.startMs <= c.nowMs) refuse('status', row, status);
          return (await cancelRow(c, row)).booking;
        }
        const action: AppointmentAction = status === 'completed' ? 'complete' : 'no_show';
        if (!canApplyAppointment(action, row.status)) refuse('status', row, status);
        assertStarted(row, status, c.nowMs, zone());
        await setAppointmentStatus(db, row.id, status as 'completed' | 'no_show', c.nowMs);
        const a = await view(row.id);
        publish(c, 'status_changed', a);
        return a;
      });
    },

    /** Undoes a completed or no-show mark (staff: today's; admins: any). */
    async undoStatus(id: number, ctx: CallContext): Promise<Appointment> {
      return await commit(deps, async (c) => {
        await undoAppointmentStatus(db, await requireRow(id), c.nowMs, zone(), ctx);
        const a = await view(id);
        publish(c, 'status_changed', a);
        return a;
      });
    },

    /** Payment at the desk confirms. */
    async pay(id: number, method: PaymentMethod): Promise<Appointment> {
      return await commit(deps, async (c) => {
        const row = await requireRow(id);
        if (!canApplyAppointment('pay', row.status)) refuse('pay', row);
        if (row.paymentStatus !== 'unpaid') throw new AppError('VALIDATION', 'The booking is already paid', { reason: 'appointments.alreadyPaid' });
        // A lapsed hold (not swept yet) is only taken back if its seat is still free.
        if (row.status === 'pending' && row.holdUntilMs !== null && row.holdUntilMs <= c.nowMs && row.timeslotId !== null) {
          await lockRecord(db, 'timeslot', row.timeslotId);
          const slot = (await getTimeslotRow(db, row.timeslotId, c.nowMs))!;
          if (await countSlotBookings(db, slot.id, c.nowMs, row.id) >= slot.capacity) throw new AppError('CONFLICT', 'Timeslot is fully booked', { reason: 'appointments.slotFull' });
        }
        await markAppointmentPaid(db, row.id, method, c.nowMs);
        const a = await view(row.id);
        publish(c, 'confirmed', a);
        return a;
      });
    },

    async stats(q: { fromDate?: string; toDate?: string }): Promise<Out<typeof AppointmentStatsSchema>> {
      const nowMs = deps.clock();
      const z = zone();
      const r = timeRange(q.fromDate, q.toDate);
      const fromMs = r.fromMs ?? startOfLocalDate(`${localDate(nowMs, z).slice(0, 8)}01`, z);
      const toMs = r.toMs ?? nowMs;
      const byStatus = { pending: 0, confirmed: 0, cancelled: 0, completed: 0, no_show: 0 };
      let total = 0;
      let revenue = 0;
      for (const s of await appointmentStats(db, fromMs, toMs)) {
        byStatus[s.status] = s.n;
        total += s.n;
        revenue += s.revenue;
      }
      return { total, byStatus, revenue };
    },

    async calendar(from: string, days: number): Promise<AppointmentCalendar> {
      const z = zone();
      const to = addDays(from, days);
      const fromMs = startOfLocalDate(from, z);
      const toMs = startOfLocalDate(to, z);
      const nowMs = deps.clock();
      return {
        from,
        to,
        rooms: (await listServiceRoomRows(db, { activeOnly: true, limit: 1000, offset: 0 })).rows.map((r) => toServiceRoom(r, z)),
        providers: (await listProviderRows(db, false)).map((p) => toProvider(p, z)),
        timeslots: (await timeslotRowsBetween(db, fromMs, toMs, nowMs)).map(toTimeslot),
        appointments: (await appointmentRowsStarting(db, fromMs, toMs)).map((r) => toAppointment(r, z)),
      };
    },

    /** Unpaid pending bookings whose hold ran out: cancelled (`lapsed`), their seats free. Returns how many. */
    async lapseHolds(): Promise<number> {
      return await commit(deps, async (c) => {
        let lapsed = 0;
        // Guarded: a hold another server lapsed first is neither counted nor announced twice.
        for (const id of await lapsedHoldIds(db, c.nowMs, 500)) {
          if (!await markAppointmentLapsed(db, id, c.nowMs)) continue;
          publish(c, 'lapsed', await view(id));
          lapsed++;
        }
        return lapsed;
      });
    },

    /**
     * Sends each due reminder once: the reminder is claimed (its `reminder_sent_ms` set), its
     * `booking_reminder` event held for COMMIT and its e-mail enqueued in one transaction, so a
     * restart never sends it again, and a host that was down at the due time sends it on its return
     * if the appointment has not begun.
     */
    async sendDueReminders(): Promise<number> {
      const leadMs = settings.get().appointmentReminderMinutes * 60_000;
      return await commit(deps, async (c) => {
        let sent = 0;
        for (const id of await dueReminderIds(db, c.nowMs, leadMs, 500)) {
          if (!await claimReminder(db, id, c.nowMs)) continue;
          const a = await view(id);
          c.publish({ type: 'appointment.reminder', appointment: a, message: REMINDER_MESSAGE });
          await mail(c, 'reminder', a);
          sent++;
        }
        return sent;
      });
    },

    /** When the scheduler should look again (a hold running out or a reminder falling due), if ever. */
    async nextDueMs(): Promise<number | undefined> {
      return await nextDueMs(db, deps.clock(), settings.get().appointmentReminderMinutes * 60_000);
    },
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

/**
 * The desk's side of appointments: booking for a guest, the admin list, status changes and their
 * undo, payment at the desk, seed 003's stats and the calendar. One part of the appointments service
 * (appointments-service.ts composes it); the shared checks and writes are in appointment-kit.ts.
 */
import type { z } from 'zod';
import {
  appointmentRowsStarting, appointmentStats, markAppointmentPaid, setAppointmentStatus, userContact,
} from '../../db/queries/appointment-queries';
import { listProviderRows } from '../../db/queries/provider-queries';
import { lockRecord } from '../../db/queries/record-locks';
import { countSlotBookings, getTimeslotRow, listServiceRoomRows, timeslotRowsBetween } from '../../db/queries/service-room-queries';
import type { AdminAppointmentsQuerySchema, DeskAppointmentCreateSchema } from '../../shared/contract/appointment-admin';
import {
  SETTABLE_STATUSES, type Appointment, type AppointmentCalendar, type AppointmentPage, type AppointmentStatsSchema, type PaymentMethod,
} from '../../shared/contract/appointments';
import { canApplyAppointment, type AppointmentAction } from '../../shared/rules/appointment-rules';
import { AppError } from '../../shared/errors';
import { addDays, localDate, startOfLocalDate } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext } from '../context';
import { assertStarted, undoAppointmentStatus } from './appointment-undo';
import { toAppointment, toProvider, toServiceRoom, toTimeslot } from './appointment-view';
import type { AppointmentKit, Booker } from './appointment-kit';

type Out<S extends z.ZodType> = z.output<S>;

// eslint-disable-next-line max-lines-per-function -- the desk's appointment methods over one kit: each is short
export function appointmentDeskMethods(kit: AppointmentKit) {
  const { deps, db, zone, requireRow, view, publish, refuse, bookSlot, bookProvider, cancelRow, timeRange, page } = kit;
  return {
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

    async adminList(q: Out<typeof AdminAppointmentsQuerySchema>): Promise<AppointmentPage> {
      const r = timeRange(q.fromDate, q.toDate);
      return await page(
        { status: q.status, roomId: q.roomId, userId: q.userId, providerId: q.providerId, kind: q.kind, createdFromMs: r.fromMs, createdToMs: r.toMs },
        q.page,
        q.limit,
      );
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
        await publish(c, 'status_changed', a);
        return a;
      });
    },

    /** Undoes a completed or no-show mark (staff: today's; admins: any). */
    async undoStatus(id: number, ctx: CallContext): Promise<Appointment> {
      return await commit(deps, async (c) => {
        await undoAppointmentStatus(db, await requireRow(id), c.nowMs, zone(), ctx);
        const a = await view(id);
        await publish(c, 'status_changed', a);
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
        await publish(c, 'confirmed', a);
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

  };
}

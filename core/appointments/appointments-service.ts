/**
 * Appointments of both kinds (seeds 001 and 003): the service the handlers call, composed of three
 * parts — a guest's own bookings (here: booking, reading, cancelling with a refund, rescheduling), the
 * desk's (appointments-desk.ts) and the timed work (appointment-due.ts) — over the shared checks and
 * writes of appointment-kit.ts, where the one-transaction booking rule is explained.
 */
import type { z } from 'zod';
import { moveAppointment } from '../../db/queries/appointment-queries';
import type { MyAppointmentsQuerySchema } from '../../shared/contract/appointment-bookings';
import {
  type Appointment, type AppointmentCancelledSchema, type AppointmentPage, type RefundQuoteSchema, type SeedProviderBooking,
} from '../../shared/contract/appointments';
import { canApplyAppointment, refundAmount, refundPercent } from '../../shared/rules/appointment-rules';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { toAppointment } from './appointment-view';
import { BOOKING_CREATED_MESSAGE, createAppointmentKit, slotWallTime } from './appointment-kit';
import { appointmentDueMethods } from './appointment-due';
import { appointmentDeskMethods } from './appointments-desk';
import type { ProvidersService } from './providers-service';

type Out<S extends z.ZodType> = z.output<S>;

export { BOOKING_CREATED_MESSAGE, SLOT_TAKEN_MESSAGE } from './appointment-kit';

export function createAppointmentsService(deps: CoreDeps, settings: SettingsService, providers: ProvidersService) {
  const kit = createAppointmentKit(deps, settings, providers);
  const { db, zone, requireVisible, view, bookerOf, publish, mail, refuse, takeSeat, takeProviderTime, bookSlot, bookProvider, checkoutUrl, cancelRow, timeRange, page } = kit;
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

    async get(id: number, ctx: CallContext): Promise<Appointment> {
      return toAppointment(await requireVisible(id, ctx), zone());
    },

    async mine(q: Out<typeof MyAppointmentsQuerySchema>, ctx: CallContext): Promise<AppointmentPage> {
      const r = timeRange(q.from_date, q.to_date);
      // Anonymous callers never reach here (roles); a user id of null would match nothing.
      return await page({ userId: ctx.actor.userId ?? -1, status: q.status, startFromMs: r.fromMs, startToMs: r.toMs }, q.page, q.limit);
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
        await publish(c, 'rescheduled', a);
        await mail(c, 'reschedule', a);
        return { booking: a, message: 'Booking rescheduled successfully' };
      });
    },

    ...appointmentDeskMethods(kit),
    ...appointmentDueMethods(kit),
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

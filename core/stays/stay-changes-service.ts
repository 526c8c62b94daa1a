/**
 * Moving a stay to another room and changing its dates. Each re-checks availability in the same
 * transaction as the update, leaving the stay itself out of the check (it may overlap its old self).
 */
import type { z } from 'zod';
import { updateStayPlacement } from '../../db/queries/stay-queries';
import type { Stay, StayDatesSchema, StayMoveSchema } from '../../shared/contract/stays';
import { AppError } from '../../shared/errors';
import { applyAction, chosenPrice } from '../../shared/rules/stay-rules';
import type { CallContext } from '../context';
import { assertNobodyInRoom, assertRoomFree, requireBookableRoom } from './occupancy-guard';
import { assertNotInPast } from './past-guard';
import { commitStayChange, requireStayRecord, type StayServiceDeps } from './stay-commit';
import { resolveStayWindow } from './stay-window';

export type StayDatesInput = z.output<typeof StayDatesSchema>;
export type StayMoveInput = z.output<typeof StayMoveSchema>;

export interface StayChanges {
  move(input: StayMoveInput, ctx: CallContext): Promise<Stay>;
  changeDates(input: StayDatesInput, ctx: CallContext): Promise<Stay>;
}

/** What the audit row keeps of a stay before and after a move or new dates. */
function placementOf(s: { roomNumber: number; checkinDate: string; checkoutDate: string; nights: number; price: number }) {
  return { roomNumber: s.roomNumber, checkinDate: s.checkinDate, checkoutDate: s.checkoutDate, nights: s.nights, price: s.price };
}

export function createStayChanges(d: StayServiceDeps): StayChanges {
  const db = d.core.db;
  return {
    /**
     * Same period, another room; the stay takes the new room's category. The price follows the
     * user's choice: `keep` the agreed price, or `reprice` at nights × the new room's rate.
     */
    async move({ id, roomId, pricing = 'keep' }, ctx) {
      return await commitStayChange(d, 'moved', async (c) => {
        const nowMs = c.nowMs;
        const stay = await requireStayRecord(db, id);
        applyAction('move', stay.status);
        if (stay.roomId === roomId) throw new AppError('VALIDATION', `Stay ${id} is already in room ${stay.roomNumber}`, { reason: 'stays.alreadyInRoom', params: { id, room: stay.roomNumber } });
        const room = await requireBookableRoom(db, roomId, stay.guests);
        const period = { startMs: stay.checkinMs, endMs: stay.checkoutMs, startDate: stay.checkinDate, endDate: stay.checkoutDate };
        await assertRoomFree(db, room, period, d.settings.maxStayMs(), id);
        // A guest in house moves into a room nobody is in now: not beside a guest still checked in
        // there past their departure time (found by the stay-rules property, 2026-11-23).
        if (stay.status === 'checked_in') {
          await assertNobodyInRoom(db, room, { nowMs, untilMs: stay.checkoutMs, maxStayMs: d.settings.maxStayMs(), excludeStayId: id }, () => 'is there now');
        }
        const price = chosenPrice(stay.price, stay.nights, room.nightlyRate, pricing);
        await updateStayPlacement(db, id, { ...stay, roomId: room.id, category: room.category, price }, nowMs);
        await d.audit.record(ctx, {
          action: 'stays:move', entity: 'stays', entityId: id,
          detail: { id, roomId, pricing, before: placementOf(stay), after: placementOf({ ...stay, roomNumber: room.number, price }) },
        });
        return id;
      });
    },

    /**
     * Extend, shorten or shift. The price follows `pricing` (`reprice`: nights × the room's rate;
     * `keep`: as agreed) unless one is given by hand.
     * Worked example: 2026-05-01 → 05-04 extended to 05-06 in the same room checks only the new
     * nights against others, because the stay's own row is excluded from the check.
     */
    async changeDates(input, ctx) {
      const pricing = input.pricing ?? 'reprice';
      const w = resolveStayWindow(d.settings.get(), input.checkin, input.checkout);
      return await commitStayChange(d, 'dates_changed', async (c) => {
        const nowMs = c.nowMs;
        const stay = await requireStayRecord(db, input.id);
        applyAction('change_dates', stay.status);
        // A guest in house arrived when they arrived: only the departure can change, and the stay
        // keeps its arrival instant (moving it would let an early departure free nights another
        // stay holds, or put the guest "arriving tomorrow" while they sleep in the room).
        if (stay.status === 'checked_in') {
          if (w.checkin.date !== stay.checkinDate) {
            throw new AppError('VALIDATION', `Stay ${stay.id} is checked in: its arrival stays ${stay.checkinDate}, only the departure can change`, {
              reason: 'stays.arrivalFixedInHouse', params: { id: stay.id, date: stay.checkinDate },
            });
          }
          w.checkin = { ...w.checkin, ms: stay.checkinMs, iso: stay.checkin };
        }
        assertNotInPast(w.checkout, nowMs, ctx);
        const room = await requireBookableRoom(db, stay.roomId, stay.guests);
        const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
        await assertRoomFree(db, room, period, d.settings.maxStayMs(), stay.id);
        const price = input.price ?? chosenPrice(stay.price, w.nights, room.nightlyRate, pricing);
        await updateStayPlacement(
          db,
          stay.id,
          {
            roomId: room.id,
            category: stay.category,
            checkin: w.checkin.iso,
            checkout: w.checkout.iso,
            checkinMs: w.checkin.ms,
            checkoutMs: w.checkout.ms,
            nights: w.nights,
            price,
          },
          nowMs,
        );
        await d.audit.record(ctx, {
          action: 'stays:changeDates', entity: 'stays', entityId: stay.id,
          detail: {
            id: stay.id, checkin: input.checkin, checkout: input.checkout,
            pricing: input.price === undefined ? pricing : 'manual',
            before: placementOf(stay),
            after: placementOf({ roomNumber: stay.roomNumber, checkinDate: w.checkin.date, checkoutDate: w.checkout.date, nights: w.nights, price }),
          },
        });
        return stay.id;
      });
    },
  };
}

/**
 * Moving a stay to another room and changing its dates. Each re-checks availability in the same
 * transaction as the update, leaving the stay itself out of the check (it may overlap its old self).
 */
import type { z } from 'zod';
import { updateStayPlacement } from '../../db/queries/stay-queries';
import type { Stay, StayDatesSchema } from '../../shared/contract/schemas';
import { AppError } from '../../shared/errors';
import { applyAction, stayPrice } from '../../shared/rules/stay-rules';
import { assertRoomFree, requireBookableRoom } from './occupancy-guard';
import { commitStayChange, requireStayRecord, type StayServiceDeps } from './stay-commit';
import { resolveStayWindow } from './stay-window';

export type StayDatesInput = z.output<typeof StayDatesSchema>;

export interface StayChanges {
  move(id: number, roomId: number): Stay;
  changeDates(input: StayDatesInput): Stay;
}

export function createStayChanges(d: StayServiceDeps): StayChanges {
  const db = d.core.sqlite;
  return {
    /** Same period, another room; the stay takes the new room's category, its price stays as agreed. */
    move(id, roomId) {
      return commitStayChange(d, 'moved', (c) => {
        const nowMs = c.nowMs;
        const stay = requireStayRecord(db, id);
        applyAction('move', stay.status);
        if (stay.roomId === roomId) throw new AppError('VALIDATION', `Stay ${id} is already in room ${stay.roomNumber}`, { reason: 'stays.alreadyInRoom', params: { id, room: stay.roomNumber } });
        const room = requireBookableRoom(db, roomId, stay.guests);
        const period = { startMs: stay.checkinMs, endMs: stay.checkoutMs, startDate: stay.checkinDate, endDate: stay.checkoutDate };
        assertRoomFree(db, room, period, d.settings.maxStayMs(), id);
        updateStayPlacement(db, id, { ...stay, roomId: room.id, category: room.category }, nowMs);
        return id;
      });
    },

    /**
     * Extend, shorten or shift. The price is recomputed from the room's rate unless one is given.
     * Worked example: 2026-05-01 → 05-04 extended to 05-06 in the same room checks only the new
     * nights against others, because the stay's own row is excluded from the check.
     */
    changeDates(input) {
      const w = resolveStayWindow(d.settings.get(), input.checkin, input.checkout);
      return commitStayChange(d, 'dates_changed', (c) => {
        const nowMs = c.nowMs;
        const stay = requireStayRecord(db, input.id);
        applyAction('change_dates', stay.status);
        const room = requireBookableRoom(db, stay.roomId, stay.guests);
        const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
        assertRoomFree(db, room, period, d.settings.maxStayMs(), stay.id);
        updateStayPlacement(
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
            price: stayPrice(w.nights, room.nightlyRate, input.price),
          },
          nowMs,
        );
        return stay.id;
      });
    },
  };
}

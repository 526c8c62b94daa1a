/** Stays: booking, reading and listing. Moves, date changes and status changes live beside this file. */
import type { z } from 'zod';
import { insertStay, insertStayIfFree, listStayRecords, stayRecordOf, toStay, type StayRow } from '../../db/queries/stay-queries';
import type { Room } from '../../shared/contract/rooms';
import type { Stay, StayCreateSchema, StayListQuerySchema, StayPageSchema } from '../../shared/contract/stays';
import { stayPrice } from '../../shared/rules/stay-rules';
import type { CallContext } from '../context';
import { assertRoomFree, requireBookableRoom } from './occupancy-guard';
import { assertNotInPast } from './past-guard';
import { commitStayChange, requireStayRecord, type StayServiceDeps } from './stay-commit';
import { createStayChanges, type StayChanges } from './stay-changes-service';
import { createStayTransitions, type StayTransitions } from './stay-status-service';
import { localRangeMs, resolveStayWindow } from './stay-window';

export type StayCreateInput = z.output<typeof StayCreateSchema>;
export type StayListQuery = z.output<typeof StayListQuerySchema>;
export type StayPage = z.output<typeof StayPageSchema>;

export interface StaysService extends StayChanges, StayTransitions {
  /** `room`: the room, if the caller read it in the same write (seed 000 finds it by number), so it is not read twice. */
  create(input: StayCreateInput, ctx: CallContext, room?: Room): Promise<Stay>;
  get(id: number): Promise<Stay>;
  list(query: StayListQuery): Promise<StayPage>;
}

export function createStaysService(d: StayServiceDeps): StaysService {
  const db = d.core.db;
  return {
    /**
     * Books `[checkin, checkout)` if the room is free: the availability check and the insert share one
     * IMMEDIATE transaction, so of two overlapping requests exactly one wins and the other gets 409.
     */
    async create(input, ctx, known) {
      const settings = d.settings.get();
      const w = resolveStayWindow(settings, input.checkin, input.checkout);
      return await commitStayChange(d, 'created', async (c) => {
        const nowMs = c.nowMs;
        assertNotInPast(w.checkout, nowMs, ctx, input.lateEntry);
        // A late entry records a stay that took place: it is entered as checked out.
        const lateEntry = w.checkout.ms <= nowMs;
        const room = await requireBookableRoom(db, input.roomId, input.guests, known);
        const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
        const maxStayMs = d.settings.maxStayMs();
        const row: StayRow = {
          roomId: room.id,
          category: room.category,
          guestName: input.guestName,
          guestEmail: input.guestEmail ?? null,
          guestPhone: input.guestPhone || null,
          guests: input.guests,
          checkin: w.checkin.iso,
          checkout: w.checkout.iso,
          checkinMs: w.checkin.ms,
          checkoutMs: w.checkout.ms,
          nights: w.nights,
          status: lateEntry ? 'checked_out' : 'booked',
          price: stayPrice(w.nights, room.nightlyRate, input.price),
          notes: input.notes ?? '',
          createdBy: ctx.actor.username,
          // A LAN client's booking is its own; the desk's bookings belong to the hotel.
          ownerId: ctx.actor.role === 'client' ? ctx.actor.userId : null,
          createdAt: nowMs,
          updatedAt: nowMs,
        };
        // The availability check and the insert together (one statement on PostgreSQL).
        let id = await insertStayIfFree(db, row, maxStayMs);
        if (id === undefined) {
          // Something is in the way: the check says what, and refuses.
          await assertRoomFree(db, room, period, maxStayMs);
          // It was gone by then (a cancellation committed in between, on PostgreSQL): book as usual.
          id = await insertStay(db, row);
        }
        return stayRecordOf(id, row, room.number);
      });
    },

    async get(id) {
      return toStay(await requireStayRecord(db, id), d.settings.get().timeZone);
    },

    async list(query) {
      const zone = d.settings.get().timeZone;
      const { records, total } = await listStayRecords(db, {
        ...localRangeMs(zone, query.from, query.to),
        roomId: query.roomId,
        status: query.status,
        guest: query.guest,
        limit: query.limit,
        offset: query.offset,
        maxStayMs: d.settings.maxStayMs(),
      });
      return { items: records.map((r) => toStay(r, zone)), total };
    },

    ...createStayChanges(d),
    ...createStayTransitions(d),
  };
}

/**
 * Check-in, check-out, cancellation, no-show and their undo: legal transitions only (`applyAction`),
 * each guarded by the desk's rules (docs/stays-rules.md) and checked in the same IMMEDIATE
 * transaction as the write, with its billing message. Every change is recorded in
 * `stay_status_changes` with the end and price it replaced, so an undo can put them back.
 */
import { getRoom, setRoomHousekeeping } from '../../db/queries/room-queries';
import {
  insertStatusChange, latestStatusChange, markStatusChangeUndone, updateStayPeriod, updateStayStatus, type StayRecord,
} from '../../db/queries/stay-queries';
import type { DepartureQuote, Stay, StayWarning } from '../../shared/contract/stays';
import { AppError } from '../../shared/errors';
import { applyAction, departureQuote, earliestCheckIn, occupies, previousStatus, type StayAction, type StayStatus } from '../../shared/rules/stay-rules';
import { formatInstant, localDate, nightsBetween, startOfLocalDate } from '../../shared/time';
import type { CallContext } from '../context';
import type { Commit } from '../commit';
import { assertInOrder, assertNobodyInRoom, assertRoomFree, requireRoom } from './occupancy-guard';
import { commitStayChange, requireStayRecord, type StayEventAction, type StayServiceDeps } from './stay-commit';

export type CheckInResult = Stay & { warnings: StayWarning[] };

export interface StayTransitions {
  cancel(id: number, ctx?: CallContext): Promise<Stay>;
  /** Refused before the arrival day's window, after the departure, into an occupied or out-of-order room. */
  checkIn(id: number, ctx?: CallContext): Promise<CheckInResult>;
  /** Also marks the room dirty for housekeeping; before the departure date it ends the stay now. */
  checkOut(id: number, ctx?: CallContext): Promise<Stay>;
  /** From the arrival time on; ends the stay now, freeing its remaining nights. */
  noShow(id: number, ctx?: CallContext): Promise<Stay>;
  /** What a check-out or no-show would do now (nights freed, price under the hotel's rule). */
  departureQuote(id: number, action: 'check_out' | 'no_show'): Promise<DepartureQuote>;
  /** Back to the previous status (staff: changes made today; admins: any), re-checking the room. */
  undo(id: number, ctx: CallContext): Promise<Stay>;
}

const hhmm = (iso: string) => iso.slice(11, 16);

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over the stays' deps whose status methods are each short and share its guards
export function createStayTransitions(d: StayServiceDeps): StayTransitions {
  const db = d.core.db;
  const actorOf = (ctx?: CallContext) => ctx?.actor.username ?? 'system';

  /** Records the change (with the end and price it replaces) and writes the new status. */
  const record = async (stay: StayRecord, to: StayStatus, c: Commit, ctx?: CallContext) => {
    await insertStatusChange(db, {
      stayId: stay.id, fromStatus: stay.status, toStatus: to, atMs: c.nowMs, actor: actorOf(ctx),
      prevCheckin: stay.checkin, prevCheckinMs: stay.checkinMs, prevCheckout: stay.checkout, prevCheckoutMs: stay.checkoutMs, prevNights: stay.nights, prevPrice: stay.price,
    });
  };

  const simple = (id: number, action: StayAction, event: StayEventAction, ctx?: CallContext) =>
    commitStayChange(d, event, async (c) => {
      const stay = await requireStayRecord(db, id);
      const to = applyAction(action, stay.status);
      await record(stay, to, c, ctx);
      await updateStayStatus(db, id, to, c.nowMs);
      if (to === 'cancelled') await d.reactions.emit('stay.ended', { stayId: id, status: to }, c);
      return id;
    });

  /** A check-out or no-show: before the booked departure date the stay ends now and the rest is free. */
  const depart = async (stay: StayRecord, kind: 'check_out' | 'no_show', to: StayStatus, c: Commit, ctx?: CallContext) => {
    const settings = d.settings.get();
    const q = departureQuote(stay, kind, { ms: c.nowMs, date: localDate(c.nowMs, settings.timeZone) }, settings.departurePriceRule);
    const { startMs, endMs } = await departurePeriod(stay, c.nowMs);
    await record(stay, to, c, ctx);
    if (endMs === stay.checkoutMs && startMs === stay.checkinMs) {
      await updateStayStatus(db, stay.id, to, c.nowMs);
      return;
    }
    const checkin = startMs === stay.checkinMs ? stay.checkin : formatInstant(startMs, settings.timeZone);
    const checkout = formatInstant(endMs, settings.timeZone);
    await updateStayPeriod(
      db,
      stay.id,
      { status: to, checkin, checkinMs: startMs, checkout, checkoutMs: endMs, nights: nightsBetween(checkin.slice(0, 10), checkout.slice(0, 10)), price: q.price },
      c.nowMs,
    );
  };

  /**
   * When a departing stay held the room: until now, if before its booked end (on the departure day
   * too, so a guest who left at 09:00 does not hold the room until 12:00 for an early arrival). A
   * guest checked in early who leaves before the booked arrival time held it from the check-in to
   * now (at least a second), so every booked night is free again. The property test
   * (tests/core/stays/stay-status-service.property.test.ts) found the cases this covers.
   */
  const departurePeriod = async (stay: StayRecord, nowMs: number) => {
    const endMs = Math.min(nowMs, stay.checkoutMs);
    if (endMs > stay.checkinMs) return { startMs: stay.checkinMs, endMs };
    const startMs = Math.min((await latestStatusChange(db, stay.id))?.atMs ?? nowMs, nowMs);
    return { startMs, endMs: Math.max(nowMs, startMs + 1000) };
  };

  return {
    cancel: async (id, ctx) => await simple(id, 'cancel', 'cancelled', ctx),

    async checkIn(id, ctx) {
      const warnings: StayWarning[] = [];
      const stay = await commitStayChange(d, 'checked_in', async (c) => {
        const settings = d.settings.get();
        const s = await requireStayRecord(db, id);
        const to = applyAction('check_in', s.status);
        const earliest = earliestCheckIn(s.checkinMs, startOfLocalDate(s.checkinDate, settings.timeZone), settings.earlyCheckinMinutes);
        if (c.nowMs < earliest) {
          const from = hhmm(formatInstant(earliest, settings.timeZone));
          throw new AppError('ILLEGAL_TRANSITION', `Stay ${id} can be checked in from ${s.checkinDate} ${from}, its arrival day`, {
            reason: 'stays.checkInTooEarly',
            params: { id, date: s.checkinDate, time: from },
          });
        }
        if (c.nowMs >= s.checkoutMs) {
          throw new AppError('ILLEGAL_TRANSITION', `Stay ${id} ended on ${s.checkoutDate}; it can no longer be checked in`, {
            reason: 'stays.checkInAfterDeparture',
            params: { id, date: s.checkoutDate },
          });
        }
        const room = await requireRoom(db, s.roomId);
        assertInOrder(room);
        await assertNobodyInRoom(db, room, { nowMs: c.nowMs, untilMs: s.checkoutMs, maxStayMs: d.settings.maxStayMs(), excludeStayId: s.id }, (detail) =>
          detail === 'checked_in' ? 'is still checked in' : 'still holds the room');
        if (room.housekeeping === 'dirty') {
          warnings.push({
            reason: 'stays.roomNotClean',
            params: { room: room.number, housekeeping: room.housekeeping },
            message: `Room ${room.number} is not clean yet (${room.housekeeping})`,
          });
        }
        await record(s, to, c, ctx);
        if (c.nowMs < s.checkinMs) {
          // An early check-in: the guest holds the room from now, not from the booked arrival time.
          // Nothing else may hold it meanwhile (a block until noon, a booking that ends at noon), and
          // the stay starts now, so a move into the room or an early departure sees the guest there.
          // Undo puts the booked arrival back (the status change keeps it).
          await assertRoomFree(db, room, { startMs: c.nowMs, endMs: s.checkinMs, startDate: s.checkinDate, endDate: s.checkinDate }, d.settings.maxStayMs(), s.id);
          const checkin = formatInstant(c.nowMs, settings.timeZone);
          await updateStayPeriod(db, id, { status: to, checkin, checkinMs: c.nowMs, checkout: s.checkout, checkoutMs: s.checkoutMs, nights: s.nights, price: s.price }, c.nowMs);
        } else {
          await updateStayStatus(db, id, to, c.nowMs);
        }
        return id;
      });
      return { ...stay, warnings };
    },

    async checkOut(id, ctx) {
      return await commitStayChange(d, 'checked_out', async (c) => {
        const stay = await requireStayRecord(db, id);
        const to = applyAction('check_out', stay.status);
        await depart(stay, 'check_out', to, c, ctx);
        await setRoomHousekeeping(db, stay.roomId, 'dirty', c.nowMs);
        const room = await getRoom(db, stay.roomId);
        if (room) c.publish({ type: 'room.changed', room });
        await d.reactions.emit('stay.ended', { stayId: id, status: 'checked_out' }, c);
        return id;
      });
    },

    async noShow(id, ctx) {
      return await commitStayChange(d, 'no_show', async (c) => {
        const stay = await requireStayRecord(db, id);
        const to = applyAction('no_show', stay.status);
        if (c.nowMs <= stay.checkinMs) {
          const zone = d.settings.get().timeZone;
          throw new AppError('ILLEGAL_TRANSITION', `Stay ${id} can be marked a no-show from its arrival, ${stay.checkinDate} ${hhmm(stay.checkin)}`, {
            reason: 'stays.noShowTooEarly',
            params: { id, date: localDate(stay.checkinMs, zone), time: hhmm(stay.checkin) },
          });
        }
        await depart(stay, 'no_show', to, c, ctx);
        await d.reactions.emit('stay.ended', { stayId: id, status: 'no_show' }, c);
        return id;
      });
    },

    async departureQuote(id, action) {
      const settings = d.settings.get();
      const stay = await requireStayRecord(db, id);
      applyAction(action, stay.status);
      const nowMs = d.core.clock();
      const q = departureQuote(stay, action, { ms: nowMs, date: localDate(nowMs, settings.timeZone) }, settings.departurePriceRule);
      return {
        id, action, early: q.early,
        endsAt: formatInstant((await departurePeriod(stay, nowMs)).endMs, settings.timeZone),
        bookedNights: q.bookedNights, usedNights: q.usedNights, chargedNights: q.chargedNights,
        rule: settings.departurePriceRule, bookedPrice: q.bookedPrice, price: q.price,
      };
    },

    async undo(id, ctx) {
      return await commitStayChange(d, 'undone', async (c) => {
        const zone = d.settings.get().timeZone;
        const stay = await requireStayRecord(db, id);
        const back = previousStatus(stay.status);
        if (!back) {
          throw new AppError('ILLEGAL_TRANSITION', `Stay ${id} is ${stay.status.replace('_', ' ')}: there is no status change to undo`, {
            reason: 'stays.nothingToUndo',
            params: { id, status: stay.status },
          });
        }
        const found = await latestStatusChange(db, id);
        // A change from before this history began (or the demo's) undoes to the rule's previous status, end and price as they are.
        const change = found && found.toStatus === stay.status
          ? found
          : {
            id: 0, fromStatus: back, atMs: stay.updatedAt, prevCheckin: stay.checkin, prevCheckinMs: stay.checkinMs,
            prevCheckout: stay.checkout, prevCheckoutMs: stay.checkoutMs, prevNights: stay.nights, prevPrice: stay.price,
          };
        if (ctx.actor.role !== 'admin' && localDate(change.atMs, zone) !== localDate(c.nowMs, zone)) {
          const day = localDate(change.atMs, zone);
          throw new AppError('FORBIDDEN', `Only an admin can undo a change made before today (stay ${id} changed on ${day})`, {
            reason: 'stays.undoAdminOnly',
            params: { id, date: day },
          });
        }
        // Only a departure shortens a stay; an undone check-in or cancellation keeps any later date change.
        const restoresEnd = stay.status === 'checked_out' || stay.status === 'no_show';
        const end = restoresEnd
          ? {
            checkin: change.prevCheckin, checkinMs: change.prevCheckinMs, checkout: change.prevCheckout, checkoutMs: change.prevCheckoutMs,
            nights: change.prevNights, price: change.prevPrice,
          }
          : stay.status === 'checked_in'
            // An undone check-in gets its booked arrival back (an early check-in moved it to the moment of arrival).
            ? { checkin: change.prevCheckin, checkinMs: change.prevCheckinMs, checkout: stay.checkout, checkoutMs: stay.checkoutMs, nights: stay.nights, price: stay.price }
            : { checkin: stay.checkin, checkinMs: stay.checkinMs, checkout: stay.checkout, checkoutMs: stay.checkoutMs, nights: stay.nights, price: stay.price };
        const room = await requireRoom(db, stay.roomId);
        if (!occupies(stay.status) || end.checkoutMs > stay.checkoutMs || end.checkinMs < stay.checkinMs) {
          if (!occupies(stay.status)) {
            if (!room.active) throw new AppError('VALIDATION', `Room ${room.number} is not in use`, { reason: 'rooms.inactive', params: { room: room.number } });
            assertInOrder(room);
          }
          const period = { startMs: end.checkinMs, endMs: end.checkoutMs, startDate: end.checkin.slice(0, 10), endDate: end.checkout.slice(0, 10) };
          await assertRoomFree(db, room, period, d.settings.maxStayMs(), stay.id);
        }
        if (change.fromStatus === 'checked_in') {
          await assertNobodyInRoom(db, room, { nowMs: c.nowMs, untilMs: end.checkoutMs, maxStayMs: d.settings.maxStayMs(), excludeStayId: stay.id }, () => 'is checked in', true);
        }
        await updateStayPeriod(db, id, { status: change.fromStatus, ...end }, c.nowMs);
        if (change.id) await markStatusChangeUndone(db, change.id, c.nowMs);
        return id;
      });
    },
  };
}

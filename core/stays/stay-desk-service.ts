/**
 * The desk's own stay workflows (issue 10 items 6 and 7): the quote a move or new dates is asked
 * with (both prices, before the user chooses), a stay's guest details, and a returning guest's
 * profile. Changes go through the one commit helper, audited in the same transaction.
 */
import { guestProfileStayIds, normalPhone, stayRecordsByIds, updateStayGuest } from '../../db/queries/guest-queries';
import { toStay } from '../../db/queries/stay-queries';
import type { CommandOutput, ParsedInput } from '../../shared/contract/commands';
import type { Stay } from '../../shared/contract/stays';
import { AppError } from '../../shared/errors';
import { chosenPrice } from '../../shared/rules/stay-rules';
import { commit } from '../commit';
import type { CallContext } from '../context';
import { requireRoom } from './occupancy-guard';
import { stayToBroker } from './stay-broker';
import { requireStayRecord, type StayServiceDeps } from './stay-commit';
import { resolveStayWindow } from './stay-window';

export interface StayDeskService {
  quote(input: ParsedInput<'stays:quote'>): Promise<CommandOutput<'stays:quote'>>;
  updateGuest(input: ParsedInput<'stays:updateGuest'>, ctx: CallContext): Promise<Stay>;
  profile(input: ParsedInput<'guests:profile'>): Promise<CommandOutput<'guests:profile'>>;
}

const GUEST_FIELDS = ['guestName', 'guestEmail', 'guestPhone', 'guests', 'notes'] as const;

export function createStayDeskService(d: StayServiceDeps): StayDeskService {
  const db = d.core.db;
  return {
    async quote(input) {
      const stay = await requireStayRecord(db, input.id);
      const room = await requireRoom(db, input.roomId ?? stay.roomId);
      const settings = d.settings.get();
      const dates =
        input.checkin !== undefined || input.checkout !== undefined
          ? resolveStayWindow(settings, input.checkin ?? stay.checkinDate, input.checkout ?? stay.checkoutDate)
          : null;
      const nights = dates?.nights ?? stay.nights;
      const keepPrice = chosenPrice(stay.price, nights, room.nightlyRate, 'keep');
      const repricePrice = chosenPrice(stay.price, nights, room.nightlyRate, 'reprice');
      return {
        id: stay.id,
        current: {
          roomId: stay.roomId, roomNumber: stay.roomNumber, category: stay.category,
          checkinDate: stay.checkinDate, checkoutDate: stay.checkoutDate, nights: stay.nights, price: stay.price,
        },
        proposed: {
          roomId: room.id, roomNumber: room.number, category: room.category,
          checkinDate: dates?.checkin.date ?? stay.checkinDate, checkoutDate: dates?.checkout.date ?? stay.checkoutDate, nights,
          keepPrice, repricePrice, nightlyRate: room.nightlyRate,
        },
        differs: keepPrice !== repricePrice,
      };
    },

    /**
     * Only what is sent changes. The guest count is checked against the room's capacity inside the
     * transaction that writes it; a closed stay's details can still be corrected (a typo in a name).
     */
    async updateGuest(input, ctx) {
      const zone = d.settings.get().timeZone;
      return await commit(d.core, async (c) => {
        const stay = await requireStayRecord(db, input.id);
        const next = {
          guestName: input.guestName ?? stay.guestName,
          guestEmail: input.guestEmail === undefined ? stay.guestEmail : input.guestEmail || null,
          guestPhone: input.guestPhone === undefined ? stay.guestPhone : input.guestPhone || null,
          guests: input.guests ?? stay.guests,
          notes: input.notes ?? stay.notes,
        };
        if (next.guests !== stay.guests) {
          const room = await requireRoom(db, stay.roomId);
          if (room.capacity < next.guests) {
            throw new AppError('VALIDATION', `Room ${room.number} sleeps at most ${room.capacity} guest${room.capacity === 1 ? '' : 's'}`, {
              reason: 'rooms.overCapacity',
              params: { room: room.number, capacity: room.capacity, guests: next.guests },
            });
          }
        }
        const changes = Object.fromEntries(
          GUEST_FIELDS.filter((k) => next[k] !== stay[k]).map((k) => [k, { from: stay[k], to: next[k] }]),
        );
        if (Object.keys(changes).length === 0) return toStay(stay, zone);
        await updateStayGuest(db, stay.id, next, c.nowMs);
        await d.audit.record(ctx, { action: 'stays:updateGuest', entity: 'stays', entityId: stay.id, detail: { id: stay.id, changes } });
        const saved = toStay(await requireStayRecord(db, stay.id), zone);
        await stayToBroker(c, d.settings, 'guest_changed', saved);
        c.publish({ type: 'stay.changed', action: 'guest_changed', stay: saved });
        return saved;
      });
    },

    async profile(input) {
      const zone = d.settings.get().timeZone;
      const phone = input.phone !== undefined && normalPhone(input.phone) !== '' ? input.phone : undefined;
      if (input.email === undefined && phone === undefined) {
        throw new AppError('VALIDATION', 'Send an e-mail address or a phone number', { reason: 'guests.emailOrPhone' });
      }
      const ids = await guestProfileStayIds(db, input.email, phone);
      const records = await stayRecordsByIds(db, ids, input.limit);
      const newest = records[0];
      return {
        guestName: newest?.guestName ?? null,
        guestEmail: records.find((r) => r.guestEmail)?.guestEmail ?? null,
        guestPhone: records.find((r) => r.guestPhone)?.guestPhone ?? null,
        total: ids.length,
        stays: records.map((r) => toStay(r, zone)),
      };
    },
  };
}

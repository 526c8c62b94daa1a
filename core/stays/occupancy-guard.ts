/**
 * The checks a booking passes inside its transaction: the room can take the guests, and nothing
 * occupies it for the period. **Call only inside the IMMEDIATE transaction that then writes**, so
 * no other writer can slip in between the check and the write.
 */
import { getRoom } from '../../db/queries/room-queries';
import { getBlockRecord } from '../../db/queries/block-queries';
import { findOccupancyConflict, getStayRecord, type OccupancyConflict } from '../../db/queries/stay-queries';
import type { Sqlite } from '../../db/open-database';
import type { Room } from '../../shared/contract/schemas';
import { AppError, type Refusal } from '../../shared/errors';

export function requireRoom(db: Sqlite, roomId: number): Room {
  const room = getRoom(db, roomId);
  if (!room) throw new AppError('NOT_FOUND', `Room with id ${roomId} not found`, { reason: 'rooms.idNotFound', params: { roomId } });
  return room;
}

/** An active room with beds for `guests`. */
export function requireBookableRoom(db: Sqlite, roomId: number, guests: number): Room {
  const room = requireRoom(db, roomId);
  if (!room.active) throw new AppError('VALIDATION', `Room ${room.number} is not in use`, { reason: 'rooms.inactive', params: { room: room.number } });
  if (room.capacity < guests) {
    throw new AppError('VALIDATION', `Room ${room.number} sleeps at most ${room.capacity} guest${room.capacity === 1 ? '' : 's'}`, {
      reason: 'rooms.overCapacity',
      params: { room: room.number, capacity: room.capacity, guests },
    });
  }
  return room;
}

export interface Period {
  startMs: number;
  endMs: number;
  /** Hotel-local dates, for the message. */
  startDate: string;
  endDate: string;
}

/**
 * What is in the way, for the refusal's reason: the desk is told the stay (its id, guest and dates)
 * or the block (its dates and reason); anyone else only that the room is taken (`publicRefusal`).
 */
export function conflictRefusal(db: Sqlite, room: Room, period: Period, conflict: OccupancyConflict): Refusal {
  const base = { room: room.number, from: period.startDate, to: period.endDate };
  if (conflict.kind === 'stay') {
    const other = getStayRecord(db, conflict.id);
    if (other) {
      return {
        reason: 'stays.roomTakenByStay',
        params: { ...base, stayId: other.id, guest: other.guestName, stayFrom: other.checkinDate, stayTo: other.checkoutDate },
      };
    }
  } else {
    const block = getBlockRecord(db, conflict.id);
    if (block) {
      const params = { ...base, blockId: block.id, blockFrom: block.fromDate, blockTo: block.toDate };
      return block.reason.trim() === ''
        ? { reason: 'stays.roomBlocked', params }
        : { reason: 'stays.roomBlockedFor', params: { ...params, blockReason: block.reason } };
    }
  }
  return { reason: 'stays.roomUnavailable', params: base };
}

/** ROOM_UNAVAILABLE (409) when an occupying stay (other than `excludeStayId`) or a block overlaps; the refusal names it. */
export function assertRoomFree(db: Sqlite, room: Room, period: Period, maxStayMs: number, excludeStayId?: number): void {
  const conflict = findOccupancyConflict(db, room.id, period.startMs, period.endMs, maxStayMs, excludeStayId);
  if (conflict) {
    const refusal = conflictRefusal(db, room, period, conflict);
    throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is not available from ${period.startDate} to ${period.endDate}`, {
      ...refusal,
      publicRefusal: { reason: 'stays.roomUnavailable', params: { room: room.number, from: period.startDate, to: period.endDate } },
    });
  }
}

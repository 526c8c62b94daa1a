/**
 * The checks a booking passes inside its transaction: the room can take the guests, is not out of
 * order, and nothing occupies it for the period. **Call only inside the IMMEDIATE transaction that
 * then writes**, so no other writer can slip in between the check and the write.
 */
import { getRoom } from '../../db/queries/room-queries';
import { getBlockRecord } from '../../db/queries/block-queries';
import { findOccupancyConflict, findRoomOccupant, getStayRecord, type OccupancyConflict } from '../../db/queries/stay-queries';
import type { Db } from '../../db/database';
import type { Room } from '../../shared/contract/rooms';
import { AppError, type Refusal } from '../../shared/errors';

export async function requireRoom(db: Db, roomId: number): Promise<Room> {
  const room = await getRoom(db, roomId);
  if (!room) throw new AppError('NOT_FOUND', `Room with id ${roomId} not found`, { reason: 'rooms.idNotFound', params: { roomId } });
  return room;
}

/** ROOM_UNAVAILABLE when housekeeping has the room out of order: it is not sold until set back (docs/stays-rules.md). */
export function assertInOrder(room: Room): void {
  if (room.housekeeping === 'out_of_order') {
    throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is out of order`, { reason: 'stays.roomOutOfOrder', params: { room: room.number } });
  }
}

/** An active room, in order, with beds for `guests`. */
export async function requireBookableRoom(db: Db, roomId: number, guests: number): Promise<Room> {
  const room = await requireRoom(db, roomId);
  if (!room.active) throw new AppError('VALIDATION', `Room ${room.number} is not in use`, { reason: 'rooms.inactive', params: { room: room.number } });
  assertInOrder(room);
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
export async function conflictRefusal(db: Db, room: Room, period: Period, conflict: OccupancyConflict): Promise<Refusal> {
  const base = { room: room.number, from: period.startDate, to: period.endDate };
  if (conflict.kind === 'stay') {
    const other = await getStayRecord(db, conflict.id);
    if (other) {
      return {
        reason: 'stays.roomTakenByStay',
        params: { ...base, stayId: other.id, guest: other.guestName, stayFrom: other.checkinDate, stayTo: other.checkoutDate },
      };
    }
  } else {
    const block = await getBlockRecord(db, conflict.id);
    if (block) {
      const params = { ...base, blockId: block.id, blockFrom: block.fromDate, blockTo: block.toDate };
      // An out-of-order period (docs/stays-rules.md) says so.
      if (block.kind === 'out_of_order') return { reason: 'stays.roomOutOfOrderBlock', params: { ...params, blockReason: block.reason } };
      return block.reason.trim() === ''
        ? { reason: 'stays.roomBlocked', params }
        : { reason: 'stays.roomBlockedFor', params: { ...params, blockReason: block.reason } };
    }
  }
  return { reason: 'stays.roomUnavailable', params: base };
}

/** ROOM_UNAVAILABLE (409) when an occupying stay (other than `excludeStayId`) or a block overlaps; the refusal names it. */
export async function assertRoomFree(db: Db, room: Room, period: Period, maxStayMs: number, excludeStayId?: number, excludeBlockId?: number): Promise<void> {
  const conflict = await findOccupancyConflict(db, room.id, period.startMs, period.endMs, maxStayMs, excludeStayId, excludeBlockId);
  if (conflict) {
    const refusal = await conflictRefusal(db, room, period, conflict);
    throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is not available from ${period.startDate} to ${period.endDate}`, {
      ...refusal,
      publicRefusal: { reason: 'stays.roomUnavailable', params: { room: room.number, from: period.startDate, to: period.endDate } },
    });
  }
}

/**
 * Refuses when someone is in the room now: a guest checked in there (one past the departure time
 * too), or, unless `checkedInOnly`, a booking whose period runs now. Check-in, undo of a check-out
 * and moving a guest in house ask this; `how` finishes the message ("… is there now").
 */
export async function assertNobodyInRoom(
  db: Db,
  room: Room,
  window: { nowMs: number; untilMs: number; maxStayMs: number; excludeStayId: number },
  how: (detail: string) => string,
  checkedInOnly = false,
): Promise<void> {
  const occupant = await findRoomOccupant(db, room.id, window.nowMs, window.untilMs, window.maxStayMs, window.excludeStayId);
  if (!occupant || (checkedInOnly && occupant.detail !== 'checked_in')) return;
  throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is occupied: stay #${occupant.id} for ${occupant.label} ${how(occupant.detail)}`, {
    reason: 'stays.roomOccupied',
    params: { room: room.number, stayId: occupant.id, guest: occupant.label },
  });
}

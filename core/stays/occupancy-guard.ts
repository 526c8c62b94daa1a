/**
 * The checks a booking passes inside its transaction: the room can take the guests, is not out of
 * order, and nothing occupies it for the period. **Call only inside the IMMEDIATE transaction that
 * then writes**, so no other writer can slip in between the check and the write.
 */
import { getRoom } from '../../db/queries/room-queries';
import { describeConflict, findOccupancyConflict, type OccupancyConflictDetail } from '../../db/queries/stay-queries';
import type { Sqlite } from '../../db/open-database';
import type { Room } from '../../shared/contract/schemas';
import { AppError } from '../../shared/errors';

export function requireRoom(db: Sqlite, roomId: number): Room {
  const room = getRoom(db, roomId);
  if (!room) throw new AppError('NOT_FOUND', `Room with id ${roomId} not found`);
  return room;
}

/** ROOM_UNAVAILABLE when housekeeping has the room out of order: it is not sold until set back. */
export function assertInOrder(room: Room): void {
  if (room.housekeeping === 'out_of_order') {
    throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is out of order`, { reason: 'stays.roomOutOfOrder', params: { room: room.number } });
  }
}

/** An active room, in order, with beds for `guests`. */
export function requireBookableRoom(db: Sqlite, roomId: number, guests: number): Room {
  const room = requireRoom(db, roomId);
  if (!room.active) throw new AppError('VALIDATION', `Room ${room.number} is not in use`, { reason: 'stays.roomInactive', params: { room: room.number } });
  assertInOrder(room);
  if (room.capacity < guests) {
    throw new AppError('VALIDATION', `Room ${room.number} sleeps at most ${room.capacity} guest${room.capacity === 1 ? '' : 's'}`, {
      reason: 'stays.roomCapacity',
      params: { room: room.number, capacity: room.capacity },
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
 * The refusal for `conflict`, naming what is in the way: "Room 206 is not available from 2026-05-02
 * to 2026-05-04: stay #12 for Mette Hansen" or "…: blocked (New carpet)" / "…: out of order (…)".
 */
export function unavailable(room: Room, period: Period, conflict: OccupancyConflictDetail): AppError {
  const head = `Room ${room.number} is not available from ${period.startDate} to ${period.endDate}`;
  const base = { room: room.number, from: period.startDate, to: period.endDate };
  if (conflict.kind === 'stay') {
    return new AppError('ROOM_UNAVAILABLE', `${head}: stay #${conflict.id} for ${conflict.label}`, {
      reason: 'stays.roomTakenByStay',
      params: { ...base, stayId: conflict.id, guest: conflict.label },
    });
  }
  const what = conflict.detail === 'out_of_order' ? 'out of order' : 'blocked';
  return new AppError('ROOM_UNAVAILABLE', `${head}: ${what} (${conflict.label})`, {
    reason: conflict.detail === 'out_of_order' ? 'stays.roomOutOfOrderBlock' : 'stays.roomBlocked',
    params: { ...base, blockId: conflict.id, blockReason: conflict.label },
  });
}

/** ROOM_UNAVAILABLE (409) when an occupying stay (other than `excludeStayId`) or a block overlaps. */
export function assertRoomFree(db: Sqlite, room: Room, period: Period, maxStayMs: number, excludeStayId?: number, excludeBlockId?: number): void {
  const conflict = findOccupancyConflict(db, room.id, period.startMs, period.endMs, maxStayMs, excludeStayId, excludeBlockId);
  if (conflict) throw unavailable(room, period, describeConflict(db, conflict));
}

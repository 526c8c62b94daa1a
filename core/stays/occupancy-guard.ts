/**
 * The checks a booking passes inside its transaction: the room can take the guests, and nothing
 * occupies it for the period. **Call only inside the IMMEDIATE transaction that then writes**, so
 * no other writer can slip in between the check and the write.
 */
import { getRoom } from '../../db/queries/room-queries';
import { findOccupancyConflict } from '../../db/queries/stay-queries';
import type { Sqlite } from '../../db/open-database';
import type { Room } from '../../shared/contract/schemas';
import { AppError } from '../../shared/errors';

export function requireRoom(db: Sqlite, roomId: number): Room {
  const room = getRoom(db, roomId);
  if (!room) throw new AppError('NOT_FOUND', `Room with id ${roomId} not found`);
  return room;
}

/** An active room with beds for `guests`. */
export function requireBookableRoom(db: Sqlite, roomId: number, guests: number): Room {
  const room = requireRoom(db, roomId);
  if (!room.active) throw new AppError('VALIDATION', `Room ${room.number} is not in use`);
  if (room.capacity < guests) {
    throw new AppError('VALIDATION', `Room ${room.number} sleeps at most ${room.capacity} guest${room.capacity === 1 ? '' : 's'}`);
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

/** ROOM_UNAVAILABLE (409) when an occupying stay (other than `excludeStayId`) or a block overlaps. */
export function assertRoomFree(db: Sqlite, room: Room, period: Period, maxStayMs: number, excludeStayId?: number): void {
  if (findOccupancyConflict(db, room.id, period.startMs, period.endMs, maxStayMs, excludeStayId)) {
    throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is not available from ${period.startDate} to ${period.endDate}`);
  }
}

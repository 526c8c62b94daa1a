import { describe, expect, it } from 'vitest';
import { bookRange, dropDialog, resizeCheckoutDay } from '../../../renderer/src/board/board-drop';
import { boardDays } from '../../../renderer/src/board/board-layout';
import type { BoardStay } from '../../../shared/contract/board';

const geometry = { days: boardDays('2026-05-01', 14, '2026-05-01'), dayWidth: 40 };
const stay: BoardStay = { id: 7, roomId: 1, guestName: 'Mette', guests: 1, checkinDate: '2026-05-03', checkoutDate: '2026-05-05', status: 'booked' };

describe('board drag', () => {
  it('books the nights between the press and the pointer, either way', () => {
    expect(bookRange(2, 5)).toEqual({ first: 2, last: 5 });
    expect(bookRange(5, 2)).toEqual({ first: 2, last: 5 });
    expect(dropDialog({ kind: 'book', roomId: 3, first: 2, last: 4 }, geometry)).toEqual({ kind: 'booking', roomId: 3, checkin: '2026-05-03', checkout: '2026-05-06' });
  });

  it('puts the departure on the column whose middle is nearest, never before the night after arrival', () => {
    expect(resizeCheckoutDay(170, 40, 2, 14)).toBe(4);
    expect(resizeCheckoutDay(30, 40, 2, 14)).toBe(3);
    expect(resizeCheckoutDay(10_000, 40, 2, 14)).toBe(14);
  });

  it('opens the confirmation only when the drop changes the room or the departure', () => {
    expect(dropDialog({ kind: 'move', stay, toRoomId: 1 }, geometry)).toBeNull();
    expect(dropDialog({ kind: 'move', stay, toRoomId: 2 }, geometry)).toEqual({ kind: 'stayDrag', stayId: 7, roomId: 2 });
    expect(dropDialog({ kind: 'resize', stay, checkoutDay: 4 }, geometry)).toBeNull();
    expect(dropDialog({ kind: 'resize', stay, checkoutDay: 6 }, geometry)).toEqual({ kind: 'stayDrag', stayId: 7, checkin: '2026-05-03', checkout: '2026-05-07' });
  });
});

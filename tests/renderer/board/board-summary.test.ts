import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/contract/board';
import type { Room } from '../../../shared/contract/rooms';
import { boardSummary } from '../../../renderer/src/board/board-summary';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';

const room = (id: number, category: string): Room =>
  ({ id, number: 100 + id, category, capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean', active: true }) as Room;

function board(stays: { roomId: number; checkin: number; nights: number; status: (typeof STAY_STATUSES)[number] }[], blocks: Board['blocks'] = []) {
  return {
    from: '2026-05-01',
    to: '2026-05-05',
    rooms: [room(1, 'Double'), room(2, 'Double'), room(3, 'Single'), room(4, 'Double')],
    stays: {
      id: stays.map((_, i) => i + 1),
      roomId: stays.map((s) => s.roomId),
      guestName: stays.map(() => 'G'),
      guests: stays.map(() => 1),
      checkin: stays.map((s) => s.checkin),
      nights: stays.map((s) => s.nights),
      status: stays.map((s) => STAY_STATUSES.indexOf(s.status)),
    },
    blocks,
  };
}

describe('boardSummary', () => {
  it('counts free rooms per category and night, and occupancy of the sellable rooms', () => {
    const s = boardSummary(
      board(
        [
          { roomId: 1, checkin: -2, nights: 3, status: 'checked_in' }, // nights 0
          { roomId: 2, checkin: 0, nights: 2, status: 'booked' }, // nights 0, 1
          { roomId: 3, checkin: 1, nights: 10, status: 'booked' }, // nights 1..3
          { roomId: 4, checkin: 0, nights: 4, status: 'cancelled' }, // frees nothing
          { roomId: 4, checkin: 2, nights: 1, status: 'no_show' }, // holds nothing
        ],
        [{ id: 1, roomId: 4, fromDate: '2026-05-04', toDate: '2026-05-06', reason: 'Paint', kind: 'blocked' }],
      ),
    );
    expect(s.categories).toEqual([
      { category: 'Double', rooms: 3, free: [1, 2, 3, 2] },
      { category: 'Single', rooms: 1, free: [1, 0, 0, 0] },
    ]);
    // Night 0: 2 sold of 4; night 1: 2 of 4; night 2: 1 of 4; night 3: 1 of 3 (room 4 blocked).
    expect(s.occupancy).toEqual([50, 50, 25, 33]);
  });

  it('is all free and 0 % on an empty board', () => {
    const s = boardSummary(board([]));
    expect(s.categories.map((c) => c.free)).toEqual([[3, 3, 3, 3], [1, 1, 1, 1]]);
    expect(s.occupancy).toEqual([0, 0, 0, 0]);
  });
});

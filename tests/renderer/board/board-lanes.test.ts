import { describe, expect, it } from 'vitest';
import { boardStayList } from '../../../shared/contract/board-stays';
import type { Board, BoardBlock } from '../../../shared/contract/board';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { boardLanes } from '../../../renderer/src/board/board-lanes';
import { indexByRoom, occupantOfNight } from '../../../renderer/src/board/board-layout';

const status = (s: (typeof STAY_STATUSES)[number]) => STAY_STATUSES.indexOf(s);
const aBlock = (id: number, roomId: number, fromDate: string, toDate: string): BoardBlock => ({ id, roomId, fromDate, toDate, reason: 'Paint', kind: 'blocked' });

/** A board from 2026-05-01 with its stays as the wire sends them: columns, not in arrival order. */
const board: Pick<Board, 'from' | 'stays' | 'blocks'> = {
  from: '2026-05-01',
  stays: {
    id: [12, 11, 13, 14, 15, 16, 17],
    roomId: [1, 1, 1, 2, 2, 1, 1],
    guestName: ['Ida Holm', 'Bo Berg', 'Cancelled', 'No Show', 'Ane Lund', 'Same Day', 'Before'],
    guests: [2, 1, 1, 1, 3, 1, 1],
    // Day offsets from `from`: -2 is 2026-04-29, a stay that began before the board.
    checkin: [4, 0, 2, 0, 1, 4, -2],
    nights: [2, 2, 2, 3, 1, 1, 2],
    status: [status('booked'), status('checked_in'), status('cancelled'), status('no_show'), status('booked'), status('booked'), status('checked_out')],
  },
  blocks: [aBlock(9, 3, '2026-05-03', '2026-05-10'), aBlock(8, 3, '2026-05-01', '2026-05-02')],
};

describe('boardLanes', () => {
  it('makes the same lanes as decoding every stay and indexing them by room', () => {
    const expected = indexByRoom(boardStayList(board), board.blocks);
    const lanes = boardLanes(board);
    expect([...lanes.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [roomId, lane] of expected) {
      expect(lanes.get(roomId)!.stays).toEqual(lane.stays);
      expect(lanes.get(roomId)!.blocks).toEqual(lane.blocks);
    }
  });

  it('orders a lane by arrival, then id, and leaves cancelled stays off', () => {
    const lane = boardLanes(board).get(1)!;
    expect(lane.stays.map((s) => s.id)).toEqual([17, 11, 12, 16]);
    expect(lane.stays[0]).toEqual({ id: 17, roomId: 1, guestName: 'Before', guests: 1, checkinDate: '2026-04-29', checkoutDate: '2026-05-01', status: 'checked_out' });
    expect(boardLanes(board).get(3)!.blocks.map((b) => b.id)).toEqual([8, 9]);
    expect(boardLanes(board).get(4)).toBeUndefined();
  });

  it('reads a lane the way the board asks it: the night held, the no-show re-let', () => {
    const lanes = boardLanes(board);
    expect(occupantOfNight(lanes.get(1), '2026-05-01')).toMatchObject({ kind: 'stay', stay: { id: 11 } });
    expect(occupantOfNight(lanes.get(1), '2026-05-03')).toBeNull();
    expect(occupantOfNight(lanes.get(2), '2026-05-02')).toMatchObject({ kind: 'stay', stay: { id: 15 } });
    expect(occupantOfNight(lanes.get(2), '2026-05-03')).toBeNull();
    expect(occupantOfNight(lanes.get(3), '2026-05-05')).toMatchObject({ kind: 'block', block: { id: 9 } });
  });

  it('makes a lane’s stay objects once, when it is first read', () => {
    const lane = boardLanes(board).get(1)!;
    expect(lane.stays).toBe(lane.stays);
  });
});

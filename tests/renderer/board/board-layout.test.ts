import { describe, expect, it } from 'vitest';
import type { BoardBlock, BoardStay } from '../../../shared/contract/board';
import type { Room } from '../../../shared/contract/rooms';
import {
  barSpan, boardDays, noNightsSpan, noNightsStayOn, boardRows, dayAtOffset, dayWidthFor, drawnDays, guessGridHeight, guessGridWidth, GRID_FOCUS_BORDER, indexByRoom, MIN_DAY_WIDTH, moveCell, occupantOfNight, ROOM_LABEL_WIDTH,
} from '../../../renderer/src/board/board-layout';

const aRoom = (id: number, number: number, floor: number, category = 'Standard'): Room => ({
  id, number, floor, category, capacity: 2, nightlyRate: 100000, housekeeping: 'clean', active: true,
});
const aStay = (id: number, roomId: number, checkinDate: string, checkoutDate: string, status: BoardStay['status'] = 'booked'): BoardStay => ({
  id, roomId, guestName: `Guest ${id}`, guests: 1, checkinDate, checkoutDate, status,
});
const aBlock = (id: number, roomId: number, fromDate: string, toDate: string): BoardBlock => ({ id, roomId, fromDate, toDate, reason: 'Paint', kind: 'blocked' });

describe('boardDays', () => {
  it('lists the period with weekends, today and month starts marked', () => {
    const days = boardDays('2026-04-29', 5, '2026-05-01');
    expect(days.map((d) => d.date)).toEqual(['2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
    // 2026-05-02 is a Saturday, 2026-05-03 a Sunday.
    expect(days.map((d) => d.weekend)).toEqual([false, false, false, true, true]);
    expect(days.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-05-01']);
    expect(days.filter((d) => d.monthStart).map((d) => d.date)).toEqual(['2026-04-29', '2026-05-01']);
  });

  it('gives each month start the columns its month has in the period, so its name never runs into the next month’s', () => {
    const days = boardDays('2026-11-30', 34, '2026-11-30');
    expect(days.filter((d) => d.monthStart).map((d) => [d.date, d.monthDays])).toEqual([['2026-11-30', 1], ['2026-12-01', 31], ['2027-01-01', 2]]);
    expect(days.filter((d) => !d.monthStart).every((d) => d.monthDays === 0)).toBe(true);
  });

  it('crosses a DST change as plain calendar days', () => {
    const days = boardDays('2026-03-28', 3, '2000-01-01');
    expect(days.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});

describe('boardRows', () => {
  const rooms = [aRoom(1, 201, 2, 'Double'), aRoom(2, 101, 1, 'Single'), aRoom(3, 102, 1, 'Double'), aRoom(4, 103, 1, 'Single')];

  it('groups by floor, rooms in number order, with a header per floor', () => {
    const rows = boardRows(rooms, 'floor');
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.value}:${r.roomCount}]` : r.room.number))).toEqual(['[1:3]', 101, 102, 103, '[2:1]', 201]);
  });

  it('groups by category alphabetically', () => {
    const rows = boardRows(rooms, 'category');
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.value}]` : r.room.number))).toEqual(['[Double]', 102, 201, '[Single]', 101, 103]);
  });

  it('gives every row a distinct key', () => {
    const keys = boardRows(rooms, 'floor').map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('barSpan', () => {
  const from = '2026-05-01';

  it('starts mid-cell on arrival and ends mid-cell on departure', () => {
    expect(barSpan('2026-05-03', '2026-05-05', from, 14, 40)).toEqual({ left: 100, width: 80, clippedStart: false, clippedEnd: false });
  });

  it('lets a same-day turnover meet in the middle of the shared day', () => {
    const leaving = barSpan('2026-05-01', '2026-05-03', from, 14, 40)!;
    const arriving = barSpan('2026-05-03', '2026-05-04', from, 14, 40)!;
    expect(leaving.left + leaving.width).toBe(arriving.left);
  });

  it('clips a stay that began before the period', () => {
    expect(barSpan('2026-04-28', '2026-05-02', from, 14, 40)).toEqual({ left: 0, width: 60, clippedStart: true, clippedEnd: false });
  });

  it('clips a stay that ends after the period', () => {
    expect(barSpan('2026-05-07', '2026-05-20', from, 7, 40)).toEqual({ left: 260, width: 20, clippedStart: false, clippedEnd: true });
  });

  it('is null for a stay wholly outside the period', () => {
    expect(barSpan('2026-04-20', '2026-04-30', from, 7, 40)).toBeNull();
    expect(barSpan('2026-05-08', '2026-05-10', from, 7, 40)).toBeNull();
  });

  it('shows the half day of a departure on the first visible day', () => {
    expect(barSpan('2026-04-28', '2026-05-01', from, 7, 40)).toEqual({ left: 0, width: 20, clippedStart: true, clippedEnd: false });
  });
});

describe('noNightsStayOn', () => {
  it('finds the stay that arrived and left on the date, not one that holds its night', () => {
    const ended = aStay(1, 7, '2026-05-03', '2026-05-03', 'checked_out');
    const relet = aStay(2, 7, '2026-05-03', '2026-05-05');
    const lane = indexByRoom([relet, ended], []).get(7);
    expect(noNightsStayOn(lane, '2026-05-03')).toBe(ended);
    expect(noNightsStayOn(lane, '2026-05-04')).toBeUndefined();
    expect(noNightsStayOn(indexByRoom([relet], []).get(7), '2026-05-03')).toBeUndefined();
    expect(noNightsStayOn(undefined, '2026-05-03')).toBeUndefined();
  });
});

describe('noNightsSpan', () => {
  const from = '2026-05-01';

  it('puts a stay with no nights at the start of the right half of its arrival column', () => {
    expect(noNightsSpan('2026-05-03', from, 14, 40)).toEqual({ left: 100, width: 16, clippedStart: false, clippedEnd: false });
    // Never more than half the column.
    expect(noNightsSpan('2026-05-03', from, 14, 20)).toEqual({ left: 50, width: 10, clippedStart: false, clippedEnd: false });
    // Where the bar of a stay arriving that day begins: the marker shares the cell, not the night before.
    expect(noNightsSpan('2026-05-03', from, 14, 40)!.left).toBe(barSpan('2026-05-03', '2026-05-04', from, 14, 40)!.left);
  });

  it('is null when its day is outside the period', () => {
    expect(noNightsSpan('2026-04-30', from, 7, 40)).toBeNull();
    expect(noNightsSpan('2026-05-08', from, 7, 40)).toBeNull();
    expect(noNightsSpan('2026-05-07', from, 7, 40)).toEqual({ left: 260, width: 16, clippedStart: false, clippedEnd: false });
  });

  it('has no bar of its own: barSpan draws nothing for it, and its night is free', () => {
    expect(barSpan('2026-05-03', '2026-05-03', from, 14, 40)).toBeNull();
    const lane = indexByRoom([aStay(1, 1, '2026-05-03', '2026-05-03', 'checked_out')], []).get(1);
    expect(occupantOfNight(lane, '2026-05-03')).toBeNull();
  });
});

describe('dayWidthFor', () => {
  it('fills the width left of the room column', () => {
    expect(dayWidthFor(7, ROOM_LABEL_WIDTH + 700)).toBe(100);
  });

  it('never goes below the readable minimum (90 days scroll sideways)', () => {
    expect(dayWidthFor(90, 1200)).toBe(MIN_DAY_WIDTH);
  });
});

describe('guessGridHeight', () => {
  it('takes the desk’s chrome and the grid’s border off the window’s height (the benchmark’s 900 px window: a 700 px grid, 696 px inside its border)', () => {
    expect(guessGridHeight(900)).toBe(900 - 200 - 2 * GRID_FOCUS_BORDER);
    expect(guessGridHeight(900)).toBe(696);
  });

  it('is never negative in a tiny window', () => {
    expect(guessGridHeight(120)).toBe(0);
  });
});

describe('guessGridWidth', () => {
  it('takes the grid’s border off each side of the window’s width', () => {
    expect(guessGridWidth(1600)).toBe(1596);
    expect(guessGridWidth(3)).toBe(0);
  });
});

describe('dayAtOffset', () => {
  it('finds the day column under a point of a row, as a click on a night does', () => {
    expect(dayAtOffset(0, 40, 14)).toBe(0);
    expect(dayAtOffset(39.9, 40, 14)).toBe(0);
    expect(dayAtOffset(40, 40, 14)).toBe(1);
    expect(dayAtOffset(85, 40, 14)).toBe(2);
    expect(dayAtOffset(14 * 40 - 1, 40, 14)).toBe(13);
  });

  it('is null left of the first day and right of the last', () => {
    expect(dayAtOffset(-1, 40, 14)).toBeNull();
    expect(dayAtOffset(14 * 40, 40, 14)).toBeNull();
    expect(dayAtOffset(10, 0, 14)).toBeNull();
  });
});

describe('drawnDays', () => {
  it('draws the days in view widened to whole weeks, at the left edge and scrolled', () => {
    // 90 days of 34 px, 1444 px of days in view: columns 0–42 at the left edge.
    expect(drawnDays(0, 1444, 34, 90)).toEqual({ start: 0, end: 49 });
    // Scrolled 300 px: columns 8–51 in view.
    expect(drawnDays(300, 1444, 34, 90)).toEqual({ start: 7, end: 56 });
  });

  it('stays the same while scrolling inside a week, so rows are not re-rendered', () => {
    const at = (px: number) => drawnDays(px, 1444, 34, 90);
    expect(at(7 * 34)).toEqual(at(7 * 34 + 33));
    expect(at(7 * 34 + 100)).toEqual({ start: 7, end: 56 });
  });

  it('ends with the period, and holds every day of a period that fits the view', () => {
    expect(drawnDays(90 * 34 - 1444, 1444, 34, 90)).toEqual({ start: 42, end: 90 });
    expect(drawnDays(0, 1444, 103, 14)).toEqual({ start: 0, end: 14 });
  });

  it('draws at least a week before the width is known', () => {
    expect(drawnDays(0, 0, 34, 90)).toEqual({ start: 0, end: 7 });
  });
});

describe('indexByRoom and occupantOfNight', () => {
  const stays = [
    aStay(2, 1, '2026-05-05', '2026-05-07'),
    aStay(1, 1, '2026-05-01', '2026-05-03', 'checked_in'),
    aStay(3, 1, '2026-05-03', '2026-05-05', 'cancelled'),
    aStay(4, 2, '2026-05-01', '2026-05-04', 'no_show'),
    aStay(5, 2, '2026-05-02', '2026-05-03'),
  ];
  const lanes = indexByRoom(stays, [aBlock(9, 3, '2026-05-01', '2026-05-10')]);

  it('indexes stays by room in arrival order and leaves cancelled stays off the board', () => {
    expect(lanes.get(1)!.stays.map((s) => s.id)).toEqual([1, 2]);
    expect(lanes.get(3)!.blocks.map((b) => b.id)).toEqual([9]);
    expect(lanes.get(4)).toBeUndefined();
  });

  it('finds the stay holding a night; the departure night is free', () => {
    expect(occupantOfNight(lanes.get(1), '2026-05-02')).toMatchObject({ kind: 'stay', stay: { id: 1 } });
    expect(occupantOfNight(lanes.get(1), '2026-05-03')).toBeNull();
    expect(occupantOfNight(lanes.get(1), '2026-05-06')).toMatchObject({ kind: 'stay', stay: { id: 2 } });
    expect(occupantOfNight(lanes.get(1), '2026-05-07')).toBeNull();
  });

  it('lets a no-show night be re-let: the stay that holds the room wins, else the night is free', () => {
    expect(occupantOfNight(lanes.get(2), '2026-05-02')).toMatchObject({ kind: 'stay', stay: { id: 5 } });
    expect(occupantOfNight(lanes.get(2), '2026-05-03')).toBeNull();
  });

  it('reports a block on a blocked night', () => {
    expect(occupantOfNight(lanes.get(3), '2026-05-09')).toMatchObject({ kind: 'block', block: { id: 9 } });
    expect(occupantOfNight(lanes.get(3), '2026-05-10')).toBeNull();
  });
});

describe('moveCell', () => {
  const ids = [10, 20, 30];

  it('moves by one with the arrows and stays inside the grid', () => {
    expect(moveCell({ roomId: 20, day: 3 }, 'ArrowUp', ids, 7)).toEqual({ roomId: 10, day: 3 });
    expect(moveCell({ roomId: 20, day: 3 }, 'ArrowDown', ids, 7)).toEqual({ roomId: 30, day: 3 });
    expect(moveCell({ roomId: 10, day: 0 }, 'ArrowUp', ids, 7)).toEqual({ roomId: 10, day: 0 });
    expect(moveCell({ roomId: 10, day: 0 }, 'ArrowLeft', ids, 7)).toEqual({ roomId: 10, day: 0 });
    expect(moveCell({ roomId: 30, day: 6 }, 'ArrowRight', ids, 7)).toEqual({ roomId: 30, day: 6 });
  });

  it('jumps with PageDown, Home and End', () => {
    expect(moveCell({ roomId: 10, day: 3 }, 'PageDown', ids, 7)).toEqual({ roomId: 30, day: 3 });
    expect(moveCell({ roomId: 20, day: 3 }, 'Home', ids, 7)).toEqual({ roomId: 20, day: 0 });
    expect(moveCell({ roomId: 20, day: 3 }, 'End', ids, 7)).toEqual({ roomId: 20, day: 6 });
  });

  it('returns the very same cell for a key that does not move', () => {
    const cell = { roomId: 20, day: 3 };
    expect(moveCell(cell, 'a', ids, 7)).toBe(cell);
  });
});

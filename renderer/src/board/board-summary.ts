/**
 * The board's summary rows (issue 10 item 11): for each category, how many of its rooms are free
 * each night, and the hotel's occupancy each night. Pure and computed straight from the wire's stay
 * columns in one pass (a 300-room × 90-day board is ~27 000 room-nights: about a millisecond).
 *
 * A room-night is *taken* when a stay that holds the room (booked, checked in, checked out) or a
 * block covers it; *free* otherwise. Occupancy is the share of the sellable room-nights (rooms on the
 * board less blocked ones) that a stay holds. Worked example, 4 rooms, one blocked and two sold on a
 * night: free 1, occupancy 2 / 3 = 67 %.
 */
import type { Board } from '../../../shared/contract/board';
import { OCCUPYING_STATUSES, STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { nightsBetween } from '../../../shared/time';

export interface CategoryFree {
  category: string;
  rooms: number;
  /** Free rooms of the category, per board day. */
  free: number[];
}

export interface BoardSummary {
  categories: CategoryFree[];
  /** Whole percent of sellable rooms sold, per board day (0 when nothing is sellable). */
  occupancy: number[];
}

const HOLDS = STAY_STATUSES.map((s) => (OCCUPYING_STATUSES as readonly string[]).includes(s));
const SOLD = 1;
const BLOCKED = 2;

export function boardSummary(board: Pick<Board, 'from' | 'to' | 'rooms' | 'stays' | 'blocks'>): BoardSummary {
  const days = nightsBetween(board.from, board.to);
  const roomIndex = new Map<number, number>();
  board.rooms.forEach((r, i) => roomIndex.set(r.id, i));
  const cells = new Uint8Array(board.rooms.length * days);
  const mark = (room: number | undefined, first: number, end: number, what: number) => {
    if (room === undefined) return;
    const base = room * days;
    for (let d = Math.max(0, first); d < Math.min(days, end); d++) cells[base + d]! |= what;
  };
  const c = board.stays;
  for (let i = 0; i < c.id.length; i++) {
    if (!HOLDS[c.status[i]!]) continue;
    mark(roomIndex.get(c.roomId[i]!), c.checkin[i]!, c.checkin[i]! + c.nights[i]!, SOLD);
  }
  for (const b of board.blocks) {
    mark(roomIndex.get(b.roomId), nightsBetween(board.from, b.fromDate), nightsBetween(board.from, b.toDate), BLOCKED);
  }

  const byCategory = new Map<string, CategoryFree>();
  const sold = new Array<number>(days).fill(0);
  const sellable = new Array<number>(days).fill(0);
  board.rooms.forEach((room, r) => {
    let cat = byCategory.get(room.category);
    if (!cat) {
      cat = { category: room.category, rooms: 0, free: new Array<number>(days).fill(0) };
      byCategory.set(room.category, cat);
    }
    cat.rooms++;
    const base = r * days;
    for (let d = 0; d < days; d++) {
      const cell = cells[base + d]!;
      if (cell === 0) cat.free[d]!++;
      if (!(cell & BLOCKED)) sellable[d]!++;
      if (cell & SOLD) sold[d]!++;
    }
  });
  return {
    categories: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)),
    occupancy: sold.map((n, d) => (sellable[d]! > 0 ? Math.round((100 * Math.min(n, sellable[d]!)) / sellable[d]!) : 0)),
  };
}

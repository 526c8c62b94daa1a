/**
 * The board's lanes (stays and blocks by room) built straight from the wire's stay columns
 * (`BoardStays`: parallel arrays, see shared/contract/board-stays.ts). A 90-day board of 300 rooms
 * holds ~19 000 stays, but its first screen draws some 25 rooms: so a lane keeps only the indices of
 * its stays, and makes them into objects (dates as text, the status by name) the first time its row
 * or a click asks. Building every lane is then one pass over two number arrays.
 */
import type { Board, BoardBlock, BoardStay } from '../../../shared/contract/board';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { addDays } from '../../../shared/time';
import type { RoomLane } from './board-layout';

const CANCELLED = STAY_STATUSES.indexOf('cancelled');

/** The board's stay columns, read into objects on demand; each date's text is made once. */
class StayColumns {
  private readonly dates = new Map<number, string>();

  constructor(private readonly board: Pick<Board, 'from' | 'stays'>) {}

  private date(offset: number): string {
    let d = this.dates.get(offset);
    if (d === undefined) {
      d = addDays(this.board.from, offset);
      this.dates.set(offset, d);
    }
    return d;
  }

  /** The stays at `indices`, in arrival order (then by id, as indexByRoom sorts). */
  stays(indices: readonly number[]): BoardStay[] {
    const c = this.board.stays;
    const sorted = [...indices].sort((a, b) => c.checkin[a]! - c.checkin[b]! || c.id[a]! - c.id[b]!);
    return sorted.map((i) => ({
      id: c.id[i]!,
      roomId: c.roomId[i]!,
      guestName: c.guestName[i]!,
      guests: c.guests[i]!,
      checkinDate: this.date(c.checkin[i]!),
      checkoutDate: this.date(c.checkin[i]! + c.nights[i]!),
      status: STAY_STATUSES[c.status[i]!]!,
    }));
  }
}

class ColumnLane implements RoomLane {
  readonly indices: number[] = [];
  readonly blocks: BoardBlock[] = [];
  private list: BoardStay[] | null = null;

  constructor(private readonly columns: StayColumns) {}

  get stays(): BoardStay[] {
    this.list ??= this.columns.stays(this.indices);
    return this.list;
  }
}

/**
 * Stays and blocks by room id, as `indexByRoom` makes them from stay objects: each list in arrival
 * order, cancelled stays left off, and no lane for a room without either.
 */
export function boardLanes(board: Pick<Board, 'from' | 'stays' | 'blocks'>): Map<number, RoomLane> {
  const columns = new StayColumns(board);
  const lanes = new Map<number, ColumnLane>();
  const lane = (roomId: number) => {
    let l = lanes.get(roomId);
    if (!l) {
      l = new ColumnLane(columns);
      lanes.set(roomId, l);
    }
    return l;
  };
  const { roomId, status } = board.stays;
  for (let i = 0; i < roomId.length; i++) if (status[i] !== CANCELLED) lane(roomId[i]!).indices.push(i);
  for (const b of board.blocks) lane(b.roomId).blocks.push(b);
  for (const l of lanes.values()) l.blocks.sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1));
  return lanes;
}

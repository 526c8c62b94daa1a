/**
 * The board's compact stay columns (`BoardStaysSchema`) read back as one object per stay. Apart from
 * the board's contract (board.ts, zod) so the renderer's first bundle decodes the board without loading zod.
 */
import { STAY_STATUSES } from '../rules/stay-rules';
import { addDays } from '../time';
import type { Board, BoardStay } from './board';

/** The board's stays as one object each, in wire order. */
export function boardStayList(board: Pick<Board, 'from' | 'stays'>): BoardStay[] {
  const c = board.stays;
  const out: BoardStay[] = new Array<BoardStay>(c.id.length);
  // One date string per distinct offset, not per stay: a 90-day board has ~100 distinct dates.
  const dates = new Map<number, string>();
  const date = (offset: number) => {
    let d = dates.get(offset);
    if (d === undefined) {
      d = addDays(board.from, offset);
      dates.set(offset, d);
    }
    return d;
  };
  for (let i = 0; i < out.length; i++) {
    const checkin = c.checkin[i]!;
    out[i] = {
      id: c.id[i]!,
      roomId: c.roomId[i]!,
      guestName: c.guestName[i]!,
      guests: c.guests[i]!,
      checkinDate: date(checkin),
      checkoutDate: date(checkin + c.nights[i]!),
      status: STAY_STATUSES[c.status[i]!]!,
    };
  }
  return out;
}

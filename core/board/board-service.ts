/**
 * The front-desk board: active rooms × `days` days from `from` (default the hotel's today), with the
 * stays and blocks in that window and today's arrivals / departures / in-house counts. **Hot path**:
 * stay rows come as arrays (`db.tuples`) and go out as the compact columns of `BoardStaysSchema`
 * (one pass, no parsing).
 */
import type { z } from 'zod';
import { boardBlocks, boardStays, dayCounts, type BoardStayRow } from '../../db/queries/board-queries';
import { listRooms } from '../../db/queries/room-queries';
import type { Board, BoardQuerySchema, BoardStays } from '../../shared/contract/board';
import { STAY_STATUSES, type StayStatus } from '../../shared/rules/stay-rules';
import { addDays, localDate, nightsBetween, startOfLocalDate } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';

export type BoardQuery = z.output<typeof BoardQuerySchema>;

export interface BoardService {
  get(query: BoardQuery): Promise<Board>;
}

export function createBoardService(core: CoreDeps, settings: SettingsService): BoardService {
  const db = core.db;
  return {
    async get(query) {
      const zone = settings.get().timeZone;
      const maxStayMs = settings.maxStayMs();
      const today = localDate(core.clock(), zone);
      const { days } = query;
      const from = query.from ?? today;
      const to = addDays(from, days);
      const startMs = startOfLocalDate(from, zone);
      const endMs = startOfLocalDate(to, zone);

      // Asked together: on PostgreSQL four connections of the pool answer at once (on SQLite the
      // read holds the one connection and they run in turn, as before).
      const [allRooms, stayRows, blockRows, counts] = await Promise.all([
        listRooms(db, true),
        boardStays(db, startMs, endMs, maxStayMs),
        boardBlocks(db, startMs, endMs),
        dayCounts(db, startOfLocalDate(today, zone), startOfLocalDate(addDays(today, 1), zone)),
      ]);
      const rooms = allRooms.filter((r) => r.active);
      let stays = stayRows;
      let blocks = blockRows;
      if (rooms.length < allRooms.length) {
        // Rare: a room out of use keeps its history, but the board shows only rooms in use.
        const shown = new Set(rooms.map((r) => r.id));
        stays = stays.filter((s) => shown.has(s[ROOM_ID]));
        blocks = blocks.filter((b) => shown.has(b.roomId));
      }
      return { from, to, today, rooms, stays: toColumns(stays, from), blocks, counts };
    },
  };
}

const [ID, ROOM_ID, GUEST_NAME, GUESTS, CHECKIN_DATE, CHECKOUT_DATE, STATUS] = [0, 1, 2, 3, 4, 5, 6] as const;
const STATUS_INDEX = Object.fromEntries(STAY_STATUSES.map((s, i) => [s, i])) as Record<StayStatus, number>;

/**
 * Lays the rows out as `BoardStaysSchema`'s columns. A window of 90 days sees a few hundred distinct
 * dates among ~19 000 stays, so each date's day offset is worked out once and looked up after.
 */
function toColumns(rows: readonly BoardStayRow[], from: string): BoardStays {
  const offsets = new Map<string, number>();
  const offset = (date: string) => {
    let o = offsets.get(date);
    if (o === undefined) {
      o = nightsBetween(from, date);
      offsets.set(date, o);
    }
    return o;
  };
  const n = rows.length;
  const c: BoardStays = {
    id: new Array<number>(n),
    roomId: new Array<number>(n),
    guestName: new Array<string>(n),
    guests: new Array<number>(n),
    checkin: new Array<number>(n),
    nights: new Array<number>(n),
    status: new Array<number>(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const checkin = offset(r[CHECKIN_DATE]);
    c.id[i] = r[ID];
    c.roomId[i] = r[ROOM_ID];
    c.guestName[i] = r[GUEST_NAME];
    c.guests[i] = r[GUESTS];
    c.checkin[i] = checkin;
    c.nights[i] = offset(r[CHECKOUT_DATE]) - checkin;
    c.status[i] = STATUS_INDEX[r[STATUS]];
  }
  return c;
}

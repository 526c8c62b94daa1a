/**
 * The front-desk board: active rooms × `days` days from `from` (default the hotel's today), with the
 * stays and blocks in that window and today's arrivals / departures / in-house counts. **Hot path**:
 * the stays come as columns (db/queries/board-queries.ts) and go out as the compact columns of
 * `BoardStaysSchema`: ids, rooms, names, guests and status indexes as they came, dates mapped in one pass.
 */
import type { z } from 'zod';
import { BOARD_TABLES, boardBlocks, boardStays, dayCounts, type BoardStayColumns } from '../../db/queries/board-queries';
import { listRooms } from '../../db/queries/room-queries';
import type { Board, BoardQuerySchema, BoardStays } from '../../shared/contract/board';
import { addDays, localDate, nightsBetween, startOfLocalDate } from '../../shared/time';
import type { CoreDeps } from '../context';
import { createReadMemo } from '../read-memo';
import type { SettingsService } from '../settings/settings-service';

export type BoardQuery = z.output<typeof BoardQuerySchema>;

export interface BoardService {
  get(query: BoardQuery): Promise<Board>;
}

export function createBoardService(core: CoreDeps, settings: SettingsService): BoardService {
  const db = core.db;
  // Every desk asks for the same window after each change: the first builds it, the rest are
  // answered with it while the tables it reads stand (core/read-memo.ts; SQLite only, as the token is).
  const memo = createReadMemo<Board>(db, { tables: BOARD_TABLES });
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

      // Everything besides the data that the board depends on.
      const key = `${from}|${days}|${today}|${zone}|${maxStayMs}`;
      return memo.read(key, async () => {
        // Asked together: on PostgreSQL four connections of the pool answer at once (on SQLite the
        // read holds the one connection and they run in turn, as before).
        const [allRooms, stayColumns, blockRows, counts] = await Promise.all([
          listRooms(db, true),
          boardStays(db, startMs, endMs, maxStayMs),
          boardBlocks(db, startMs, endMs),
          dayCounts(db, startOfLocalDate(today, zone), startOfLocalDate(addDays(today, 1), zone)),
        ]);
        const rooms = allRooms.filter((r) => r.active);
        let stays = stayColumns;
        let blocks = blockRows;
        if (rooms.length < allRooms.length) {
          // Rare: a room out of use keeps its history, but the board shows only rooms in use.
          const shown = new Set(rooms.map((r) => r.id));
          stays = pick(stays, (i) => shown.has(stays.roomId[i]!));
          blocks = blocks.filter((b) => shown.has(b.roomId));
        }
        return { from, to, today, rooms, stays: toColumns(stays, from), blocks, counts };
      });
    },
  };
}

/** The stays at the positions `keep` accepts, every column alike. */
function pick(c: BoardStayColumns, keep: (i: number) => boolean): BoardStayColumns {
  const at = c.id.map((_, i) => i).filter(keep);
  const keys = Object.keys(c) as (keyof BoardStayColumns)[];
  return Object.fromEntries(keys.map((k) => [k, at.map((i) => c[k][i])])) as unknown as BoardStayColumns;
}

/**
 * Lays the stays out as `BoardStaysSchema`'s columns. A window of 90 days sees a few hundred distinct
 * dates among ~19 000 stays, so each date's day offset is worked out once and looked up after.
 */
function toColumns(c: BoardStayColumns, from: string): BoardStays {
  const offsets = new Map<string, number>();
  const offset = (date: string) => {
    let o = offsets.get(date);
    if (o === undefined) {
      o = nightsBetween(from, date);
      offsets.set(date, o);
    }
    return o;
  };
  const n = c.id.length;
  const checkin = new Array<number>(n);
  const nights = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const ci = offset(c.checkinDate[i]!);
    checkin[i] = ci;
    nights[i] = offset(c.checkoutDate[i]!) - ci;
  }
  return { id: c.id, roomId: c.roomId, guestName: c.guestName, guests: c.guests, checkin, nights, status: c.status };
}

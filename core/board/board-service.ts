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
import { addDays, dayNumber, localDate, parseDate, startOfLocalDate } from '../../shared/time';
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
        // Asked together: on PostgreSQL connections of the pool answer at once, the stays' parts
        // too (boardStays); on SQLite the read holds the one connection and they run in turn.
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
 * Lays the stays out as `BoardStaysSchema`'s columns: a stay's day offset is its check-in's day number
 * less `from`'s, its nights its check-out's less its check-in's (shared/time's `nightsBetween`, on
 * day numbers the query already gave). The two day-number columns are this build's own, fresh from
 * the query, and become `checkin` and `nights` in place: no new arrays for ~19 000 stays.
 */
function toColumns(c: BoardStayColumns, from: string): BoardStays {
  const fromDay = dayNumber(parseDate(from));
  const checkin = c.checkinDay;
  const nights = c.checkoutDay;
  for (let i = 0; i < checkin.length; i++) {
    const day = checkin[i]!;
    nights[i] = nights[i]! - day;
    checkin[i] = day - fromDay;
  }
  return { id: c.id, roomId: c.roomId, guestName: c.guestName, guests: c.guests, checkin, nights, status: c.status };
}

/**
 * The front-desk board: active rooms × `days` days from `from` (default the hotel's today), with the
 * stays and blocks in that window and today's arrivals / departures / in-house counts. **Hot path**:
 * rows pass through as the queries shape them.
 */
import type { z } from 'zod';
import { boardBlocks, boardStays, dayCounts } from '../../db/queries/board-queries';
import { listRooms } from '../../db/queries/room-queries';
import type { Board, BoardQuerySchema } from '../../shared/contract/schemas';
import { addDays, localDate, startOfLocalDate } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from './settings-service';

export type BoardQuery = z.output<typeof BoardQuerySchema>;

export interface BoardService {
  get(query: BoardQuery): Board;
}

export function createBoardService(core: CoreDeps, settings: SettingsService): BoardService {
  const db = core.sqlite;
  return {
    get(query) {
      const zone = settings.get().timeZone;
      const maxStayMs = settings.maxStayMs();
      const today = localDate(core.clock(), zone);
      const { days } = query;
      const from = query.from ?? today;
      const to = addDays(from, days);
      const startMs = startOfLocalDate(from, zone);
      const endMs = startOfLocalDate(to, zone);

      const allRooms = listRooms(db, true);
      const rooms = allRooms.filter((r) => r.active);
      let stays = boardStays(db, startMs, endMs, maxStayMs);
      let blocks = boardBlocks(db, startMs, endMs);
      if (rooms.length < allRooms.length) {
        // Rare: a room out of use keeps its history, but the board shows only rooms in use.
        const shown = new Set(rooms.map((r) => r.id));
        stays = stays.filter((s) => shown.has(s.roomId));
        blocks = blocks.filter((b) => shown.has(b.roomId));
      }
      const counts = dayCounts(db, startOfLocalDate(today, zone), startOfLocalDate(addDays(today, 1), zone), maxStayMs);
      return { from, to, today, rooms, stays, blocks, counts };
    },
  };
}

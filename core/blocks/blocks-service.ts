/** Room blocks (maintenance, out of order): they occupy a room like a stay and are checked the same way. */
import type { z } from 'zod';
import { deleteBlock, getBlockRecord, insertBlock, listBlockRecords, type BlockRecord } from '../../db/queries/block-queries';
import type { Block, BlockCreateSchema } from '../../shared/contract/schemas';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import type { CallContext, CoreDeps } from '../context';
import { assertRoomFree, requireRoom } from '../stays/occupancy-guard';
import type { SettingsService } from '../settings/settings-service';
import { localRangeMs, resolveBlockWindow } from '../stays/stay-window';

export type BlockCreateInput = z.output<typeof BlockCreateSchema>;

export interface BlocksService {
  list(from: string, to: string): Block[];
  create(input: BlockCreateInput, ctx: CallContext): Block;
  remove(id: number): { id: number };
}

export function createBlocksService(core: CoreDeps, settings: SettingsService): BlocksService {
  const db = core.sqlite;
  const toBlock = (r: BlockRecord): Block => ({ ...r, createdAt: formatInstant(r.createdAt, settings.get().timeZone) });

  return {
    list(from, to) {
      const { fromMs, toMs } = localRangeMs(settings.get().timeZone, from, to);
      return listBlockRecords(db, fromMs!, toMs!).map(toBlock);
    },

    /** Refused (409) when a stay or another block holds the room for any part of the period. */
    create(input, ctx) {
      const w = resolveBlockWindow(settings.get(), input.from, input.to);
      return commit(core, (c) => {
          const room = requireRoom(db, input.roomId);
          const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
          assertRoomFree(db, room, period, settings.maxStayMs());
          const id = insertBlock(db, {
            roomId: room.id,
            startsAt: w.checkin.iso,
            endsAt: w.checkout.iso,
            startsMs: w.checkin.ms,
            endsMs: w.checkout.ms,
            reason: input.reason,
            createdBy: ctx.actor.username,
            createdAt: c.nowMs,
          });
          const block = toBlock(getBlockRecord(db, id)!);
          c.publish({ type: 'block.changed', action: 'created', block });
          return block;
      });
    },

    remove(id) {
      return commit(core, (c) => {
        const found = getBlockRecord(db, id);
        if (!found) throw new AppError('NOT_FOUND', `Block ${id} not found`, { reason: 'blocks.notFound', params: { id } });
        deleteBlock(db, id);
        c.publish({ type: 'block.changed', action: 'removed', block: toBlock(found) });
        return { id };
      });
    },
  };
}

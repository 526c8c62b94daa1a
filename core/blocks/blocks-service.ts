/**
 * Room blocks (maintenance, out of order): they occupy a room like a stay and are checked the same
 * way. Created, changed and removed from the board; a change is re-checked like a new block.
 */
import type { z } from 'zod';
import { deleteBlock, getBlockRecord, insertBlock, listBlockRecords, updateBlock, type BlockRecord } from '../../db/queries/block-queries';
import type { Block, BlockCreateSchema, BlockUpdateSchema } from '../../shared/contract/blocks';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import type { BlockKind } from '../../shared/rules/stay-rules';
import { formatInstant } from '../../shared/time';
import type { CallContext, CoreDeps } from '../context';
import { assertRoomFree, requireRoom } from '../stays/occupancy-guard';
import type { SettingsService } from '../settings/settings-service';
import { localRangeMs, resolveBlockWindow } from '../stays/stay-window';

/** `kind` defaults to `blocked`. */
export type BlockCreateInput = Omit<z.output<typeof BlockCreateSchema>, 'kind'> & { kind?: BlockKind };
export type BlockUpdateInput = z.output<typeof BlockUpdateSchema>;

export interface BlocksService {
  list(from: string, to: string): Promise<Block[]>;
  create(input: BlockCreateInput, ctx: CallContext): Promise<Block>;
  update(input: BlockUpdateInput): Promise<Block>;
  remove(id: number): Promise<{ id: number }>;
}

export function createBlocksService(core: CoreDeps, settings: SettingsService): BlocksService {
  const db = core.db;
  const toBlock = (r: BlockRecord): Block => ({ ...r, createdAt: formatInstant(r.createdAt, settings.get().timeZone) });
  const requireBlock = async (id: number) => {
    const found = await getBlockRecord(db, id);
    if (!found) throw new AppError('NOT_FOUND', `Block ${id} not found`, { reason: 'blocks.notFound', params: { id } });
    return found;
  };

  return {
    async list(from, to) {
      const { fromMs, toMs } = localRangeMs(settings.get().timeZone, from, to);
      return (await listBlockRecords(db, fromMs!, toMs!)).map(toBlock);
    },

    /** Refused (409) when a stay or another block holds the room for any part of the period. */
    async create(input, ctx) {
      const w = resolveBlockWindow(settings.get(), input.from, input.to);
      return await commit(core, async (c) => {
        const room = await requireRoom(db, input.roomId);
        const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
        await assertRoomFree(db, room, period, settings.maxStayMs());
        const id = await insertBlock(db, {
          roomId: room.id,
          startsAt: w.checkin.iso,
          endsAt: w.checkout.iso,
          startsMs: w.checkin.ms,
          endsMs: w.checkout.ms,
          reason: input.reason,
          kind: input.kind ?? 'blocked',
          createdBy: ctx.actor.username,
          createdAt: c.nowMs,
        });
        const block = toBlock((await getBlockRecord(db, id))!);
        c.publish({ type: 'block.changed', action: 'created', block });
        return block;
      });
    },

    /** Another room, period, reason or kind; the block itself is left out of the check. */
    async update(input) {
      return await commit(core, async (c) => {
        const found = await requireBlock(input.id);
        const w = resolveBlockWindow(settings.get(), input.from ?? found.from, input.to ?? found.to);
        const room = await requireRoom(db, input.roomId ?? found.roomId);
        const period = { startMs: w.checkin.ms, endMs: w.checkout.ms, startDate: w.checkin.date, endDate: w.checkout.date };
        await assertRoomFree(db, room, period, settings.maxStayMs(), undefined, found.id);
        await updateBlock(db, found.id, {
          roomId: room.id,
          startsAt: w.checkin.iso,
          endsAt: w.checkout.iso,
          startsMs: w.checkin.ms,
          endsMs: w.checkout.ms,
          reason: input.reason ?? found.reason,
          kind: input.kind ?? found.kind,
        });
        const block = toBlock((await getBlockRecord(db, found.id))!);
        c.publish({ type: 'block.changed', action: 'changed', block });
        return block;
      });
    },

    async remove(id) {
      return await commit(core, async (c) => {
        const found = await requireBlock(id);
        await deleteBlock(db, id);
        c.publish({ type: 'block.changed', action: 'removed', block: toBlock(found) });
        return { id };
      });
    },
  };
}

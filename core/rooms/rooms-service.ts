/** Guest rooms: the admin's list, housekeeping at the desk, and which rooms are free for a period. */
import type { z } from 'zod';
import { listFutureStaysOfRoom } from '../../db/queries/stay-queries';
import { getRoomByNumber, insertRoom, listFreeRooms, listRooms, updateRoom, type RoomWrite } from '../../db/queries/room-queries';
import type { FreeRoomsQuerySchema, Housekeeping, Room, RoomCreateSchema, RoomUpdateSchema } from '../../shared/contract/rooms';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../context';
import { requireRoom } from '../stays/occupancy-guard';
import type { SettingsService } from '../settings/settings-service';
import { resolveStayWindow } from '../stays/stay-window';

export type RoomCreateInput = z.output<typeof RoomCreateSchema>;
export type RoomUpdateInput = z.output<typeof RoomUpdateSchema>;
export type FreeRoomsQuery = z.output<typeof FreeRoomsQuerySchema>;

export interface RoomsService {
  list(includeInactive: boolean): Promise<Room[]>;
  create(input: RoomCreateInput): Promise<Room>;
  update(input: RoomUpdateInput): Promise<Room>;
  /** Out of use: no new bookings; its stays and history remain. */
  deactivate(id: number): Promise<Room>;
  setHousekeeping(id: number, housekeeping: Housekeeping): Promise<Room>;
  /** Active rooms free for the whole period with beds for `guests`, optionally of one category (any case). */
  free(query: FreeRoomsQuery): Promise<Room[]>;
}

export function createRoomsService(core: CoreDeps, settings: SettingsService): RoomsService {
  const db = core.db;

  /** Writes the room `build` returns (it runs inside the transaction), keeping numbers unique. */
  const save = async (id: number | undefined, build: () => RoomWrite | Promise<RoomWrite>): Promise<Room> => {
    return await commit(core, async (c) => {
      const room = await build();
      const holder = await getRoomByNumber(db, room.number);
      if (holder && holder.id !== id) throw new AppError('CONFLICT', `Room ${room.number} already exists`, { reason: 'rooms.numberTaken', params: { room: room.number } });
      if (id === undefined) id = await insertRoom(db, room, c.nowMs);
      else await updateRoom(db, id, room, c.nowMs);
      const saved = await requireRoom(db, id);
      c.publish({ type: 'room.changed', room: saved });
      return saved;
    });
  };

  /**
   * A room taken out of use must have no stay left to honour: refused (409) with the list of its
   * booked and in-house stays until the desk has moved them (docs/stays-rules.md).
   */
  const assertNoFutureStays = async (room: Room, nowMs: number) => {
    const left = await listFutureStaysOfRoom(db, room.id, nowMs);
    if (left.length === 0) return;
    const shown = left.slice(0, 20).map((s) => `#${s.id} ${s.guestName} (${s.checkinDate} → ${s.checkoutDate})`);
    const more = left.length > shown.length ? `, and ${left.length - shown.length} more` : '';
    throw new AppError(
      'CONFLICT',
      `Room ${room.number} still has ${left.length} stay${left.length === 1 ? '' : 's'} to honour; move ${left.length === 1 ? 'it' : 'them'} first: ${shown.join(', ')}${more}`,
      { reason: 'stays.roomHasStays', params: { room: room.number, count: left.length, stays: shown.join(', ') + more } },
    );
  };

  const change = async (id: number, patch: Partial<RoomWrite>): Promise<Room> =>
    await save(id, async () => {
      const { id: _id, ...current } = await requireRoom(db, id);
      if (patch.active === false && current.active) await assertNoFutureStays({ id, ...current }, core.clock());
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return { ...current, ...given };
    });

  return {
    list: async (includeInactive) => await listRooms(db, includeInactive),
    create: async (input) => await save(undefined, () => ({ ...input, active: true })),
    update: async ({ id, ...patch }) => await change(id, patch),
    deactivate: async (id) => await change(id, { active: false }),
    setHousekeeping: async (id, housekeeping) => await change(id, { housekeeping }),
    async free(query) {
      const w = resolveStayWindow(settings.get(), query.checkin, query.checkout);
      const rooms = await listFreeRooms(db, w.checkin.ms, w.checkout.ms, query.guests ?? 1);
      const category = query.category?.trim().toLowerCase();
      return category ? rooms.filter((r) => r.category.toLowerCase() === category) : rooms;
    },
  };
}

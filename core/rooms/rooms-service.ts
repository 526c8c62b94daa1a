/** Guest rooms: the admin's list, housekeeping at the desk, and which rooms are free for a period. */
import type { z } from 'zod';
import { getRoomByNumber, insertRoom, listFreeRooms, listRooms, updateRoom, type RoomWrite } from '../../db/queries/room-queries';
import type { FreeRoomsQuerySchema, Housekeeping, Room, RoomCreateSchema, RoomUpdateSchema } from '../../shared/contract/schemas';
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
  list(includeInactive: boolean): Room[];
  create(input: RoomCreateInput): Room;
  update(input: RoomUpdateInput): Room;
  /** Out of use: no new bookings; its stays and history remain. */
  deactivate(id: number): Room;
  setHousekeeping(id: number, housekeeping: Housekeeping): Room;
  /** Active rooms free for the whole period with beds for `guests`, optionally of one category (any case). */
  free(query: FreeRoomsQuery): Room[];
}

export function createRoomsService(core: CoreDeps, settings: SettingsService): RoomsService {
  const db = core.sqlite;

  /** Writes the room `build` returns (it runs inside the transaction), keeping numbers unique. */
  const save = (id: number | undefined, build: () => RoomWrite): Room => {
    return commit(core, (c) => {
      const room = build();
      const holder = getRoomByNumber(db, room.number);
      if (holder && holder.id !== id) throw new AppError('CONFLICT', `Room ${room.number} already exists`, { reason: 'rooms.numberTaken', params: { room: room.number } });
      if (id === undefined) id = insertRoom(db, room, c.nowMs);
      else updateRoom(db, id, room, c.nowMs);
      const saved = requireRoom(db, id);
      c.publish({ type: 'room.changed', room: saved });
      return saved;
    });
  };

  const change = (id: number, patch: Partial<RoomWrite>): Room =>
    save(id, () => {
      const { id: _id, ...current } = requireRoom(db, id);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return { ...current, ...given };
    });

  return {
    list: (includeInactive) => listRooms(db, includeInactive),
    create: (input) => save(undefined, () => ({ ...input, active: true })),
    update: ({ id, ...patch }) => change(id, patch),
    deactivate: (id) => change(id, { active: false }),
    setHousekeeping: (id, housekeeping) => change(id, { housekeeping }),
    free(query) {
      const w = resolveStayWindow(settings.get(), query.checkin, query.checkout);
      const rooms = listFreeRooms(db, w.checkin.ms, w.checkout.ms, settings.maxStayMs(), query.guests ?? 1);
      const category = query.category?.trim().toLowerCase();
      return category ? rooms.filter((r) => r.category.toLowerCase() === category) : rooms;
    },
  };
}

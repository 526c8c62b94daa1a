/**
 * The core: services over one database, the typed handler map, and `call`, the dispatcher IPC and
 * REST both go through (reads at once, writes group-committed by the write batcher).
 * Handlers are synchronous and a line or two each; the rules live in the services.
 */
import packageJson from '../package.json' with { type: 'json' };
import { sqliteVersion } from '../db/open-database';
import type { Settings } from '../shared/contract/schemas';
import { createDispatcher, type Dispatch } from './command-dispatcher';
import type { CoreDeps, Handlers } from './context';
import { createBlocksService } from './services/blocks-service';
import { createBoardService } from './services/board-service';
import { createOutboxService } from './services/outbox-service';
import { createRoomsService } from './services/rooms-service';
import { createSeedBookingsService } from './services/seed-bookings-service';
import { createSettingsService } from './services/settings-service';
import { createStaysService } from './services/stays-service';
import { createWriteBatcher, type WriteBatcher } from './write-batcher';

export interface Core {
  deps: CoreDeps;
  /** Synchronous, each write in its own transaction: for tests, start-up seeding and benchmarks. */
  handlers: Handlers;
  /** What the adapters call: `handlers` behind the write batcher. */
  call: Dispatch;
  writes: WriteBatcher;
  settings: { get(): Settings };
}

export interface CoreOptions {
  /** Written over the stored settings at start-up (the host's environment, a test's time zone). */
  settings?: Partial<Settings>;
}

export function createCore(deps: CoreDeps, options: CoreOptions = {}): Core {
  const settings = createSettingsService(deps, options.settings);
  const rooms = createRoomsService(deps, settings);
  const stays = createStaysService({ core: deps, settings });
  const blocks = createBlocksService(deps, settings);
  const board = createBoardService(deps, settings);
  const seedBookings = createSeedBookingsService(deps, settings, stays);
  const outbox = createOutboxService(deps, settings);
  const health = { status: 'ok' as const, version: packageJson.version, sqlite: sqliteVersion(deps.sqlite) };

  const handlers: Handlers = {
    'health:get': () => health,

    'bookings:list': (input) => seedBookings.list(input),
    'bookings:create': (input, ctx) => seedBookings.create(input, ctx),

    'rooms:list': (input) => rooms.list(input.includeInactive ?? false),
    'rooms:free': (input) => rooms.free(input),
    'rooms:create': (input) => rooms.create(input),
    'rooms:update': (input) => rooms.update(input),
    'rooms:deactivate': (input) => rooms.deactivate(input.id),
    'rooms:setHousekeeping': (input) => rooms.setHousekeeping(input.id, input.housekeeping),

    'stays:list': (input) => stays.list(input),
    'stays:get': (input) => stays.get(input.id),
    'stays:create': (input, ctx) => stays.create(input, ctx),
    'stays:move': (input) => stays.move(input.id, input.roomId),
    'stays:changeDates': (input) => stays.changeDates(input),
    'stays:cancel': (input) => stays.cancel(input.id),
    'stays:checkIn': (input) => stays.checkIn(input.id),
    'stays:checkOut': (input) => stays.checkOut(input.id),
    'stays:noShow': (input) => stays.noShow(input.id),

    'blocks:list': (input) => blocks.list(input.from, input.to),
    'blocks:create': (input, ctx) => blocks.create(input, ctx),
    'blocks:remove': (input) => blocks.remove(input.id),

    'board:get': (input) => board.get(input),

    'settings:get': () => settings.get(),
    'settings:update': (input) => settings.update(input),

    'outbox:status': () => outbox.status(),
    'outbox:retry': (input) => outbox.retry(input.id),
  };

  const writes = createWriteBatcher({ sqlite: deps.sqlite, events: deps.events });
  return { deps, handlers, call: createDispatcher(handlers, writes), writes, settings };
}

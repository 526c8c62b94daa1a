/**
 * The core's services, built once over one database, in the order they depend on each other.
 * **Registry: a new domain adds its service(s) here** (one line each), and its handlers in
 * core/handler-registry.ts.
 */
import packageJson from '../package.json' with { type: 'json' };
import { sqliteVersion } from '../db/open-database';
import type { Settings } from '../shared/contract/settings';
import { createAuditService } from './auth/audit-service';
import { createAuthService, type ThrottlePolicy } from './auth/auth-service';
import type { AuditService, AuthService, UsersService } from './auth/auth-types';
import { createUsersService } from './auth/users-service';
import { createBlocksService, type BlocksService } from './blocks/blocks-service';
import { createBoardService, type BoardService } from './board/board-service';
import type { CoreDeps } from './context';
import { createOutboxService, type OutboxService } from './outbox/outbox-service';
import { createRoomsService, type RoomsService } from './rooms/rooms-service';
import { createNetworkService, type NetworkService } from './settings/network-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createSeedBookingsService, type SeedBookingsService } from './stays/seed-bookings-service';
import { createStaysService, type StaysService } from './stays/stays-service';

export interface CoreOptions {
  /** Written over the stored settings at start-up (the host's environment, a test's time zone). */
  settings?: Partial<Settings>;
  throttle?: ThrottlePolicy;
}

export interface CoreServices {
  deps: CoreDeps;
  health: { status: 'ok'; version: string; sqlite: string };
  settings: SettingsService;
  audit: AuditService;
  auth: AuthService;
  users: UsersService;
  network: NetworkService;
  outbox: OutboxService;
  rooms: RoomsService;
  stays: StaysService;
  seedBookings: SeedBookingsService;
  blocks: BlocksService;
  board: BoardService;
}

export function createServices(deps: CoreDeps, options: CoreOptions = {}): CoreServices {
  const settings = createSettingsService(deps, options.settings);
  const audit = createAuditService(deps, settings);
  const auth = createAuthService(deps, settings, audit, options.throttle ? { throttle: options.throttle } : {});
  const stays = createStaysService({ core: deps, settings });
  return {
    deps,
    health: { status: 'ok', version: packageJson.version, sqlite: sqliteVersion(deps.sqlite) },
    settings,
    audit,
    auth,
    users: createUsersService(deps, settings, audit),
    network: createNetworkService(settings, () => auth.defaultPasswordPending()),
    outbox: createOutboxService(deps, settings),
    rooms: createRoomsService(deps, settings),
    stays,
    seedBookings: createSeedBookingsService(deps, settings, stays),
    blocks: createBlocksService(deps, settings),
    board: createBoardService(deps, settings),
  };
}

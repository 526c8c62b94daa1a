/**
 * The core: services over one database, the typed handler map, and `call`, the dispatcher IPC and
 * REST both go through (authorized first, then reads at once and writes group-committed by the
 * write batcher, each with its audit row). `contextFor` turns a bearer token into a caller for
 * every adapter (REST, WebSocket, IPC). Handlers are a line or two each; the rules live in the
 * services.
 */
import packageJson from '../package.json' with { type: 'json' };
import { sqliteVersion } from '../db/open-database';
import type { CommandName } from '../shared/contract/commands';
import type { NetworkStatus } from '../shared/contract/auth-schemas';
import type { Settings } from '../shared/contract/schemas';
import { AppError } from '../shared/errors';
import { createAuditService } from './auth/audit-service';
import { createAuthService, type ThrottlePolicy } from './auth/auth-service';
import type { AuditService, AuthService, UsersService } from './auth/auth-types';
import { authorize } from './auth/authorize';
import { createUsersService } from './auth/users-service';
import { createDispatcher, type Dispatch, type DispatchGuard } from './command-dispatcher';
import { anonymousContext, type CallContext, type CoreDeps, type HandledCommandName, type Handlers } from './context';
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
  /** Synchronous (but for ASYNC_COMMANDS), unguarded, unaudited: for tests, seeding and benchmarks. */
  handlers: Handlers;
  /** What the adapters call: authorized, then `handlers` behind the write batcher, audited. */
  call: Dispatch;
  writes: WriteBatcher;
  settings: { get(): Settings };
  auth: AuthService;
  users: UsersService;
  audit: AuditService;
  /** The authorization and audit `call` applies (for adapters that stream, such as the CSV routes). */
  guard: DispatchGuard;
  /** Throws 401 / 403 when the caller may not run the command. */
  authorize(name: CommandName, ctx: CallContext): void;
  /** The caller behind a bearer token (401 if it is bad, expired or revoked); anonymous for none. */
  contextFor(token: string | null, meta: { via: CallContext['via']; address?: string }): CallContext;
  /** Where the host listens; set by the host (nothing listens for a bare core). */
  setNetworkStatus(provider: () => Omit<NetworkStatus, 'blockedReason'>): void;
}

export interface CoreOptions {
  /** Written over the stored settings at start-up (the host's environment, a test's time zone). */
  settings?: Partial<Settings>;
  throttle?: ThrottlePolicy;
}

/** Writes whose services write their own audit rows (with what only they know). */
const SELF_AUDITED: ReadonlySet<HandledCommandName> = new Set<HandledCommandName>(['auth:logout', 'users:update']);

export const LAN_BLOCKED_MESSAGE = 'Change the default admin password before switching the LAN API on';

/** `stays:checkIn` → `stays`; what the audit log calls the record type. */
function entityOf(name: string): string {
  return name.slice(0, name.indexOf(':'));
}

function idOf(value: unknown): number | string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

export function createCore(deps: CoreDeps, options: CoreOptions = {}): Core {
  const settings = createSettingsService(deps, options.settings);
  const rooms = createRoomsService(deps, settings);
  const stays = createStaysService({ core: deps, settings });
  const blocks = createBlocksService(deps, settings);
  const board = createBoardService(deps, settings);
  const seedBookings = createSeedBookingsService(deps, settings, stays);
  const outbox = createOutboxService(deps, settings);
  const audit = createAuditService(deps, settings);
  const auth = createAuthService(deps, settings, audit, options.throttle ? { throttle: options.throttle } : {});
  const users = createUsersService(deps, settings, audit);
  const health = { status: 'ok' as const, version: packageJson.version, sqlite: sqliteVersion(deps.sqlite) };
  let network: () => Omit<NetworkStatus, 'blockedReason'> = () => ({ lanEnabled: settings.get().lanEnabled, listening: null, urls: [], error: null });

  const handlers: Handlers = {
    'health:get': () => health,

    'auth:login': (input, ctx) => auth.login(input, ctx),
    'auth:logout': (_input, ctx) => auth.logout(ctx),
    'auth:me': (_input, ctx) => auth.me(ctx),
    'auth:changePassword': (input, ctx) => auth.changePassword(input, ctx),
    'users:seedList': () => users.seedList(),
    'users:seedCreate': (input, ctx) => users.seedCreate(input, ctx),
    'users:list': () => users.list(),
    'users:create': (input, ctx) => users.create(input, ctx),
    'users:update': (input, ctx) => users.update(input, ctx),
    'users:resetPassword': (input, ctx) => users.resetPassword(input, ctx),
    'audit:list': (input) => audit.list(input),
    'network:status': () => ({ ...network(), blockedReason: auth.defaultPasswordPending() ? LAN_BLOCKED_MESSAGE : null }),

    'bookings:list': (input, ctx) => seedBookings.list(input, ctx),
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
    'settings:update': (input) => {
      // The LAN API opens only once nobody can sign in with the well-known default password.
      if (input.lanEnabled && !settings.get().lanEnabled && auth.defaultPasswordPending()) throw new AppError('CONFLICT', LAN_BLOCKED_MESSAGE);
      return settings.update(input);
    },

    'outbox:status': () => outbox.status(),
    'outbox:retry': (input) => outbox.retry(input.id),
  };

  const guard: DispatchGuard = {
    authorize: (name, ctx) => authorize(name, ctx, settings.get()),
    audit: (name: HandledCommandName, input, output, ctx) => {
      if (SELF_AUDITED.has(name)) return;
      audit.record(ctx, { action: name, entity: entityOf(name), entityId: idOf(output) ?? idOf(input), detail: input });
    },
  };
  const writes = createWriteBatcher({ sqlite: deps.sqlite, events: deps.events });
  return {
    deps,
    handlers,
    call: createDispatcher({ handlers, writes, guard, sqlite: deps.sqlite }),
    writes,
    settings,
    auth,
    users,
    audit,
    guard,
    authorize: guard.authorize,
    contextFor: (token, meta) => (token === null ? anonymousContext(meta.via, meta.address) : auth.contextForToken(token, meta)),
    setNetworkStatus: (provider) => {
      network = provider;
    },
  };
}

/**
 * The core's services, built once over one database, in the order they depend on each other.
 * **Registry: a new domain adds its service(s) here** (an import and one line each), and its handlers
 * in core/handler-registry.ts. `CoreServices` is what `createServices` returns: no second list of fields.
 */
import packageJson from '../../package.json' with { type: 'json' };
import type { Settings } from '../../shared/contract/settings';
import { createAppointmentsService } from '../appointments/appointments-service';
import { createProvidersService } from '../appointments/providers-service';
import { createServiceRoomsService } from '../appointments/service-rooms-service';
import { createAuditService } from '../auth/audit-service';
import { createAuthService, type ThrottlePolicy } from '../auth/auth-service';
import { createUsersService } from '../auth/users-service';
import { createBlocksService } from '../blocks/blocks-service';
import { createBoardService } from '../board/board-service';
import { createReportsService } from '../reports/reports-service';
import { createCarsService } from '../cars/cars-service';
import { createRentalsService } from '../cars/rentals-service';
import type { CoreDeps } from '../context';
import { createReactions } from '../reactions/reactions';
import { registerReactions } from './reactions';
import { createDeskService } from '../desk/desk-service';
import { createPrintService } from '../print/print-service';
import { createOutboxService } from '../outbox/outbox-service';
import { createBrokerLinks } from '../outbox/transports';
import { createRoomsService } from '../rooms/rooms-service';
import { createNetworkService } from '../settings/network-service';
import { createSettingsService } from '../settings/settings-service';
import { createSeedBookingsService } from '../stays/seed-bookings-service';
import { createStayDeskService } from '../stays/stay-desk-service';
import { createStaysService } from '../stays/stays-service';
import { createStockService } from '../stock/stock-service';

export interface CoreOptions {
  /** Written over the stored settings at start-up (the host's environment, a test's time zone). */
  settings?: Partial<Settings>;
  throttle?: ThrottlePolicy;
  /** This server's name, for the settings kept per server on a database several servers share. */
  server?: string;
}


export async function createServices(deps: CoreDeps, options: CoreOptions = {}) {
  const settings = await createSettingsService(deps, options.settings, { server: options.server });
  const audit = createAuditService(deps, settings);
  const auth = await createAuthService(deps, settings, audit, options.throttle ? { throttle: options.throttle } : {});
  // What one domain does when another changes: the reacting domains register in ./reactions.ts, the changing ones emit.
  const reactions = createReactions();
  const stock = createStockService({ core: deps, settings });
  registerReactions(reactions, { core: deps, settings });
  const stays = createStaysService({ core: deps, settings, audit, reactions });
  const rooms = createRoomsService(deps, settings);
  const providers = createProvidersService(deps, settings);
  const desk = createDeskService(deps, settings, rooms);
  // This server's RabbitMQ link (issue 21): the outbox worker publishes through it, the outbox screen shows its state.
  const brokers = createBrokerLinks({ clock: deps.clock, onChange: () => deps.events.publish({ type: 'outbox.changed' }) });
  return {
    deps,
    health: { status: 'ok' as const, version: packageJson.version, database: deps.db.version },
    settings,
    audit,
    auth,
    users: createUsersService(deps, settings, audit),
    network: createNetworkService(settings, async () => await auth.defaultPasswordPending()),
    outbox: createOutboxService(deps, settings, brokers),
    brokers,
    rooms,
    stays,
    stayDesk: createStayDeskService({ core: deps, settings, audit, reactions }),
    seedBookings: createSeedBookingsService(deps, settings, stays),
    blocks: createBlocksService(deps, settings),
    board: createBoardService(deps, settings),
    serviceRooms: createServiceRoomsService(deps, settings),
    providers,
    appointments: createAppointmentsService(deps, settings, providers),
    cars: createCarsService(deps, settings),
    rentals: createRentalsService(deps, settings),
    stock,
    // the desk's search, worklists and the kiosk's view of free rooms (issue 10)
    desk,
    // the printed lists and the downtime pack (issue 17 §2)
    print: createPrintService(deps, settings, desk),
    // reports and statistics (issue 17 §1)
    reports: createReportsService(deps, settings),
  };
}

export type CoreServices = Awaited<ReturnType<typeof createServices>>;

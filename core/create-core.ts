/**
 * The core: the domains' services over one database (composition/core-services.ts), their handler
 * map (composition/handler-registry.ts), and `call`, the dispatcher IPC and REST both go through (authorized first,
 * then reads as one read and writes through `db.write`, group-committed on SQLite, each with its audit row).
 * `contextFor` turns a bearer token into a caller for every adapter (REST, WebSocket, IPC).
 * Nothing here knows a domain's rules: it only combines.
 */
import type { CommandName } from '../shared/contract/commands';
import type { Settings } from '../shared/contract/settings';
import type { AuditService, AuthService, UsersService } from './auth/auth-types';
import { authorize } from './auth/authorize';
import { createDispatcher, type Dispatch, type DispatchGuard } from './command-dispatcher';
import { anonymousContext, type CallContext, type CoreDeps, type HandledCommandName, type Handlers } from './context';
import { createServices, type CoreOptions, type CoreServices } from './composition/core-services';
import { createHandlers } from './composition/handler-registry';
import type { ListeningStatus } from './settings/network-service';
import { useTzDatabase } from './time/tz-database';

export type { CoreOptions } from './composition/core-services';

export interface Core {
  deps: CoreDeps;
  services: CoreServices;
  /** Unguarded, unaudited, each in no unit of its own: for tests, seeding and benchmarks. */
  handlers: Handlers;
  /** What the adapters call: authorized, then `handlers` as a read or a write, audited. */
  call: Dispatch;
  /** The settings, the stored SMTP password for the outbox's e-mail delivery (never for an answer), the longest stay ever allowed (the reports' CSVs). */
  settings: { get(): Settings; smtpPassword(): string; refresh(): Promise<void>; maxStayMs(): number };
  auth: AuthService;
  users: UsersService;
  audit: AuditService;
  /** The authorization and audit `call` applies (for adapters that stream, such as the CSV routes). */
  guard: DispatchGuard;
  /** Throws 401 / 403 when the caller may not run the command. */
  authorize(name: CommandName, ctx: CallContext): void;
  /** The caller behind a bearer token (401 if it is bad, expired or revoked); anonymous for none. */
  contextFor(token: string | null, meta: { via: CallContext['via']; address?: string }): Promise<CallContext>;
  /** Where the host listens; set by the host (nothing listens for a bare core). */
  setNetworkStatus(provider: () => ListeningStatus): void;
}

/** `stays:checkIn` → `stays`; what the audit log calls the record type. */
function entityOf(name: string): string {
  return name.slice(0, name.indexOf(':'));
}

function idOf(value: unknown): number | string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

export async function createCore(deps: CoreDeps, options: CoreOptions = {}): Promise<Core> {
  // Zone offsets from the tz database, not Intl: ICU would cost the process ~7 MB (core/time/tz-database.ts).
  useTzDatabase();
  const services = await createServices(deps, options);
  const { settings, auth, users, audit } = services;
  const handlers = createHandlers(services);

  const guard: DispatchGuard = {
    authorize: (name, ctx) => authorize(name, ctx, settings.get()),
    audit: (name: HandledCommandName, input, output, ctx) =>
      audit.record(ctx, { action: name, entity: entityOf(name), entityId: idOf(output) ?? idOf(input), detail: input }),
  };
  return {
    deps,
    services,
    handlers,
    call: createDispatcher({ handlers, guard, commitDeps: deps }),
    settings,
    auth,
    users,
    audit,
    guard,
    authorize: guard.authorize,
    contextFor: async (token, meta) => (token === null ? anonymousContext(meta.via, meta.address) : auth.contextForToken(token, meta)),
    setNetworkStatus: (provider) => services.network.setStatusProvider(provider),
  };
}

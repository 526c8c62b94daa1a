/**
 * The one place a caller's right to a command is decided, for REST and IPC alike (the dispatcher
 * calls it before every handler; the REST routes call it before validating the input, so a caller
 * without the right learns nothing about the route's schema). The rules come from the contract:
 *
 * - `roles: 'public'` → anyone, signed in or not.
 * - nobody signed in → 401, unless the command is open by a setting (`openWhen`).
 * - signed in with a default or reset password → only `beforePasswordChange` commands; 403
 *   PASSWORD_CHANGE_REQUIRED for the rest, so a stolen default password opens nothing.
 * - otherwise the caller's role must be listed (403), unless the command is open by a setting.
 *
 * Ownership (a client's own bookings) is decided by the services, which know the records.
 */
import { commands, type CallerRole, type CommandDef, type CommandName } from '../../shared/contract/commands';
import type { Settings } from '../../shared/contract/schemas';
import { AppError } from '../../shared/errors';
import type { CallContext } from '../context';

export const MUST_CHANGE_MESSAGE = 'Change your password first: until then nothing else is allowed.';

/** Whether the command is open to anyone now because of a setting. */
function openBySetting(def: CommandDef, settings: Pick<Settings, 'selfRegistration'>): boolean {
  return def.openWhen === 'selfRegistration' && settings.selfRegistration;
}

export function authorize(name: CommandName, ctx: CallContext, settings: Pick<Settings, 'selfRegistration'>): void {
  const def = commands[name] as CommandDef;
  if (def.roles === 'public') return;
  const role = ctx.actor.role;
  if (role === 'anonymous') {
    if (openBySetting(def, settings)) return;
    throw new AppError('UNAUTHENTICATED', 'Sign in first');
  }
  if (ctx.actor.mustChangePassword && !def.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED', MUST_CHANGE_MESSAGE);
  if ((def.roles as readonly CallerRole[]).includes(role) || openBySetting(def, settings)) return;
  throw new AppError('FORBIDDEN', 'Your role may not do this');
}


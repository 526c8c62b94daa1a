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
 * Fields come next (`authorizeFields`, on the validated input): a command's `deskOnlyFields` (a
 * price, staff notes) are refused with 403 for any caller outside the desk (admin, staff), on every
 * route and over IPC alike. Ownership (a client's own bookings) is decided by the services, which
 * know the records.
 */
import { commands, type CallerRole, type CommandDef, type CommandName } from '../../shared/contract/commands';
import type { Settings } from '../../shared/contract/settings';
import { AppError } from '../../shared/errors';
import { DESK } from '../../shared/contract/roles';
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
    throw new AppError('UNAUTHENTICATED', 'Sign in first', { reason: 'auth.signInFirst' });
  }
  if (ctx.actor.mustChangePassword && !def.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED', MUST_CHANGE_MESSAGE, { reason: 'auth.passwordChangeRequired' });
  if ((def.roles as readonly CallerRole[]).includes(role) || openBySetting(def, settings)) return;
  throw new AppError('FORBIDDEN', 'Your role may not do this', { reason: 'auth.roleForbidden' });
}


/**
 * Refuses (403) a caller outside the desk who sets a field the contract keeps for the desk
 * (`deskOnlyFields`): `A client may not set price`. A field counts as set when the validated input
 * holds it with any value but `undefined` (a `price: 0` is set).
 */
export function authorizeFields(name: CommandName, input: unknown, ctx: CallContext): void {
  const fields = (commands[name] as CommandDef).deskOnlyFields;
  if (!fields || (DESK as readonly CallerRole[]).includes(ctx.actor.role)) return;
  if (typeof input !== 'object' || input === null) return;
  const sent = fields.filter((f) => (input as Record<string, unknown>)[f] !== undefined);
  if (sent.length > 0) {
    throw new AppError('FORBIDDEN', `A ${ctx.actor.role === 'anonymous' ? 'caller who is not signed in' : ctx.actor.role} may not set ${sent.join(' or ')}`, {
      reason: 'auth.fieldsForbidden',
      params: { fields: sent.join(', ') },
    });
  }
}

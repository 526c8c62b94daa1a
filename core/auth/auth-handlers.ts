import type { authCommands } from '../../shared/contract/auth';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function authHandlers({ auth }: CoreServices): HandlersFor<typeof authCommands> {
  return {
    'auth:login': (input, ctx) => auth.login(input, ctx),
    'auth:logout': (_input, ctx) => auth.logout(ctx),
    'auth:me': (_input, ctx) => auth.me(ctx),
    'auth:changePassword': (input, ctx) => auth.changePassword(input, ctx),
  };
}

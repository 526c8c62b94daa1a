import type { authCommands } from '../../shared/contract/auth';
import type { HandlersFor } from '../handler-types';
import type { AuthService } from './auth-types';

export function authHandlers({ auth }: { auth: AuthService }): HandlersFor<typeof authCommands> {
  return {
    'auth:login': (input, ctx) => auth.login(input, ctx),
    'auth:logout': (_input, ctx) => auth.logout(ctx),
    'auth:me': (_input, ctx) => auth.me(ctx),
    'auth:changePassword': (input, ctx) => auth.changePassword(input, ctx),
  };
}

import type { userCommands } from '../../shared/contract/users';
import type { HandlersFor } from '../handler-types';
import type { UsersService } from './auth-types';

export function userHandlers({ users }: { users: UsersService }): HandlersFor<typeof userCommands> {
  return {
    'users:seedList': () => users.seedList(),
    'users:seedCreate': (input, ctx) => users.seedCreate(input, ctx),
    'users:list': () => users.list(),
    'users:create': (input, ctx) => users.create(input, ctx),
    'users:update': (input, ctx) => users.update(input, ctx),
    'users:resetPassword': (input, ctx) => users.resetPassword(input, ctx),
  };
}

/** Admin: the hotel's users and their roles; create, change role, (de)activate, reset a password. */
import { create } from 'zustand';
import type { User } from '../../../shared/contract/auth-schemas';
import type { CommandInput } from '../../../shared/contract/commands';
import { transport } from '../transport/current-transport';
import { loadInto } from '../stores/load-into';
import { changeAndRefresh, refreshWhenLoaded } from '../stores/refresh-after-change';
import { registerSessionReset } from '../stores/session-data';

interface UsersState {
  users: User[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  /** Each action throws the host's refusal (409 name taken, 409 last admin, 400 policy) for the screen to show. */
  create(input: CommandInput<'users:create'>): Promise<User>;
  update(input: CommandInput<'users:update'>): Promise<User>;
  resetPassword(id: number, newPassword: string): Promise<User>;
}

const initial = { users: [] as User[], loaded: false, error: null as unknown };

export const useUsersStore = create<UsersState>((set) => ({
  ...initial,
  load: () => loadInto(set, async () => ({ users: (await transport().invoke('users:list', {})).sort((a, b) => a.username.localeCompare(b.username)) })),
  create(input) {
    return changeAndRefresh(() => transport().invoke('users:create', input), ['users']);
  },
  update(input) {
    return changeAndRefresh(() => transport().invoke('users:update', input), ['users']);
  },
  resetPassword(id, newPassword) {
    return changeAndRefresh(() => transport().invoke('users:resetPassword', { id, newPassword }), ['users']);
  },
}));


declare module '../stores/refresh-after-change' {
  interface RefreshTargets {
    users: true;
  }
}

refreshWhenLoaded('users', useUsersStore);
registerSessionReset(() => useUsersStore.setState(initial));
